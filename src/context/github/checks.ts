/**
 * Check runs and commit statuses on the head commit. A load-test requirement that reads its report from the check
 * (no `report`, or `from: check`) gets the matching check runs' output text as their report — no extra request.
 */
import type { Octokit } from '@octokit/rest';
import { compileNameGlob } from '../../engine/glob.js';
import type { Policy, ReportFormat } from '../../model/policy.js';
import { CHECK_CONCLUSIONS, type Check, type CheckConclusion, type Evidence } from '../../model/snapshot.js';
import { reading } from './errors.js';
import type { RepoRef } from './pull.js';

export interface CheckRunOutput {
  title?: string | null;
  summary?: string | null;
  text?: string | null;
}

export interface HeadCheck extends Check {
  /** Set for check runs: the workflow run (GitHub Actions) behind it, for artifacts. */
  runId?: number;
}

/** A completed run's conclusion; `pending` is what riskgate calls a run that has not completed. */
const CONCLUSIONS = new Set<string>(CHECK_CONCLUSIONS.filter((conclusion) => conclusion !== 'pending'));
const PER_PAGE = 100;

export async function readChecks(
  gh: Octokit,
  repo: RepoRef,
  sha: string,
  policy: Policy,
): Promise<HeadCheck[]> {
  const [runs, statuses] = await Promise.all([
    reading(`list the check runs of ${sha.slice(0, 7)}`, () =>
      gh.paginate(gh.rest.checks.listForRef, { ...repo, ref: sha, per_page: PER_PAGE }),
    ),
    readStatuses(gh, repo, sha),
  ]);
  const reportFormat = outputReports(policy);
  const fromRuns = runs.map((run) => toCheck(run, reportFormat));
  return [...fromRuns, ...statuses];
}

interface CheckRun {
  name: string;
  status: string;
  conclusion: string | null;
  details_url?: string | null;
  app?: { slug?: string } | null;
  output?: CheckRunOutput;
}

export function toCheck(run: CheckRun, reportFormat: (check: Check) => ReportFormat | undefined): HeadCheck {
  const conclusion: CheckConclusion =
    run.status !== 'completed'
      ? 'pending'
      : CONCLUSIONS.has(run.conclusion ?? '')
        ? (run.conclusion as CheckConclusion)
        : 'neutral';
  const runId = runIdOf(run.details_url);
  const check: HeadCheck = {
    name: run.name,
    conclusion,
    ...(run.app?.slug ? { app: run.app.slug } : {}),
    ...(runId ? { runId } : {}),
  };
  const format = reportFormat(check);
  return format === undefined ? check : { ...check, report: outputReport(run.name, run.output, format) };
}

/** The combined status holds the latest status of each context; it pages by `total_count`, not by Link. */
async function readStatuses(gh: Octokit, repo: RepoRef, sha: string): Promise<HeadCheck[]> {
  const statuses: { context: string; state: string }[] = [];
  for (let page = 1; ; page++) {
    const { data } = await reading(`read the commit statuses of ${sha.slice(0, 7)}`, () =>
      gh.rest.repos.getCombinedStatusForRef({ ...repo, ref: sha, per_page: PER_PAGE, page }),
    );
    statuses.push(...data.statuses);
    if (data.statuses.length < PER_PAGE || statuses.length >= data.total_count) break;
  }
  return statuses.map(({ context, state }) => ({
    name: context,
    conclusion: state === 'success' ? 'success' : state === 'pending' ? 'pending' : 'failure',
  }));
}

/** GitHub Actions check runs link to their job: `…/actions/runs/<run id>/job/<job id>`. */
function runIdOf(detailsUrl: string | null | undefined): number | undefined {
  const match = /\/actions\/runs\/(\d+)/.exec(detailsUrl ?? '');
  return match ? Number(match[1]) : undefined;
}

/** For each check, the report format when a load-test requirement reads its report from that check's output. */
export function outputReports(policy: Policy): (check: Check) => ReportFormat | undefined {
  const readers = Object.values(policy.requirements).flatMap(({ load_test: spec }) => {
    if (!spec?.check || (spec.report && spec.report.from !== 'check')) return [];
    const matches = compileNameGlob(spec.check);
    return [
      {
        matches: (check: Check) => matches(check.name) && (!spec.app || spec.app === check.app),
        format: spec.report?.format ?? 'auto',
      },
    ];
  });
  return (check) => readers.find((reader) => reader.matches(check))?.format;
}

/**
 * A check run's output as a report: the text (else the summary); when it is Markdown with fenced code blocks,
 * each block is a file of the report (a report pasted into a summary is usually fenced).
 */
function outputReport(name: string, output: CheckRunOutput | undefined, format: ReportFormat): Evidence {
  const source = `output of check run ${name}`;
  const text = output?.text || output?.summary || '';
  if (!text.trim())
    return { source, files: [], format, error: `check run ${name} has no output text to read a report from` };
  const blocks = [...text.matchAll(/^```[^\n`]*\n([\s\S]*?)^```/gm)].map((match) => match[1]);
  const files = blocks.length
    ? blocks.map((block, index) => ({ name: `${name} output block ${index + 1}`, text: block }))
    : [{ name: `${name} output`, text }];
  return { source, files, format };
}
