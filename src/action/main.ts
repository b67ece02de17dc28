/**
 * The action: read inputs and the event, find the pull requests to evaluate, evaluate and publish
 * each, set outputs, and fail the step when enforce mode blocks (the job result gates too, e.g. for
 * forks whose token cannot write statuses).
 */
import * as core from '@actions/core';
import { join } from 'node:path';
import { createGitHubClient, tokenScrubber } from '../context/github/client.js';
import { freshBudget } from '../publish/annotations.js';
import type { GitHub } from '../publish/github.js';
import { gateForFailure, setCommitStatus } from '../publish/status.js';
import { SummaryWriter } from '../publish/summary.js';
import { describeError, stage } from './errors.js';
import { evaluateTarget, type Outcome } from './evaluate-target.js';
import { resolveEvent, type EventPlan, type Target } from './events.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { actionsLogger } from './logger.js';
import { setBlockedOutputs, setOutputs } from './outputs.js';
import { readPayload } from './payload.js';
import { readRunner, runUrl, type Runner } from './runner.js';
import { openPullsWithHead } from './targets.js';

export async function run(): Promise<void> {
  try {
    await runAction();
  } catch (error) {
    setBlockedOutputs();
    core.setFailed(`riskgate: ${describeError(error)}`);
  }
}

async function runAction(): Promise<void> {
  const inputs = readInputs((name) => core.getInput(name));
  core.setSecret(inputs.token);
  if (inputs.teamsToken !== null) core.setSecret(inputs.teamsToken);
  const runner = readRunner(process.env);
  const payload = await readPayload(runner.eventPath);
  const plan = resolveEvent(runner.eventName, payload, {
    checkName: inputs.checkName,
    pullRequest: inputs.pullRequest,
    workflowName: runner.workflow,
  });
  if (plan.kind === 'skip') return core.info(`riskgate: nothing to evaluate: ${plan.reason}`);
  if (plan.kind === 'unsupported') return refuse(plan.reason, inputs);

  const gh = createGitHubClient({ token: inputs.token, baseUrl: runner.apiUrl, log: actionsLogger });
  const targets = await findTargets(gh, runner, inputs, plan);
  if (targets.length === 0) return;
  const outcomes = await evaluateAll(gh, runner, inputs, targets);
  setOutputs(outcomes);
  failIfBlocked(outcomes, inputs);
}

/**
 * A workflow that runs riskgate on an event it cannot gate is misconfigured: in enforce mode the
 * step fails so that this is seen, but no status is written (there is no pull request to put it on).
 */
function refuse(reason: string, inputs: ActionInputs): void {
  if (inputs.mode === 'advisory') return core.warning(`riskgate: ${reason}`);
  setBlockedOutputs();
  core.setFailed(`riskgate: ${reason}`);
}

async function findTargets(
  gh: GitHub,
  runner: Runner,
  inputs: ActionInputs,
  plan: EventPlan,
): Promise<Target[]> {
  if (plan.kind === 'targets') return plan.targets;
  if (plan.kind !== 'commit') return [];
  const repo = { owner: runner.owner, repo: runner.repo };
  try {
    const targets = await stage(`find the open pull requests of ${plan.sha}`, () =>
      openPullsWithHead(gh, repo, plan.sha),
    );
    if (targets.length === 0)
      core.info(`riskgate: ${plan.trigger} finished on ${plan.sha}, which heads no open pull request`);
    return targets;
  } catch (error) {
    const reason = describeError(error);
    await setCommitStatus(
      gh,
      { ...repo, sha: plan.sha, context: inputs.checkName, targetUrl: runUrl(runner) },
      gateForFailure(reason, inputs.mode === 'advisory'),
    ).catch(() => undefined); // the step failure below still reports it
    throw error;
  }
}

async function evaluateAll(
  gh: GitHub,
  runner: Runner,
  inputs: ActionInputs,
  targets: Target[],
): Promise<Outcome[]> {
  const environment = {
    gh,
    repo: { owner: runner.owner, repo: runner.repo },
    inputs,
    log: actionsLogger,
    runUrl: runUrl(runner),
    reportDir: join(runner.temp, 'riskgate'),
    budget: freshBudget(),
    summary: new SummaryWriter(targets.length),
    scrub: tokenScrubber(inputs.token),
  };
  const outcomes: Outcome[] = [];
  // One at a time: GitHub asks integrations to serialize writes (secondary rate limits).
  for (const target of targets) {
    outcomes.push(await evaluateTarget(environment, target));
  }
  return outcomes;
}

function failIfBlocked(outcomes: Outcome[], inputs: ActionInputs): void {
  const blocked = outcomes.filter((outcome) => outcome.report.decision === 'blocked');
  for (const outcome of blocked) {
    const why = outcome.failed
      ? `could not be evaluated: ${outcome.report.errors.at(-1)}`
      : `is blocked: ${blockers(outcome)}`;
    const line = `riskgate: pull request #${outcome.number} ${why}`;
    if (inputs.mode === 'advisory') core.warning(`${line} (advisory mode: not failing)`);
    else core.setFailed(line);
  }
}

const blockers = (outcome: Outcome): string => {
  const unmet = outcome.report.requirements.filter((req) => req.status === 'unmet').map((req) => req.id);
  if (unmet.length > 0) return `unmet ${unmet.join(', ')}`;
  return outcome.report.errors.join('; ');
};
