/**
 * One sticky pull-request comment, found by its marker: created the first time something is
 * risky, updated in place after that, and marked resolved when nothing is risky any more.
 */
import type { GitHub, PullRef } from './github.js';

export interface StickyComment {
  id: number;
  body: string;
}

/** Invisible marker per check name, so two riskgate setups in one repository keep their own comment. */
export const commentMarker = (checkName: string): string =>
  `<!-- riskgate:comment ${checkName.replace(/-*>|-{2,}/g, '-')} -->`;

/** No sha or run link: the same state gives the same text, so re-evaluations do not rewrite it. */
export const resolvedBody = (marker: string): string =>
  `${marker}\n### riskgate: ✅ resolved\n\nNothing in this pull request is risky any more.\n`;

/** Pure: the body the comment should have now, or null when there should be no comment. */
export function nextBody(options: {
  existing: StickyComment | null;
  risky: boolean;
  report: string;
  resolved: string;
}): string | null {
  if (options.risky) return options.report;
  return options.existing === null ? null : options.resolved;
}

export async function findStickyComment(
  gh: GitHub,
  pull: PullRef,
  marker: string,
): Promise<StickyComment | null> {
  const pages = gh.paginate.iterator(gh.rest.issues.listComments, {
    owner: pull.owner,
    repo: pull.repo,
    issue_number: pull.number,
    per_page: 100,
  });
  for await (const page of pages) {
    const found = page.data.find((comment) => comment.body?.includes(marker));
    if (found !== undefined) return { id: found.id, body: found.body ?? '' };
  }
  return null;
}

export type CommentWrite = 'created' | 'updated' | 'unchanged' | 'none';

export async function writeStickyComment(
  gh: GitHub,
  pull: PullRef,
  existing: StickyComment | null,
  body: string | null,
): Promise<CommentWrite> {
  if (body === null) return 'none';
  const { owner, repo } = pull;
  if (existing === null) {
    await gh.rest.issues.createComment({ owner, repo, issue_number: pull.number, body });
    return 'created';
  }
  if (sameText(existing.body, body)) return 'unchanged';
  await gh.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
  return 'updated';
}

/** GitHub stores comments with CRLF line endings sometimes; compare what a reader sees. */
const sameText = (a: string, b: string): boolean =>
  a.replace(/\r\n/g, '\n').trim() === b.replace(/\r\n/g, '\n').trim();
