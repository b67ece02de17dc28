/** The built action when GitHub misbehaves, the token is read-only, the pull request is huge, or the event is odd. */
import { e2e, expectClean } from './helpers/expect.js';
import { runAction } from './helpers/run-action.js';
import { coordinates, opened, REPOSITORY, simsClosedAfterEach, statusWrites } from './helpers/sim.js';
import { dispatchEvent, mergeGroupEvent, otherEvent, pullRequestEvent } from './helpers/webhooks.js';
import type { GitHubSim } from '../../tools/github-sim/server.js';

const sim = simsClosedAfterEach();

const answers = (server: GitHubSim, path: RegExp) =>
  server.requests.filter((request) => path.test(request.path)).map((request) => request.status);

e2e('when GitHub fails', () => {
  test('a 500 is retried; one that lasts fails closed, and the next run recovers', async () => {
    const server = await sim({}, { faults: [{ method: 'GET', path: '/pulls/34$', status: 500, times: 5 }] });
    const failed = await opened(server);
    expectClean(server, failed);
    expect(answers(server, /\/pulls\/34$/)).toEqual([500, 500, 500, 500]);
    expect(failed.exitCode).toBe(1);
    expect(failed.outputs).toMatchObject({ decision: 'blocked', 'release-track': 'standard' });
    expect(failed.report).toMatchObject({ decision: 'blocked', errors: [expect.stringContaining('500')] });
    expect(statusWrites(server)).toEqual([
      expect.objectContaining({
        sha: server.world.head.sha,
        state: 'failure',
        description: expect.stringMatching(/^could not evaluate: .*500/),
      }),
    ]);
    expect(failed.summary).toContain('could not evaluate');

    const recovered = await opened(server); // one fault left: retried once, then the real answer
    expectClean(server, recovered);
    expect(answers(server, /\/pulls\/34$/).slice(4)).toEqual([500, 200]);
    expect(recovered.outputs.decision).toBe('blocked');
    expect(recovered.report?.errors).toEqual([]);
    expect(statusWrites(server).at(-1)).toMatchObject({
      description: 'blocked · risk critical · unmet: backend-review, load-test',
    });
  });

  test('a 403 secondary rate limit is waited out and retried', async () => {
    const server = await sim(
      {},
      { faults: [{ method: 'GET', path: '/pulls/34/files$', status: 403, headers: { 'retry-after': '1' } }] },
    );
    const run = await opened(server);
    expectClean(server, run);
    expect(answers(server, /\/pulls\/34\/files$/)).toEqual([403, 200]);
    expect(run.stdout).toMatch(/secondary rate limit/);
    expect(run.report).toMatchObject({ decision: 'blocked', errors: [] });
  });
});

e2e('a fork pull request with a read-only token', () => {
  test('degrades to the job summary and the exit code, naming the permissions', async () => {
    const server = await sim({}, { fork: true, access: { readOnly: true } });
    const run = await opened(server);
    expectClean(server, run);
    expect(server.writes).toEqual([]);
    expect(answers(server, /\/statuses\//)).toEqual([403]);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.decision).toBe('blocked');
    expect(run.stdout).toContain(
      '::warning::the token may not write the commit status: add `statuses: write`',
    );
    expect(run.stdout).toContain('may not write the pull request comment: add `pull-requests: write`');
    expect(run.summary).toContain('Not written: the token may not write the commit status');
    expect(run.summary).toContain('🔴 blocked');
  });
});

/** A scenario of `count` changed files: the incident's config change plus plain source files. */
const manyFiles = (count: number) => ({
  files: [
    {
      path: 'config/client/realtime.yml',
      base: 'client:\n  heartbeat_interval: 30s\n',
      head: 'client:\n  heartbeat_interval: 5s\n',
    },
    ...Array.from({ length: count - 1 }, (_, i) => ({
      path: `src/module-${i}.ts`,
      base: `export const n = ${i};\n`,
      head: `export const n = ${i + 1};\n`,
    })),
  ],
});

e2e('size limits', () => {
  test('a 3,000-file pull request is read completely', async () => {
    const server = await sim(manyFiles(3000));
    const run = await opened(server);
    expectClean(server, run);
    expect(answers(server, /\/pulls\/34\/files$/)).toHaveLength(30);
    expect(run.report).toMatchObject({ decision: 'blocked', risk: 'critical', errors: [] });
  });

  test('beyond 3,000 files the pull request cannot be read completely: fail closed, saying why', async () => {
    const server = await sim(manyFiles(3001));
    const run = await opened(server);
    expectClean(server, run);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.decision).toBe('blocked');
    expect(statusWrites(server).at(-1)).toMatchObject({
      state: 'failure',
      description: expect.stringMatching(/3,?000/),
    });
  });
});

e2e('other events', () => {
  test('merge_group: the status goes on the group commit; nothing is written to the pull request', async () => {
    const server = await sim({
      reviews: [{ user: 'backend-lead', state: 'APPROVED' }],
      checks: [{ name: 'load-test / k6', conclusion: 'success' }],
    });
    const group = server.world.git.commit(server.world.head.sha, server.world.head.tree, 'merge group');
    const run = await runAction({
      apiUrl: server.url,
      event: 'merge_group',
      payload: mergeGroupEvent(coordinates(server), group.sha),
      repository: REPOSITORY,
    });
    expectClean(server, run);
    expect(run.exitCode).toBe(0);
    expect(server.writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /repos/acme/app/statuses/${group.sha}`,
    ]);
    expect(statusWrites(server)[0]).toMatchObject({ state: 'success', context: 'riskgate' });
  });

  test('workflow_dispatch evaluates the pull request named by the input', async () => {
    const server = await sim();
    const run = await runAction({
      apiUrl: server.url,
      event: 'workflow_dispatch',
      payload: dispatchEvent(coordinates(server)),
      repository: REPOSITORY,
      inputs: { 'pull-request': '34' },
    });
    expectClean(server, run);
    expect(run.outputs.decision).toBe('blocked');
    expect(statusWrites(server)).toEqual([
      expect.objectContaining({ sha: server.world.head.sha, state: 'failure' }),
    ]);
  });

  test('an unsupported event fails the step in enforce mode, warns in advisory mode, and writes nothing', async () => {
    const server = await sim();
    const push = {
      apiUrl: server.url,
      event: 'push',
      payload: otherEvent('push', coordinates(server)),
      repository: REPOSITORY,
    };
    const enforced = await runAction(push);
    expectClean(server, enforced);
    expect(enforced.exitCode).toBe(1);
    expect(enforced.stdout).toContain(
      '::error::riskgate: riskgate does not evaluate "push" events; run it on pull_request',
    );
    const advised = await runAction({ ...push, inputs: { mode: 'advisory' } });
    expect(advised.exitCode).toBe(0);
    expect(advised.stdout).toContain('::warning::riskgate: riskgate does not evaluate "push" events');
    expect(server.requests).toEqual([]);
  });

  test('a closed pull request is skipped without a status', async () => {
    const server = await sim();
    const payload = pullRequestEvent('pull_request', 'closed', coordinates(server));
    const run = await runAction({
      apiUrl: server.url,
      event: 'pull_request',
      payload,
      repository: REPOSITORY,
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('nothing to evaluate');
    expect(server.requests).toEqual([]);
  });
});
