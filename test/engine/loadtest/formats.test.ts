/** Each supported format, read from the project's own minimal fixtures (test/fixtures/loadtest). */
import { readReport } from '../../../src/engine/loadtest/index.js';
import { filesIn, metricsOf, OWN_REPORTS, refusalOf } from './support.js';

const read = (...names: string[]) => metricsOf(filesIn(OWN_REPORTS, ...names));

describe('k6', () => {
  test('--summary-export: vus.max is the peak, vus_max (allocated) is not', () => {
    expect(read('k6/summary-export.json')).toEqual({
      tool: 'k6',
      format: 'summary-export',
      peakVus: 12000,
      requests: 2160000,
      rps: 2400,
      errorRate: 0.002,
      p95Ms: 310,
      p99Ms: 900,
      durationS: 900,
    });
  });

  test('handleSummary JSON: rate values, p(95.0) spelling, testRunDurationMs; its thresholds are ignored', () => {
    expect(read('k6/handle-summary.json')).toEqual({
      tool: 'k6',
      format: 'handle-summary',
      peakVus: 5000,
      requests: 300000,
      rps: 500,
      errorRate: 0.01,
      p95Ms: 200,
      p99Ms: null,
      durationS: 600,
    });
  });

  test('machine-readable summary 1.0 (k6 1.5+, the k6 2 default)', () => {
    expect(read('k6/machine-readable-summary.json')).toEqual({
      tool: 'k6',
      format: 'machine-readable-summary',
      peakVus: 800,
      requests: 60000,
      rps: 500,
      errorRate: 0,
      p95Ms: 42,
      p99Ms: 88,
      durationS: 120,
    });
  });

  test('--out json NDJSON: requests ÷ (last − first point), linear-interpolated percentiles', () => {
    const metrics = read('k6/out.ndjson');
    expect(metrics).toMatchObject({
      format: 'ndjson',
      peakVus: 2,
      requests: 4,
      rps: 2,
      errorRate: 0.25,
      durationS: 2,
    });
    expect(metrics.p95Ms).toBeCloseTo(385, 9);
    expect(metrics.p99Ms).toBeCloseTo(397, 9);
  });

  test('a summary and the NDJSON of one run: the summary is used', () => {
    expect(read('k6/summary-export.json', 'k6/out.ndjson').format).toBe('summary-export');
  });
});

describe('Locust', () => {
  test('--csv set: Aggregated row (quoted names with commas, CRLF), peak User Count and span of the history', () => {
    expect(read('locust/run_stats.csv', 'locust/run_stats_history.csv', 'locust/run_failures.csv')).toEqual({
      tool: 'locust',
      format: 'csv+history',
      peakVus: 1000,
      requests: 150000,
      rps: 500,
      errorRate: 0.001,
      p95Ms: 250,
      p99Ms: 700,
      durationS: 300,
    });
  });

  test('stats CSV alone: no user count; the run length follows from Requests/s', () => {
    expect(read('locust/run_stats.csv')).toMatchObject({ format: 'csv', peakVus: null, durationS: 300 });
  });

  test('--json: entries summed, percentiles from the merged response-time buckets as Locust computes them', () => {
    expect(read('locust/locust.json')).toEqual({
      tool: 'locust',
      format: 'json',
      peakVus: null,
      requests: 200,
      rps: 200 / 20.5,
      errorRate: 0.02,
      p95Ms: 800,
      p99Ms: 1000,
      durationS: 20.5,
    });
  });
});

describe('Artillery', () => {
  test('v2: 5xx and transport errors are failures (404 is not); rate over first/lastMetricAt', () => {
    const metrics = read('artillery/v2-report.json');
    expect(metrics).toMatchObject({ tool: 'artillery', format: 'v2-json', peakVus: null, requests: 6000 });
    expect(metrics).toMatchObject({ rps: 100, p95Ms: 180, p99Ms: 450, durationS: 60 });
    expect(metrics.errorRate).toBeCloseTo(50 / 6000, 12);
  });

  test('v1: rps.count/mean, 5xx + errors, peak intermediate concurrency', () => {
    const metrics = read('artillery/v1-report.json');
    expect(metrics).toMatchObject({
      format: 'v1-json',
      peakVus: 35,
      requests: 1200,
      rps: 10,
      durationS: 120,
    });
    expect(metrics).toMatchObject({ p95Ms: 95, p99Ms: 150 });
    expect(metrics.errorRate).toBeCloseTo(20 / 1200, 12);
  });
});

describe('Gatling', () => {
  const stats = { requests: 1000, rps: 20, errorRate: 0.01, p95Ms: 320, p99Ms: 780, durationS: 50 };

  test('js/global_stats.json: percentiles3/4 and meanNumberOfRequestsPerSecond', () => {
    expect(read('gatling/js/global_stats.json')).toEqual({
      tool: 'gatling',
      format: 'stats-json',
      peakVus: null,
      ...stats,
    });
  });

  test('js/stats.json with numbers written as strings (older Gatling)', () => {
    expect(read('gatling/js/stats.json')).toMatchObject(stats);
  });

  test('text simulation.log (3.5+ layout): peak users from START/END, an END at the same ms first', () => {
    const metrics = read('gatling/simulation.log');
    expect(metrics).toMatchObject({
      format: 'simulation-log',
      peakVus: 3,
      requests: 4,
      rps: 2,
      errorRate: 0.25,
      durationS: 2,
    });
    expect(metrics.p95Ms).toBeCloseTo(885, 9);
  });

  test('text simulation.log (3.0–3.4 layout with user ids)', () => {
    const metrics = read('gatling/3.3/simulation.log');
    expect(metrics).toMatchObject({ peakVus: 2, requests: 3, durationS: 1.5, rps: 2 });
    expect(metrics.errorRate).toBeCloseTo(1 / 3, 12);
  });

  test('the js/ folder with its scripts and the log: the JSON for the stats, the log for the users', () => {
    const files = [
      ...filesIn(
        OWN_REPORTS,
        'gatling/js/global_stats.json',
        'gatling/js/stats.json',
        'gatling/simulation.log',
      ),
      { name: 'gatling/js/stats.js', text: 'var stats = { type: "GROUP" };' },
      { name: 'gatling/index.html', text: '<!DOCTYPE html><html></html>' },
    ];
    expect(metricsOf(files)).toEqual({
      tool: 'gatling',
      format: 'stats-json+simulation-log',
      peakVus: 3,
      ...stats,
    });
  });
});

describe('JMeter', () => {
  const fromJtl = { peakVus: 3, requests: 5, rps: 2, errorRate: 0.4, p95Ms: 500, p99Ms: 500, durationS: 2.5 };

  test('JTL CSV: success=false fails a sample (a 400 with success=true does not), max allThreads', () => {
    expect(read('jmeter/results.jtl')).toEqual({ tool: 'jmeter', format: 'jtl-csv', ...fromJtl });
  });

  test('statistics.json: throughput, errorCount, pct2/pct3', () => {
    expect(read('jmeter/report/statistics.json')).toEqual({
      tool: 'jmeter',
      format: 'statistics-json',
      ...fromJtl,
      peakVus: null,
    });
  });

  test('both together', () => {
    expect(read('jmeter/report/statistics.json', 'jmeter/results.jtl')).toEqual({
      tool: 'jmeter',
      format: 'statistics-json+jtl-csv',
      ...fromJtl,
    });
  });
});

describe('detection', () => {
  test('a byte-order mark does not hide a report', () => {
    const [file] = filesIn(OWN_REPORTS, 'k6/summary-export.json');
    expect(metricsOf([{ ...file, text: `\uFEFF${file.text}` }]).tool).toBe('k6');
  });

  test('an explicit format takes only that tool, and says what it found instead', () => {
    const files = filesIn(OWN_REPORTS, 'k6/summary-export.json');
    expect(readReport(files, 'k6').ok).toBe(true);
    expect(refusalOf(files, 'locust')).toBe(
      'expected a locust report (format: locust), but found k6/summary-export.json: k6 summary-export',
    );
  });

  test('unrelated files beside a report are ignored', () => {
    const files = [
      ...filesIn(OWN_REPORTS, 'k6/summary-export.json', 'bad/eslint-report.json', 'bad/report.html'),
    ];
    expect(metricsOf(files).tool).toBe('k6');
  });

  test('two reports of one kind are two runs, not one piece of evidence', () => {
    const [file] = filesIn(OWN_REPORTS, 'k6/summary-export.json');
    expect(refusalOf([file, { ...file, name: 'again.json' }])).toMatch(
      /^2 k6 reports .*: give riskgate the report of one run$/,
    );
  });
});
