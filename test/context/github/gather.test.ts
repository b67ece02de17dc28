import { strToU8, zipSync } from 'fflate';
import path from 'node:path';
import {
  createGitHubClient,
  GatherError,
  gatherPullRequest,
  requestCount,
} from '../../../src/context/github/index.js';
import { loadScenario } from '../../../src/context/scenario.js';
import { evaluate } from '../../../src/engine/index.js';
import type { Evidence } from '../../../src/model/snapshot.js';
import { createGitHubSim, type GitHubSim, type GitHubSimOptions } from '../../../tools/github-sim/server.js';
import {
  heartbeatChange,
  k6Report,
  POLICY_PATH,
  recordingLogger,
  repoRoot,
  simScenario,
  type SnapshotParts,
} from '../../fixtures/github/factory.js';

const TOKEN = 'ghs_test_token_never_printed';
const repo = { owner: 'acme', repo: 'app' };

interface Run {
  sim: GitHubSim;
  log: ReturnType<typeof recordingLogger>;
  gather: (extra?: { headSha?: string; teamsToken?: string }) => ReturnType<typeof gatherPullRequest>;
}

/** Serves a scenario (strict: every request and response checked against GitHub's OpenAPI description). */
async function withSim(
  scenario: SnapshotParts | string,
  test: (run: Run) => Promise<void>,
  options: Partial<GitHubSimOptions> & { maxRetries?: number; policyText?: string } = {},
): Promise<void> {
  const loaded = typeof scenario === 'string' ? scenario : await simScenario(scenario, options.policyText);
  const sim = await createGitHubSim({ ...options, scenario: loaded, strict: true });
  const log = recordingLogger();
  const gh = createGitHubClient({ token: TOKEN, baseUrl: sim.url, log, maxRetries: options.maxRetries });
  const number = sim.world.number;
  try {
    await test({
      sim,
      log,
      gather: (extra = {}) =>
        gatherPullRequest(
          gh,
          { ...repo, number, headSha: extra.headSha },
          { policyPath: POLICY_PATH, log, teamsToken: extra.teamsToken },
        ),
    });
    expect(sim.violations).toEqual([]);
    expect(log.lines.join('\n')).not.toContain(TOKEN);
  } finally {
    await sim.close();
  }
}

const paths = (sim: GitHubSim) =>
  sim.requests.map((request) => `${request.method} ${request.path.replace(/[0-9a-f]{40}/g, 'SHA')}`);
const statuses = (snapshotReport: ReturnType<typeof evaluate>) =>
  Object.fromEntries(snapshotReport.requirements.map((requirement) => [requirement.id, requirement.status]));

describe('gatherPullRequest against the simulator', () => {
  test('the incident pull request: the same snapshot facts as the scenario, the same blocked decision', async () => {
    const file = path.join(repoRoot, 'examples/incident/scenario.yml');
    const scenario = await loadScenario(file);
    await withSim(file, async ({ sim, gather }) => {
      const gathered = await gather();
      const { snapshot } = gathered;
      expect(snapshot.files).toEqual(scenario.snapshot.files);
      expect(snapshot.reviews).toEqual(scenario.snapshot.reviews);
      expect(snapshot.checks.map(({ name, conclusion }) => ({ name, conclusion }))).toEqual([
        { name: 'load-test / k6', conclusion: 'success' },
      ]);
      expect(snapshot.checks[0].report?.files[0].text).toBe(
        scenario.snapshot.checks[0].report?.files[0].text,
      );
      expect(snapshot.errors).toEqual([]);
      const direct = evaluate(scenario.policy, scenario.snapshot);
      const viaGitHub = evaluate(gathered.policy, snapshot);
      expect(viaGitHub.decision).toBe('blocked');
      expect(statuses(viaGitHub)).toEqual(statuses(direct));
      expect(viaGitHub.findings).toEqual(direct.findings);
      expect(gathered.headSha).toBe(sim.world.head.sha);
      expect(gathered.baseSha).toBe(sim.world.base.sha);
      // PR, files, policy, merge base, one GraphQL batch; then reviews, check runs and statuses. No label events
      // (the pull request has no label), no permission (the only approver is in no team the policy lists).
      expect(paths(sim)).toEqual([
        'GET /repos/acme/app/pulls/1287',
        'GET /repos/acme/app/pulls/1287/files',
        'GET /repos/acme/app/contents/.github%2Friskgate.yml',
        'GET /repos/acme/app/compare/SHA...SHA',
        'POST /graphql',
        'GET /repos/acme/app/pulls/1287/reviews',
        'GET /repos/acme/app/commits/SHA/check-runs',
        'GET /repos/acme/app/commits/SHA/status',
      ]);
      expect(gathered.requests).toBe(8);
    });
  });

  test('only what the triggered requirements need: a change no rule cares about costs no fact requests', async () => {
    const files = [{ path: 'config/other.yml', base: 'a: 1\n', head: 'a: 2\n' }];
    await withSim({ files }, async ({ sim, gather }) => {
      const { snapshot } = await gather();
      expect(evaluate((await simScenario({ files })).policy, snapshot).decision).toBe('passed');
      expect(paths(sim)).toEqual([
        'GET /repos/acme/app/pulls/7',
        'GET /repos/acme/app/pulls/7/files',
        'GET /repos/acme/app/contents/.github%2Friskgate.yml',
        'GET /repos/acme/app/compare/SHA...SHA',
        'POST /graphql',
      ]);
    });
  });

  test('reviews: stale approvals carry the files changed since (one compare per reviewed commit), the author is not asked about', async () => {
    const parts: SnapshotParts = {
      files: [heartbeatChange, { path: 'docs/readme.md', base: 'a\n', head: 'b\n' }],
      reviews: [
        { user: 'backend-lead', state: 'APPROVED', stale: true, changedSince: ['docs/readme.md'] },
        { user: 'backend-dev', state: 'APPROVED', stale: true, changedSince: ['docs/readme.md'] },
        { user: 'frontend-dev', state: 'APPROVED' },
        { user: 'outsider', state: 'COMMENTED' },
      ],
      members: { 'acme/backend': ['backend-lead', 'backend-dev'] },
      permissions: { 'backend-dev': 'read' },
    };
    await withSim(parts, async ({ sim, gather }) => {
      const { snapshot, policy } = await gather();
      expect(snapshot.reviews).toEqual([
        { user: 'backend-lead', state: 'APPROVED', stale: true, changedSince: ['docs/readme.md'] },
        { user: 'backend-dev', state: 'APPROVED', stale: true, changedSince: ['docs/readme.md'] },
        { user: 'frontend-dev', state: 'APPROVED' },
        { user: 'outsider', state: 'COMMENTED' },
      ]);
      expect(snapshot.permissions).toEqual({ 'backend-lead': 'write', 'backend-dev': 'read' });
      expect(snapshot.members).toEqual({ 'acme/backend': ['backend-lead', 'backend-dev'] });
      expect(paths(sim).filter((line) => line.includes('/compare/'))).toHaveLength(2); // merge base + one reviewed commit
      expect(paths(sim).filter((line) => line.includes('/permission'))).toHaveLength(2);
      expect(statuses(evaluate(policy, snapshot))['backend-review']).toBe('met');
    });
  });

  test('a stale approval after a relevant push does not count', async () => {
    const parts: SnapshotParts = {
      files: [heartbeatChange],
      reviews: [
        { user: 'backend-lead', state: 'APPROVED', stale: true, changedSince: ['config/client.yml'] },
      ],
      members: { 'acme/backend': ['backend-lead'] },
    };
    await withSim(parts, async ({ gather }) => {
      const { snapshot, policy } = await gather();
      expect(snapshot.reviews).toEqual([
        { user: 'backend-lead', state: 'APPROVED', stale: true, changedSince: ['config/client.yml'] },
      ]);
      expect(statuses(evaluate(policy, snapshot))['backend-review']).toBe('unmet');
    });
  });

  test('team membership the token cannot read is an error naming the permission; a teams token reads it', async () => {
    const parts: SnapshotParts = {
      files: [heartbeatChange],
      reviews: [{ user: 'backend-lead', state: 'APPROVED' }],
      members: { 'acme/backend': ['backend-lead'] },
    };
    await withSim(
      parts,
      async ({ gather }) => {
        const denied = await gather();
        expect(denied.snapshot.errors).toEqual([
          expect.stringContaining(
            'reading team acme/backend needs a token with `members: read` (org) — pass `teams-token`',
          ),
        ]);
        expect(evaluate(denied.policy, denied.snapshot).decision).toBe('blocked');
        const allowed = await gather({ teamsToken: 'ghs_members_reader' });
        expect(allowed.snapshot.errors).toEqual([]);
        expect(allowed.snapshot.members).toEqual({ 'acme/backend': ['backend-lead'] });
      },
      { access: { teamsToken: 'ghs_members_reader' } },
    );
  });

  test('labels carry the login that applied them last; a waiver by an unauthorised user does not waive', async () => {
    const parts: SnapshotParts = {
      files: [heartbeatChange],
      pr: {
        labels: [
          { name: 'riskgate:waive', by: 'frontend-dev' },
          { name: 'sre-approved', by: 'sre-oncall' },
          { name: 'misc', by: null },
        ],
      },
      members: { 'acme/backend': [] },
    };
    await withSim(parts, async ({ gather }) => {
      const { snapshot, policy } = await gather();
      expect(snapshot.pr.labels).toEqual(parts.pr!.labels);
      const report = evaluate(policy, snapshot);
      expect(statuses(report)).toMatchObject({
        'sre-signoff': 'met',
        'backend-review': 'unmet',
        'load-test': 'unmet',
      });
      expect(report.errors).toEqual([]);
      expect(report.decision).toBe('blocked');
    });
  });

  test('load-test evidence from a workflow artifact, unzipped in memory', async () => {
    const parts: SnapshotParts = {
      files: [heartbeatChange],
      checks: [
        {
          name: 'load-test / k6',
          conclusion: 'success',
          report: { source: 'k6.json', files: [{ name: 'k6.json', text: k6Report }] },
        },
      ],
    };
    await withSim(parts, async ({ sim, gather }) => {
      const { snapshot, policy } = await gather();
      const run = sim.world.workflowRuns[0];
      expect(snapshot.evidence['load-test']).toEqual({
        source: `artifact k6-summary of workflow run ${run.id}`,
        files: [{ name: 'k6.json', text: k6Report }],
      });
      expect(statuses(evaluate(policy, snapshot))['load-test']).toBe('met');
      expect(paths(sim)).toEqual(
        expect.arrayContaining([
          `GET /repos/acme/app/actions/runs/${run.id}/artifacts`,
          `GET /repos/acme/app/actions/artifacts/${sim.world.artifacts[0].id}/zip`,
          `GET /_sim/artifacts/${sim.world.artifacts[0].id}`,
        ]),
      );
    });
  });

  test('artifact reports that cannot be read are evidence errors, never thrown: a corrupt zip, a zip bomb, nothing there', async () => {
    const parts: SnapshotParts = {
      files: [heartbeatChange],
      checks: [{ name: 'load-test / k6', conclusion: 'success', app: 'github-actions' }],
    };
    const read = async (zip: Buffer | null): Promise<Evidence> => {
      const evidence: Evidence[] = [];
      await withSim(parts, async ({ sim, gather }) => {
        const runId = sim.world.checkRuns[0].runId!;
        if (zip)
          sim.world.artifacts.push({
            id: 99,
            name: 'k6-summary',
            runId,
            zip,
            createdAt: '2026-01-01T00:00:00Z',
          });
        evidence.push((await gather()).snapshot.evidence['load-test']);
      });
      return evidence[0];
    };
    expect((await read(Buffer.from('not a zip'))).error).toMatch(/not a readable zip file/);
    const bomb = Buffer.from(zipSync({ 'huge.json': new Uint8Array(60 * 2 ** 20) }, { level: 9 }));
    expect((await read(bomb)).error).toMatch(/unpacks to more than the 50 MiB/);
    expect(
      (
        await read(
          Buffer.from(zipSync({ 'nested/': new Uint8Array(0), 'nested/k6.json': strToU8(k6Report) })),
        )
      ).files,
    ).toEqual([{ name: 'nested/k6.json', text: k6Report }]);
    expect((await read(null)).error).toMatch(
      /no artifact named "k6-summary" in the workflow runs of checks matching "load-test\*"/,
    );
  });

  test('a load test that passed on an earlier commit is found with the files changed since', async () => {
    const report = { source: 'k6.json', files: [{ name: 'k6.json', text: k6Report }] };
    const parts: SnapshotParts = {
      files: [heartbeatChange, { path: 'config/theme.yml', base: 'theme: light\n', head: 'theme: dark\n' }],
      checks: [
        {
          name: 'load-test / k6',
          conclusion: 'success',
          stale: true,
          testedFiles: [{ path: 'config/theme.yml', text: 'theme: light\n' }],
          report,
        },
      ],
      members: { 'acme/backend': [] },
    };
    await withSim(parts, async ({ sim, gather }) => {
      const { snapshot } = await gather();
      const tested = sim.world.git.commits.get(sim.world.head.sha)!.parent!;
      expect(snapshot.checks).toEqual([
        {
          name: 'load-test / k6',
          conclusion: 'success',
          app: 'github-actions',
          stale: true,
          commit: tested.slice(0, 7),
          testedFiles: [{ path: 'config/theme.yml', text: 'theme: light\n' }],
        },
      ]);
      expect(snapshot.evidence['load-test'].files).toEqual(report.files);
      expect(paths(sim).filter((line) => /pulls\/7\/commits|check-runs/.test(line))).toEqual([
        'GET /repos/acme/app/commits/SHA/check-runs',
        'GET /repos/acme/app/pulls/7/commits',
        'GET /repos/acme/app/commits/SHA/check-runs',
      ]);
    });
  });

  test('binary, too-large and truncated config files', async () => {
    const big = `a: "${'x'.repeat(2 ** 20)}"\n`;
    const truncated = `a: "${'y'.repeat(600 * 1024)}"\n`;
    const parts: SnapshotParts = {
      files: [
        { path: 'config/logo.yml', base: '', head: '', binary: true },
        { path: 'config/big.yml', base: 'a: 1\n', head: big },
        { path: 'config/long.yml', base: 'a: 1\n', head: truncated },
        { path: 'config/new.yml', base: null, head: 'a: 1\n' },
        { path: 'config/gone.yml', base: 'a: 1\n', head: null },
        { path: 'config/moved.yml', previousPath: 'config/old.yml', base: 'a: 1\n', head: 'a: 2\n' },
        { path: 'assets/data.bin', base: 'x', head: 'y' },
      ],
    };
    await withSim(parts, async ({ sim, gather }) => {
      const { snapshot } = await gather();
      const byPath = Object.fromEntries(snapshot.files.map((file) => [file.path, file]));
      expect(byPath['config/logo.yml']).toEqual({
        path: 'config/logo.yml',
        base: '',
        head: '',
        binary: true,
      });
      expect(byPath['config/big.yml'].unavailable).toBe(
        `the head version is ${big.length} bytes, over the 1 MiB riskgate reads`,
      );
      expect(byPath['config/long.yml'].head).toBe(truncated);
      expect(byPath['config/new.yml']).toEqual({ path: 'config/new.yml', base: null, head: 'a: 1\n' });
      expect(byPath['config/gone.yml']).toEqual({ path: 'config/gone.yml', base: 'a: 1\n', head: null });
      expect(byPath['config/moved.yml']).toEqual({
        path: 'config/moved.yml',
        previousPath: 'config/old.yml',
        base: 'a: 1\n',
        head: 'a: 2\n',
      });
      // Not a config file: its contents are not read, only which sides exist.
      expect(byPath['assets/data.bin']).toEqual({ path: 'assets/data.bin', base: '', head: '' });
      expect(paths(sim).filter((line) => line.includes('/git/blobs/'))).toHaveLength(1);
    });
  });

  test('files are paged 100 at a time, all pages at once', async () => {
    const files = Array.from({ length: 250 }, (_, index) => ({
      path: `src/file-${index}.ts`,
      base: 'a\n',
      head: 'b\n',
    }));
    await withSim({ files }, async ({ sim, gather }) => {
      const { snapshot } = await gather();
      expect(snapshot.files.map((file) => file.path)).toEqual(files.map((file) => file.path));
      const pages = sim.requests
        .filter((request) => request.path.endsWith('/files'))
        .map((request) => request.query);
      expect(pages).toEqual([1, 2, 3].map((page) => ({ per_page: '100', page: String(page) })));
    });
  });

  test('a 3,000-file pull request is read whole; one more file and it fails closed before listing any', async () => {
    const files = Array.from({ length: 3000 }, (_, index) =>
      index % 10 === 0
        ? { path: `config/svc-${index}.yml`, base: `svc:\n  replicas: 1\n`, head: `svc:\n  replicas: 2\n` }
        : { path: `src/file-${index}.ts`, base: 'a\n', head: 'b\n' },
    );
    await withSim({ files }, async ({ sim, gather }) => {
      const { snapshot, requests } = await gather();
      expect(snapshot.files).toHaveLength(3000);
      expect(snapshot.files.filter((file) => file.head?.includes('replicas: 2'))).toHaveLength(300);
      // PR + 30 file pages + policy + merge base + 600 blobs in 6 GraphQL queries of 100.
      expect(requests).toBe(1 + 30 + 1 + 1 + 6);
      expect(sim.requests.filter((request) => request.path === '/graphql')).toHaveLength(6);
    });
    const tooMany = [...files, { path: 'one-more.txt', base: null, head: 'x' }];
    await withSim({ files: tooMany }, async ({ sim, gather }) => {
      await expect(gather()).rejects.toThrow(
        new GatherError(
          "pull request #7 changes 3001 files; GitHub's API lists at most 3000, so riskgate cannot see the whole change and does not pass it — split the pull request",
        ),
      );
      expect(paths(sim)).toEqual(['GET /repos/acme/app/pulls/7']);
    });
  });

  test('a 500 is retried and the run recovers; the wait is logged', async () => {
    await withSim(
      { files: [heartbeatChange] },
      async ({ sim, log, gather }) => {
        const { snapshot } = await gather();
        expect(snapshot.files).toHaveLength(1);
        expect(
          sim.requests.filter((request) => request.path.endsWith('/files')).map((request) => request.status),
        ).toEqual([500, 200]);
        expect(log.lines).toContain(
          'warning: GitHub API GET /repos/acme/app/pulls/7/files?per_page=100&page=1 answered 500',
        );
      },
      { faults: [{ path: '/pulls/7/files$', status: 500, times: 1 }] },
    );
  });

  test('a 403 secondary rate limit is waited out as Retry-After says, then retried', async () => {
    await withSim(
      { files: [heartbeatChange] },
      async ({ sim, log, gather }) => {
        await gather();
        expect(
          sim.requests
            .filter((request) => request.path === '/repos/acme/app/pulls/7')
            .map((request) => request.status),
        ).toEqual([403, 200]);
        expect(log.lines).toEqual(
          expect.arrayContaining([
            expect.stringMatching(
              /^warning: secondary rate limit on GET \/repos\/\{owner\}\/\{repo\}\/pulls\/\{pull_number\}: waiting 1s \+ \d+ms before retry 1 of 3$/,
            ),
          ]),
        );
      },
      { faults: [{ path: '/pulls/7$', status: 403, times: 1, headers: { 'retry-after': '1' } }] },
    );
  });

  test('API failures after the retries are a GatherError naming what could not be read (and never the token)', async () => {
    await withSim(
      { files: [heartbeatChange] },
      async ({ gather }) => {
        const failure = (await gather().catch((error: unknown) => error)) as Error;
        expect(failure).toBeInstanceOf(GatherError);
        expect(failure.message).toBe(
          'could not list the files of pull request #7: GitHub answered 502: Bad Gateway - https://docs.github.com/rest',
        );
        expect(failure.message).not.toContain(TOKEN);
      },
      { faults: [{ path: '/pulls/7/files$', status: 502, times: 5 }], maxRetries: 1 },
    );
  });

  test('a request GitHub does not answer in time is abandoned and, after the retries, fails the gathering', async () => {
    const sim = await createGitHubSim({
      scenario: await simScenario({ files: [heartbeatChange] }),
      latencyMs: 300,
    });
    try {
      const log = recordingLogger();
      const gh = createGitHubClient({ token: TOKEN, baseUrl: sim.url, log, timeoutMs: 100, maxRetries: 0 });
      await expect(
        gatherPullRequest(gh, { ...repo, number: 7 }, { policyPath: POLICY_PATH, log }),
      ).rejects.toThrow('could not read pull request #7: GitHub did not answer within 0.1 s');
    } finally {
      await sim.close();
    }
  });

  test('a read-only token (a fork) reads everything it needs', async () => {
    await withSim(
      {
        files: [heartbeatChange],
        reviews: [{ user: 'backend-lead', state: 'APPROVED' }],
        members: { 'acme/backend': ['backend-lead'] },
      },
      async ({ sim, gather }) => {
        const { snapshot } = await gather();
        expect(snapshot.reviews).toHaveLength(1);
        expect(sim.requests.every((request) => request.status < 400)).toBe(true);
      },
      { access: { readOnly: true }, fork: true },
    );
  });

  test('the policy comes from the base commit: a policy weakened in the same pull request has no effect and is critical', async () => {
    const weakened = 'version: 1\nrules: []\n';
    const parts: SnapshotParts = {
      files: [heartbeatChange, { path: POLICY_PATH, base: 'unused', head: weakened }],
    };
    await withSim(parts, async ({ gather }) => {
      const { policy, snapshot } = await gather();
      expect(policy.requirements['backend-review']).toBeDefined();
      const report = evaluate(policy, snapshot);
      expect(report.findings.find((finding) => finding.file === POLICY_PATH)).toMatchObject({
        risk: 'critical',
        rules: ['riskgate:self-protection'],
      });
      expect(report.decision).toBe('blocked');
    });
  });

  test('no policy on the base commit fails with what to do', async () => {
    await withSim({ files: [heartbeatChange] }, async ({ sim, log }) => {
      const gh = createGitHubClient({ token: TOKEN, baseUrl: sim.url, log });
      await expect(
        gatherPullRequest(gh, { ...repo, number: 7 }, { policyPath: '.github/other.yml', log }),
      ).rejects.toThrow(
        /^no policy at \.github\/other\.yml on the base commit [0-9a-f]{7}: commit one to the base branch first/,
      );
      expect(requestCount(gh)).toBeGreaterThan(0);
    });
  });

  test('merge queue: the queued head must still be the pull request head, else the snapshot carries an error', async () => {
    await withSim({ files: [heartbeatChange], members: { 'acme/backend': [] } }, async ({ sim, gather }) => {
      expect((await gather({ headSha: sim.world.head.sha })).snapshot.errors).toEqual([]);
      const moved = await gather({ headSha: 'f'.repeat(40) });
      expect(moved.snapshot.errors).toEqual([
        expect.stringMatching(/^pull request #7 was queued at fffffff but its head is now [0-9a-f]{7}/),
      ]);
    });
  });
});
