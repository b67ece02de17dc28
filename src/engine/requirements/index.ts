import type { Policy, RequirementKind, RequirementSpec } from '../../model/policy.js';
import type { Finding, RequirementResult } from '../../model/report.js';
import type { Snapshot } from '../../model/snapshot.js';
import { sectionText, hasContent } from './body.js';
import { findSuccessfulCheck } from './check.js';
import { labelAppliedBy } from './label.js';
import { evaluateLoadTest } from './load-test.js';
import { people as peopleOf } from './people.js';
import { evaluateReview } from './review.js';
import type { RequirementContext, Verdict } from './types.js';

export const kindOf = (spec: RequirementSpec): RequirementKind =>
  (['review', 'check', 'load_test', 'body', 'label'] as const).find((kind) => spec[kind] !== undefined)!;

function verdict(spec: RequirementSpec, context: RequirementContext): Verdict {
  if (spec.review) return evaluateReview(spec.review, context);
  if (spec.load_test) return evaluateLoadTest(spec.load_test, context);
  if (spec.check) {
    const search = findSuccessfulCheck(context.snapshot.checks, spec.check.name, spec.check.app);
    return search.found
      ? { met: true, detail: `check ${search.found.name} succeeded` }
      : { met: false, detail: search.detail };
  }
  if (spec.body) {
    const section = sectionText(context.snapshot.pr.body, spec.body.section);
    if (section !== null && hasContent(section))
      return { met: true, detail: `"${spec.body.section}" section present` };
    const problem = section === null ? 'has no' : 'has an empty';
    return {
      met: false,
      detail: `the PR description ${problem} "${spec.body.section}" section; add a "## ${spec.body.section}" heading with real content`,
    };
  }
  const label = spec.label!;
  const applied = labelAppliedBy(context.snapshot, context.people, label.name, label.by);
  return applied.ok
    ? { met: true, detail: `label "${label.name}" applied by ${applied.by}` }
    : { met: false, detail: applied.detail };
}

/** Requirement ids each finding triggers: levels[risk] ∪ its rules' `requires`. */
export function triggeredRequirements(policy: Policy, findings: Finding[]): Map<string, Finding[]> {
  const rulesById = new Map(policy.rules.map((rule) => [rule.id, rule]));
  const triggered = new Map<string, Finding[]>();
  for (const finding of findings) {
    const ids = new Set([
      ...(policy.levels[finding.risk] ?? []),
      ...finding.rules.flatMap((id) => rulesById.get(id)?.requires ?? []),
    ]);
    for (const id of ids) triggered.set(id, [...(triggered.get(id) ?? []), finding]);
  }
  return triggered;
}

export function evaluateRequirements(
  policy: Policy,
  snapshot: Snapshot,
  findings: Finding[],
  expectedRps: number | null,
): RequirementResult[] {
  const people = peopleOf(policy, snapshot);
  const waiver = policy.waivers
    ? labelAppliedBy(snapshot, people, policy.waivers.label, policy.waivers.by)
    : null;
  return [...triggeredRequirements(policy, findings)].map(([id, requiredFor]) => {
    const spec = policy.requirements[id];
    const context: RequirementContext = {
      id,
      policy,
      snapshot,
      people,
      findings: requiredFor,
      relevantFiles: new Set(requiredFor.map((finding) => finding.file)),
      expectedRps,
    };
    const { met, detail } = verdict(spec, context);
    const requiredBy = [...new Set(requiredFor.flatMap((finding) => finding.rules))];
    const result: RequirementResult = {
      id,
      kind: kindOf(spec),
      status: met ? 'met' : 'unmet',
      detail,
      requiredBy,
    };
    if (!met && waiver?.ok)
      return {
        ...result,
        status: 'waived',
        waivedBy: waiver.by,
        detail: `waived by ${waiver.by} (${policy.waivers!.label}); ${detail}`,
      };
    return result;
  });
}
