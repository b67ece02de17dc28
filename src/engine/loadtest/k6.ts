/**
 * k6: `--summary-export` JSON (flat metric values), `handleSummary` JSON (metrics with `values`),
 * the machine-readable summary 1.x (`results.metrics` array), and `--out json` NDJSON points.
 */
import { fail, metricsOf, perSecond, ratio, type LoadMetrics } from './metrics.js';
import { linearPercentile } from './percentiles.js';
import { single, where, type Part, type ToolReader } from './reader.js';
import { isRecord, numberAt, readNumber, readTimestamp, TimeSpan, valueAt } from './values.js';

const BUILTIN_METRICS = [
  'http_reqs',
  'http_req_duration',
  'http_req_failed',
  'vus',
  'vus_max',
  'iterations',
  'checks',
];
const SUMMARY_KINDS = ['machine-readable-summary', 'handle-summary', 'summary-export'];

function jsonKind(data: unknown): string | null {
  if (!isRecord(data)) return null;
  if ((data.type === 'Metric' || data.type === 'Point') && typeof data.metric === 'string') return 'ndjson';
  if (typeof data.version === 'string' && Array.isArray(valueAt(data, ['results', 'metrics']))) {
    return 'machine-readable-summary';
  }
  const metrics = data.metrics;
  if (!isRecord(metrics)) return null;
  if (!('root_group' in data) && !BUILTIN_METRICS.some((name) => name in metrics)) return null;
  return Object.values(metrics).some((metric) => isRecord(metric) && isRecord(metric.values))
    ? 'handle-summary'
    : 'summary-export';
}

/** The aggregated values of one metric, whatever the summary's shape. */
function metricValues(part: Part, name: string): Record<string, unknown> {
  const data = part.json;
  if (part.kind === 'summary-export') return recordAt(data, ['metrics', name]);
  if (part.kind === 'handle-summary') return recordAt(data, ['metrics', name, 'values']);
  const list = valueAt(data, ['results', 'metrics']) as unknown[];
  const metric = list.find((entry) => isRecord(entry) && entry.name === name);
  return recordAt(metric, ['values']);
}

function recordAt(data: unknown, path: string[]): Record<string, unknown> {
  const value = valueAt(data, path);
  return isRecord(value) ? value : {};
}

/** A trend percentile by its summary key, `p(95)` (also written `p(95.0)`). */
function trendPercentile(values: Record<string, unknown>, percent: number, at: string): number | null {
  for (const [key, value] of Object.entries(values)) {
    const match = /^p\((\d+(?:\.\d+)?)\)$/.exec(key);
    if (match && Number(match[1]) === percent) return readNumber(value, `${at}.${key}`);
  }
  return null;
}

function runSeconds(part: Part, requests: number | null, rps: number | null): number | null {
  const at = part.file.name;
  if (part.kind === 'handle-summary') {
    const ms = numberAt(part.json, ['state', 'testRunDurationMs'], at);
    if (ms !== null) return ms / 1000;
  }
  if (part.kind === 'machine-readable-summary') {
    const seconds = numberAt(part.json, ['config', 'duration'], at);
    if (seconds !== null) return seconds;
  }
  // k6 computes a counter's rate as count ÷ test run duration.
  return perSecond(requests, rps);
}

function readSummary(part: Part): LoadMetrics {
  const at = where(part);
  const value = (metric: string, key: string) =>
    readNumber(metricValues(part, metric)[key], `${at}: ${metric}.${key}`);
  // k6 lists a metric only when it has samples: a summary without http_reqs made no HTTP request.
  const requests = value('http_reqs', 'count') ?? 0;
  const rps = value('http_reqs', 'rate');
  const passes = value('http_req_failed', 'passes');
  const fails = value('http_req_failed', 'fails');
  // A rate metric's `passes` counts true values: for http_req_failed, the failed requests.
  const errorRate =
    value('http_req_failed', 'rate') ??
    value('http_req_failed', 'value') ??
    (passes !== null && fails !== null ? ratio(passes, passes + fails) : null);
  const durations = metricValues(part, 'http_req_duration');
  return metricsOf('k6', part.kind, {
    peakVus: value('vus', 'max'),
    requests,
    rps,
    errorRate,
    p95Ms: trendPercentile(durations, 95, `${at}: http_req_duration`),
    p99Ms: trendPercentile(durations, 99, `${at}: http_req_duration`),
    durationS: runSeconds(part, requests, rps),
  });
}

function readNdjson(part: Part): LoadMetrics {
  const span = new TimeSpan();
  const durations: number[] = [];
  let peakVus: number | null = null;
  let requests = 0;
  let failedSum = 0;
  let failedCount = 0;
  const lines = part.text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const at = `${part.file.name} line ${index + 1}`;
    const entry = parseLine(line, at);
    if (entry.type !== 'Point') return;
    const value = readNumber(valueAt(entry, ['data', 'value']), `${at}: value`) ?? 0;
    span.add(readTimestamp(valueAt(entry, ['data', 'time']), `${at}: time`, 1));
    if (entry.metric === 'vus') peakVus = Math.max(peakVus ?? 0, value);
    else if (entry.metric === 'http_reqs') requests += value;
    else if (entry.metric === 'http_req_duration') durations.push(value);
    else if (entry.metric === 'http_req_failed') {
      failedSum += value;
      failedCount += 1;
    }
  });
  const durationS = span.seconds();
  return metricsOf('k6', 'ndjson', {
    peakVus,
    requests,
    rps: perSecond(requests, durationS),
    errorRate: failedCount > 0 ? failedSum / failedCount : null,
    p95Ms: linearPercentile(durations, 0.95),
    p99Ms: linearPercentile(durations, 0.99),
    durationS,
  });
}

function parseLine(line: string, at: string): Record<string, unknown> {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    fail(`${at} is not valid JSON (a truncated or corrupt --out json file)`);
  }
  return isRecord(entry) ? entry : fail(`${at} is not a k6 metric or point`);
}

export const k6Reader: ToolReader = {
  tool: 'k6',
  jsonKind,
  textKind: (text) => (jsonKind(parseFirstLine(text)) === 'ndjson' ? 'ndjson' : null),
  read(parts) {
    // A summary and the NDJSON of the same run may come together: the summary is the tool's own account.
    const summary = single(parts, ...SUMMARY_KINDS);
    return summary ? readSummary(summary) : readNdjson(single(parts, 'ndjson') as Part);
  },
};

function parseFirstLine(text: string): unknown {
  const end = text.indexOf('\n');
  try {
    return JSON.parse(end === -1 ? text : text.slice(0, end));
  } catch {
    return null;
  }
}
