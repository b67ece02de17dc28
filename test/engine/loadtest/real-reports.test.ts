/**
 * Every parser against real reports from public repositories. The expected numbers are the "key
 * values" of ../shared/fixtures/loadtest-reports/SOURCES.md. Skipped when that folder is absent.
 */
import { filesIn, metricsOf, refusalOf, SHARED_REPORTS, sharedReportsPresent } from './support.js';

const describeShared = sharedReportsPresent ? describe : describe.skip;
const read = (...names: string[]) => metricsOf(filesIn(SHARED_REPORTS, ...names));
const refuse = (...names: string[]) => refusalOf(filesIn(SHARED_REPORTS, ...names));

describeShared('k6 reports', () => {
  test('legacy --summary-export: vus.max (not vus_max), http_req_failed value, duration from count ÷ rate', () => {
    const metrics = read('k6/summary-export.legacy.itzaddddd-ticket-reserve.json');
    expect(metrics).toMatchObject({
      tool: 'k6',
      format: 'summary-export',
      peakVus: 97,
      requests: 100,
      p99Ms: null,
    });
    expect(metrics.rps).toBeCloseTo(23.74, 2);
    expect(metrics.errorRate).toBeCloseTo(0.01, 6);
    expect(metrics.p95Ms).toBeCloseTo(4101.81, 2);
    expect(metrics.durationS).toBeCloseTo(4.2, 1);
  });

  test('k6 1.x/2.x --summary-export keeps the legacy shape; its own failed threshold is ignored', () => {
    const metrics = read('k6/summary-export.k6v1.sweet-poision-rate-limiter.heavy.json');
    expect(metrics).toMatchObject({ peakVus: 2961, requests: 752192, p99Ms: null });
    expect(metrics.rps).toBeCloseTo(16704.12, 2);
    expect(metrics.errorRate).toBeCloseTo(171890 / 752192, 6);
    expect(metrics.p95Ms).toBeCloseTo(165.29, 2);
    expect(metrics.durationS).toBeCloseTo(45.0, 1);
  });

  test('custom summaryTrendStats: p99 without p95', () => {
    const metrics = read('k6/summary-export.legacy.p99-no-p95.andreposman-qr-code-generator.json');
    expect(metrics).toMatchObject({ peakVus: 149, requests: 493168, errorRate: 0, p95Ms: null });
    expect(metrics.p99Ms).toBeCloseTo(348.65, 2);
    expect(metrics.rps).toBeCloseTo(4288.1, 1);
    expect(metrics.durationS).toBeCloseTo(115, 0);
  });

  test('a degenerate run (one failed request in 1.6 ms, no vus) is not evidence', () => {
    const reason = refuse('k6/summary-export.legacy.degenerate-all-failed.sirhcc-apiratelimiter.json');
    expect(reason).toMatch(/too short to be evidence/);
  });

  test('handleSummary JSON: metrics with values, state.testRunDurationMs', () => {
    const metrics = read('k6/handle-summary.maribelds-k6rendimiento.json');
    expect(metrics).toMatchObject({ format: 'handle-summary', peakVus: 10, requests: 26148, errorRate: 0 });
    expect(metrics.rps).toBeCloseTo(7.22, 2);
    expect(metrics.p95Ms).toBeCloseTo(434.17, 2);
    expect(metrics.durationS).toBeCloseTo(3620.111, 3);
  });

  test('handleSummary JSON written on one line', () => {
    const metrics = read('k6/handle-summary.compact.md-nur-amin-parabank-k6.json');
    expect(metrics).toMatchObject({ peakVus: 5, requests: 60, errorRate: 0 });
    expect(metrics.p95Ms).toBeCloseTo(343.93, 2);
    expect(metrics.durationS).toBeCloseTo(11.071, 3);
  });

  test('--out json NDJSON: points summed, p95 by linear interpolation matches the summary export', () => {
    const metrics = read('k6/out-json.filtered.itzaddddd-ticket-reserve.ndjson');
    expect(metrics).toMatchObject({ format: 'ndjson', peakVus: 97, requests: 100 });
    expect(metrics.errorRate).toBeCloseTo(0.01, 6);
    expect(metrics.p95Ms).toBeCloseTo(4101.81, 2);
    expect(metrics.rps).toBeCloseTo(100 / metrics.durationS!, 6);
  });

  test('--out json NDJSON with setup-phase points and two scenarios', () => {
    const metrics = read('k6/out-json.kirilly-k6-load-template.ndjson');
    expect(metrics).toMatchObject({ peakVus: 11, requests: 21, errorRate: 0 });
    expect(metrics.durationS).toBeCloseTo(38.2, 1);
  });

  test('the console summary is refused as not machine-readable', () => {
    expect(refuse('k6/stdout-summary.k6v1.sweet-poision-rate-limiter.heavy.txt')).toMatch(/--summary-export/);
  });
});

describeShared('Locust reports', () => {
  const set = (prefix: string) => [
    `${prefix}_stats.csv`,
    `${prefix}_stats_history.csv`,
    `${prefix}_failures.csv`,
  ];

  test('--csv set: Aggregated row, peak User Count and span of the history (CRLF files, exceptions CSV)', () => {
    const prefix = 'locust/veroliut-loadTestRetailDemoStore.results';
    const metrics = read(...set(prefix), `${prefix}_exceptions.csv`);
    expect(metrics).toMatchObject({ tool: 'locust', format: 'csv+history', peakVus: 15000, requests: 37219 });
    expect(metrics).toMatchObject({ p95Ms: 33000, p99Ms: 46000, durationS: 63 });
    expect(metrics.errorRate).toBeCloseTo(1 / 37219, 9);
    expect(metrics.rps).toBeCloseTo(631.3, 1);
  });

  test('final stats win over the lagging history', () => {
    const metrics = read(...set('locust/Bortlesboat-bitcoin-api.results'));
    expect(metrics).toMatchObject({ peakVus: 50, requests: 2210, p95Ms: 8, p99Ms: 2000, durationS: 56 });
    expect(metrics.errorRate).toBeCloseTo(0.727, 3);
    expect(metrics.rps).toBeCloseTo(37.3, 1);
  });

  test('many users, almost every request failed', () => {
    const metrics = read(...set('locust/frankmwito-Performance-Testing-demo.reports'));
    expect(metrics).toMatchObject({
      peakVus: 30000,
      requests: 166370,
      p95Ms: 14000,
      p99Ms: 110000,
      durationS: 436,
    });
    expect(metrics.errorRate).toBeCloseTo(166163 / 166370, 6);
    expect(metrics.rps).toBeCloseTo(381.9, 1);
  });

  test('stats without history: no user count, duration from Requests/s', () => {
    const metrics = read('locust/frankmwito-Performance-Testing-demo.reports_stats.csv');
    expect(metrics).toMatchObject({ format: 'csv', peakVus: null, requests: 166370 });
    expect(metrics.durationS).toBeCloseTo(436, 0);
  });

  test('history without stats is refused with what to upload', () => {
    expect(refuse('locust/Bortlesboat-bitcoin-api.results_stats_history.csv')).toMatch(/_stats\.csv/);
  });

  test('--json output: per-endpoint entries summed, span from start_time to last_request_timestamp', () => {
    const metrics = read('locust/CDLUC3-mrt-locust.json-stdout.extracted-from-sample-md.json');
    expect(metrics).toMatchObject({ format: 'json', peakVus: null, requests: 150, errorRate: 0 });
    expect(metrics.durationS).toBeCloseTo(10.75, 2);
    expect(metrics.rps).toBeCloseTo(150 / 10.75, 1);
  });
});

describeShared('Artillery reports', () => {
  test('v2: rate is requests ÷ (lastMetricAt − firstMetricAt), not rates.http.request_rate', () => {
    const metrics = read('artillery/v2.healthy.ltphuoc-media-scraper.artillery-report.json');
    expect(metrics).toMatchObject({ tool: 'artillery', format: 'v2-json', peakVus: null, requests: 6000 });
    expect(metrics).toMatchObject({ errorRate: 0, p95Ms: 1465.9, p99Ms: 1790.4 });
    expect(metrics.durationS).toBeCloseTo(60.5, 1);
    expect(metrics.rps).toBeCloseTo(99, 0);
  });

  test('v2: 5xx responses are failures even when Artillery counts no failed vusers', () => {
    const metrics = read(
      'artillery/v2.5xx-not-counted-as-failed.KacperKuznik-Lego-API.artillery-results.json',
    );
    expect(metrics).toMatchObject({ requests: 1650, errorRate: 1, p95Ms: 66 });
    expect(metrics.durationS).toBeCloseTo(120, 0);
  });

  test('v2: a healthy run of the same test', () => {
    const metrics = read('artillery/v2.healthy.KacperKuznik-Lego-API.artillery-results-new.json');
    expect(metrics).toMatchObject({ requests: 1650, errorRate: 0, p95Ms: 77.5 });
    expect(metrics.durationS).toBeCloseTo(120, 0);
  });

  test('v2: transport errors (timeouts, resets) are failures', () => {
    const metrics = read(
      'artillery/v2.timeouts-30k-vusers.Akiagari-ua-ssr-benchmarks.artillery-results.json',
    );
    expect(metrics).toMatchObject({ requests: 30000, p95Ms: 9801.2 });
    expect(metrics.errorRate).toBeCloseTo((29519 + 11) / 30000, 6);
    expect(metrics.durationS).toBeCloseTo(40.5, 1);
  });

  test('v1 legacy: latency percentiles, rps.mean, peak intermediate concurrency, ETIMEDOUT as failures', () => {
    const metrics = read('artillery/v1.JailtonJunior94-bank.artillery-report.json');
    expect(metrics).toMatchObject({
      format: 'v1-json',
      peakVus: 90,
      requests: 3217,
      rps: 17.83,
      p95Ms: 126,
      p99Ms: 132.2,
    });
    expect(metrics.errorRate).toBeCloseTo(383 / 3217, 6);
    expect(metrics.durationS).toBeCloseTo(180, 0);
  });
});

describeShared('Gatling reports', () => {
  const openModel = 'gatling/gatling-3.8.3.kata-load-testing.openmodel';
  const oldKo = 'gatling/gatling-3.1.2.gatling_demo.googletest-ko';

  test('3.8 js/ folder + simulation.log: stats from the JSON, peak users from the log', () => {
    const metrics = read(
      `${openModel}/js/global_stats.json`,
      `${openModel}/js/stats.json`,
      `${openModel}/simulation.log`,
    );
    expect(metrics).toMatchObject({
      tool: 'gatling',
      peakVus: 14,
      requests: 360,
      errorRate: 0,
      p95Ms: 398,
      p99Ms: 460,
    });
    expect(metrics.rps).toBeCloseTo(10.588, 3);
    expect(metrics.durationS).toBeCloseTo(34, 0);
  });

  test.each(['js/global_stats.json', 'js/stats.json'])(
    '3.8 %s alone: percentiles3/4, no user count',
    (name) => {
      const metrics = read(`${openModel}/${name}`);
      expect(metrics).toMatchObject({
        format: 'stats-json',
        peakVus: null,
        requests: 360,
        p95Ms: 398,
        p99Ms: 460,
      });
    },
  );

  test('3.8 text simulation.log alone (3.5+ layout)', () => {
    const metrics = read(`${openModel}/simulation.log`);
    expect(metrics).toMatchObject({ format: 'simulation-log', peakVus: 14, requests: 360, errorRate: 0 });
    expect(metrics.durationS).toBeCloseTo(33.8, 1);
    expect(metrics.p95Ms).toBeCloseTo(398, -1);
  });

  test('3.1 report ("Global Information") with KO requests', () => {
    const metrics = read(`${oldKo}/js/global_stats.json`);
    expect(metrics).toMatchObject({ requests: 30, p95Ms: 11482, p99Ms: 11485 });
    expect(metrics.errorRate).toBeCloseTo(20 / 30, 6);
    expect(metrics.rps).toBeCloseTo(2.14, 2);
  });

  test('3.1 simulation.log (USER and REQUEST records with a userId column)', () => {
    const metrics = read(`${oldKo}/simulation.log`);
    expect(metrics).toMatchObject({ peakVus: 10, requests: 30 });
    expect(metrics.errorRate).toBeCloseTo(20 / 30, 6);
    expect(metrics.durationS).toBeCloseTo(14, 0);
  });

  test('the binary simulation.log is refused clearly', () => {
    expect(refuse('gatling/binary-simulation-log/simulation.log')).toMatch(
      /binary simulation\.log.*global_stats\.json/,
    );
  });
});

describeShared('JMeter reports', () => {
  test('JTL + statistics.json: dashboard rate and percentiles, max allThreads from the JTL', () => {
    const metrics = read(
      'jmeter/Jkookie12-load-testing-final/results.jtl',
      'jmeter/Jkookie12-load-testing-final/report/statistics.json',
    );
    expect(metrics).toMatchObject({
      tool: 'jmeter',
      format: 'statistics-json+jtl-csv',
      peakVus: 50,
      requests: 150,
      errorRate: 1,
    });
    expect(metrics.rps).toBeCloseTo(22.44, 2);
    expect(metrics.p95Ms).toBeCloseTo(4444, 0);
    expect(metrics.durationS).toBeCloseTo(6.684, 3);
  });

  test('JTL alone: same numbers as the dashboard (first timeStamp to last timeStamp + elapsed)', () => {
    const metrics = read('jmeter/Jkookie12-load-testing-final/results.jtl');
    expect(metrics).toMatchObject({ format: 'jtl-csv', peakVus: 50, requests: 150, errorRate: 1 });
    expect(metrics.rps).toBeCloseTo(22.44, 2);
    expect(metrics.p95Ms).toBeCloseTo(4444, 0);
  });

  test('success decides failure, not the response code (400 with success=true)', () => {
    const metrics = read(
      'jmeter/Gyeshwanth-sb-mysql-redis-cart/results.jtl',
      'jmeter/Gyeshwanth-sb-mysql-redis-cart/report/statistics.json',
    );
    expect(metrics).toMatchObject({ peakVus: 5, requests: 200, errorRate: 1 / 200 });
    expect(metrics.rps).toBeCloseTo(21.82, 2);
    expect(metrics.p95Ms).toBeCloseTo(225.95, 2);
    expect(metrics.durationS).toBeCloseTo(9.2, 1);
  });

  test('connection refused: quoted messages in the JTL, every sample failed', () => {
    const metrics = read('jmeter/Jevan2004-SteamAppServer/results.jtl');
    expect(metrics).toMatchObject({ peakVus: 5, requests: 10, errorRate: 1 });
  });

  test.each([
    ['report/statistics.json', 26998, 0.336, 223.1, 1030],
    ['reports/html_report/statistics.json', 10461, 0.324, 158.96, 4192.8],
  ])('statistics.json alone (%s): errorPct is a percentage', (name, requests, errorRate, rps, p95) => {
    const metrics = read(`jmeter/Natanaeldlb-blazedemo-performance-test/${name}`);
    expect(metrics).toMatchObject({ format: 'statistics-json', peakVus: null, requests });
    expect(metrics.errorRate).toBeCloseTo(errorRate, 3);
    expect(metrics.rps).toBeCloseTo(rps, 1);
    expect(metrics.p95Ms).toBeCloseTo(p95, 1);
  });
});

describeShared('other tools are refused as unsupported, never read wrongly', () => {
  test.each([
    ['vegeta', 'vegeta/v12.8plus.healthy.nglmq-avito-shop.vegeta_report.json'],
    ['vegeta', 'vegeta/v12.8plus.timeouts-503.khamonsol-ratelimiter.metrics.json'],
    ['vegeta', 'vegeta/pre-v12.6.all-404.edwintcloud-cloudenterprise.metrics.json'],
    ['autocannon', 'autocannon/all-403.dhardestylewis-homecastr.autocannon.json'],
    ['wrk', 'wrk/wrk-latency.StepOne-ai-pvz_avito.wrk.txt'],
  ])('%s: %s', (tool, name) => {
    expect(refuse(name)).toMatch(new RegExp(`${tool} .*unsupported format`));
  });
});

describeShared('a set that mixes tools is refused', () => {
  test('k6 summary with a Locust stats CSV', () => {
    const reason = refuse(
      'k6/summary-export.legacy.itzaddddd-ticket-reserve.json',
      'locust/Bortlesboat-bitcoin-api.results_stats.csv',
    );
    expect(reason).toMatch(/reports of k6 and locust/);
  });

  test('two runs of the same tool', () => {
    const reason = refuse(
      'artillery/v2.healthy.KacperKuznik-Lego-API.artillery-results-new.json',
      'artillery/v1.JailtonJunior94-bank.artillery-report.json',
    );
    expect(reason).toMatch(/2 artillery reports .*one run/);
  });
});
