/**
 * One pull request, start to finish: gather → evaluate → publish. Whatever fails, the outcome is
 * a report (with the failure in `errors`), a failing status where it can be written, and a
 * section in the job summary — fail closed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gatherPullRequest } from '../context/github/index.js';
import type { Logger } from '../context/logger.js';
import { decide } from '../engine/index.js';
import type { Report } from '../model/report.js';
import { emitAnnotations, type AnnotationBudget } from '../publish/annotations.js';
import { describeDenied, tryWrite, type DeniedWrite } from '../publish/denied.js';
import type { GitHub, RepoRef } from '../publish/github.js';
import { gateFor, gateForFailure, setCommitStatus, type Gate } from '../publish/status.js';
import type { SummaryWriter } from '../publish/summary.js';
import { renderAnnotations, renderJson } from '../report/index.js';
import { describeError, stage } from './errors.js';
import type { Target } from './events.js';
import type { ActionInputs } from './inputs.js';
import { publishToPull } from './publish-pull.js';

export interface TargetEnvironment {
  gh: GitHub;
  repo: RepoRef;
  inputs: ActionInputs;
  log: Logger;
  runUrl: string | null;
  /** Folder for the JSON report files (under RUNNER_TEMP). */
  reportDir: string;
  budget: AnnotationBudget;
  summary: SummaryWriter;
  scrub: (text: string) => string;
}

export interface Outcome {
  number: number;
  /** The commit the gate status is (or would be) on. */
  sha: string | null;
  report: Report;
  failed: boolean;
  reportPath: string;
}

/** A failure still yields a §4 report: blocked, with unknown risk taken as the highest. */
function failedReport(reason: string, partial: Report | null): Report {
  if (partial !== null) return { ...partial, decision: 'blocked', errors: [...partial.errors, reason] };
  return {
    schemaVersion: 1,
    decision: 'blocked',
    risk: 'critical',
    releaseTrack: 'standard',
    findings: [],
    requirements: [],
    reviewers: { users: [], teams: [] },
    errors: [reason],
  };
}

const STATUS_WRITE: DeniedWrite = { write: 'commit status', permission: 'statuses: write' };

const title = (target: Target, checkName: string): string =>
  target.kind === 'merge-group'
    ? `${checkName} · merge group of #${target.number}`
    : `${checkName} · pull request #${target.number}`;

export async function evaluateTarget(env: TargetEnvironment, target: Target): Promise<Outcome> {
  const { gh, repo, inputs } = env;
  const advisory = inputs.mode === 'advisory';
  const denied: DeniedWrite[] = [];
  const notes: string[] = [];
  let sha = target.kind === 'merge-group' ? target.groupSha : target.eventSha;
  let report: Report | null = null;
  let failure: string | null = null;

  const writeGate = (at: string, gate: Gate) =>
    tryWrite(denied, STATUS_WRITE, () =>
      setCommitStatus(gh, { ...repo, sha: at, context: inputs.checkName, targetUrl: env.runUrl }, gate),
    );

  try {
    // GatherError messages already say what could not be read and what GitHub answered.
    const gathered = await gatherPullRequest(
      gh,
      { ...repo, number: target.number, headSha: target.kind === 'merge-group' ? target.pullSha : undefined },
      { policyPath: inputs.policy, log: env.log, teamsToken: inputs.teamsToken ?? undefined },
    );
    const gateSha = target.kind === 'merge-group' ? target.groupSha : gathered.headSha;
    sha = gateSha;
    const evaluated = decide(gathered.policy, gathered.snapshot, gathered.findings);
    report = evaluated;
    if (target.kind === 'pull') {
      await stage(`publish to pull request #${target.number}`, () =>
        publishToPull({
          gh,
          pull: { ...repo, number: target.number },
          inputs,
          report: evaluated,
          snapshot: gathered.snapshot,
          denied,
          notes,
        }),
      );
    }
    await stage('set the commit status', () => writeGate(gateSha, gateFor(evaluated, advisory)));
  } catch (error) {
    failure = env.scrub(describeError(error));
    if (sha !== null) {
      const at = sha;
      await writeGate(at, gateForFailure(failure, advisory)).catch((statusError: unknown) =>
        env.log.warning(env.scrub(`could not set the failing status either: ${describeError(statusError)}`)),
      );
    }
  }

  for (const write of denied) env.log.warning(describeDenied(write));
  const overflow =
    report !== null && inputs.annotations ? emitAnnotations(renderAnnotations(report), env.budget) : [];
  const final =
    failure === null && report !== null ? report : failedReport(failure ?? 'unknown failure', report);
  const reportPath = await writeReport(env.reportDir, target, final);
  await env.summary.append({
    title: title(target, inputs.checkName),
    report,
    failure,
    advisory,
    denied,
    overflow,
    notes,
    runUrl: env.runUrl,
  });
  return { number: target.number, sha, report: final, failed: failure !== null, reportPath };
}

async function writeReport(dir: string, target: Target, report: Report): Promise<string> {
  await mkdir(dir, { recursive: true });
  const name = target.kind === 'merge-group' ? `merge-group-pr-${target.number}` : `pr-${target.number}`;
  const path = join(dir, `report-${name}.json`);
  await writeFile(path, renderJson(report));
  return path;
}
