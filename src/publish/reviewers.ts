/**
 * Review requests for unmet review requirements that ask for them (report.reviewers): never the
 * author, never twice — users and teams already requested, and users who already reviewed, are skipped.
 */
import type { Report } from '../model/report.js';
import type { GitHub, PullRef } from './github.js';

export interface ReviewRequest {
  users: string[];
  /** Team slugs of the repository's organization. */
  teams: string[];
  /** Why some wanted reviewers are not requested (only the ones worth telling). */
  notes: string[];
}

export interface PullReviewState {
  owner: string;
  author: string;
  requestedUsers: string[];
  requestedTeams: string[];
  reviewedBy: string[];
}

const lower = (values: string[]) => new Set(values.map((value) => value.toLowerCase()));

/** Pure: who to request now. Teams are `org/slug`; only the repository's own organization's teams can be requested. */
export function planReviewRequest(wanted: Report['reviewers'], state: PullReviewState): ReviewRequest {
  const skipUsers = lower([state.author, ...state.requestedUsers, ...state.reviewedBy]);
  const skipTeams = lower(state.requestedTeams);
  const notes: string[] = [];
  const teams: string[] = [];
  for (const team of wanted.teams) {
    const [org, slug] = team.split('/');
    if (slug === undefined || org.toLowerCase() !== state.owner.toLowerCase()) {
      notes.push(`team ${team} is not a team of ${state.owner}; it cannot be requested on this repository`);
    } else if (!skipTeams.has(slug.toLowerCase())) {
      teams.push(slug);
    }
  }
  const users = wanted.users.filter((user) => !skipUsers.has(user.toLowerCase()));
  return { users: [...new Set(users)], teams: [...new Set(teams)], notes };
}

export const isEmptyRequest = (request: ReviewRequest): boolean =>
  request.users.length === 0 && request.teams.length === 0;

export async function listRequestedReviewers(
  gh: GitHub,
  pull: PullRef,
): Promise<{ users: string[]; teams: string[] }> {
  const { data } = await gh.rest.pulls.listRequestedReviewers({
    owner: pull.owner,
    repo: pull.repo,
    pull_number: pull.number,
  });
  return { users: data.users.map((user) => user.login), teams: data.teams.map((team) => team.slug) };
}

export async function requestReviewers(gh: GitHub, pull: PullRef, request: ReviewRequest): Promise<void> {
  await gh.rest.pulls.requestReviewers({
    owner: pull.owner,
    repo: pull.repo,
    pull_number: pull.number,
    reviewers: request.users,
    team_reviewers: request.teams,
  });
}
