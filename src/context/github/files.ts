/** Changed files as the engine sees them: base and head text for the files the policy reads, nothing for the rest. */
import type { Octokit } from '@octokit/rest';
import type { ChangedFile } from '../../model/snapshot.js';
import { MAX_CONFIG_BYTES } from '../config-size.js';
import { blobKey, readBlobs, type BlobContent, type BlobRequest } from './contents.js';
import type { ListedFile, RepoRef } from './pull.js';

export interface Revisions {
  /** Where the pull request's diff starts (the merge base). */
  base: string;
  head: string;
}

export async function readChangedFiles(
  gh: Octokit,
  repo: RepoRef,
  listed: ListedFile[],
  wanted: Set<string>,
  at: Revisions,
): Promise<ChangedFile[]> {
  const sides = (file: ListedFile) => ({
    base: file.status === 'added' ? null : { sha: at.base, path: file.previousPath ?? file.path },
    head: file.status === 'removed' ? null : { sha: at.head, path: file.path },
  });
  const requests = listed
    .filter((file) => wanted.has(file.path))
    .flatMap((file) => Object.values(sides(file)).filter((side): side is BlobRequest => side !== null));
  const blobs = await readBlobs(gh, repo, requests);
  return listed.map((file) => {
    const { base, head } = sides(file);
    const renamed = file.previousPath ? { previousPath: file.previousPath } : {};
    // Files the policy does not read keep only whether each side exists (the engine needs nothing more).
    if (!wanted.has(file.path)) return { path: file.path, ...renamed, base: base && '', head: head && '' };
    return {
      path: file.path,
      ...renamed,
      ...withContents(base && blobs.get(blobKey(base))!, head && blobs.get(blobKey(head))!, at),
    };
  });
}

function withContents(
  base: BlobContent | null,
  head: BlobContent | null,
  at: Revisions,
): Omit<ChangedFile, 'path'> {
  const text = (side: BlobContent | null) => (side === null ? null : side.kind === 'text' ? side.text : '');
  const problems = [problemOf('base', base, at.base), problemOf('head', head, at.head)].filter(
    (problem) => problem !== null,
  );
  return {
    base: text(base),
    head: text(head),
    ...(base?.kind === 'binary' || head?.kind === 'binary' ? { binary: true } : {}),
    ...(problems.length ? { unavailable: problems.join('; ') } : {}),
  };
}

function problemOf(side: string, content: BlobContent | null, sha: string): string | null {
  if (content?.kind === 'too-large') {
    return `the ${side} version is ${content.bytes} bytes, over the ${MAX_CONFIG_BYTES / 2 ** 20} MiB riskgate reads`;
  }
  if (content?.kind === 'missing') return `the ${side} version is not in commit ${sha.slice(0, 7)}`;
  return null;
}
