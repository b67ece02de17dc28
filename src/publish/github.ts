/** What every publisher needs: the client and the pull request it writes to. */
import type { Octokit } from '@octokit/rest';

export type GitHub = Octokit;

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullRef extends RepoRef {
  number: number;
}
