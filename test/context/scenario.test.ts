import path from 'node:path';
import { ContextError } from '../../src/context/context-error.js';
import { loadScenario } from '../../src/context/scenario.js';
import { PolicyError } from '../../src/policy/problem.js';
import { SMALL_POLICY, writeTree } from './tree.js';

/** The problems a scenario's loading reports, as `line:col: message`. */
async function problemsOf(files: Record<string, string>, scenario = 'scenario.yml'): Promise<string[]> {
  const root = writeTree(files);
  const error = await loadScenario(path.join(root, scenario), { cwd: root }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ContextError || error instanceof PolicyError))
    throw new Error(`no user error: ${error}`);
  return error.problems.map(
    (problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`,
  );
}

describe('loadScenario: the contract example', () => {
  const root = writeTree({
    '.github/riskgate.yml': SMALL_POLICY,
    'scenarios/incident.yml': `policy: ../.github/riskgate.yml
pr:
  number: 34
  author: pr-author
  title: Snappier reconnects
  body: |
    ## Rollback plan
    Revert the PR.
  labels:
    - { name: riskgate:waive, by: sre-oncall }
    - plain-label
files:
  - path: config/client/realtime.yml
    base: |
      client:
        heartbeat_interval: 30s
    head: |
      client:
        heartbeat_interval: 5s
  - path: config/big.yml
    base_file: fixtures/big-base.yml
    head_file: fixtures/big-head.yml
  - { path: assets/logo.png, binary: true }
  - { path: assets/new.png, binary: true, base: null }
  - { path: new/name.yml, previous_path: old/name.yml, base: "a: 1\\n", head: "a: 2\\n" }
  - { path: gone.yml, base: "a: 1\\n" }
reviews:
  - { user: backend-lead, state: APPROVED }
  - { user: backend-dev, state: APPROVED, stale: true, changed_since: [config/client/realtime.yml] }
checks:
  - { name: "load-test / k6", conclusion: success, report_file: reports/k6-summary.json, report_format: k6 }
  - { name: "load-test / lost", conclusion: success, report_file: reports/missing.json }
  - { name: lint, conclusion: failure, app: github-actions, stale: true }
members:
  acme/backend: [backend-lead, backend-dev]
permissions:
  outside-contributor: read
evidence:
  load-test: reports/k6-summary.json
errors: [token could not read teams]
expect:
  decision: blocked
  risk: critical
  requirements: { backend-review: met, load-test: { status: unmet, detail: min_vus } }
`,
    'scenarios/fixtures/big-base.yml': 'big: 1\n',
    'scenarios/fixtures/big-head.yml': 'big: 2\n',
    'scenarios/reports/k6-summary.json': '{"metrics":{}}\n',
  });
  const load = () => loadScenario(path.join(root, 'scenarios/incident.yml'), { cwd: root });

  test('the snapshot holds every part of the file', async () => {
    const { snapshot, name } = await load();
    expect(name).toBe('incident');
    expect(snapshot.pr).toEqual({
      number: 34,
      author: 'pr-author',
      title: 'Snappier reconnects',
      body: '## Rollback plan\nRevert the PR.\n',
      labels: [
        { name: 'riskgate:waive', by: 'sre-oncall' },
        { name: 'plain-label', by: null },
      ],
    });
    expect(snapshot.files).toEqual([
      {
        path: 'config/client/realtime.yml',
        base: 'client:\n  heartbeat_interval: 30s\n',
        head: 'client:\n  heartbeat_interval: 5s\n',
      },
      { path: 'config/big.yml', base: 'big: 1\n', head: 'big: 2\n' },
      { path: 'assets/logo.png', base: '', head: '', binary: true },
      { path: 'assets/new.png', base: null, head: '', binary: true },
      { path: 'new/name.yml', previousPath: 'old/name.yml', base: 'a: 1\n', head: 'a: 2\n' },
      { path: 'gone.yml', base: 'a: 1\n', head: null },
    ]);
    expect(snapshot.reviews).toEqual([
      { user: 'backend-lead', state: 'APPROVED' },
      { user: 'backend-dev', state: 'APPROVED', stale: true, changedSince: ['config/client/realtime.yml'] },
    ]);
    expect(snapshot.members).toEqual({ 'acme/backend': ['backend-lead', 'backend-dev'] });
    expect(snapshot.permissions).toEqual({ 'outside-contributor': 'read' });
    expect(snapshot.errors).toEqual(['token could not read teams']);
  });

  test('a check report_file becomes the check report; a missing one is a report with an error', async () => {
    const { snapshot } = await load();
    expect(snapshot.checks[0]).toEqual({
      name: 'load-test / k6',
      conclusion: 'success',
      report: {
        source: 'reports/k6-summary.json',
        format: 'k6',
        files: [{ name: 'k6-summary.json', text: '{"metrics":{}}\n' }],
      },
    });
    expect(snapshot.checks[1].report).toEqual({
      source: 'reports/missing.json',
      files: [],
      error: 'cannot read the report: no such file',
    });
    expect(snapshot.checks[2]).toEqual({
      name: 'lint',
      conclusion: 'failure',
      app: 'github-actions',
      stale: true,
    });
  });

  test('scenario evidence is gathered evidence, not a local stand-in for the check', async () => {
    const { snapshot } = await load();
    expect(snapshot.evidence['load-test']).toEqual({
      source: 'reports/k6-summary.json',
      files: [{ name: 'k6-summary.json', text: '{"metrics":{}}\n' }],
    });
  });

  test('a policy under .github/ has its repository path; the folder above is the root', async () => {
    const { policy } = await load();
    expect(policy.path).toBe('.github/riskgate.yml');
    expect(Object.keys(policy.requirements)).toEqual(['backend-review', 'load-test']);
  });

  test('expect is read with its aliases and forms', async () => {
    const { expect: expectation } = await load();
    expect(expectation).toEqual({
      decision: 'blocked',
      risk: 'critical',
      requirements: {
        'backend-review': { status: 'met' },
        'load-test': { status: 'unmet', detail: 'min_vus' },
      },
    });
  });
});

describe('loadScenario: where the repository root is', () => {
  test('a policy outside .github/ is .github/riskgate.yml of the scenario folder; extends resolve from there', async () => {
    const root = writeTree({
      'suite/policies/strict.yml': 'version: 1\nextends: [shared/base.yml]\n',
      'suite/shared/base.yml': SMALL_POLICY,
      'suite/scenario.yml': 'policy: policies/strict.yml\nfiles: []\n',
    });
    const { policy } = await loadScenario(path.join(root, 'suite/scenario.yml'));
    expect(policy.path).toBe('.github/riskgate.yml');
    expect(policy.sources).toEqual(['.github/riskgate.yml', 'shared/base.yml']);
    expect(policy.rules.map((rule) => rule.id)).toEqual(['client-heartbeat']);
  });

  test('an inline policy: the scenario folder is the root, problems point into the scenario', async () => {
    const problems = await problemsOf({
      'scenario.yml': 'policy:\n  version: 1\n  rules:\n    - id: Bad_Id\n      risk: high\n',
    });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^scenario\.yml:4:\d+: /);
  });

  test('--policy replaces the scenario policy', async () => {
    const root = writeTree({
      'scenario.yml': 'policy: {version: 1}\n',
      'other/.github/riskgate.yml': SMALL_POLICY,
    });
    const { policy } = await loadScenario(path.join(root, 'scenario.yml'), {
      policyFile: path.join(root, 'other/.github/riskgate.yml'),
    });
    expect(Object.keys(policy.requirements)).toContain('backend-review');
  });
});

describe('loadScenario: mistakes are errors with file:line:col', () => {
  test('an unknown key, with a suggestion', async () => {
    const problems = await problemsOf({
      'p.yml': SMALL_POLICY,
      'scenario.yml': 'policy: p.yml\nfiles:\n  - path: a.yml\n    heaad: "x: 1"\n',
    });
    expect(problems).toEqual(['scenario.yml:4:5: unknown key `heaad` in files[0]; did you mean `head`?']);
  });

  test('every problem of a file is reported at once, in file order', async () => {
    const problems = await problemsOf({
      'p.yml': SMALL_POLICY,
      'scenario.yml': `policy: p.yml
pr: { number: two }
reviews:
  - { user: a, state: approved }
checks:
  - { name: ci }
expect: { decision: maybe }
`,
    });
    expect(problems).toEqual([
      'scenario.yml:2:15: pr.number must be a whole number >= 1',
      'scenario.yml:4:23: reviews[0].state must be one of APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, not "approved"',
      'scenario.yml:6:5: checks[0] needs `conclusion`',
      'scenario.yml:7:21: expect.decision must be one of passed, blocked, not "maybe"',
    ]);
  });

  test('file sides: both forms, a missing base_file, no text at all, text on a binary file', async () => {
    const problems = await problemsOf({
      'p.yml': SMALL_POLICY,
      'scenario.yml': `policy: p.yml
files:
  - { path: a.yml, base: "a: 1", base_file: a.yml }
  - { path: b.yml, head_file: nowhere/b.yml }
  - { path: c.yml }
  - { path: d.png, binary: true, head: "text" }
  - { path: c.yml, head: "x" }
`,
    });
    expect(problems).toEqual([
      'scenario.yml:3:34: files[0] (a.yml): give either `base` or `base_file`, not both',
      'scenario.yml:4:31: files[1] (b.yml).head_file nowhere/b.yml: no such file',
      'scenario.yml:5:5: files[2] (c.yml) needs `base`/`base_file` or `head`/`head_file` text (or `binary: true`)',
      'scenario.yml:6:34: files[3] (d.png) has no text; use `head: null` only to say the file is absent',
      'scenario.yml:7:13: files[4] (c.yml): the path is listed twice',
    ]);
  });

  test('a missing policy file is reported at the policy line', async () => {
    expect(await problemsOf({ 'scenario.yml': 'files: []\npolicy: nope.yml\n' })).toEqual([
      'scenario.yml:2:9: policy nope.yml: no such file',
    ]);
  });

  test('stale-only fields, members not written org/slug, an empty expect', async () => {
    const problems = await problemsOf({
      'p.yml': SMALL_POLICY,
      'scenario.yml': `policy: p.yml
reviews:
  - { user: a, state: APPROVED, changed_since: [x.yml] }
members:
  backend: [a]
expect: {}
`,
    });
    expect(problems).toEqual([
      'scenario.yml:3:33: reviews[0].changed_since needs `stale: true`',
      "scenario.yml:5:3: members: `backend` must be an org team written org/slug (inline teams belong in the policy's `teams`)",
      'scenario.yml:6:9: expect is empty: say what the report must show',
    ]);
  });

  test('YAML syntax errors and a missing policy key', async () => {
    expect(await problemsOf({ 'scenario.yml': 'files: [\n' })).toEqual([
      expect.stringMatching(/^scenario\.yml:\d+:\d+: /),
    ]);
    expect(await problemsOf({ 'scenario.yml': 'files: []\n' })).toEqual([
      'scenario.yml:1:1: the scenario needs `policy`',
    ]);
  });

  test('a scenario file that does not exist', async () => {
    const root = writeTree({});
    await expect(loadScenario(path.join(root, 'nope.yml'), { cwd: root })).rejects.toThrow(
      'cannot read scenario nope.yml: no such file',
    );
  });
});
