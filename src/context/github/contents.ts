/**
 * File contents at given commits, read in batches through GraphQL: one query carries up to BLOBS_PER_QUERY
 * `object(expression: "SHA:path")` aliases. Measured by bench/github.ts (3,000-file pull request, 300 config files
 * of 2,000 lines = 600 blobs, 50 ms per request):
 *   GraphQL, 100 per query:   6 requests, 5.1 s;
 *   GraphQL,  50 per query:  12 requests, 11.1 s;
 *   REST, one per blob:     600 requests, 3.8 s (contents or git blobs; base blob ids would cost a tree read more).
 * Octokit's throttling plugin spaces GraphQL requests one second apart (GitHub asks that of POSTs), which is most
 * of the GraphQL time. REST is faster only by spending 600 requests of a `GITHUB_TOKEN`'s 1,000 per hour per
 * repository on one evaluation; 100 aliases keep a response to a few MB for typical config files.
 * A blob whose text GraphQL truncates is read again through the REST blob endpoint (raw, up to the size limit).
 */
import type { Octokit } from '@octokit/rest';
import { MAX_CONFIG_BYTES } from '../config-size.js';
import { apiFailure, reading, statusOf } from './errors.js';
import type { RepoRef } from './pull.js';

const BLOBS_PER_QUERY = 100;

export interface BlobRequest {
  sha: string;
  path: string;
}

export type BlobContent =
  | { kind: 'text'; text: string }
  | { kind: 'binary' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'missing' };

interface GraphqlBlob {
  __typename: string;
  oid?: string;
  byteSize?: number;
  isBinary?: boolean | null;
  isTruncated?: boolean;
  text?: string | null;
}

export const blobKey = ({ sha, path }: BlobRequest): string => `${sha}:${path}`;

/** Contents of the given blobs; `perQuery` is there for the benchmark that chose BLOBS_PER_QUERY. */
export async function readBlobs(
  gh: Octokit,
  repo: RepoRef,
  wanted: BlobRequest[],
  perQuery = BLOBS_PER_QUERY,
): Promise<Map<string, BlobContent>> {
  const unique = [...new Map(wanted.map((request) => [blobKey(request), request])).values()];
  const batches = Array.from({ length: Math.ceil(unique.length / perQuery) }, (_, index) =>
    unique.slice(index * perQuery, (index + 1) * perQuery),
  );
  const results = await Promise.all(batches.map((batch) => readBatch(gh, repo, batch)));
  return new Map(results.flat());
}

async function readBatch(gh: Octokit, repo: RepoRef, batch: BlobRequest[]): Promise<[string, BlobContent][]> {
  const variables = Object.fromEntries(batch.map((request, index) => [`e${index}`, blobKey(request)]));
  const query = [
    `query(${['$owner: String!, $name: String!', ...batch.map((_, index) => `$e${index}: String!`)].join(', ')}) {`,
    '  repository(owner: $owner, name: $name) {',
    ...batch.map((_, index) => `    f${index}: object(expression: $e${index}) { __typename ...blob }`),
    '  }',
    '}',
    'fragment blob on Blob { oid byteSize isBinary isTruncated text }',
  ].join('\n');
  const data = await reading(`read ${batch.length} files through GraphQL`, () =>
    gh.graphql<{ repository: Record<string, GraphqlBlob | null> }>(query, {
      owner: repo.owner,
      name: repo.repo,
      ...variables,
    }),
  );
  return Promise.all(
    batch.map(
      async (request, index) =>
        [blobKey(request), await content(gh, repo, request, data.repository[`f${index}`])] as [
          string,
          BlobContent,
        ],
    ),
  );
}

async function content(
  gh: Octokit,
  repo: RepoRef,
  request: BlobRequest,
  blob: GraphqlBlob | null,
): Promise<BlobContent> {
  if (!blob || blob.__typename !== 'Blob') return { kind: 'missing' };
  if (blob.isBinary) return { kind: 'binary' };
  const bytes = blob.byteSize ?? 0;
  if (bytes > MAX_CONFIG_BYTES) return { kind: 'too-large', bytes };
  if (!blob.isTruncated && typeof blob.text === 'string') return { kind: 'text', text: blob.text };
  return { kind: 'text', text: await readRawBlob(gh, repo, blob.oid ?? '', request.path) };
}

async function readRawBlob(gh: Octokit, repo: RepoRef, sha: string, path: string): Promise<string> {
  const { data } = await reading(`read ${path} (blob ${sha.slice(0, 7)})`, () =>
    gh.rest.git.getBlob({ ...repo, file_sha: sha, headers: { accept: 'application/vnd.github.raw' } }),
  );
  return decode(data as unknown);
}

/** One repository file at one commit, raw (REST contents); null when there is no such file. */
export async function readFileAt(
  gh: Octokit,
  repo: RepoRef,
  ref: string,
  path: string,
): Promise<string | null> {
  try {
    const { data } = await gh.rest.repos.getContent({
      ...repo,
      path,
      ref,
      headers: { accept: 'application/vnd.github.raw' },
    });
    return decode(data as unknown);
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw apiFailure(`read ${path} at ${ref.slice(0, 7)}`, error);
  }
}

/** Octokit hands raw bodies over as text or as an ArrayBuffer, depending on the content type GitHub sends. */
function decode(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  throw new Error('GitHub sent JSON where raw file contents were asked for');
}
