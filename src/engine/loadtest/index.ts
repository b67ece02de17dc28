/**
 * Load-test evidence (contracts §1.5, §1.7): read a report of k6, Locust, Artillery, Gatling or JMeter
 * into one set of metrics, and check a `load_test` requirement's thresholds against them.
 * Pure: text in, data out.
 */
import type { ReportFormat } from '../../model/policy.js';
import type { ReportFile } from '../../model/snapshot.js';
import { classify, READERS, type Classified } from './detect.js';
import { formatDuration, formatNumber } from './format.js';
import {
  fail,
  METRIC_LABELS,
  METRIC_NAMES,
  ReportError,
  type LoadMetrics,
  type ReportReading,
} from './metrics.js';
import type { Part, ToolReader } from './reader.js';

export type { LoadMetrics, ReportReading } from './metrics.js';
export { checkThresholds, summarize, type ThresholdContext, type ThresholdResult } from './thresholds.js';

/** The largest report riskgate reads, in characters of text (≈ bytes: reports are ASCII). */
export const MAX_REPORT_SIZE = 50 * 1024 * 1024;

/** A run shorter than this is not a load test, whatever it measured. */
export const MIN_RUN_SECONDS = 1;

/**
 * Reads one report: a single file, or the files of one run (Locust stats + history CSVs, Gatling
 * js/ folder + simulation.log, JMeter JTL + statistics.json). Never throws: a report that cannot be
 * evidence gives `ok: false` with the reason.
 */
export function readReport(files: ReportFile[], format: ReportFormat): ReportReading {
  try {
    return { ok: true, metrics: checked(readFiles(files, format)) };
  } catch (error) {
    if (error instanceof ReportError) return { ok: false, reason: error.message };
    return {
      ok: false,
      reason: `the report could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function readFiles(files: ReportFile[], format: ReportFormat): LoadMetrics {
  if (files.length === 0) fail('no report files');
  const size = files.reduce((total, file) => total + file.text.length, 0);
  if (size > MAX_REPORT_SIZE) {
    fail(
      `the report is ${formatNumber(size / 2 ** 20)} MB, over riskgate's limit of ${MAX_REPORT_SIZE / 2 ** 20} MB`,
    );
  }
  const classified = files.map(classify);
  const parts = classified.flatMap((entry) => ('part' in entry ? [entry.part] : []));
  const wanted = parts.filter((part) => format === 'auto' || part.tool === format);
  if (wanted.length === 0) fail(noReportReason(classified, parts, format));
  const tools = [...new Set(wanted.map((part) => part.tool))];
  if (tools.length > 1) {
    fail(
      `the files hold reports of ${tools.join(' and ')} (${describe(wanted)}): give riskgate the report of one run`,
    );
  }
  const reader = READERS.find((candidate) => candidate.tool === tools[0]) as ToolReader;
  return reader.read(wanted);
}

function describe(parts: Part[]): string {
  return parts.map((part) => `${part.file.name}: ${part.tool} ${part.kind}`).join('; ');
}

function noReportReason(classified: Classified[], parts: Part[], format: ReportFormat): string {
  if (parts.length > 0) {
    const article = format === 'artillery' ? 'an' : 'a';
    return `expected ${article} ${format} report (format: ${format}), but found ${describe(parts)}`;
  }
  const refusals = classified.flatMap((entry) => ('reason' in entry ? [entry] : []));
  if (refusals.length === 1) return `${refusals[0].file.name} ${refusals[0].reason}`;
  const known = refusals.filter((entry) => entry.known);
  const listed = (known.length > 0 ? known : refusals).slice(0, 5);
  const rest = refusals.length - listed.length;
  const others = rest > 0 ? ` (and ${rest} other ${rest === 1 ? 'file' : 'files'} with no report)` : '';
  return `no load-test report among ${refusals.length} files: ${listed.map((entry) => `${entry.file.name} ${entry.reason}`).join('; ')}${others}`;
}

/** Refuses readings that are not numbers a run can have, and runs too small to be evidence. */
function checked(metrics: LoadMetrics): LoadMetrics {
  const report = `${metrics.tool} ${metrics.format} report`;
  for (const name of METRIC_NAMES) {
    const value = metrics[name];
    if (value !== null && !(Number.isFinite(value) && value >= 0)) {
      fail(`${report} gives ${METRIC_LABELS[name]} ${value}, not a valid value`);
    }
  }
  if (metrics.errorRate !== null && metrics.errorRate > 1) fail(`${report} gives an error rate above 100%`);
  if (METRIC_NAMES.every((name) => metrics[name] === null)) {
    fail(`${report} carries none of the metrics riskgate reads`);
  }
  if (metrics.requests === 0) fail(`${report} has no requests: it is not evidence of a load test`);
  if (metrics.durationS !== null && metrics.durationS < MIN_RUN_SECONDS) {
    fail(
      `${report}: the run lasted ${formatDuration(metrics.durationS)}, too short to be evidence of a load test`,
    );
  }
  return metrics;
}
