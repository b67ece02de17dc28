/** Whatever a CI job uploads, reading it never throws, and an accepted reading holds only valid numbers. */
import fc from 'fast-check';
import { checkThresholds, readReport, type LoadMetrics } from '../../../src/engine/loadtest/index.js';
import type { ReportFormat } from '../../../src/model/policy.js';
import type { ReportFile } from '../../../src/model/snapshot.js';
import { filesIn, OWN_REPORTS } from './support.js';

const formats = fc.constantFrom<ReportFormat>('auto', 'k6', 'locust', 'artillery', 'gatling', 'jmeter');
const names = fc.constantFrom(
  'summary.json',
  'results.jtl',
  'run_stats.csv',
  'run_stats_history.csv',
  'simulation.log',
  'x',
);

/** Report-shaped JSON whose values are arbitrary, so every reader meets every kind of wrong value. */
const shapes = [
  (value: unknown) => ({ metrics: { http_reqs: { count: value, rate: value }, vus: { max: value } } }),
  (value: unknown) => ({
    state: { testRunDurationMs: value },
    metrics: { http_req_duration: { values: value } },
  }),
  (value: unknown) => ({ version: '1.0.0', config: { duration: value }, results: { metrics: [value] } }),
  (value: unknown) => [{ num_requests: value, response_times: value, start_time: value }],
  (value: unknown) => ({ aggregate: { counters: value, firstMetricAt: value, summaries: value } }),
  (value: unknown) => ({ aggregate: { scenariosCreated: 1, latency: {}, rps: value, intermediate: value } }),
  (value: unknown) => ({
    numberOfRequests: value,
    meanNumberOfRequestsPerSecond: value,
    percentiles3: value,
  }),
  (value: unknown) => ({ type: 'GROUP', stats: { numberOfRequests: value } }),
  (value: unknown) => ({ Total: { sampleCount: value, throughput: value, errorPct: value } }),
];
const shapedJson = fc
  .tuple(fc.nat(shapes.length - 1), fc.jsonValue({ maxDepth: 3 }))
  .map(([shape, value]) => JSON.stringify(shapes[shape](value)));

const headers = [
  'Type,Name,Request Count,Failure Count,Requests/s,95%,99%',
  'Timestamp,User Count,Type,Name',
  'timeStamp,elapsed,label,success,allThreads',
  'RUN\tsim\tid\t1\t \t3.9.5',
];
const csvCell = fc.oneof(
  fc.constantFrom('Aggregated', 'NaN', 'N/A', '', '-1', '1e308', 'true', 'false', 'START', 'END', 'OK', 'KO'),
  fc.string({ maxLength: 6 }),
  fc.integer().map(String),
);
const shapedText = fc
  .tuple(
    fc.constantFrom(...headers),
    fc.array(fc.array(csvCell, { maxLength: 8 }), { maxLength: 6 }),
    fc.constantFrom(',', '\t'),
  )
  .map(([header, rows, separator]) => [header, ...rows.map((row) => row.join(separator))].join('\r\n'));

const fixtureTexts = filesIn(
  OWN_REPORTS,
  'k6/summary-export.json',
  'k6/out.ndjson',
  'locust/run_stats.csv',
  'jmeter/results.jtl',
  'gatling/simulation.log',
  'artillery/v1-report.json',
).map((file) => file.text);
/** A real report cut short or with a stretch replaced. */
const damagedFixture = fc
  .tuple(fc.constantFrom(...fixtureTexts), fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 20 }))
  .map(([text, at, length, insert]) => {
    const start = at % (text.length + 1);
    return text.slice(0, start) + insert + text.slice(start + (length % 50));
  });

const texts = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), shapedJson, shapedText, damagedFixture);
const files = fc.array(fc.record({ name: names, text: texts }), { minLength: 1, maxLength: 3 });

function assertValid(metrics: LoadMetrics): void {
  for (const [name, value] of Object.entries(metrics)) {
    if (typeof value === 'number')
      expect({ name, valid: Number.isFinite(value) && value >= 0 }).toEqual({ name, valid: true });
  }
  if (metrics.errorRate !== null) expect(metrics.errorRate).toBeLessThanOrEqual(1);
}

test('readReport never throws, refuses only for a reason of its own, and accepts only valid numbers', () => {
  fc.assert(
    fc.property(files, formats, (reportFiles: ReportFile[], format) => {
      const reading = readReport(reportFiles, format);
      if (!reading.ok) {
        expect(reading.reason).not.toMatch(/^the report could not be read/);
        return;
      }
      assertValid(reading.metrics);
      const spec = {
        min_vus: 1,
        min_fleet_fraction: 0.5,
        min_rps: 'expected' as const,
        max_error_rate: 0,
        max_p95_ms: 1,
        max_p99_ms: 1,
        min_duration: '1s',
      };
      expect(() =>
        checkThresholds(spec, reading.metrics, { fleetClients: 10, expectedRps: 1 }),
      ).not.toThrow();
    }),
    { numRuns: 3000 },
  );
});
