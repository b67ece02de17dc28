/**
 * The local context: a git range as a pull request. Like GitHub's "Files changed", the change is
 * `git diff base...head` — from the merge base of the two to the head — so commits that landed on the base
 * branch after the branch point are not part of the change. The policy is read from the base commit itself
 * (the tip of `base`), as the action reads it from the pull request's base, so a range cannot weaken its own gate.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { filesToRead } from '../engine/index.js';
import type { Policy } from '../model/policy.js';
import type { ChangedFile, Snapshot } from '../model/snapshot.js';
import { MAX_CONFIG_BYTES } from './config-size.js';
import { ContextError } from './context-error.js';
import { GitProcess } from './git-process.js';
import { DEFAULT_POLICY_PATH, loadPolicyAt, loadPolicyFromDisk } from './policy-file.js';

export interface GitRangeOptions {
  /** Any folder inside the repository. */
  repo: string;
  base: string;
  head?: string;
  /** A policy file in the working tree (relative to the working directory) instead of the base commit's. */
  policyPath?: string;
}

/** Author of a local range: no GitHub login is known, and nobody's approval is the author's own. */
export const LOCAL_AUTHOR = 'local';

const NO_OBJECT = /^0+$/;
const GITLINK_MODE = '160000';

interface RawChange {
  path: string;
  previousPath?: string;
  /** Blob ids, null when the file does not exist on that side. */
  baseBlob: string | null;
  headBlob: string | null;
  submodule: boolean;
  binary: boolean;
}

export async function gatherGitRange(
  options: GitRangeOptions,
): Promise<{ policy: Policy; snapshot: Snapshot }> {
  const git = new GitProcess(await existingFolder(options.repo));
  const root = await topLevel(git);
  const head = options.head ?? 'HEAD';
  const [baseSha, headSha] = await Promise.all([commitOf(git, options.base), commitOf(git, head)]);
  const mergeBase = await git.text(['merge-base', baseSha, headSha]).catch(() => {
    throw new ContextError(`${options.base} and ${head} have no common history (no merge base)`);
  });
  const policy = options.policyPath
    ? await loadPolicyFromDisk(
        path.resolve(options.policyPath),
        workingTreeLocation(root, options.policyPath),
      )
    : await policyAtBase(git, options.base, baseSha);
  const changes = await changesBetween(git, mergeBase, headSha);
  const paths = changes.map((change) => change.path);
  const wanted = new Set(filesToRead(policy, paths));
  const snapshot: Snapshot = {
    pr: { number: 0, author: LOCAL_AUTHOR, body: '', labels: [], baseSha, headSha },
    files: await readContents(git, changes, wanted),
    reviews: [],
    checks: [],
    members: {},
    permissions: {},
    evidence: {},
    errors: [],
  };
  return { policy, snapshot };
}

async function existingFolder(folder: string): Promise<string> {
  const absolute = path.resolve(folder);
  const info = await stat(absolute).catch(() => null);
  if (!info?.isDirectory()) throw new ContextError(`--repo ${folder}: no such folder`);
  return absolute;
}

async function topLevel(git: GitProcess): Promise<string> {
  return git.text(['rev-parse', '--show-toplevel']).catch((error: Error) => {
    if (!/not a git repository/i.test(error.message)) throw error;
    throw new ContextError(`${git.cwd} is not inside a git repository`);
  });
}

/** A revision as a commit id; refuses option-like and multi-line names before git sees them. */
async function commitOf(git: GitProcess, revision: string): Promise<string> {
  if (!revision || revision.startsWith('-') || /[\s\0]/.test(revision)) {
    throw new ContextError(`invalid revision \`${revision}\`: give a branch, tag or commit id`);
  }
  const sha = await git
    .text(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])
    .catch(() => '');
  if (!sha)
    throw new ContextError(`unknown revision \`${revision}\` in ${git.cwd}: no such branch, tag or commit`);
  return sha;
}

/** The policy a repository path `--policy` names keeps that path for self-protection; outside the repository it cannot. */
function workingTreeLocation(root: string, policyPath: string): { root: string; repoPath: string } {
  const relative = path.relative(root, path.resolve(policyPath));
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return { root, repoPath: inside ? relative.split(path.sep).join('/') : DEFAULT_POLICY_PATH };
}

async function policyAtBase(git: GitProcess, base: string, baseSha: string): Promise<Policy> {
  const read = async (repoPath: string) => {
    const object = (await git.objects([`${baseSha}:${repoPath}`], '--batch')).get(`${baseSha}:${repoPath}`);
    return object?.content?.toString('utf8') ?? null;
  };
  const policyText = await read(DEFAULT_POLICY_PATH);
  if (policyText === null) {
    throw new ContextError(
      `no policy at ${DEFAULT_POLICY_PATH} in ${base} (${baseSha.slice(0, 7)}): commit one to the base branch, or pass --policy FILE`,
    );
  }
  return loadPolicyAt(DEFAULT_POLICY_PATH, {
    read: async (repoPath) => (repoPath === DEFAULT_POLICY_PATH ? policyText : read(repoPath)),
    name: (repoPath) => `${base}:${repoPath}`,
  });
}

/** `git diff-tree` raw and numstat output in one run: statuses, blob ids, renames, and which files are binary. */
async function changesBetween(git: GitProcess, from: string, to: string): Promise<RawChange[]> {
  const output = await git.run([
    'diff-tree',
    '-r',
    '-z',
    '-M',
    '--raw',
    '--numstat',
    '--no-abbrev',
    from,
    to,
  ]);
  const tokens = output.toString('utf8').split('\0');
  const changes: RawChange[] = [];
  const binary = new Set<string>();
  for (let index = 0; index < tokens.length && tokens[index] !== '';) {
    const token = tokens[index];
    if (token.startsWith(':')) {
      const [baseMode, headMode, baseBlob, headBlob, status] = token.slice(1).split(' ');
      const renamed = status.startsWith('R') || status.startsWith('C');
      const [previousPath, filePath] = renamed
        ? [tokens[index + 1], tokens[index + 2]]
        : [undefined, tokens[index + 1]];
      index += renamed ? 3 : 2;
      changes.push({
        path: filePath,
        ...(previousPath !== undefined ? { previousPath } : {}),
        baseBlob: NO_OBJECT.test(baseBlob) ? null : baseBlob,
        headBlob: NO_OBJECT.test(headBlob) ? null : headBlob,
        submodule: baseMode === GITLINK_MODE || headMode === GITLINK_MODE,
        binary: false,
      });
      continue;
    }
    // numstat: "added\tdeleted\tpath", or "added\tdeleted\t" followed by the old and new paths of a rename.
    const [added, , numstatPath] = token.split('\t');
    const filePath = numstatPath === '' ? tokens[index + 2] : numstatPath;
    index += numstatPath === '' ? 3 : 1;
    if (added === '-') binary.add(filePath);
  }
  return changes.map((change) => ({ ...change, binary: binary.has(change.path) }));
}

/** Base and head text of the files the policy reads, in two `cat-file` runs (sizes, then contents). */
async function readContents(
  git: GitProcess,
  changes: RawChange[],
  wanted: Set<string>,
): Promise<ChangedFile[]> {
  const readable = new Set(
    changes.filter((change) => wanted.has(change.path) && !change.binary && !change.submodule),
  );
  const blobs = [
    ...new Set(
      [...readable].flatMap((change) => [change.baseBlob, change.headBlob]).filter((blob) => blob !== null),
    ),
  ];
  const sizes = await git.objects(blobs, '--batch-check');
  const small = blobs.filter((blob) => (sizes.get(blob)?.size ?? 0) <= MAX_CONFIG_BYTES);
  const contents = await git.objects(small, '--batch');
  const textOf = (blob: string | null, read: boolean) => {
    if (blob === null) return null;
    return read ? (contents.get(blob)?.content?.toString('utf8') ?? '') : '';
  };
  return changes.map((change) => {
    const read = readable.has(change);
    const tooLarge = [change.baseBlob, change.headBlob].some(
      (blob) => blob !== null && read && !contents.has(blob),
    );
    return {
      path: change.path,
      ...(change.previousPath !== undefined ? { previousPath: change.previousPath } : {}),
      base: change.submodule ? submoduleText(change.baseBlob) : textOf(change.baseBlob, read),
      head: change.submodule ? submoduleText(change.headBlob) : textOf(change.headBlob, read),
      ...(change.binary ? { binary: true } : {}),
      ...(tooLarge ? { unavailable: `larger than ${MAX_CONFIG_BYTES / 2 ** 20} MiB` } : {}),
    };
  });
}

/** How git itself shows a submodule's side of a diff. */
const submoduleText = (commit: string | null): string | null =>
  commit === null ? null : `Subproject commit ${commit}\n`;
