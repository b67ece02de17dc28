/**
 * The gate: one commit status named by `check-name` on the evaluated commit. A commit status with a
 * fixed context is replaced in place by every later run (a review, a finished load test), whereas
 * check runs made with the workflow token land in whichever suite the event created and pile up.
 */
import type { Report } from '../model/report.js';
import type { GitHub, RepoRef } from './github.js';

export type GateState = 'success' | 'failure';

export interface Gate {
  state: GateState;
  /** At most 140 characters (GitHub's limit). */
  description: string;
}

export const MAX_DESCRIPTION = 140;

const clip = (text: string): string =>
  text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function verdict(report: Report): string {
  if (report.errors.length > 0) return `could not complete the evaluation: ${report.errors[0]}`;
  const unmet = report.requirements.filter((req) => req.status === 'unmet').map((req) => req.id);
  if (unmet.length > 0) return `blocked · risk ${report.risk} · unmet: ${unmet.join(', ')}`;
  const met = report.requirements.length;
  return (
    `passed · risk ${report.risk}` + (met > 0 ? ` · ${met} requirement${met === 1 ? '' : 's'} done` : '')
  );
}

function gate(blocks: boolean, text: string, advisory: boolean): Gate {
  const line = oneLine(text);
  if (!blocks) return { state: 'success', description: clip(line) };
  if (advisory) return { state: 'success', description: clip(`advisory: would block · ${line}`) };
  return { state: 'failure', description: clip(line) };
}

/** Pure: the status for a finished evaluation. Advisory mode reports the same but never fails. */
export const gateFor = (report: Report, advisory: boolean): Gate =>
  gate(report.decision === 'blocked', verdict(report), advisory);

/** Pure: the status when the evaluation itself failed (fail closed, unless advisory). */
export const gateForFailure = (reason: string, advisory: boolean): Gate =>
  gate(true, `could not evaluate: ${reason}`, advisory);

export interface StatusTarget extends RepoRef {
  sha: string;
  context: string;
  targetUrl: string | null;
}

export async function setCommitStatus(gh: GitHub, target: StatusTarget, gate: Gate): Promise<void> {
  await gh.rest.repos.createCommitStatus({
    owner: target.owner,
    repo: target.repo,
    sha: target.sha,
    context: target.context,
    state: gate.state,
    description: gate.description,
    ...(target.targetUrl === null ? {} : { target_url: target.targetUrl }),
  });
}
