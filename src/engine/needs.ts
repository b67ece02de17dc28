import type { Policy, ReportSource } from '../model/policy.js';
import type { Finding } from '../model/report.js';
import { triggeredRequirements } from './requirements/index.js';

/** What a context must gather for the requirements these findings trigger, so it fetches nothing more. */
export interface FactsNeeded {
  reviews: boolean;
  /** Repository permission of approving reviewers. */
  permissions: boolean;
  checks: boolean;
  labels: boolean;
  /** Org teams (`org/slug`) whose membership is needed. */
  teams: string[];
  evidence: { requirement: string; source: ReportSource }[];
}

export function factsNeeded(policy: Policy, findings: Finding[]): FactsNeeded {
  const specs = [...triggeredRequirements(policy, findings).keys()].map((id) => ({
    id,
    spec: policy.requirements[id],
  }));
  const listed = specs.flatMap(({ spec }) => [...(spec.review?.teams ?? []), ...(spec.label?.by ?? [])]);
  if (specs.length && policy.waivers) listed.push(...policy.waivers.by);
  const reviews = specs.some(({ spec }) => spec.review);
  return {
    reviews,
    permissions: reviews,
    checks: specs.some(
      ({ spec }) => spec.check || spec.load_test?.check || spec.load_test?.report?.from === 'check',
    ),
    labels: specs.some(({ spec }) => spec.label) || (specs.length > 0 && !!policy.waivers),
    teams: [...new Set(listed.filter((team) => !(team in policy.teams) && team.includes('/')))],
    evidence: specs.flatMap(({ id, spec }) => {
      const source = spec.load_test?.report;
      return source && source.from !== 'check' ? [{ requirement: id, source }] : [];
    }),
  };
}
