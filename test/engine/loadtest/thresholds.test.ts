import { checkThresholds, type LoadMetrics } from '../../../src/engine/loadtest/index.js';
import { formatDuration } from '../../../src/engine/loadtest/format.js';

/** The outage's scale test: 100 bots against a fleet of 200,000 clients. */
const scaleTest: LoadMetrics = {
  tool: 'k6',
  format: 'summary-export',
  peakVus: 100,
  requests: 90000,
  rps: 150,
  errorRate: 0.2285,
  p95Ms: 4101.81,
  p99Ms: null,
  durationS: 600,
};

const realistic: LoadMetrics = {
  ...scaleTest,
  peakVus: 12000,
  rps: 2400,
  errorRate: 0.002,
  p95Ms: 310,
  p99Ms: 900,
  durationS: 900,
};
const fleet = { fleetClients: 200000, expectedRps: 40000 };

describe('each threshold, at, above and below its bound', () => {
  test('every threshold holds on a realistic run; bounds are inclusive', () => {
    const spec = {
      min_vus: 12000,
      min_fleet_fraction: 0.06,
      min_rps: 2400,
      max_error_rate: 0.002,
      max_p95_ms: 310,
      max_p99_ms: 900,
      min_duration: '15m',
    };
    expect(checkThresholds(spec, realistic, fleet)).toEqual({
      ok: true,
      failures: [],
      summary: 'k6: 12,000 VUs, 2,400 req/s, 0.2% errors, p95 310 ms, p99 900 ms, 15m',
    });
  });

  test('min_vus says by how much', () => {
    expect(checkThresholds({ min_vus: 10000 }, scaleTest, fleet).failures).toEqual([
      'peak VUs 100 < min_vus 10000 (1% of the required)',
    ]);
  });

  test('min_fleet_fraction compares peak VUs with fleet.clients', () => {
    expect(checkThresholds({ min_fleet_fraction: 0.05 }, scaleTest, fleet).failures).toEqual([
      'peak VUs 100 = 0.05% of fleet.clients 200,000 < min_fleet_fraction 0.05 (needs 10,000 VUs; 1% of the required)',
    ]);
    expect(checkThresholds({ min_fleet_fraction: 0.05 }, realistic, fleet).ok).toBe(true);
  });

  test('min_fleet_fraction without fleet.clients fails', () => {
    expect(
      checkThresholds({ min_fleet_fraction: 0.05 }, realistic, { fleetClients: null, expectedRps: null })
        .failures,
    ).toEqual(['min_fleet_fraction 0.05 cannot be checked: policy has no fleet.clients']);
  });

  test('min_rps as a number', () => {
    expect(checkThresholds({ min_rps: 2000 }, scaleTest, fleet).failures).toEqual([
      'request rate 150 req/s < min_rps 2000 (7.5% of the required)',
    ]);
  });

  test('min_rps: expected — a test at 100 bots cannot satisfy a change that touches 200,000 clients', () => {
    const result = checkThresholds({ min_rps: 'expected' }, scaleTest, fleet);
    expect(result.failures).toEqual([
      'request rate 150 req/s < 40,000 req/s, the rate this change implies (min_rps: expected; 0.375% of the required)',
    ]);
    expect(checkThresholds({ min_rps: 'expected' }, { ...realistic, rps: 41000 }, fleet).ok).toBe(true);
  });

  test('min_rps: expected with no expected rate fails, and says why when the fleet is missing', () => {
    expect(
      checkThresholds({ min_rps: 'expected' }, realistic, { fleetClients: 200000, expectedRps: null })
        .failures,
    ).toEqual(['min_rps: expected cannot be checked: the request rate this change implies is unknown']);
    expect(
      checkThresholds({ min_rps: 'expected' }, realistic, { fleetClients: null, expectedRps: null }).failures,
    ).toEqual([
      'min_rps: expected cannot be checked: the request rate this change implies is unknown: policy has no fleet.clients',
    ]);
  });

  test('max_error_rate is a fraction, shown as a percentage', () => {
    expect(checkThresholds({ max_error_rate: 0.01 }, scaleTest, fleet).failures).toEqual([
      'error rate 22.85% > max_error_rate 0.01 (= 1%; 22.85× the limit)',
    ]);
  });

  test('max_p95_ms and max_p99_ms', () => {
    expect(
      checkThresholds(
        { max_p95_ms: 500, max_p99_ms: 800 },
        { ...realistic, p95Ms: 4101.81, p99Ms: 900 },
        fleet,
      ).failures,
    ).toEqual([
      'p95 4,102 ms > max_p95_ms 500 (8.204× the limit)',
      'p99 900 ms > max_p99_ms 800 (1.125× the limit)',
    ]);
  });

  test('min_duration is a duration string', () => {
    expect(checkThresholds({ min_duration: '1h' }, scaleTest, fleet).failures).toEqual([
      'duration 10m < min_duration 1h (16.67% of the required)',
    ]);
    expect(checkThresholds({ min_duration: 'PT10M' }, scaleTest, fleet).ok).toBe(true);
    expect(checkThresholds({ min_duration: 'ten minutes' }, scaleTest, fleet).failures).toEqual([
      'min_duration "ten minutes" is not a duration (write e.g. 10m or 1h30m)',
    ]);
  });
});

describe('a metric the report lacks fails the threshold that needs it', () => {
  test('report has no p99', () => {
    expect(checkThresholds({ max_p99_ms: 1500 }, scaleTest, fleet).failures).toEqual([
      'report has no p99 (needed by max_p99_ms 1500)',
    ]);
  });

  test('metrics no threshold needs may be unknown', () => {
    expect(checkThresholds({ min_vus: 50 }, { ...scaleTest, rps: null, durationS: null }, fleet).ok).toBe(
      true,
    );
  });

  test('Artillery 2 records no concurrent users: the failure says what to use instead', () => {
    const artillery = { ...realistic, tool: 'artillery', format: 'v2-json', peakVus: null };
    expect(checkThresholds({ min_vus: 100 }, artillery, fleet).failures).toEqual([
      'report has no peak VUs (needed by min_vus 100); Artillery 2 does not record concurrent virtual users, so use min_rps with Artillery',
    ]);
  });

  test.each([
    ['locust', 'csv', 'upload PREFIX_stats_history.csv too'],
    ['gatling', 'stats-json', 'upload the text simulation.log too'],
    ['jmeter', 'statistics-json', 'upload the JTL results file too'],
  ])('%s %s without the file that carries the user count', (tool, format, hint) => {
    const metrics = { ...realistic, tool, format, peakVus: null };
    expect(checkThresholds({ min_fleet_fraction: 0.01 }, metrics, fleet).failures).toEqual([
      `report has no peak VUs (needed by min_fleet_fraction 0.01); ${hint}`,
    ]);
  });

  test('the summary names unknown metrics as unknown', () => {
    const unknown = {
      ...scaleTest,
      tool: 'artillery',
      peakVus: null,
      rps: null,
      errorRate: null,
      p95Ms: null,
      durationS: null,
    };
    expect(checkThresholds({}, unknown, fleet).summary).toBe(
      'artillery: VUs unknown, req/s unknown, errors unknown, p95 unknown, p99 unknown, duration unknown',
    );
  });
});

test.each([
  [0.0016, '1.6ms'],
  [4.2125926, '4.213s'],
  [59.9, '59.9s'],
  [115, '1m55s'],
  [900, '15m'],
  [3600, '1h'],
  [3620.111, '1h0m20s'],
  [3660, '1h1m'],
])('formatDuration(%s) = %s', (seconds, text) => {
  expect(formatDuration(seconds)).toBe(text);
});
