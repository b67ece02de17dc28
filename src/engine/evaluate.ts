import type { Policy } from '../model/policy.js';
import type { Finding, Report, RequirementResult } from '../model/report.js';
import { maxRisk, riskRank } from '../model/risk.js';
import type { Snapshot } from '../model/snapshot.js';
import { classify } from './classify.js';
import { expectedFleetRps } from './expected-load.js';
import { evaluateRequirements } from './requirements/index.js';
import { people as peopleOf, sameLogin } from './requirements/people.js';

/** Reviewers to request for unmet review requirements that ask for it; never the author. */
function reviewersToRequest(
  policy: Policy,
  snapshot: Snapshot,
  results: RequirementResult[],
): Report['reviewers'] {
  const people = peopleOf(policy, snapshot);
  const users = new Set<string>();
  const teams = new Set<string>();
  for (const result of results) {
    const spec = policy.requirements[result.id].review;
    if (result.status !== 'unmet' || !spec || spec.request === false) continue;
    for (const user of spec.users ?? []) users.add(user);
    for (const team of spec.teams ?? []) {
      if (team in policy.teams) people.members(team).forEach((member) => users.add(member));
      else teams.add(team);
    }
  }
  return {
    users: [...users].filter((user) => !sameLogin(user, snapshot.pr.author)).sort(),
    teams: [...teams].sort(),
  };
}

const byRiskThenPlace = (a: Finding, b: Finding) =>
  riskRank(b.risk) - riskRank(a.risk) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);

/** The whole decision, from plain data to plain data (contracts §1.4). */
export function evaluate(policy: Policy, snapshot: Snapshot): Report {
  return decide(policy, snapshot, classify(policy, snapshot.files));
}

/** The decision for findings already classified from `snapshot.files` (a context that classified to plan its reads). */
export function decide(policy: Policy, snapshot: Snapshot, classified: Finding[]): Report {
  const findings = [...classified];
  const requirements = evaluateRequirements(policy, snapshot, findings, expectedFleetRps(policy, findings));
  const risk = maxRisk(...findings.map((finding) => finding.risk));
  const errors = [...snapshot.errors];
  const blocked = errors.length > 0 || requirements.some((requirement) => requirement.status === 'unmet');
  return {
    schemaVersion: 1,
    decision: blocked ? 'blocked' : 'passed',
    risk,
    releaseTrack: riskRank(risk) <= riskRank(policy.release_track.low_risk_max) ? 'low-risk' : 'standard',
    findings: findings.sort(byRiskThenPlace),
    requirements,
    reviewers: reviewersToRequest(policy, snapshot, requirements),
    errors,
  };
}
