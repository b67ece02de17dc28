/**
 * JMeter: the CSV results file (JTL, with its header row) and the HTML dashboard's `statistics.json`.
 * JMeter judges each sample (`success`), and its dashboard percentiles use Commons Math's estimate.
 */
import { columnIndex, firstLine, readTable, requireColumn } from './csv.js';
import { fail, mergeMetrics, metricsOf, perSecond, ratio, type LoadMetrics } from './metrics.js';
import { jmeterPercentile } from './percentiles.js';
import { single, where, type Part, type ToolReader } from './reader.js';
import { isRecord, numberAt, readNumber, readTimestamp, TimeSpan } from './values.js';

function jsonKind(data: unknown): string | null {
  return isRecord(data) && isRecord(data.Total) && 'sampleCount' in data.Total ? 'statistics-json' : null;
}

function textKind(text: string): string | null {
  const header = firstLine(text).toLowerCase().split(',');
  return header.includes('timestamp') && header.includes('elapsed') ? 'jtl-csv' : null;
}

function readStatistics(part: Part): LoadMetrics {
  const at = `${where(part)}: Total`;
  const total = (part.json as Record<string, unknown>).Total;
  const value = (name: string) => numberAt(total, [name], at);
  const requests = value('sampleCount');
  const rps = value('throughput');
  const errorPct = value('errorPct');
  return metricsOf('jmeter', 'statistics-json', {
    requests,
    rps,
    // errorPct is a percentage (33.6 = 33.6 %).
    errorRate: ratio(value('errorCount'), requests) ?? (errorPct === null ? null : errorPct / 100),
    // pct2/pct3 are the dashboard's default 95th and 99th percentiles.
    p95Ms: value('pct2ResTime'),
    p99Ms: value('pct3ResTime'),
    durationS: perSecond(requests, rps),
  });
}

function readJtl(part: Part): LoadMetrics {
  const at = where(part);
  const table = readTable(part.text);
  const time = requireColumn(table, at, 'timeStamp');
  const elapsed = requireColumn(table, at, 'elapsed');
  const success = columnIndex(table, 'success');
  const threads = columnIndex(table, 'allThreads');
  const span = new TimeSpan();
  const responseTimes: number[] = [];
  let failed = 0;
  let peakVus: number | null = null;
  let rowNumber = 1;
  for (const cells of table.rows) {
    rowNumber += 1;
    const row = `${at} row ${rowNumber}`;
    const start = readTimestamp(cells[time], `${row}: timeStamp`, 1);
    const took = readNumber(cells[elapsed], `${row}: elapsed`) ?? 0;
    span.add(start, start === null ? null : start + took);
    responseTimes.push(took);
    if (success !== -1 && (cells[success] ?? '').trim().toLowerCase() === 'false') failed += 1;
    const active = threads === -1 ? null : readNumber(cells[threads], `${row}: allThreads`);
    if (active !== null) peakVus = Math.max(peakVus ?? 0, active);
  }
  const requests = responseTimes.length;
  const durationS = span.seconds();
  return metricsOf('jmeter', 'jtl-csv', {
    peakVus,
    requests,
    rps: perSecond(requests, durationS),
    errorRate: success === -1 ? null : ratio(failed, requests),
    p95Ms: jmeterPercentile(responseTimes, 0.95),
    p99Ms: jmeterPercentile(responseTimes, 0.99),
    durationS,
  });
}

export const jmeterReader: ToolReader = {
  tool: 'jmeter',
  jsonKind,
  textKind,
  read(parts) {
    const statistics = single(parts, 'statistics-json');
    const jtl = single(parts, 'jtl-csv');
    if (statistics && jtl) return mergeMetrics(readStatistics(statistics), readJtl(jtl));
    if (statistics) return readStatistics(statistics);
    return jtl ? readJtl(jtl) : fail('no JMeter report among the files');
  },
};
