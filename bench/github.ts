/**
 * The GitHub context on a 3,000-file pull request with 300 config files (2,000-line YAML, base and head), served by
 * the loopback simulator with 50 ms per request in a child process, so that the memory measured is the gatherer's.
 * Reports API requests against the minimum the API allows, wall time and peak memory, and the ways of reading the
 * 600 blobs that were measured to choose one (GraphQL aliases 50 or 100 per query, REST one per blob).
 *
 * Alone: `tsc -p tsconfig.tools.json && node build/bench/github.js`; with the others: `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGitHubClient, gatherPullRequest, requestCount } from '../src/context/github/index.js';
import { readBlobs, readFileAt, type BlobRequest } from '../src/context/github/contents.js';
import type { Logger } from '../src/context/logger.js';
import { policyAsYaml } from '../tools/github-sim/scenario-input.js';
import { createGitHubSim } from '../tools/github-sim/server.js';
import { syntheticPolicy, syntheticPr } from './synthetic.js';

const FILES = 3000;
const CONFIG_FILES = 300;
const CONFIG_LINES = 2000;
const LATENCY_MS = 50;
const PER_PAGE = 100;
const repo = { owner: 'acme', repo: 'app' };
const quiet: Logger = { info() {}, warning: (message) => console.error(message), error() {}, debug() {} };

interface Served {
  url: string;
  number: number;
  files: number;
  blobs: BlobRequest[];
  /** Approvers listed by a review requirement: their permission is needed. */
  countingApprovers: number;
}

/** The synthetic policy without its source-line rule, so that exactly the 300 config files are read. */
function benchScenario() {
  const policy = syntheticPolicy(200);
  policy.rules = policy.rules.filter((rule) => !rule.lines);
  const { snapshot } = syntheticPr(FILES, CONFIG_FILES, CONFIG_LINES);
  return { policy, snapshot, policyText: policyAsYaml(policy) };
}

/** Child process: serve the synthetic pull request and describe it on one line of JSON. */
async function serve(): Promise<void> {
  const scenario = benchScenario();
  const sim = await createGitHubSim({ scenario, latencyMs: LATENCY_MS });
  const { world } = sim;
  const configs = scenario.snapshot.files.filter((file) => file.path.endsWith('.yml'));
  const blobs = configs.flatMap((file) => [
    { sha: world.base.sha, path: file.path },
    { sha: world.head.sha, path: file.path },
  ]);
  const listed = new Set(Object.values(scenario.policy.teams).flat());
  const countingApprovers = scenario.snapshot.reviews.filter(
    (review) => review.state === 'APPROVED' && listed.has(review.user),
  ).length;
  const served: Served = {
    url: sim.url,
    number: world.number,
    files: scenario.snapshot.files.length,
    blobs,
    countingApprovers,
  };
  process.stdout.write(`${JSON.stringify(served)}\n`);
}

/**
 * The fewest requests any client could make for this pull request, taking every batching the API offers:
 * the pull request together with the facts that do not depend on the policy (reviews, checks, statuses, label
 * events) in one GraphQL query; the changed files at 100 per page (REST and GraphQL alike); the policy at the base
 * commit and the merge base (both need the first answer's SHAs); every blob in one GraphQL query (GitHub documents
 * no limit on aliases); the counting approvers' permissions as aliases of one more query.
 */
function minimumRequests(served: Served): number {
  const blobs = served.blobs.length > 0 ? 1 : 0;
  const permissions = served.countingApprovers > 0 ? 1 : 0;
  return 1 + Math.ceil(served.files / PER_PAGE) + 1 + 1 + blobs + permissions;
}

/** Peak RSS and heap while `work` runs, sampled every 10 ms. */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; rssMb: number; heapMb: number }> {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  const sampler = setInterval(sample, 10);
  const start = performance.now();
  try {
    const result = await work();
    sample();
    return {
      result,
      ms: Math.round(performance.now() - start),
      rssMb: Math.round(rss / 2 ** 20),
      heapMb: Math.round(heap / 2 ** 20),
    };
  } finally {
    clearInterval(sampler);
  }
}

async function startChild(): Promise<{ served: Served; stop: () => void }> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await Promise.race([
    (async () => {
      for await (const text of createInterface({ input: child.stdout })) return [text];
      return [''];
    })(),
    new Promise<string[]>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`simulator exited (${code})`))),
    ),
  ]);
  return { served: JSON.parse(line) as Served, stop: () => child.kill() };
}

/** Reads the same 600 blobs another way, with a client of its own (its own throttling queue). */
async function contentsRead(
  served: Served,
  how: string,
  read: (gh: ReturnType<typeof createGitHubClient>) => Promise<unknown>,
) {
  const gh = createGitHubClient({ token: `bench-${how}`, baseUrl: served.url, log: quiet });
  const { ms } = await measured(() => read(gh));
  return { requests: requestCount(gh), ms };
}

export async function runGitHubBench(): Promise<Record<string, number | string>> {
  const { served, stop } = await startChild();
  try {
    const gh = createGitHubClient({ token: 'bench', baseUrl: served.url, log: quiet });
    const run = await measured(() =>
      gatherPullRequest(
        gh,
        { ...repo, number: served.number },
        { policyPath: '.github/riskgate.yml', log: quiet },
      ),
    );
    const minimum = minimumRequests(served);
    const graphql50 = await contentsRead(served, 'graphql-50', (client) =>
      readBlobs(client, repo, served.blobs, 50),
    );
    const graphql100 = await contentsRead(served, 'graphql-100', (client) =>
      readBlobs(client, repo, served.blobs, 100),
    );
    const rest = await contentsRead(served, 'rest', (client) =>
      Promise.all(served.blobs.map(({ sha, path }) => readFileAt(client, repo, sha, path))),
    );
    return {
      files: served.files,
      configFiles: served.blobs.length / 2,
      requests: run.result.requests,
      minimumRequests: minimum,
      ratio: Number((run.result.requests / minimum).toFixed(2)),
      wallMs: run.ms,
      peakRssMb: run.rssMb,
      peakHeapMb: run.heapMb,
      'blobs: graphql 50/query': `${graphql50.requests} req, ${graphql50.ms} ms`,
      'blobs: graphql 100/query': `${graphql100.requests} req, ${graphql100.ms} ms`,
      'blobs: REST, one per blob': `${rest.requests} req, ${rest.ms} ms`,
    };
  } finally {
    stop();
  }
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] === self) {
  if (process.argv.includes('--serve')) {
    await serve();
  } else {
    console.log(
      `github: ${FILES}-file PR with ${CONFIG_FILES} config files through the loopback simulator, ${LATENCY_MS} ms per request`,
    );
    console.table([await runGitHubBench()]);
  }
}
