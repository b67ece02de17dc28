/** A tiny content-addressed history: blobs with git's own SHA-1, trees as path → blob, commits in one line. */
import { createHash } from 'node:crypto';

export type Tree = Map<string, string>;

export interface Commit {
  sha: string;
  parent: string | null;
  tree: Tree;
  treeSha: string;
  message: string;
}

const sha1 = (...parts: (string | Buffer)[]) => {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};

export class Repository {
  readonly blobs = new Map<string, Buffer>();
  readonly commits = new Map<string, Commit>();

  /** Stores content and returns its blob SHA, exactly as `git hash-object` computes it. */
  blob(content: string | Buffer): string {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const sha = sha1(`blob ${bytes.length}\0`, bytes);
    this.blobs.set(sha, bytes);
    return sha;
  }

  commit(parent: string | null, tree: Tree, message: string): Commit {
    const listing = [...tree].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, blob]) => `${blob} ${path}`);
    const treeSha = sha1(listing.join('\n'));
    const sha = sha1(`tree ${treeSha}\nparent ${parent ?? '-'}\n${message}\n`);
    const commit = { sha, parent, tree, treeSha, message };
    this.commits.set(sha, commit);
    return commit;
  }

  /** `ref` is a full SHA, or an unambiguous prefix of at least 7 characters. */
  find(ref: string): Commit | undefined {
    const exact = this.commits.get(ref);
    if (exact || !/^[0-9a-f]{7,39}$/.test(ref)) return exact;
    const matches = [...this.commits.values()].filter((commit) => commit.sha.startsWith(ref));
    return matches.length === 1 ? matches[0] : undefined;
  }

  ancestors(sha: string): string[] {
    const chain: string[] = [];
    for (let at: string | null = sha; at; at = this.commits.get(at)?.parent ?? null) chain.push(at);
    return chain;
  }

  mergeBase(a: string, b: string): string | null {
    const ofB = new Set(this.ancestors(b));
    return this.ancestors(a).find((sha) => ofB.has(sha)) ?? null;
  }

  /** Paths whose blob differs between two trees. */
  static changedPaths(from: Tree, to: Tree): string[] {
    const paths = new Set([...from.keys(), ...to.keys()]);
    return [...paths].filter((path) => from.get(path) !== to.get(path)).sort();
  }
}

/** Git's test for binary content: a NUL byte in the first 8,000 bytes. */
export const isBinary = (bytes: Buffer): boolean => bytes.subarray(0, 8000).includes(0);
