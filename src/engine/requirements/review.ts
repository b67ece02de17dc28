import type { ReviewSpec } from '../../model/policy.js';
import type { Review } from '../../model/snapshot.js';
import { sameLogin } from './people.js';
import type { RequirementContext, Verdict } from './types.js';

const WRITE_OR_ABOVE = new Set(['write', 'maintain', 'admin']);

/** The latest review of each reviewer that is not COMMENTED (reviews arrive in time order). */
function latestDecisive(reviews: Review[]): Review[] {
  const latest = new Map<string, Review>();
  for (const review of reviews) {
    if (review.state !== 'COMMENTED') latest.set(review.user.toLowerCase(), review);
  }
  return [...latest.values()];
}

export function evaluateReview(spec: ReviewSpec, context: RequirementContext): Verdict {
  const { snapshot, people, relevantFiles } = context;
  const listed = [...(spec.users ?? []), ...(spec.teams ?? [])];
  const needed = spec.count ?? 1;
  const invalidate = spec.invalidate_on_push ?? 'relevant';
  const approvals: string[] = [];
  const ignored: string[] = [];
  for (const review of latestDecisive(snapshot.reviews)) {
    if (review.state !== 'APPROVED') continue;
    const who = review.user;
    const entry = people.entryOf(who, listed);
    if (sameLogin(who, snapshot.pr.author)) {
      ignored.push(`${who} is the author`);
    } else if (!WRITE_OR_ABOVE.has(snapshot.permissions[who] ?? 'write')) {
      ignored.push(`${who} has ${snapshot.permissions[who]} permission, not write`);
    } else if (!entry) {
      continue;
    } else if (review.stale && invalidate !== 'never') {
      const changed = review.changedSince ?? snapshot.files.map((file) => file.path);
      const touched = invalidate === 'all' ? changed : changed.filter((path) => relevantFiles.has(path));
      if (invalidate === 'all' || touched.length) {
        const why =
          invalidate === 'all' ? 'is of an older commit' : `predates changes to ${touched.join(', ')}`;
        ignored.push(`${who}'s approval ${why}`);
      } else {
        approvals.push(`${who} (${entry})`);
      }
    } else {
      approvals.push(entry === who ? who : `${who} (${entry})`);
    }
  }
  const ignoredText = ignored.length ? `; not counted: ${ignored.join('; ')}` : '';
  if (approvals.length >= needed)
    return { met: true, detail: `approved by ${approvals.join(', ')}${ignoredText}` };
  const have = approvals.length ? ` (have ${approvals.join(', ')})` : '';
  return {
    met: false,
    detail: `needs ${needed} approval${needed > 1 ? 's' : ''} from ${people.describe(listed)}${have}${ignoredText}`,
  };
}
