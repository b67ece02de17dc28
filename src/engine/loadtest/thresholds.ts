/**
 * The thresholds of a `load_test` requirement against a report's metrics (contracts §1.5, §1.7):
 * `min_*` hold when the value is at least the threshold, `max_*` when it is at most the threshold.
 * A metric a threshold needs but the report lacks fails that threshold.
 */
import type { LoadTestSpec } from '../../model/policy.js';
import { parseDuration } from '../units.js';
import { formatDuration, formatNumber, formatPercent } from './format.js';
import { METRIC_LABELS, type LoadMetrics, type MetricName } from './metrics.js';

export interface ThresholdContext {
  /** The policy's `fleet.clients`. */
  fleetClients: number | null;
  /** The request rate the change implies (fleet.clients × the per-client rate after the change). */
  expectedRps: number | null;
}

export interface ThresholdResult {
  ok: boolean;
  /** One line per failed threshold, saying which and by how much. */
  failures: string[];
  /** The report in one line: `k6: 12,000 VUs, 2,400 req/s, 0.2% errors, p95 310 ms, p99 900 ms, 15m`. */
  summary: string;
}

/** How a metric reads in messages. */
const SHOW: Record<MetricName, (value: number) => string> = {
  peakVus: formatNumber,
  requests: formatNumber,
  rps: (value) => `${formatNumber(value)} req/s`,
  errorRate: formatPercent,
  p95Ms: (value) => `${formatNumber(value)} ms`,
  p99Ms: (value) => `${formatNumber(value)} ms`,
  durationS: formatDuration,
};

/** Where a metric is missing because of what was uploaded, what to upload as well. */
function missingHint(metrics: LoadMetrics, metric: MetricName): string {
  if (metric !== 'peakVus') return '';
  if (metrics.tool === 'artillery' && metrics.format === 'v2-json') {
    return '; Artillery 2 does not record concurrent virtual users, so use min_rps with Artillery';
  }
  const upload = (what: string) => `; upload ${what} too`;
  if (metrics.tool === 'locust' && metrics.format === 'csv') return upload('PREFIX_stats_history.csv');
  if (metrics.tool === 'gatling' && !metrics.format.includes('simulation-log'))
    return upload('the text simulation.log');
  if (metrics.tool === 'jmeter' && !metrics.format.includes('jtl')) return upload('the JTL results file');
  return '';
}

function share(value: number, required: number): string {
  return `${formatPercent(value / required)} of the required`;
}

export function checkThresholds(
  spec: LoadTestSpec,
  metrics: LoadMetrics,
  context: ThresholdContext,
): ThresholdResult {
  const failures: string[] = [];
  /** The measured value, or null after recording that the report lacks it. */
  const measured = (metric: MetricName, threshold: string): number | null => {
    const value = metrics[metric];
    if (value === null) {
      failures.push(
        `report has no ${METRIC_LABELS[metric]} (needed by ${threshold})${missingHint(metrics, metric)}`,
      );
    }
    return value;
  };
  const atLeast = (metric: MetricName, key: string, required: number | undefined) => {
    if (required === undefined) return;
    const value = measured(metric, `${key} ${required}`);
    if (value !== null && value < required) {
      failures.push(
        `${METRIC_LABELS[metric]} ${SHOW[metric](value)} < ${key} ${required} (${share(value, required)})`,
      );
    }
  };
  const atMost = (metric: MetricName, key: string, limit: number | undefined) => {
    if (limit === undefined) return;
    const value = measured(metric, `${key} ${limit}`);
    if (value === null || value <= limit) return;
    const details = [
      ...(metric === 'errorRate' ? [`= ${formatPercent(limit)}`] : []),
      ...(limit > 0 ? [`${formatNumber(value / limit)}× the limit`] : []),
    ];
    const suffix = details.length > 0 ? ` (${details.join('; ')})` : '';
    failures.push(`${METRIC_LABELS[metric]} ${SHOW[metric](value)} > ${key} ${limit}${suffix}`);
  };

  atLeast('peakVus', 'min_vus', spec.min_vus);
  checkFleetFraction(spec, context, failures, measured);
  if (spec.min_rps === 'expected') checkExpectedRps(context, failures, measured);
  else atLeast('rps', 'min_rps', spec.min_rps);
  atMost('errorRate', 'max_error_rate', spec.max_error_rate);
  atMost('p95Ms', 'max_p95_ms', spec.max_p95_ms);
  atMost('p99Ms', 'max_p99_ms', spec.max_p99_ms);
  checkDuration(spec, failures, measured);
  return { ok: failures.length === 0, failures, summary: summarize(metrics) };
}

type Measured = (metric: MetricName, threshold: string) => number | null;

function checkFleetFraction(
  spec: LoadTestSpec,
  context: ThresholdContext,
  failures: string[],
  measured: Measured,
): void {
  const fraction = spec.min_fleet_fraction;
  if (fraction === undefined) return;
  const threshold = `min_fleet_fraction ${fraction}`;
  if (context.fleetClients === null || context.fleetClients <= 0) {
    failures.push(`${threshold} cannot be checked: policy has no fleet.clients`);
    return;
  }
  const vus = measured('peakVus', threshold);
  const required = fraction * context.fleetClients;
  if (vus !== null && vus < required) {
    failures.push(
      `peak VUs ${formatNumber(vus)} = ${formatPercent(vus / context.fleetClients)} of fleet.clients ` +
        `${formatNumber(context.fleetClients)} < ${threshold} (needs ${formatNumber(Math.ceil(required))} VUs; ` +
        `${share(vus, required)})`,
    );
  }
}

function checkExpectedRps(context: ThresholdContext, failures: string[], measured: Measured): void {
  if (context.expectedRps === null) {
    const why = context.fleetClients === null ? ': policy has no fleet.clients' : '';
    failures.push(
      `min_rps: expected cannot be checked: the request rate this change implies is unknown${why}`,
    );
    return;
  }
  const expected = context.expectedRps;
  const rps = measured('rps', 'min_rps: expected');
  if (rps !== null && rps < expected) {
    failures.push(
      `request rate ${formatNumber(rps)} req/s < ${formatNumber(expected)} req/s, the rate this change implies ` +
        `(min_rps: expected; ${share(rps, expected)})`,
    );
  }
}

function checkDuration(spec: LoadTestSpec, failures: string[], measured: Measured): void {
  if (spec.min_duration === undefined) return;
  const threshold = `min_duration ${spec.min_duration}`;
  const required = parseDuration(spec.min_duration);
  if (required === null) {
    failures.push(`min_duration "${spec.min_duration}" is not a duration (write e.g. 10m or 1h30m)`);
    return;
  }
  const seconds = measured('durationS', threshold);
  if (seconds !== null && seconds < required) {
    failures.push(`duration ${formatDuration(seconds)} < ${threshold} (${share(seconds, required)})`);
  }
}

/** `k6: 12,000 VUs, 2,400 req/s, 0.2% errors, p95 310 ms, p99 unknown, 15m`. */
export function summarize(metrics: LoadMetrics): string {
  const known = (value: number | null, show: (value: number) => string, unknown: string) =>
    value === null ? unknown : show(value);
  return `${metrics.tool}: ${[
    known(metrics.peakVus, (vus) => `${formatNumber(vus)} VUs`, 'VUs unknown'),
    known(metrics.rps, SHOW.rps, 'req/s unknown'),
    known(metrics.errorRate, (rate) => `${formatPercent(rate)} errors`, 'errors unknown'),
    `p95 ${known(metrics.p95Ms, SHOW.p95Ms, 'unknown')}`,
    `p99 ${known(metrics.p99Ms, SHOW.p99Ms, 'unknown')}`,
    known(metrics.durationS, formatDuration, 'duration unknown'),
  ].join(', ')}`;
}
