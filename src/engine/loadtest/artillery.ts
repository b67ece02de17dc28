/**
 * Artillery: the `run --output` JSON of Artillery 2 (counters/summaries, first/lastMetricAt) and of
 * Artillery 1 (scenariosCreated, latency, rps, codes, errors). Artillery does not judge responses,
 * so a request failed when it got a 5xx status or a transport error (contracts §1.7).
 */
import { metricsOf, perSecond, ratio, type LoadMetrics } from './metrics.js';
import { single, where, type Part, type ToolReader } from './reader.js';
import { isRecord, numberAt, readNumber, valueAt } from './values.js';

function jsonKind(data: unknown): string | null {
  const aggregate = valueAt(data, ['aggregate']);
  if (!isRecord(aggregate)) return null;
  if (isRecord(aggregate.counters) && ('firstMetricAt' in aggregate || 'period' in aggregate))
    return 'v2-json';
  if ('scenariosCreated' in aggregate && isRecord(aggregate.latency)) return 'v1-json';
  return null;
}

/** The sum of the counters whose names match. */
function sumCounters(
  counters: Record<string, unknown>,
  matches: (name: string) => boolean,
  at: string,
): number {
  let sum = 0;
  for (const [name, value] of Object.entries(counters)) {
    if (matches(name)) sum += readNumber(value, `${at}: ${name}`) ?? 0;
  }
  return sum;
}

const isServerErrorCode = (code: string) => /^5\d\d$/.test(code);

function readV2(part: Part): LoadMetrics {
  const at = `${where(part)}: aggregate`;
  const aggregate = valueAt(part.json, ['aggregate']) as Record<string, unknown>;
  const counters = aggregate.counters as Record<string, unknown>;
  const requests = readNumber(counters['http.requests'], `${at}.counters.http.requests`);
  const failed =
    sumCounters(counters, (name) => name.startsWith('http.codes.') && isServerErrorCode(name.slice(11)), at) +
    sumCounters(counters, (name) => name.startsWith('errors.'), at);
  const first = numberAt(aggregate, ['firstMetricAt'], at);
  const last = numberAt(aggregate, ['lastMetricAt'], at);
  const durationS = first !== null && last !== null ? (last - first) / 1000 : null;
  const responseTime = ['summaries', 'http.response_time'];
  return metricsOf('artillery', 'v2-json', {
    // Artillery 2 records arrivals and completions, not how many virtual users were active at once.
    peakVus: null,
    requests,
    // rates.http.request_rate is a mean of window rates, not requests over the run (contracts §1.7).
    rps: perSecond(requests, durationS),
    errorRate: ratio(failed, requests),
    p95Ms: numberAt(aggregate, [...responseTime, 'p95'], at),
    p99Ms: numberAt(aggregate, [...responseTime, 'p99'], at),
    durationS,
  });
}

function readV1(part: Part): LoadMetrics {
  const at = `${where(part)}: aggregate`;
  const aggregate = valueAt(part.json, ['aggregate']) as Record<string, unknown>;
  const codes = isRecord(aggregate.codes) ? aggregate.codes : {};
  const errors = isRecord(aggregate.errors) ? aggregate.errors : {};
  const transportErrors = sumCounters(errors, () => true, `${at}.errors`);
  const completed = numberAt(aggregate, ['requestsCompleted'], at);
  // rps.count counts every request sent, requestsCompleted only those that got a response.
  const requests =
    numberAt(aggregate, ['rps', 'count'], at) ?? (completed === null ? null : completed + transportErrors);
  // Artillery 1's rps.mean is requests ÷ (last − first request time).
  const rps = numberAt(aggregate, ['rps', 'mean'], at);
  const failed = sumCounters(codes, isServerErrorCode, `${at}.codes`) + transportErrors;
  return metricsOf('artillery', 'v1-json', {
    peakVus: peakConcurrency(part),
    requests,
    rps,
    errorRate: ratio(failed, requests),
    p95Ms: numberAt(aggregate, ['latency', 'p95'], at),
    p99Ms: numberAt(aggregate, ['latency', 'p99'], at),
    durationS: perSecond(requests, rps),
  });
}

function peakConcurrency(part: Part): number | null {
  const intermediate = valueAt(part.json, ['intermediate']);
  if (!Array.isArray(intermediate)) return null;
  let peak: number | null = null;
  intermediate.forEach((report, index) => {
    const concurrency = numberAt(report, ['concurrency'], `${where(part)}: intermediate ${index}`);
    if (concurrency !== null) peak = Math.max(peak ?? 0, concurrency);
  });
  return peak;
}

export const artilleryReader: ToolReader = {
  tool: 'artillery',
  jsonKind,
  textKind: () => null,
  read(parts) {
    const report = single(parts, 'v2-json', 'v1-json') as Part;
    return report.kind === 'v2-json' ? readV2(report) : readV1(report);
  },
};
