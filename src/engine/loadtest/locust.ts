/**
 * Locust: the `--csv` set (`_stats.csv` with its Aggregated row, `_stats_history.csv` for the user
 * count over time; `_failures.csv` and `_exceptions.csv` are recognized and ignored) and `--json`.
 */
import { columnIndex, firstLine, readTable, requireColumn } from './csv.js';
import { fail, mergeMetrics, metricsOf, perSecond, ratio, type LoadMetrics } from './metrics.js';
import { bucketPercentile } from './percentiles.js';
import { single, where, type Part, type ToolReader } from './reader.js';
import { isRecord, numberAt, readNumber, readTimestamp, TimeSpan } from './values.js';

/** Header spellings across Locust versions (0.x wrote `# requests`, 1.x+ `Request Count`). */
const REQUESTS = ['Request Count', '# requests'];
const FAILURES = ['Failure Count', '# failures'];
const AGGREGATE_ROWS = ['aggregated', 'total'];

function textKind(text: string): string | null {
  const header = firstLine(text).toLowerCase();
  const has = (...names: string[]) => names.every((name) => header.includes(name.toLowerCase()));
  if (has('timestamp', 'user count')) return 'stats-history-csv';
  if (has('name', 'requests/s') && (has(REQUESTS[0]) || has(REQUESTS[1]))) return 'stats-csv';
  if (has('method', 'name', 'error', 'occurrences')) return 'failures-csv';
  if (has('count', 'message', 'traceback')) return 'exceptions-csv';
  return null;
}

function jsonKind(data: unknown): string | null {
  const isEntry = (entry: unknown) => isRecord(entry) && 'num_requests' in entry && 'response_times' in entry;
  return Array.isArray(data) && data.length > 0 && data.every(isEntry) ? 'json' : null;
}

function readStats(part: Part): LoadMetrics {
  const at = where(part);
  const table = readTable(part.text);
  const nameColumn = requireColumn(table, at, 'Name');
  const row = [...table.rows].find((cells) =>
    AGGREGATE_ROWS.includes((cells[nameColumn] ?? '').trim().toLowerCase()),
  );
  if (!row) fail(`${at} has no Aggregated row (an empty or unfinished run)`);
  const cell = (...names: string[]) => {
    const index = columnIndex(table, ...names);
    return index === -1 ? null : readNumber(row[index], `${at}: Aggregated ${names[0]}`);
  };
  const requests = cell(...REQUESTS);
  const rps = cell('Requests/s');
  return metricsOf('locust', 'csv', {
    requests,
    rps,
    errorRate: ratio(cell(...FAILURES), requests),
    p95Ms: cell('95%'),
    p99Ms: cell('99%'),
  });
}

function readHistory(part: Part): LoadMetrics {
  const at = where(part);
  const table = readTable(part.text);
  const timeColumn = requireColumn(table, at, 'Timestamp');
  const usersColumn = requireColumn(table, at, 'User Count');
  const span = new TimeSpan();
  let peakVus: number | null = null;
  let rowNumber = 1;
  for (const cells of table.rows) {
    rowNumber += 1;
    const row = `${at} row ${rowNumber}`;
    span.add(readTimestamp(cells[timeColumn], `${row}: Timestamp`, 1000));
    const users = readNumber(cells[usersColumn], `${row}: User Count`);
    if (users !== null) peakVus = Math.max(peakVus ?? 0, users);
  }
  return metricsOf('locust', 'history', { peakVus, durationS: span.seconds() });
}

function readJson(part: Part): LoadMetrics {
  const at = where(part);
  const span = new TimeSpan();
  const buckets = new Map<number, number>();
  let requests = 0;
  let failures = 0;
  (part.json as Record<string, unknown>[]).forEach((entry, index) => {
    const item = `${at}: entry ${index}`;
    requests += numberAt(entry, ['num_requests'], item) ?? 0;
    failures += numberAt(entry, ['num_failures'], item) ?? 0;
    span.add(
      readTimestamp(entry.start_time, `${item}: start_time`, 1000),
      readTimestamp(entry.last_request_timestamp, `${item}: last_request_timestamp`, 1000),
    );
    const times = isRecord(entry.response_times) ? entry.response_times : {};
    for (const [time, count] of Object.entries(times)) {
      const ms = readNumber(time, `${item}: response time`) ?? 0;
      buckets.set(ms, (buckets.get(ms) ?? 0) + (readNumber(count, `${item}: response_times.${time}`) ?? 0));
    }
  });
  const durationS = span.seconds();
  return metricsOf('locust', 'json', {
    requests,
    rps: perSecond(requests, durationS),
    errorRate: ratio(failures, requests),
    p95Ms: bucketPercentile(buckets, 0.95),
    p99Ms: bucketPercentile(buckets, 0.99),
    durationS,
  });
}

export const locustReader: ToolReader = {
  tool: 'locust',
  jsonKind,
  textKind,
  read(parts) {
    const json = single(parts, 'json');
    if (json) return readJson(json);
    const stats = single(parts, 'stats-csv');
    const history = single(parts, 'stats-history-csv');
    if (!stats) {
      const names = parts.map((part) => part.file.name).join(', ');
      return fail(
        `${names}: a Locust --csv set needs its PREFIX_stats.csv (with PREFIX_stats_history.csv for the user count)`,
      );
    }
    // The history gives the user count and the run's span; the final stats give everything else.
    const metrics = history ? mergeMetrics(readStats(stats), readHistory(history)) : readStats(stats);
    // Locust's Requests/s is requests ÷ (last request − start): the run's length when there is no history.
    return { ...metrics, durationS: metrics.durationS ?? perSecond(metrics.requests, metrics.rps) };
  },
};
