/** The built action against the loopback GitHub API: decisions, and what it writes where. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { e2e, expectClean } from './helpers/expect.js';
import { runAction } from './helpers/run-action.js';
import {
  approve,
  coordinates,
  finishCheckRun,
  fixtures,
  REPOSITORY,
  seedComment,
  opened,
  simsClosedAfterEach,
  statusWrites,
  writesTo,
} from './helpers/sim.js';
import { completionEvent, pullRequestEvent, statusEvent } from './helpers/webhooks.js';

const sim = simsClosedAfterEach();

const requirementStatus = (report: Record<string, unknown> | null) =>
  Object.fromEntries(
    ((report?.requirements ?? []) as { id: string; status: string }[]).map((req) => [req.id, req.status]),
  );

e2e('the incident pull request', () => {
  test('is blocked, then passes after a backend approval and a good load-test check', async () => {
    const server = await sim();
    const head = server.world.head.sha;

    const blocked = await opened(server);
    expectClean(server, blocked);
    expect(blocked.exitCode).toBe(1);
    expect(blocked.outputs).toMatchObject({
      decision: 'blocked',
      risk: 'critical',
      'release-track': 'standard',
    });
    expect(blocked.report).toMatchObject({ schemaVersion: 1, decision: 'blocked', risk: 'critical' });
    expect(requirementStatus(blocked.report)).toEqual({ 'backend-review': 'unmet', 'load-test': 'unmet' });
    expect(statusWrites(server)).toEqual([
      {
        sha: head,
        context: 'riskgate',
        state: 'failure',
        description: 'blocked · risk critical · unmet: backend-review, load-test',
        target_url: 'https://github.com/acme/app/actions/runs/4242',
      },
    ]);
    expect(writesTo(server, /requested_reviewers$/).map((w) => w.body)).toEqual([
      { reviewers: ['backend-dev', 'backend-lead'], team_reviewers: [] },
    ]);
    expect(writesTo(server, /labels$/).map((w) => w.body)).toEqual([{ labels: ['riskgate:risk-critical'] }]);
    expect(writesTo(server, /^POST .*\/comments$/)).toHaveLength(1);
    expect(blocked.annotations).toContainEqual({
      command: 'error',
      properties: expect.objectContaining({ file: 'config/client/realtime.yml', line: '2' }),
      message: expect.stringContaining('client.heartbeat_interval: 30s → 5s'),
    });
    expect(blocked.summary).toContain('🔴 blocked');
    expect(blocked.summary).toContain('needs 1 approval from backend');
    expect(blocked.stdout).toContain(
      '::error::riskgate: pull request #34 is blocked: unmet backend-review, load-test',
    );

    approve(server.world, 'backend-lead');
    const reviewed = await runAction({
      apiUrl: server.url,
      event: 'pull_request_review',
      payload: pullRequestEvent('pull_request_review', 'submitted', coordinates(server)),
      repository: REPOSITORY,
    });
    expectClean(server, reviewed);
    expect(reviewed.exitCode).toBe(1);
    expect(requirementStatus(reviewed.report)).toEqual({ 'backend-review': 'met', 'load-test': 'unmet' });
    expect(statusWrites(server).at(-1)).toMatchObject({
      state: 'failure',
      description: expect.stringMatching(/unmet: load-test$/),
    });

    finishCheckRun(server.world, 'load-test / k6');
    const checked = await runAction({
      apiUrl: server.url,
      event: 'check_suite',
      payload: completionEvent('check_suite', coordinates(server)),
      repository: REPOSITORY,
    });
    expectClean(server, checked);
    expect(checked.exitCode).toBe(0);
    expect(checked.outputs).toMatchObject({
      decision: 'passed',
      risk: 'critical',
      'release-track': 'standard',
    });
    expect(statusWrites(server).at(-1)).toMatchObject({
      sha: head,
      state: 'success',
      description: 'passed · risk critical · 2 requirements done',
    });
    // one comment, updated in place; one review request; the label was already right
    expect(writesTo(server, /^POST .*\/comments$/)).toHaveLength(1);
    expect(writesTo(server, /^PATCH .*\/issues\/comments\/\d+$/)).toHaveLength(2);
    expect(server.world.comments[0].body).toContain('✅ passed');
    expect(writesTo(server, /requested_reviewers$/)).toHaveLength(1);
    expect(writesTo(server, /labels/)).toHaveLength(1);
  });

  test('a finished status without listed pull requests finds them through the commit', async () => {
    const server = await sim({ reviews: [{ user: 'backend-lead', state: 'APPROVED' }] });
    server.world.statuses.push({
      id: server.world.id(),
      sha: server.world.head.sha,
      context: 'load-test',
      state: 'success',
      description: null,
      targetUrl: null,
      creator: 'ci-bot',
      createdAt: server.world.clock.now(),
    });
    const run = await runAction({
      apiUrl: server.url,
      event: 'status',
      payload: statusEvent(coordinates(server), 'load-test'),
      repository: REPOSITORY,
    });
    expectClean(server, run);
    expect(server.requests.map((r) => r.path)).toContain(
      `/repos/acme/app/commits/${server.world.head.sha}/pulls`,
    );
    expect(run.exitCode).toBe(0);
    expect(statusWrites(server)).toEqual([expect.objectContaining({ state: 'success' })]);
  });
});

e2e('who counts', () => {
  test('an approval of an older commit does not count after a relevant push, and is asked again', async () => {
    const server = await sim({
      reviews: [
        {
          user: 'backend-lead',
          state: 'APPROVED',
          stale: true,
          changed_since: ['config/client/realtime.yml'],
        },
      ],
      checks: [{ name: 'load-test / k6', conclusion: 'success' }],
    });
    const run = await opened(server);
    expectClean(server, run);
    expect(run.exitCode).toBe(1);
    expect(requirementStatus(run.report)).toEqual({ 'backend-review': 'unmet', 'load-test': 'met' });
    expect(writesTo(server, /requested_reviewers$/).map((w) => w.body)).toEqual([
      { reviewers: ['backend-dev', 'backend-lead'], team_reviewers: [] },
    ]);
  });

  test('an approval of an older commit still counts when only unrelated files changed since', async () => {
    const server = await sim({
      reviews: [{ user: 'backend-lead', state: 'APPROVED', stale: true, changed_since: ['README.md'] }],
      checks: [{ name: 'load-test / k6', conclusion: 'success' }],
    });
    const run = await opened(server);
    expectClean(server, run);
    expect(run.exitCode).toBe(0);
    expect(requirementStatus(run.report)).toEqual({ 'backend-review': 'met', 'load-test': 'met' });
  });

  test("the author's own approval is ignored, and the author is never asked to review", async () => {
    const server = await sim({
      pr: { author: 'backend-dev' },
      reviews: [{ user: 'backend-dev', state: 'APPROVED' }],
      checks: [{ name: 'load-test / k6', conclusion: 'success' }],
    });
    const run = await opened(server);
    expectClean(server, run);
    expect(run.exitCode).toBe(1);
    expect(requirementStatus(run.report)).toEqual({ 'backend-review': 'unmet', 'load-test': 'met' });
    expect(writesTo(server, /requested_reviewers$/).map((w) => w.body)).toEqual([
      { reviewers: ['backend-lead'], team_reviewers: [] },
    ]);
  });

  test('a waiver label applied by someone outside the waiver list is ignored; by SRE it waives', async () => {
    const unauthorised = await sim({ pr: { labels: [{ name: 'riskgate:waive', by: 'pr-author' }] } });
    const ignored = await opened(unauthorised);
    expectClean(unauthorised, ignored);
    expect(ignored.exitCode).toBe(1);
    expect(requirementStatus(ignored.report)).toEqual({ 'backend-review': 'unmet', 'load-test': 'unmet' });

    const authorised = await sim({ pr: { labels: [{ name: 'riskgate:waive', by: 'sre-oncall' }] } });
    const waived = await opened(authorised);
    expectClean(authorised, waived);
    expect(waived.exitCode).toBe(0);
    expect(requirementStatus(waived.report)).toEqual({ 'backend-review': 'waived', 'load-test': 'waived' });
  });

  test('a policy weakened inside the same pull request has no effect and is itself critical', async () => {
    const policyText = await readFile(join(fixtures, 'policy.yml'), 'utf8');
    const weakened = stringify({ ...parse(policyText), rules: [], levels: {} });
    const incident = parse(await readFile(join(fixtures, 'incident.yml'), 'utf8'));
    const server = await sim({
      files: [...incident.files, { path: '.github/riskgate.yml', base: policyText, head: weakened }],
    });
    const run = await opened(server);
    expectClean(server, run);
    expect(run.exitCode).toBe(1);
    const findings = run.report?.findings as { file: string; risk: string; rules: string[] }[];
    expect(findings).toContainEqual(
      expect.objectContaining({
        file: '.github/riskgate.yml',
        risk: 'critical',
        rules: ['riskgate:self-protection'],
      }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({
        file: 'config/client/realtime.yml',
        risk: 'critical',
        rules: ['client-heartbeat'],
      }),
    );
  });
});

e2e('publishing', () => {
  test('nothing risky: a success, low-risk track, and no comment or label', async () => {
    const server = await sim({ files: [{ path: 'README.md', base: '# app\n', head: '# app\n\nMore.\n' }] });
    const run = await opened(server);
    expectClean(server, run);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ decision: 'passed', risk: 'none', 'release-track': 'low-risk' });
    expect(server.writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /repos/acme/app/statuses/${server.world.head.sha}`,
    ]);
    expect(statusWrites(server)[0]).toMatchObject({ state: 'success', description: 'passed · risk none' });
  });

  test('the sticky comment is marked resolved once nothing is risky, and not rewritten after that', async () => {
    const server = await sim({ files: [{ path: 'README.md', base: '# app\n', head: '# app\n\nMore.\n' }] });
    seedComment(server.world, '<!-- riskgate:comment riskgate -->\n### riskgate: 🔴 blocked\n');
    expectClean(server, await opened(server));
    expect(server.world.comments).toHaveLength(1);
    expect(server.world.comments[0].body).toContain('✅ resolved');
    expectClean(server, await opened(server));
    expect(writesTo(server, /comments/)).toHaveLength(1);
  });

  test('advisory mode reports the same but never fails the status or the step', async () => {
    const server = await sim();
    const run = await opened(server, { mode: 'advisory' });
    expectClean(server, run);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.decision).toBe('blocked');
    expect(statusWrites(server)).toEqual([
      expect.objectContaining({
        state: 'success',
        description: 'advisory: would block · blocked · risk critical · unmet: backend-review, load-test',
      }),
    ]);
    expect(run.summary).toContain('Advisory mode');
    expect(run.stdout).toContain('::warning::riskgate: pull request #34 is blocked');
  });

  test('inputs turn off the comment, review requests, labels and annotations', async () => {
    const server = await sim();
    const run = await opened(server, {
      comment: 'false',
      'request-reviewers': 'false',
      labels: 'false',
      annotations: 'false',
      'check-name': 'release-gate',
    });
    expectClean(server, run);
    expect(statusWrites(server)).toEqual([
      expect.objectContaining({ context: 'release-gate', state: 'failure' }),
    ]);
    expect(server.writes).toHaveLength(1);
    expect(run.annotations.filter((a) => a.properties.file)).toEqual([]);
  });
});
