import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Octokit } from '@octokit/rest';
import { createGitHubSim, type GitHubSim, type GitHubSimOptions } from '../../tools/github-sim/server.js';
import { checkRequest, checkResponse } from '../support/openapi.js';
import { heartbeatChange, k6Report, simScenario, type SnapshotParts } from '../fixtures/github/factory.js';

const repo = { owner: 'acme', repo: 'app' };
const scenarioParts: SnapshotParts = {
  pr: {
    number: 7,
    author: 'frontend-dev',
    body: 'Faster heartbeat',
    labels: [{ name: 'riskgate:waive', by: 'sre-oncall' }],
  },
  files: [heartbeatChange, { path: 'docs/readme.md', base: 'a\n', head: 'b\n' }],
  reviews: [
    { user: 'backend-lead', state: 'APPROVED' },
    { user: 'backend-dev', state: 'APPROVED', stale: true, changedSince: ['docs/readme.md'] },
  ],
  checks: [
    {
      name: 'load-test / k6',
      conclusion: 'success',
      report: { source: 'k6.json', files: [{ name: 'k6.json', text: k6Report }] },
    },
    { name: 'ci/lint', conclusion: 'failure' },
  ],
  members: { 'acme/backend': ['backend-lead', 'backend-dev'] },
  permissions: { 'backend-dev': 'maintain' },
};

async function withSim(
  test: (sim: GitHubSim, gh: Octokit) => Promise<void>,
  options: Partial<GitHubSimOptions> = {},
) {
  const sim = await createGitHubSim({ scenario: await simScenario(scenarioParts), strict: true, ...options });
  const gh = new Octokit({
    baseUrl: sim.url,
    auth: 'ghs_sim_test',
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
  try {
    await test(sim, gh);
    expect(sim.violations).toEqual([]);
  } finally {
    await sim.close();
  }
}

describe('the simulator serves the pull request as GitHub documents it', () => {
  test('every read endpoint answers with bodies that validate against the OpenAPI description', async () => {
    await withSim(async (sim, gh) => {
      const head = sim.world.head.sha;
      const pull = (await gh.rest.pulls.get({ ...repo, pull_number: 7 })).data;
      expect(pull).toMatchObject({
        number: 7,
        user: { login: 'frontend-dev' },
        head: { sha: head },
        changed_files: 2,
        state: 'open',
      });
      expect(pull.labels.map((label) => label.name)).toEqual(['riskgate:waive']);
      const files = (await gh.rest.pulls.listFiles({ ...repo, pull_number: 7 })).data;
      expect(
        files.map(({ filename, status, additions, deletions }) => ({
          filename,
          status,
          additions,
          deletions,
        })),
      ).toEqual([
        { filename: 'config/client.yml', status: 'modified', additions: 1, deletions: 1 },
        { filename: 'docs/readme.md', status: 'modified', additions: 1, deletions: 1 },
      ]);
      const reviews = (await gh.rest.pulls.listReviews({ ...repo, pull_number: 7 })).data;
      expect(reviews.map((review) => [review.user?.login, review.commit_id === head])).toEqual([
        ['backend-lead', true],
        ['backend-dev', false],
      ]);
      const compare = (
        await gh.rest.repos.compareCommitsWithBasehead({
          ...repo,
          basehead: `${reviews[1].commit_id}...${head}`,
        })
      ).data;
      expect(compare.files?.map((file) => file.filename)).toEqual(['docs/readme.md']);
      expect(compare.status).toBe('ahead');
      const runs = (await gh.rest.checks.listForRef({ ...repo, ref: head })).data;
      expect(runs.check_runs.map((run) => [run.name, run.conclusion, run.app?.slug])).toEqual([
        ['load-test / k6', 'success', 'github-actions'],
      ]);
      expect(runs.check_runs[0].output.text).toBe(k6Report);
      const status = (await gh.rest.repos.getCombinedStatusForRef({ ...repo, ref: head })).data;
      expect(status.statuses.map(({ context, state }) => [context, state])).toEqual([['ci/lint', 'failure']]);
      expect(status.state).toBe('failure');
      const events = (await gh.rest.issues.listEvents({ ...repo, issue_number: 7 })).data;
      expect(events.map((event) => [event.event, event.actor?.login])).toEqual([['labeled', 'sre-oncall']]);
      const permission = (
        await gh.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'backend-dev' })
      ).data;
      expect([permission.permission, permission.role_name]).toEqual(['write', 'maintain']);
      const members = (await gh.rest.teams.listMembersInOrg({ org: 'acme', team_slug: 'backend' })).data;
      expect(members.map((member) => member.login)).toEqual(['backend-lead', 'backend-dev']);
      const workflowRuns = (await gh.rest.actions.listWorkflowRunsForRepo({ ...repo, head_sha: head })).data;
      expect(workflowRuns.total_count).toBe(1);
      const commits = (await gh.rest.pulls.listCommits({ ...repo, pull_number: 7 })).data;
      expect(commits.at(-1)?.sha).toBe(head);
      const content = (await gh.rest.repos.getContent({ ...repo, path: 'config/client.yml', ref: head }))
        .data;
      expect(Buffer.from((content as { content: string }).content, 'base64').toString()).toBe(
        heartbeatChange.head,
      );
      const blob = (await gh.rest.git.getBlob({ ...repo, file_sha: files[0].sha! })).data;
      expect(Buffer.from(blob.content, 'base64').toString()).toBe(heartbeatChange.head);
      expect(
        (await gh.rest.pulls.list({ ...repo, state: 'open', head: 'acme:pr-7' })).data.map((p) => p.number),
      ).toEqual([7]);
      expect((await gh.rest.pulls.list({ ...repo, state: 'open', head: 'acme:other' })).data).toEqual([]);
      expect(
        (await gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: head })).data.map(
          (p) => p.number,
        ),
      ).toEqual([7]);
      await expect(gh.rest.pulls.get({ ...repo, pull_number: 8 })).rejects.toMatchObject({ status: 404 });
      await expect(gh.rest.pulls.get({ owner: 'acme', repo: 'other', pull_number: 7 })).rejects.toMatchObject(
        { status: 404 },
      );
    });
  });

  test('writes change what later reads see, and each accepted write is recorded', async () => {
    const record = path.join(mkdtempSync(path.join(tmpdir(), 'github-sim-')), 'writes.jsonl');
    await withSim(
      async (sim, gh) => {
        const head = sim.world.head.sha;
        await gh.rest.repos.createCommitStatus({ ...repo, sha: head, state: 'pending', context: 'riskgate' });
        await gh.rest.repos.createCommitStatus({
          ...repo,
          sha: head,
          state: 'failure',
          context: 'riskgate',
          description: 'blocked',
        });
        const combined = (await gh.rest.repos.getCombinedStatusForRef({ ...repo, ref: head })).data;
        expect(combined.statuses.map(({ context, state }) => [context, state])).toEqual([
          ['riskgate', 'failure'],
          ['ci/lint', 'failure'],
        ]);

        const created = (
          await gh.rest.checks.create({ ...repo, name: 'riskgate', head_sha: head, status: 'in_progress' })
        ).data;
        await gh.rest.checks.update({
          ...repo,
          check_run_id: created.id,
          conclusion: 'failure',
          output: {
            title: 'blocked',
            summary: 'unmet: backend-review',
            annotations: [
              {
                path: 'config/client.yml',
                start_line: 2,
                end_line: 2,
                annotation_level: 'failure',
                message: 'heartbeat ×6',
              },
            ],
          },
        });
        const run = (await gh.rest.checks.get({ ...repo, check_run_id: created.id })).data;
        expect([run.status, run.conclusion, run.output.annotations_count]).toEqual([
          'completed',
          'failure',
          1,
        ]);

        const comment = (
          await gh.rest.issues.createComment({ ...repo, issue_number: 7, body: '<!-- riskgate --> blocked' })
        ).data;
        await gh.rest.issues.updateComment({
          ...repo,
          comment_id: comment.id,
          body: '<!-- riskgate --> passed',
        });
        const comments = (await gh.rest.issues.listComments({ ...repo, issue_number: 7 })).data;
        expect(comments.map((c) => [c.body, c.user?.login])).toEqual([
          ['<!-- riskgate --> passed', 'github-actions[bot]'],
        ]);

        await gh.rest.issues.addLabels({ ...repo, issue_number: 7, labels: ['risk:critical'] });
        await gh.rest.issues.removeLabel({ ...repo, issue_number: 7, name: 'riskgate:waive' });
        const labels = (await gh.rest.issues.listLabelsOnIssue({ ...repo, issue_number: 7 })).data;
        expect(labels.map((label) => label.name)).toEqual(['risk:critical']);
        await expect(
          gh.rest.issues.removeLabel({ ...repo, issue_number: 7, name: 'riskgate:waive' }),
        ).rejects.toMatchObject({ status: 404 });
        await gh.rest.issues.createLabel({ ...repo, name: 'risk:high', color: 'd93f0b' });
        await expect(gh.rest.issues.createLabel({ ...repo, name: 'risk:high' })).rejects.toMatchObject({
          status: 422,
        });
        expect((await gh.rest.issues.getLabel({ ...repo, name: 'risk:high' })).data.color).toBe('d93f0b');
        const events = (await gh.rest.issues.listEvents({ ...repo, issue_number: 7 })).data;
        expect(events.map((event) => [event.event, event.actor?.login])).toEqual([
          ['labeled', 'sre-oncall'],
          ['labeled', 'github-actions[bot]'],
          ['unlabeled', 'github-actions[bot]'],
        ]);

        await expect(
          gh.rest.pulls.requestReviewers({ ...repo, pull_number: 7, reviewers: ['frontend-dev'] }),
        ).rejects.toMatchObject({ status: 422 });
        await gh.rest.pulls.requestReviewers({
          ...repo,
          pull_number: 7,
          reviewers: ['backend-lead'],
          team_reviewers: ['backend'],
        });
        const requested = (await gh.rest.pulls.listRequestedReviewers({ ...repo, pull_number: 7 })).data;
        expect([requested.users.map((u) => u.login), requested.teams.map((t) => t.slug)]).toEqual([
          ['backend-lead'],
          ['backend'],
        ]);

        const recorded = readFileSync(record, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { method: string; path: string });
        expect(recorded).toEqual(sim.writes);
        expect(recorded.map((write) => `${write.method} ${write.path}`)).toEqual([
          `POST /repos/acme/app/statuses/${head}`,
          `POST /repos/acme/app/statuses/${head}`,
          'POST /repos/acme/app/check-runs',
          `PATCH /repos/acme/app/check-runs/${created.id}`,
          'POST /repos/acme/app/issues/7/comments',
          `PATCH /repos/acme/app/issues/comments/${comment.id}`,
          'POST /repos/acme/app/issues/7/labels',
          'DELETE /repos/acme/app/issues/7/labels/riskgate%3Awaive',
          'POST /repos/acme/app/labels',
          'POST /repos/acme/app/pulls/7/requested_reviewers',
        ]);
        expect(sim.writes[0]).toEqual({
          method: 'POST',
          path: `/repos/acme/app/statuses/${head}`,
          body: { state: 'pending', context: 'riskgate' },
        });
      },
      { record },
    );
  });

  test("a read-only token (a fork's) is refused every write, as GitHub refuses it", async () => {
    await withSim(
      async (sim, gh) => {
        await expect(
          gh.rest.repos.createCommitStatus({
            ...repo,
            sha: sim.world.head.sha,
            state: 'success',
            context: 'riskgate',
          }),
        ).rejects.toMatchObject({
          status: 403,
          message: expect.stringContaining('Resource not accessible by integration'),
        });
        expect(sim.writes).toEqual([]);
        expect((await gh.rest.pulls.get({ ...repo, pull_number: 7 })).data.head.repo?.fork).toBe(true);
      },
      { access: { readOnly: true }, fork: true },
    );
  });

  test('faults: a status for the matching requests, as many times as asked, with the given headers', async () => {
    await withSim(
      async (sim, gh) => {
        const failure = await gh.rest.pulls.get({ ...repo, pull_number: 7 }).catch((error: unknown) => error);
        expect(failure).toMatchObject({ status: 403, response: { headers: { 'retry-after': '1' } } });
        expect((failure as Error).message).toMatch(/secondary rate limit/);
        expect((await gh.rest.pulls.get({ ...repo, pull_number: 7 })).status).toBe(200);
        await gh.rest.pulls.listFiles({ ...repo, pull_number: 7 });
        expect(sim.requests.map((request) => request.status)).toEqual([403, 200, 200]);
      },
      {
        faults: [
          { path: '^/repos/acme/app/pulls/7$', status: 403, times: 1, headers: { 'retry-after': '1' } },
        ],
      },
    );
  });

  test('GraphQL: blobs by expression through variables, aliases and fragments; unknown fields are errors', async () => {
    await withSim(async (sim, gh) => {
      const head = sim.world.head.sha;
      const data = await gh.graphql<{ repository: Record<string, unknown> }>(
        `query($owner: String!, $name: String!, $a: String!) {
          repository(owner: $owner, name: $name) {
            a: object(expression: $a) { __typename ...blob }
            b: object(expression: "${head}:config") { __typename ... on Tree { oid } }
            c: object(expression: "${head}:nope.yml") { oid }
          }
        }
        fragment blob on Blob { oid byteSize isBinary isTruncated text }`,
        { owner: 'acme', name: 'app', a: `${head}:config/client.yml` },
      );
      expect(data.repository).toEqual({
        a: {
          __typename: 'Blob',
          oid: expect.stringMatching(/^[0-9a-f]{40}$/),
          byteSize: heartbeatChange.head.length,
          isBinary: false,
          isTruncated: false,
          text: heartbeatChange.head,
        },
        b: { __typename: 'Tree', oid: head },
        c: null,
      });
      await expect(
        gh.graphql(
          '{ repository(owner: "acme", name: "app") { object(expression: "main:x") { ... on Blob { size } } } }',
        ),
      ).rejects.toThrow("Field 'size' doesn't exist on type 'Blob'");
      await expect(
        gh.graphql('{ repository(owner: "acme", name: "nope") { nameWithOwner } }'),
      ).rejects.toThrow("Could not resolve to a Repository with the name 'acme/nope'.");
      await expect(gh.graphql('mutation { addStar(input: {}) { clientMutationId } }')).rejects.toThrow(
        'Only queries are supported here',
      );
    });
  });

  test('GitHub Enterprise Server paths (/api/v3, /api/graphql) are served too', async () => {
    await withSim(async (sim) => {
      const ghes = new Octokit({ baseUrl: `${sim.url}/api/v3`, auth: 'ghs_sim_test' });
      expect((await ghes.rest.pulls.get({ ...repo, pull_number: 7 })).data.number).toBe(7);
      const data = await ghes.graphql<{ repository: { nameWithOwner: string } }>(
        '{ repository(owner: "acme", name: "app") { nameWithOwner } }',
      );
      expect(data.repository.nameWithOwner).toBe('acme/app');
    });
  });

  test('SHAs are deterministic: blobs hash as git does, the same scenario gives the same commits', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'github-sim-'));
    writeFileSync(path.join(dir, 'file'), heartbeatChange.head);
    const gitHash = execFileSync('git', ['hash-object', path.join(dir, 'file')], { encoding: 'utf8' }).trim();
    const heads: string[] = [];
    for (let index = 0; index < 2; index++) {
      await withSim(async (sim, gh) => {
        heads.push(sim.world.head.sha);
        const files = (await gh.rest.pulls.listFiles({ ...repo, pull_number: 7 })).data;
        expect(files[0].sha).toBe(gitHash);
      });
    }
    expect(heads[0]).toBe(heads[1]);
  });
});

describe('the OpenAPI checker', () => {
  test('requests: unknown operations, undocumented or missing parameters, enum and body violations', () => {
    expect(
      checkRequest('GET', '/repos/acme/app/pulls/7/files', { per_page: '100', page: '2' }, undefined),
    ).toEqual([]);
    expect(checkRequest('GET', '/repos/acme/app/pulls/7/nonsense', {}, undefined)).toEqual([
      'GET /repos/acme/app/pulls/7/nonsense: no such operation in the GitHub REST API description',
    ]);
    expect(checkRequest('GET', '/repos/acme/app/pulls/7/files', { perPage: '100' }, undefined)).toEqual([
      'GET /repos/acme/app/pulls/7/files: query parameter "perPage" is not documented for pulls/list-files',
    ]);
    expect(checkRequest('GET', '/repos/acme/app/pulls', { state: 'opened' }, undefined)[0]).toMatch(
      /query parameter "state" = "opened": .*must be equal to one of the allowed values/,
    );
    expect(checkRequest('GET', '/repos/acme/app/pulls/seven', {}, undefined)[0]).toMatch(
      /path parameter \{pull_number\} = "seven": .*must be integer/,
    );
    expect(checkRequest('POST', '/repos/acme/app/statuses/abc', {}, { context: 'riskgate' })[0]).toMatch(
      /request body: \(root\) must have required property 'state'/,
    );
    expect(
      checkRequest('POST', '/repos/acme/app/statuses/abc', {}, { state: 'success', colour: 'red' }),
    ).toEqual(['POST /repos/acme/app/statuses/abc: request body has undocumented properties: colour']);
    expect(checkRequest('POST', '/repos/acme/app/statuses/abc', {}, undefined)).toEqual([
      'POST /repos/acme/app/statuses/abc: the request body is required',
    ]);
  });

  test('responses: undocumented statuses and bodies missing required properties', () => {
    expect(checkResponse('GET', '/repos/acme/app/pulls/7/files', 418, [])[0]).toMatch(
      /status 418 is not documented for pulls\/list-files/,
    );
    expect(
      checkResponse('GET', '/repos/acme/app/collaborators/x/permission', 200, {
        permission: 'write',
        role_name: 'write',
        user: null,
      }),
    ).toEqual([]);
    expect(
      checkResponse('GET', '/repos/acme/app/collaborators/x/permission', 200, { permission: 'write' })[0],
    ).toMatch(/must have required property 'role_name'/);
  });
});
