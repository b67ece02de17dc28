/** The open pull requests whose head is a commit that some other producer just finished checking. */
import type { GitHub, RepoRef } from '../publish/github.js';
import type { PullTarget } from './events.js';

export async function openPullsWithHead(gh: GitHub, repo: RepoRef, sha: string): Promise<PullTarget[]> {
  const pulls = await gh.paginate(gh.rest.repos.listPullRequestsAssociatedWithCommit, {
    owner: repo.owner,
    repo: repo.repo,
    commit_sha: sha,
    per_page: 100,
  });
  return pulls
    .filter((pull) => pull.state === 'open' && pull.head.sha === sha)
    .map((pull) => ({ kind: 'pull', number: pull.number, eventSha: sha }));
}
