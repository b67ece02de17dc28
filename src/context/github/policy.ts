/** The policy as it is on the pull request's base commit: a pull request can never weaken the gate that judges it. */
import type { Octokit } from '@octokit/rest';
import type { Policy } from '../../model/policy.js';
import { loadPolicyAt } from '../policy-file.js';
import { readFileAt } from './contents.js';
import { GatherError } from './errors.js';
import type { RepoRef } from './pull.js';

export async function readPolicy(
  gh: Octokit,
  repo: RepoRef,
  baseSha: string,
  policyPath: string,
): Promise<Policy> {
  const short = baseSha.slice(0, 7);
  const cache = new Map<string, Promise<string | null>>();
  const read = (path: string) => {
    if (!cache.has(path)) cache.set(path, readFileAt(gh, repo, baseSha, path));
    return cache.get(path)!;
  };
  if ((await read(policyPath)) === null) {
    throw new GatherError(
      `no policy at ${policyPath} on the base commit ${short}: commit one to the base branch first ` +
        '(a pull request cannot bring its own policy), or set the `policy` input to where it is',
    );
  }
  return loadPolicyAt(policyPath, { read, name: (path) => `${short}:${path}` });
}
