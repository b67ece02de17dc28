/**
 * The step's outputs. One event can re-evaluate several pull requests (a check suite finishing on a
 * shared commit): then the outputs are the most cautious of them and `report` is the worst one's file.
 */
import * as core from '@actions/core';
import { maxRisk, riskRank } from '../model/risk.js';
import type { Outcome } from './evaluate-target.js';

const severity = (outcome: Outcome): number =>
  (outcome.report.decision === 'blocked' ? 10 : 0) + riskRank(outcome.report.risk);

/** Pure: the outcome whose report the `report` output points to. */
export const worstOutcome = (outcomes: Outcome[]): Outcome =>
  outcomes.reduce((worst, outcome) => (severity(outcome) > severity(worst) ? outcome : worst));

export function setOutputs(outcomes: Outcome[]): void {
  if (outcomes.length === 0) return;
  const reports = outcomes.map((outcome) => outcome.report);
  core.setOutput('decision', reports.some((report) => report.decision === 'blocked') ? 'blocked' : 'passed');
  core.setOutput('risk', maxRisk(...reports.map((report) => report.risk)));
  core.setOutput(
    'release-track',
    reports.every((report) => report.releaseTrack === 'low-risk') ? 'low-risk' : 'standard',
  );
  core.setOutput('report', worstOutcome(outcomes).reportPath);
}

/** Outputs when no evaluation could run at all (bad inputs, unreadable event): never a pass. */
export function setBlockedOutputs(): void {
  core.setOutput('decision', 'blocked');
  core.setOutput('release-track', 'standard');
}
