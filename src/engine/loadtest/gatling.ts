/**
 * Gatling: the HTML report's `js/global_stats.json` / `js/stats.json`, and the text `simulation.log`
 * (tab-separated RUN/USER/REQUEST records; the layout changed across versions, so fields are found by
 * what they hold, not by position). The binary log of Gatling 3.13+ is refused in `unsupported.ts`.
 */
import { mergeMetrics, metricsOf, perSecond, ratio, type LoadMetrics } from './metrics.js';
import { linearPercentile } from './percentiles.js';
import { single, where, type Part, type ToolReader } from './reader.js';
import { isRecord, numberAt, TimeSpan } from './values.js';

const RECORD = /^(RUN|USER|REQUEST|GROUP|ERROR|ASSERTION)\t/;
const EPOCH_MS = /^\d{10,}$/;

function jsonKind(data: unknown): string | null {
  if (!isRecord(data)) return null;
  if (isRecord(data.numberOfRequests) && 'meanNumberOfRequestsPerSecond' in data) return 'global-stats-json';
  if (data.type === 'GROUP' && isRecord(data.stats) && isRecord(data.stats.numberOfRequests))
    return 'stats-json';
  return null;
}

function textKind(text: string): string | null {
  return RECORD.test(text) ? 'simulation-log' : null;
}

function readStats(part: Part): LoadMetrics {
  const at = where(part);
  const stats = part.kind === 'stats-json' ? (part.json as Record<string, unknown>).stats : part.json;
  const total = (name: string) => numberAt(stats, [name, 'total'], at);
  const requests = total('numberOfRequests');
  const rps = total('meanNumberOfRequestsPerSecond');
  return metricsOf('gatling', 'stats-json', {
    requests,
    rps,
    errorRate: ratio(numberAt(stats, ['numberOfRequests', 'ko'], at), requests),
    // percentiles3/4 are Gatling's default 95th and 99th percentiles.
    p95Ms: total('percentiles3'),
    p99Ms: total('percentiles4'),
    durationS: perSecond(requests, rps),
  });
}

/** The epoch-ms timestamps that directly precede field `index` (a record's start … end). */
function timestampsBefore(fields: string[], index: number): number[] {
  const times: number[] = [];
  for (let at = index - 1; at >= 0 && EPOCH_MS.test(fields[at]); at -= 1) times.unshift(Number(fields[at]));
  return times;
}

function readLog(part: Part): LoadMetrics {
  const userEvents: { time: number; change: number }[] = [];
  const responseTimes: number[] = [];
  const span = new TimeSpan();
  let failed = 0;
  for (const line of part.text.split(/\r?\n/)) {
    const fields = line.split('\t');
    if (fields[0] === 'USER') {
      const marker = fields.findIndex((field, index) => index >= 2 && (field === 'START' || field === 'END'));
      const times = fields
        .slice(marker + 1)
        .filter((field) => EPOCH_MS.test(field))
        .map(Number);
      if (marker === -1 || times.length === 0) continue;
      const start = fields[marker] === 'START';
      userEvents.push({ time: start ? times[0] : times[times.length - 1], change: start ? 1 : -1 });
    } else if (fields[0] === 'REQUEST') {
      const status = fields.findIndex((field, index) => index >= 3 && (field === 'OK' || field === 'KO'));
      const times = status === -1 ? [] : timestampsBefore(fields, status);
      if (times.length < 2) continue;
      const [start, end] = [times[0], times[times.length - 1]];
      span.add(start, end);
      responseTimes.push(end - start);
      if (fields[status] === 'KO') failed += 1;
    }
  }
  const durationS = span.seconds();
  const requests = responseTimes.length;
  return metricsOf('gatling', 'simulation-log', {
    peakVus: peakConcurrency(userEvents),
    requests,
    rps: perSecond(requests, durationS),
    errorRate: ratio(failed, requests),
    p95Ms: linearPercentile(responseTimes, 0.95),
    p99Ms: linearPercentile(responseTimes, 0.99),
    durationS,
  });
}

/** The most users between START and END at once; an END at the same millisecond counts first. */
function peakConcurrency(events: { time: number; change: number }[]): number | null {
  if (events.length === 0) return null;
  let active = 0;
  let peak = 0;
  for (const event of [...events].sort((a, b) => a.time - b.time || a.change - b.change)) {
    active += event.change;
    peak = Math.max(peak, active);
  }
  return peak;
}

export const gatlingReader: ToolReader = {
  tool: 'gatling',
  jsonKind,
  textKind,
  read(parts) {
    const stats = single(parts, 'global-stats-json') ?? single(parts, 'stats-json');
    const log = single(parts, 'simulation-log');
    if (stats && log) return mergeMetrics(readStats(stats), readLog(log));
    return stats ? readStats(stats) : readLog(log as Part);
  },
};
