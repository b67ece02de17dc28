/** Reports that cannot be evidence are refused with a reason the user can act on — never read as met. */
import { MAX_REPORT_SIZE, readReport } from '../../../src/engine/loadtest/index.js';
import { filesIn, OWN_REPORTS, refusalOf } from './support.js';

const refuse = (...names: string[]) => refusalOf(filesIn(OWN_REPORTS, ...names));

test.each([
  ['bad/truncated-summary.json', /^bad\/truncated-summary\.json is not valid JSON \(truncated or corrupt\)/],
  ['bad/nan-summary.json', /^bad\/nan-summary\.json is not valid JSON: it contains NaN/],
  [
    'bad/eslint-report.json',
    /^bad\/eslint-report\.json is JSON, but not a k6, Locust, Artillery, Gatling or JMeter report$/,
  ],
  ['bad/report.html', /is not a k6, Locust, Artillery, Gatling or JMeter report$/],
  ['bad/empty.csv', /^bad\/empty\.csv is empty$/],
  ['bad/empty_stats.csv', /has no Aggregated row/],
  ['bad/nan_stats.csv', /Aggregated Requests\/s is "NaN", not a number$/],
  ['bad/truncated.ndjson', /line 16 is not valid JSON \(a truncated or corrupt --out json file\)$/],
  ['bad/negative-summary.json', /gives request rate -50, not a valid value$/],
  [
    'bad/no-requests-summary.json',
    /^k6 summary-export report has no requests: it is not evidence of a load test$/,
  ],
  ['bad/results.xml', /JMeter XML results file, an unsupported format: save results as CSV/],
  ['bad/results-no-header.jtl', /without its header row/],
])('%s', (name, reason) => {
  expect(refuse(name)).toMatch(reason);
});

test('no files at all', () => {
  expect(refusalOf([])).toBe('no report files');
});

test('a binary file', () => {
  expect(refusalOf([{ name: 'report.png', text: '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' }])).toBe(
    'report.png is a binary file, not a load-test report',
  );
});

test('a report over the size limit is refused before it is parsed', () => {
  const huge = { name: 'summary.json', text: `{"metrics":{},"pad":"${'x'.repeat(MAX_REPORT_SIZE)}"}` };
  expect(refusalOf([huge])).toBe("the report is 50 MB, over riskgate's limit of 50 MB");
});

test('several unusable files: the specific reasons come first', () => {
  const reason = refusalOf(
    filesIn(OWN_REPORTS, 'bad/report.html', 'bad/truncated-summary.json', 'bad/empty.csv'),
  );
  expect(reason).toMatch(
    /^no load-test report among 3 files: bad\/truncated-summary\.json is not valid JSON/,
  );
  expect(reason).toMatch(/bad\/empty\.csv is empty \(and 1 other file with no report\)$/);
});

test('a Locust failures CSV alone says which files to upload', () => {
  expect(refusalOf(filesIn(OWN_REPORTS, 'locust/run_failures.csv'))).toMatch(/needs its PREFIX_stats\.csv/);
});

test('a run shorter than a second is not evidence', () => {
  const text = JSON.stringify({ metrics: { http_reqs: { count: 5, rate: 10 }, vus: { max: 5 } } });
  expect(refusalOf([{ name: 'summary.json', text }])).toBe(
    'k6 summary-export report: the run lasted 500ms, too short to be evidence of a load test',
  );
});

test('an explicit format with an unreadable file gives the file reason', () => {
  const reading = readReport(filesIn(OWN_REPORTS, 'bad/empty.csv'), 'locust');
  expect(reading).toEqual({ ok: false, reason: 'bad/empty.csv is empty' });
});
