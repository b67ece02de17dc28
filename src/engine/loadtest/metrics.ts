/** The normalized reading of one load-test report (contracts §1.7). Every metric may be unknown (null). */
export interface LoadMetrics {
  tool: string;
  format: string;
  peakVus: number | null;
  requests: number | null;
  rps: number | null;
  errorRate: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  durationS: number | null;
}

export type ReportReading = { ok: true; metrics: LoadMetrics } | { ok: false; reason: string };

export type MetricName = Exclude<keyof LoadMetrics, 'tool' | 'format'>;

/** How each metric is named in messages, in the order messages list them. */
export const METRIC_LABELS: Record<MetricName, string> = {
  peakVus: 'peak VUs',
  requests: 'requests',
  rps: 'request rate',
  errorRate: 'error rate',
  p95Ms: 'p95',
  p99Ms: 'p99',
  durationS: 'duration',
};

export const METRIC_NAMES = Object.keys(METRIC_LABELS) as MetricName[];

/** A report that cannot be evidence; the message is the reason shown to the user. */
export class ReportError extends Error {}

export function fail(reason: string): never {
  throw new ReportError(reason);
}

export function metricsOf(
  tool: string,
  format: string,
  values: Partial<Record<MetricName, number | null>>,
): LoadMetrics {
  return {
    tool,
    format,
    peakVus: values.peakVus ?? null,
    requests: values.requests ?? null,
    rps: values.rps ?? null,
    errorRate: values.errorRate ?? null,
    p95Ms: values.p95Ms ?? null,
    p99Ms: values.p99Ms ?? null,
    durationS: values.durationS ?? null,
  };
}

/** Combines readings of one run: each metric comes from the first reading that knows it. */
export function mergeMetrics(primary: LoadMetrics, secondary: LoadMetrics): LoadMetrics {
  const merged = { ...primary, format: `${primary.format}+${secondary.format}` };
  for (const name of METRIC_NAMES) merged[name] = primary[name] ?? secondary[name];
  return merged;
}

/** failed ÷ total, unknown when either is unknown or nothing was sent. */
export function ratio(failed: number | null, total: number | null): number | null {
  if (failed === null || total === null || total <= 0) return null;
  return Math.min(failed, total) / total;
}

/** total ÷ seconds, unknown when either is unknown or the span is empty. */
export function perSecond(total: number | null, seconds: number | null): number | null {
  if (total === null || seconds === null || seconds <= 0) return null;
  return total / seconds;
}
