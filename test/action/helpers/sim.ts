/** The loopback GitHub API for one test: a scenario variant written to a temp file, served in strict mode. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { createGitHubSim, type GitHubSim, type GitHubSimOptions } from '../../../tools/github-sim/server.js';
import { ACTOR, type World } from '../../../tools/github-sim/world.js';
import { repoRoot, runAction } from './run-action.js';
import { pullRequestEvent, type PullCoordinates } from './webhooks.js';

export const fixtures = join(repoRoot, 'test/fixtures/action');
export const REPOSITORY = 'acme/app';

type ScenarioPatch = Record<string, unknown>;

/** The incident scenario with top-level fields replaced (`pr` is merged), written next to nothing else. */
export async function scenarioFile(patch: ScenarioPatch = {}): Promise<string> {
  const incident = parse(await readFile(join(fixtures, 'incident.yml'), 'utf8')) as ScenarioPatch;
  const { pr, ...rest } = patch;
  const base: ScenarioPatch = { ...incident };
  delete base.expect;
  const scenario = {
    ...base,
    ...rest,
    policy: join(fixtures, 'policy.yml'),
    pr: { ...(incident.pr as object), ...(pr as object) },
  };
  const file = join(await mkdtemp(join(tmpdir(), 'riskgate-scenario-')), 'scenario.yml');
  await writeFile(file, stringify(scenario));
  return file;
}

export async function startSim(
  patch: ScenarioPatch = {},
  options: Omit<GitHubSimOptions, 'scenario'> = {},
): Promise<GitHubSim> {
  return createGitHubSim({ scenario: await scenarioFile(patch), strict: true, ...options });
}

export const coordinates = (sim: GitHubSim): PullCoordinates => ({
  owner: sim.world.site.owner,
  repo: sim.world.site.name,
  number: sim.world.number,
  headSha: sim.world.head.sha,
  baseSha: sim.world.base.sha,
});

/** What happens on GitHub between two runs. */
export function approve(world: World, user: string): void {
  world.reviews.push({
    id: world.id(),
    user,
    state: 'APPROVED',
    commitId: world.head.sha,
    submittedAt: world.clock.now(),
  });
}

export function finishCheckRun(world: World, name: string, conclusion = 'success'): void {
  const run = world.addWorkflowRun(name, world.head.sha);
  const now = world.clock.now();
  world.checkRuns.push({
    id: world.id(),
    name,
    headSha: world.head.sha,
    status: 'completed',
    conclusion,
    app: 'github-actions',
    output: { title: null, summary: null, text: null, annotations: [] },
    detailsUrl: null,
    externalId: null,
    startedAt: now,
    completedAt: now,
    checkSuiteId: run.checkSuiteId,
    runId: run.id,
  });
}

export function seedComment(world: World, body: string): void {
  const now = world.clock.now();
  world.comments.push({ id: world.id(), body, user: ACTOR, createdAt: now, updatedAt: now });
}

/** Writes the action made, by kind, for readable assertions. */
export const writesTo = (sim: GitHubSim, pattern: RegExp) =>
  sim.writes.filter((write) => pattern.test(`${write.method} ${write.path}`));

export const statusWrites = (sim: GitHubSim) =>
  writesTo(sim, /^POST \/repos\/[^/]+\/[^/]+\/statuses\//).map((write) => ({
    sha: write.path.split('/').at(-1),
    ...(write.body as { state: string; description: string; context: string; target_url?: string }),
  }));

/** A `startSim` whose servers are closed after each test of the calling file. */
export function simsClosedAfterEach(): typeof startSim {
  const sims: GitHubSim[] = [];
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((sim) => sim.close()));
  });
  return async (...args) => {
    const started = await startSim(...args);
    sims.push(started);
    return started;
  };
}

/** The action run for a `pull_request` `opened` event against the sim. */
export const opened = (server: GitHubSim, inputs: Record<string, string> = {}) =>
  runAction({
    apiUrl: server.url,
    event: 'pull_request',
    payload: pullRequestEvent('pull_request', 'opened', coordinates(server)),
    repository: REPOSITORY,
    inputs,
  });
