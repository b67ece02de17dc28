/** The pull request itself, its changed files, and the commit its changes are measured from. */
import type { Octokit } from '@octokit/rest';
import { GatherError, reading } from './errors.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullInfo {
  number: number;
  author: string;
  title: string;
  body: string;
  url: string;
  labels: string[];
  headSha: string;
  /** The base branch's commit: the policy is read here. */
  baseSha: string;
  changedFiles: number;
}

export type FileStatus = 'added' | 'removed' | 'modified';

export interface ListedFile {
  path: string;
  previousPath?: string;
  /** Renames and copies are `modified` from `previousPath`/added; mode-only changes are `modified`. */
  status: FileStatus;
}

/** The files endpoint lists at most this many files of a pull request; beyond it the change cannot be seen whole. */
const MAX_PULL_FILES = 3000;
const PER_PAGE = 100;

export async function readPull(gh: Octokit, repo: RepoRef, number: number): Promise<PullInfo> {
  const { data } = await reading(`read pull request #${number}`, () =>
    gh.rest.pulls.get({ ...repo, pull_number: number }),
  );
  return {
    number,
    author: data.user.login,
    title: data.title,
    body: data.body ?? '',
    url: data.html_url,
    labels: data.labels.map((label) => label.name),
    headSha: data.head.sha,
    baseSha: data.base.sha,
    changedFiles: data.changed_files,
  };
}

/** Fails closed when GitHub cannot list every changed file (its 3,000-file limit): nothing else is worth reading. */
export function assertListable(pull: PullInfo): void {
  if (pull.changedFiles <= MAX_PULL_FILES) return;
  throw new GatherError(
    `pull request #${pull.number} changes ${pull.changedFiles} files; GitHub's API lists at most ${MAX_PULL_FILES}, ` +
      'so riskgate cannot see the whole change and does not pass it — split the pull request',
  );
}

/**
 * Every changed file, all pages requested at once (the page count is known from `changed_files`).
 * Fails closed when the list and the count disagree.
 */
export async function listFiles(gh: Octokit, repo: RepoRef, pull: PullInfo): Promise<ListedFile[]> {
  const pages = Math.max(1, Math.ceil(pull.changedFiles / PER_PAGE));
  const responses = await reading(`list the files of pull request #${pull.number}`, () =>
    Promise.all(
      Array.from({ length: pages }, (_, index) =>
        gh.rest.pulls.listFiles({ ...repo, pull_number: pull.number, per_page: PER_PAGE, page: index + 1 }),
      ),
    ),
  );
  const files = responses.flatMap(({ data }) => data.map(listed));
  if (files.length !== pull.changedFiles) {
    throw new GatherError(
      `pull request #${pull.number} reports ${pull.changedFiles} changed files but GitHub listed ${files.length}; ` +
        'it probably changed while being read — re-run the check',
    );
  }
  return files;
}

function listed(file: { filename: string; status: string; previous_filename?: string }): ListedFile {
  if (file.status === 'renamed' && file.previous_filename) {
    return { path: file.filename, previousPath: file.previous_filename, status: 'modified' };
  }
  // A copy is a new file (its source is unchanged); `changed` is a mode change.
  const status =
    file.status === 'added' || file.status === 'copied'
      ? 'added'
      : file.status === 'removed'
        ? 'removed'
        : 'modified';
  return { path: file.filename, status };
}

/**
 * The commit the pull request's diff starts from: the merge base of base and head, as GitHub's "Files changed"
 * computes it. Reading "before" versions at the base branch's tip instead would show changes that landed on the
 * base branch after the branch point as reverts by this pull request.
 */
export async function mergeBase(gh: Octokit, repo: RepoRef, pull: PullInfo): Promise<string> {
  const { data } = await reading(`find the merge base of pull request #${pull.number}`, () =>
    gh.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${pull.baseSha}...${pull.headSha}`,
      per_page: 1,
    }),
  );
  return data.merge_base_commit.sha;
}
