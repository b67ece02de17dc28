/** Which of the facts a policy could use actually matter here, so that nothing else is fetched. */
import type { Policy } from '../../model/policy.js';
import type { Snapshot } from '../../model/snapshot.js';
import type { PullInfo } from './pull.js';

/** Labels whose actor matters: the waiver label and labels that requirements ask for. */
export function gateLabels(policy: Policy): (label: string) => boolean {
  const names = new Set(
    Object.values(policy.requirements).flatMap(({ label }) => (label ? [label.name] : [])),
  );
  if (policy.waivers) names.add(policy.waivers.label);
  return (label) => names.has(label);
}

export const unknownActors = (pull: PullInfo): Snapshot['pr']['labels'] =>
  pull.labels.map((name) => ({ name, by: null }));

/**
 * Approvers whose permission can matter: those listed by some review requirement, directly or through a team.
 * When a team's members are unknown (it could not be read), every approver may be one of them.
 */
export function countableApprovers(
  policy: Policy,
  approvers: string[],
  members: Record<string, string[]>,
): string[] {
  const listed = new Set<string>();
  for (const { review } of Object.values(policy.requirements)) {
    for (const user of review?.users ?? []) listed.add(user);
    for (const team of review?.teams ?? []) {
      const logins = policy.teams[team] ?? members[team];
      if (!logins) return approvers;
      for (const login of logins) listed.add(login);
    }
  }
  return approvers.filter((login) => listed.has(login));
}

/** Files changed since a review matter only to review requirements that invalidate on relevant pushes (the default). */
export const comparesReviewedCommits = (policy: Policy): boolean =>
  Object.values(policy.requirements).some(
    ({ review }) => review && (review.invalidate_on_push ?? 'relevant') === 'relevant',
  );
