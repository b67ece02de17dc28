/**
 * Facts a user supplies on the command line for a local evaluation: load-test reports (`--evidence`), approvals
 * (`--approved-by`) and a pull-request description (`--body-file`). They apply to scenarios and git ranges alike.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Policy, ReportFormat } from '../model/policy.js';
import type { Evidence, ReportFile, Snapshot } from '../model/snapshot.js';
import { didYouMean } from '../policy/suggest.js';
import { ContextError, describeFsError } from './context-error.js';

export interface LocalFacts {
  /** Requirement id → report file or folder (a folder's files are read with names relative to it). */
  evidence?: Record<string, string>;
  /** Logins whose approval is recorded as an APPROVED review on the head commit. */
  approvedBy?: string[];
  bodyFile?: string;
  /** Folder the paths above are relative to (default: the working directory). */
  cwd?: string;
}

/** Reports are text; a file above this size is refused rather than read (GitHub's blob limit). */
const MAX_REPORT_BYTES = 100 * 2 ** 20;

/** Adds the local facts to a snapshot (a new snapshot; the given one is left as it is). */
export async function withLocalFacts(
  snapshot: Snapshot,
  policy: Policy,
  facts: LocalFacts,
): Promise<Snapshot> {
  const evidence = { ...snapshot.evidence };
  for (const [id, file] of Object.entries(facts.evidence ?? {})) {
    checkLoadTestRequirement(policy, id);
    const report = await readEvidenceFile(path.resolve(facts.cwd ?? '.', file), { source: file });
    if (report.error) throw new ContextError(`--evidence ${id}=${file}: ${report.error}`);
    evidence[id] = { ...report, local: true };
  }
  const approvals = (facts.approvedBy ?? []).map((user) => ({ user, state: 'APPROVED' as const }));
  const body = facts.bodyFile === undefined ? snapshot.pr.body : await readBody(facts.bodyFile, facts.cwd);
  return {
    ...snapshot,
    pr: { ...snapshot.pr, body },
    reviews: [...snapshot.reviews, ...approvals],
    evidence,
  };
}

function checkLoadTestRequirement(policy: Policy, id: string): void {
  if (policy.requirements[id]?.load_test) return;
  const loadTests = Object.keys(policy.requirements).filter((key) => policy.requirements[key].load_test);
  const known = loadTests.length
    ? `its load_test requirements: ${loadTests.join(', ')}`
    : 'it has no load_test requirement';
  const what =
    id in policy.requirements ? 'is not a load_test requirement' : 'is not a requirement of the policy';
  throw new ContextError(`--evidence ${id}: \`${id}\` ${what}${didYouMean(id, loadTests)} (${known})`);
}

async function readBody(file: string, cwd = '.'): Promise<string> {
  try {
    return await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new ContextError(`--body-file ${file}: ${describeFsError(error)}`);
  }
}

/**
 * A load-test report from a file or a folder. A report that cannot be read is still returned, with `error`
 * set, so that the requirement it serves is unmet with the reason (contracts §1.5) rather than the run failing.
 */
export async function readEvidenceFile(
  file: string,
  options: { source: string; format?: ReportFormat },
): Promise<Evidence> {
  const evidence = { source: options.source, ...(options.format ? { format: options.format } : {}) };
  try {
    const info = await stat(file);
    const names = info.isDirectory() ? await filesUnder(file) : [path.basename(file)];
    const root = info.isDirectory() ? file : path.dirname(file);
    return { ...evidence, files: await readReportFiles(root, names) };
  } catch (error) {
    return { ...evidence, files: [], error: `cannot read the report: ${describeFsError(error)}` };
  }
}

async function readReportFiles(root: string, names: string[]): Promise<ReportFile[]> {
  if (names.length === 0) throw new Error('the folder holds no files');
  let total = 0;
  const files: ReportFile[] = [];
  for (const name of names) {
    const full = path.join(root, name);
    total += (await stat(full)).size;
    if (total > MAX_REPORT_BYTES) throw new Error(`larger than ${MAX_REPORT_BYTES / 2 ** 20} MiB`);
    files.push({ name: name.split(path.sep).join('/'), text: await readFile(full, 'utf8') });
  }
  return files;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}
