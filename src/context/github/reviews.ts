/**
 * Reviews with what changed since each: a review of an older commit is stale, and for the approvals that could
 * count, one compare call per distinct reviewed commit lists the files changed after it. Then the repository
 * permission of the approvers (an approval counts only from write or above).
 */
import type { Octokit } from '@octokit/rest';
import type { Permission, Review, ReviewState } from '../../model/snapshot.js';
import { apiFailure, reading, statusOf } from './errors.js';
import type { RepoRef } from './pull.js';

const STATES = new Set<string>(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED']);
/** The compare endpoint lists at most this many files; a longer list may be incomplete. */
const MAX_COMPARE_FILES = 300;

interface RawReview {
  user: string;
  state: ReviewState;
  commitId: string | null;
}

export interface ReviewFacts {
  reviews: Review[];
  /** Logins whose latest decisive review approves (the author excluded): the ones whose permission matters. */
  approvers: string[];
}

export async function readReviews(
  gh: Octokit,
  repo: RepoRef,
  pull: { number: number; author: string; headSha: string },
  withChangedFiles: boolean,
): Promise<ReviewFacts> {
  const listed = await reading(`list the reviews of pull request #${pull.number}`, () =>
    gh.paginate(gh.rest.pulls.listReviews, { ...repo, pull_number: pull.number, per_page: 100 }),
  );
  // Pending reviews (visible only to their author) and reviews by deleted accounts are not decisions.
  const raw: RawReview[] = listed
    .filter((review) => review.user && STATES.has(review.state))
    .map((review) => ({
      user: review.user!.login,
      state: review.state as ReviewState,
      commitId: review.commit_id,
    }));
  const approvals = latestApprovals(raw, pull.author);
  const staleCommits = withChangedFiles
    ? [
        ...new Set(
          approvals
            .map((review) => review.commitId)
            .filter((sha): sha is string => !!sha && sha !== pull.headSha),
        ),
      ]
    : [];
  const changed = new Map(
    await Promise.all(
      staleCommits.map(async (sha) => [sha, await changedSince(gh, repo, sha, pull.headSha)] as const),
    ),
  );
  const reviews = raw.map(({ user, state, commitId }): Review => {
    if (commitId === pull.headSha) return { user, state };
    const files = commitId ? changed.get(commitId) : undefined;
    return { user, state, stale: true, ...(files ? { changedSince: files } : {}) };
  });
  return { reviews, approvers: [...new Set(approvals.map((review) => review.user))] };
}

/** Each reviewer's latest review other than a comment, where it approves; the author's own never counts. */
function latestApprovals(reviews: RawReview[], author: string): RawReview[] {
  const latest = new Map<string, RawReview>();
  for (const review of reviews) if (review.state !== 'COMMENTED') latest.set(review.user, review);
  return [...latest.values()].filter((review) => review.state === 'APPROVED' && review.user !== author);
}

/**
 * Files changed between a reviewed commit and the head; undefined (= every file) when GitHub cannot say:
 * the commit is gone (force-push) or the list may be cut at its 300-file limit.
 */
async function changedSince(
  gh: Octokit,
  repo: RepoRef,
  reviewed: string,
  head: string,
): Promise<string[] | undefined> {
  try {
    const { data } = await gh.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${reviewed}...${head}`,
      per_page: 1,
    });
    const files = data.files ?? [];
    if (files.length >= MAX_COMPARE_FILES) return undefined;
    return files.flatMap((file) => [
      file.filename,
      ...(file.previous_filename ? [file.previous_filename] : []),
    ]);
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 422) return undefined;
    throw apiFailure(`compare reviewed commit ${reviewed.slice(0, 7)} with the head`, error);
  }
}

const ROLES = new Set<string>(['none', 'read', 'triage', 'write', 'maintain', 'admin']);

/** `role_name` carries custom and fine-grained roles; `permission` is the legacy four-level value. */
export async function readPermissions(
  gh: Octokit,
  repo: RepoRef,
  logins: string[],
): Promise<Record<string, Permission>> {
  const entries = await Promise.all(
    logins.map(async (username) => {
      try {
        const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
        const role = ROLES.has(data.role_name) ? data.role_name : data.permission;
        return [username, (ROLES.has(role) ? role : 'none') as Permission] as const;
      } catch (error) {
        if (statusOf(error) === 404) return [username, 'none' as Permission] as const;
        throw apiFailure(`read the repository permission of ${username}`, error);
      }
    }),
  );
  return Object.fromEntries(entries);
}
