/**
 * Load tests that passed on an earlier commit of the pull request. They still count when the keys they depend on
 * have the same values at the head (the engine decides that from `testedFiles`), so a later push that touches
 * something else does not force a new load test. Read only when the head has no successful load-test check.
 */
import type { Octokit } from '@octokit/rest';
import { compileNameGlob } from '../../engine/glob.js';
import type { Policy } from '../../model/policy.js';
import type { Check } from '../../model/snapshot.js';
import { outputReports, toCheck, type HeadCheck } from './checks.js';
import { blobKey, readBlobs } from './contents.js';
import { apiFailure, reading, statusOf } from './errors.js';
import type { RepoRef } from './pull.js';

/** How many earlier commits, newest first, are searched for a passed load test (one request each). */
const LOOKBACK_COMMITS = 5;
const MAX_COMPARE_FILES = 300;

interface Context {
  gh: Octokit;
  repo: RepoRef;
  pull: { number: number; headSha: string };
  policy: Policy;
  headChecks: HeadCheck[];
  /** Files the policy reads (their text at the earlier commit is needed). */
  wanted: Set<string>;
}

export async function readEarlierChecks(context: Context): Promise<HeadCheck[]> {
  const { gh, repo, pull, policy, headChecks } = context;
  let open = loadTestChecks(policy).filter(
    (matches) => !headChecks.some((check) => matches(check) && check.conclusion === 'success'),
  );
  if (!open.length) return [];
  const commits = await reading(`list the commits of pull request #${pull.number}`, () =>
    gh.paginate(gh.rest.pulls.listCommits, { ...repo, pull_number: pull.number, per_page: 100 }),
  );
  const earlier = commits
    .map((commit) => commit.sha)
    .filter((sha) => sha !== pull.headSha)
    .reverse()
    .slice(0, LOOKBACK_COMMITS);
  const found: HeadCheck[] = [];
  for (const sha of earlier) {
    if (!open.length) break;
    const runs = await reading(`list the check runs of ${sha.slice(0, 7)}`, () =>
      gh.paginate(gh.rest.checks.listForRef, { ...repo, ref: sha, per_page: 100 }),
    );
    const passed = runs
      .map((run) => toCheck(run, outputReports(policy)))
      .filter((check) => check.conclusion === 'success');
    const useful = passed.filter((check) => open.some((matches) => matches(check)));
    if (!useful.length) continue;
    const testedFiles = await filesAt(context, sha);
    found.push(
      ...useful.map((check) => ({
        ...check,
        stale: true,
        commit: sha.slice(0, 7),
        ...(testedFiles ? { testedFiles } : {}),
      })),
    );
    open = open.filter((matches) => !useful.some(matches));
  }
  return found;
}

/** One matcher per load-test requirement with a `check` glob (and `app`). */
function loadTestChecks(policy: Policy): ((check: Check) => boolean)[] {
  return Object.values(policy.requirements).flatMap(({ load_test: spec }) => {
    if (!spec?.check) return [];
    const matches = compileNameGlob(spec.check);
    return [(check: Check) => matches(check.name) && (!spec.app || spec.app === check.app)];
  });
}

/**
 * The files that differ between an earlier commit and the head, with their text at that commit (null: absent
 * there; '' for files the policy does not read). Undefined when GitHub cannot say (gone, or 300+ files).
 */
async function filesAt(context: Context, sha: string): Promise<Check['testedFiles']> {
  const { gh, repo, pull, wanted } = context;
  let files: { filename: string; status: string; previous_filename?: string }[];
  try {
    const { data } = await gh.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${sha}...${pull.headSha}`,
      per_page: 1,
    });
    files = data.files ?? [];
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 422) return undefined;
    throw apiFailure(`compare ${sha.slice(0, 7)} with the head`, error);
  }
  if (files.length >= MAX_COMPARE_FILES) return undefined;
  // A file added since did not exist then; a renamed one existed under its previous name.
  const then = files.map((file) => ({
    path: file.filename,
    from: file.status === 'added' ? null : (file.previous_filename ?? file.filename),
  }));
  const requests = then
    .filter(({ path, from }) => from !== null && wanted.has(path))
    .map(({ from }) => ({ sha, path: from! }));
  const blobs = await readBlobs(gh, repo, requests);
  return then.map(({ path, from }) => {
    if (from === null) return { path, text: null };
    const blob = blobs.get(blobKey({ sha, path: from }));
    return { path, text: blob?.kind === 'text' ? blob.text : blob?.kind === 'missing' ? null : '' };
  });
}
