import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SMALL_POLICY, writeTree } from '../context/tree.js';
import { runCli } from './run-cli.js';

const CHANGE = `files:
  - path: config/client.yml
    base: "client:\\n  heartbeat_interval: 30s\\n"
    head: "client:\\n  heartbeat_interval: 5s\\n"
`;
const scenario = (expect: string, policy = '../.github/riskgate.yml') =>
  `policy: ${policy}\n${CHANGE}expect:\n${expect}`;

const suite = (extra: Record<string, string> = {}) =>
  writeTree({
    '.github/riskgate.yml': SMALL_POLICY,
    'tests/a-passes.yml': scenario(
      '  decision: blocked\n  risk: high\n  requirements: { backend-review: unmet, load-test: absent }\n',
    ),
    'tests/nested/b-passes.yml': scenario(
      '  findings: [{ key: client.heartbeat_interval, load_factor: 6, rule: client-heartbeat }]\n',
      '../../.github/riskgate.yml',
    ),
    'tests/fixtures/config.yml': 'not: a scenario\n',
    'tests/.hidden/skipped.yml': scenario('  decision: passed\n'),
    ...extra,
  });

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('riskgate test', () => {
  test('searches folders for scenario files and ends with the tally; all pass is exit 0', async () => {
    const run = await runCli(['test', 'tests'], suite());
    expect(run).toEqual({
      code: 0,
      stdout: 'PASS  tests/a-passes.yml\nPASS  tests/nested/b-passes.yml\n2 passed, 0 failed\n',
      stderr: '',
    });
  });

  test('a failing scenario says what differed; any failure is exit 1', async () => {
    const dir = suite({
      'tests/c-fails.yml': scenario(
        '  decision: passed\n  requirements: { backend-review: { status: unmet, detail: nobody } }\n  findings: []\n',
      ),
    });
    const run = await runCli(['test', 'tests'], dir);
    expect(run.code).toBe(1);
    const failure = run.stdout.split('\n').find((line) => line.startsWith('FAIL'));
    expect(failure).toBe(
      'FAIL  tests/c-fails.yml: decision: expected passed, got blocked; ' +
        'requirement backend-review: detail should contain "nobody", got "needs 1 approval from backend (backend-lead)"; ' +
        'findings: expected none, got 1: config/client.yml client.heartbeat_interval (high, client-heartbeat)',
    );
    expect(lastLine(run.stdout)).toBe('2 passed, 1 failed');
  });

  test('a scenario without expect fails: nothing would be tested', async () => {
    const dir = suite({ 'tests/d-no-expect.yml': `policy: ../.github/riskgate.yml\n${CHANGE}` });
    const run = await runCli(['test', 'tests/d-no-expect.yml'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'FAIL  tests/d-no-expect.yml: no `expect:` block, so nothing is tested\n0 passed, 1 failed\n',
    );
  });

  test('a scenario that cannot be loaded is an ERROR line, problems on stderr, exit 2', async () => {
    const dir = suite({ 'tests/e-typo.yml': `${scenario('  decision: blocked\n')}chekcs: []\n` });
    const run = await runCli(['test', 'tests'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      'ERROR tests/e-typo.yml:8:1: unknown key `chekcs` in the scenario; did you mean `checks`?\n',
    );
    expect(lastLine(run.stdout)).toBe('2 passed, 1 failed');
    expect(run.stderr).toBe(
      'riskgate: tests/e-typo.yml:8:1: unknown key `chekcs` in the scenario; did you mean `checks`?\n',
    );
  });

  test('no scenario found, or a path that does not exist, is exit 2', async () => {
    const dir = suite();
    expect(await runCli(['test', 'tests/fixtures'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'riskgate: test: no scenario files in tests/fixtures (a scenario is a .yml/.yaml file with a top-level `policy:` key)\n',
    });
    expect(await runCli(['test', 'tset'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'riskgate: test: tset: no such file or folder\n',
    });
  });

  test('--approved-by and --policy apply to every scenario', async () => {
    const dir = suite();
    const approved = await runCli(['test', 'tests', '--approved-by', 'backend-lead'], dir);
    expect(approved.code).toBe(1);
    expect(approved.stdout).toContain('FAIL  tests/a-passes.yml: decision: expected blocked, got passed');
  });

  test('--format json with --output', async () => {
    const dir = suite();
    const run = await runCli(['test', 'tests', '--format', 'json', '--output', 'results.json'], dir);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    const results = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8'));
    expect(results).toMatchObject({ passed: 2, failed: 0 });
    expect(results.scenarios[0]).toEqual({
      file: 'tests/a-passes.yml',
      name: 'a-passes',
      status: 'passed',
      messages: [],
    });
  });
});
