import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportFile } from '../../../src/model/snapshot.js';
import { readReport, type LoadMetrics } from '../../../src/engine/loadtest/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Real reports collected from public repositories (see SOURCES.md there); never copied into this repo. */
export const SHARED_REPORTS = path.resolve(repoRoot, '../shared/fixtures/loadtest-reports');
export const OWN_REPORTS = path.resolve(repoRoot, 'test/fixtures/loadtest');

export const sharedReportsPresent = existsSync(SHARED_REPORTS);

/** Files of one report, named by their path below `dir` as an artifact would name them. */
export function filesIn(dir: string, ...names: string[]): ReportFile[] {
  return names.map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

/** Reads a report that must be accepted, failing the test with the reason otherwise. */
export function metricsOf(files: ReportFile[]): LoadMetrics {
  const reading = readReport(files, 'auto');
  if (!reading.ok) throw new Error(`report refused: ${reading.reason}`);
  return reading.metrics;
}

/** Reads a report that must be refused, and returns the reason. */
export function refusalOf(files: ReportFile[], format: Parameters<typeof readReport>[1] = 'auto'): string {
  const reading = readReport(files, format);
  if (reading.ok) throw new Error(`report accepted: ${JSON.stringify(reading.metrics)}`);
  return reading.reason;
}
