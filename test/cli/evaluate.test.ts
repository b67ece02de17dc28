import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GitRepo } from '../context/git-repo.js';
import { SMALL_POLICY, writeTree } from '../context/tree.js';
import { runCli } from './run-cli.js';

const K6_AT_100_VUS = JSON.stringify({
  metrics: {
    vus: { value: 100, min: 1, max: 100 },
    http_reqs: { count: 6000, rate: 100 },
    http_req_failed: { passes: 0, fails: 6000, value: 0 },
    http_req_duration: { avg: 40, med: 35, 'p(90)': 60, 'p(95)': 80 },
  },
});

/** A scenario whose heartbeat change (×6, high) needs a backend review; `extra` adds or overrides top-level keys. */
function scenario(extra = ''): string {
  return `policy: .github/riskgate.yml
pr: { author: frontend-dev }
files:
  - path: config/client.yml
    base: "client:\\n  heartbeat_interval: 30s\\n"
    head: "client:\\n  heartbeat_interval: 5s\\n"
${extra}`;
}

const folder = () => writeTree({ '.github/riskgate.yml': SMALL_POLICY, 'blocked.yml': scenario() });

describe('riskgate evaluate --scenario', () => {
  test('blocked is exit 1, with the text report on stdout', async () => {
    const run = await runCli(['evaluate', '--scenario', 'blocked.yml'], folder());
    expect(run).toMatchObject({ code: 1, stderr: '' });
    expect(run.stdout).toMatch(/^riskgate: BLOCKED · risk high/);
    expect(run.stdout).toContain('backend-review');
  });

  test('passed is exit 0; --approved-by records approvals; json is the contract report', async () => {
    const run = await runCli(
      ['evaluate', '--scenario', 'blocked.yml', '--approved-by', 'someone,backend-lead', '--format', 'json'],
      folder(),
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, decision: 'passed', risk: 'high', errors: [] });
    expect(report.requirements).toEqual([expect.objectContaining({ id: 'backend-review', status: 'met' })]);
  });

  test('an evaluation with errors (facts that could not be gathered) is exit 2 and blocked', async () => {
    const dir = writeTree({
      '.github/riskgate.yml': SMALL_POLICY,
      'errors.yml': scenario('errors: [team acme/backend could not be read]\n'),
    });
    const run = await runCli(
      ['evaluate', '--scenario', 'errors.yml', '--approved-by', 'backend-lead', '--format', 'json'],
      dir,
    );
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      decision: 'blocked',
      errors: ['team acme/backend could not be read'],
    });
  });

  test.each([
    ['markdown', /riskgate/],
    ['sarif', /"version": "2\.1\.0"/],
  ])('--format %s', async (format, expected) => {
    const run = await runCli(['evaluate', '--scenario', 'blocked.yml', '--format', format], folder());
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(expected);
  });

  test('--output writes the report to a file (creating its folder), atomically, and nothing to stdout', async () => {
    const dir = folder();
    const run = await runCli(
      ['evaluate', '--scenario', 'blocked.yml', '--format', 'json', '--output', 'out/report.json'],
      dir,
    );
    expect(run).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8')).decision).toBe('blocked');
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['report.json']);
  });

  test('--evidence gives a load-test report that stands in for the check', async () => {
    const dir = writeTree({
      '.github/riskgate.yml': SMALL_POLICY.replace('high: [backend-review]', 'high: [load-test]'),
      'blocked.yml': scenario(),
      'k6.json': K6_AT_100_VUS,
    });
    const run = await runCli(
      ['evaluate', '--scenario', 'blocked.yml', '--evidence', 'load-test=k6.json', '--format', 'json'],
      dir,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).requirements[0]).toMatchObject({ id: 'load-test', status: 'met' });
  });

  test('--policy replaces the scenario policy', async () => {
    const dir = writeTree({
      '.github/riskgate.yml': SMALL_POLICY,
      'blocked.yml': scenario(),
      'lenient.yml': 'version: 1\n',
    });
    const run = await runCli(
      ['evaluate', '--scenario', 'blocked.yml', '--policy', 'lenient.yml', '--format', 'json'],
      dir,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ decision: 'passed', findings: [] });
  });
});

describe('riskgate evaluate: mistakes in local facts are errors (exit 2)', () => {
  test.each([
    [
      ['--evidence', 'load-tset=k6.json'],
      'riskgate: --evidence load-tset: `load-tset` is not a requirement of the policy; did you mean `load-test`? (its load_test requirements: load-test)\n',
    ],
    [
      ['--evidence', 'backend-review=k6.json'],
      'riskgate: --evidence backend-review: `backend-review` is not a load_test requirement (its load_test requirements: load-test)\n',
    ],
    [
      ['--evidence', 'load-test'],
      'riskgate: --evidence load-test: write it as REQUIREMENT_ID=FILE (e.g. load-test=k6-summary.json)\n',
    ],
    [
      ['--evidence', 'load-test=missing.json'],
      'riskgate: --evidence load-test=missing.json: cannot read the report: no such file\n',
    ],
    [
      ['--approved-by', 'a b'],
      'riskgate: --approved-by: `a b` is not a GitHub login (letters, digits and -)\n',
    ],
    [['--body-file', 'missing.md'], 'riskgate: --body-file missing.md: no such file\n'],
  ])('%j', async (args, stderr) => {
    const run = await runCli(['evaluate', '--scenario', 'blocked.yml', ...args], folder());
    expect(run).toEqual({ code: 2, stdout: '', stderr });
  });

  test('a scenario problem names file:line:col', async () => {
    const dir = writeTree({
      '.github/riskgate.yml': SMALL_POLICY,
      'bad.yml': scenario('reviews: [{ user: a, state: LGTM }]\n'),
    });
    const run = await runCli(['evaluate', '--scenario', 'bad.yml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'riskgate: bad.yml:7:29: reviews[0].state must be one of APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, not "LGTM"\n',
    );
  });

  test('a policy problem names file:line:col', async () => {
    const dir = writeTree({
      '.github/riskgate.yml': 'version: 1\nlevels:\n  high: [nope]\n',
      'blocked.yml': scenario(),
    });
    const run = await runCli(['evaluate', '--scenario', 'blocked.yml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^riskgate: \.github\/riskgate\.yml:3:\d+: .*nope/);
  });
});

describe('riskgate evaluate --base (a local git range)', () => {
  let repo: GitRepo;
  beforeEach(() => {
    repo = new GitRepo();
    repo.commit({
      '.github/riskgate.yml': SMALL_POLICY.replace(
        'high: [backend-review]',
        'high: [backend-review, rollback-plan]',
      ).replace('requirements:\n', 'requirements:\n  rollback-plan:\n    body: { section: Rollback plan }\n'),
      'config/client.yml': 'client:\n  heartbeat_interval: 30s\n',
    });
    repo.branch('feature');
    repo.commit({ 'config/client.yml': 'client:\n  heartbeat_interval: 5s\n' });
  });
  afterEach(() => repo.remove());

  test('blocked until a backend approval and a rollback plan in the description are supplied', async () => {
    const blocked = await runCli(
      ['evaluate', '--base', 'main', '--head', 'feature', '--format', 'json'],
      repo.dir,
    );
    expect(blocked.code).toBe(1);
    expect(JSON.parse(blocked.stdout).requirements.map((r: { status: string }) => r.status)).toEqual([
      'unmet',
      'unmet',
    ]);

    writeFileSync(path.join(repo.dir, 'body.md'), '## Rollback plan\nRevert the commit.\n');
    const passed = await runCli(
      [
        'evaluate',
        '--repo',
        repo.dir,
        '--base',
        'main',
        '--approved-by',
        'backend-lead',
        '--body-file',
        'body.md',
      ],
      repo.dir,
    );
    expect(passed.code).toBe(0);
    expect(passed.stdout).toMatch(/^riskgate: PASSED/);
  });

  test('an unknown revision is exit 2 with a message', async () => {
    const run = await runCli(['evaluate', '--base', 'mian'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `riskgate: unknown revision \`mian\` in ${repo.dir}: no such branch, tag or commit\n`,
    );
  });
});
