import { SMALL_POLICY, writeTree } from '../context/tree.js';
import { runCli } from './run-cli.js';

describe('riskgate validate', () => {
  test('a valid policy (default path) is exit 0', async () => {
    const dir = writeTree({ '.github/riskgate.yml': SMALL_POLICY });
    expect(await runCli(['validate'], dir)).toEqual({
      code: 0,
      stdout: '.github/riskgate.yml: valid\n',
      stderr: '',
    });
  });

  test('an invalid policy is exit 2, every problem on stderr as riskgate: file:line:col: message', async () => {
    const dir = writeTree({ 'policy.yml': 'version: 1\nrulez: []\nlevelz: {}\n' });
    const run = await runCli(['validate', 'policy.yml'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^riskgate: policy\.yml:\d+:\d+: /);
  });

  test('extends are followed from the repository root above .github/', async () => {
    const dir = writeTree({
      'repo/.github/riskgate.yml': 'version: 1\nextends: [policies/missing.yml]\n',
    });
    const run = await runCli(['validate', 'repo/.github/riskgate.yml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^riskgate: repo\/\.github\/riskgate\.yml:2:\d+: cannot find `policies\/missing\.yml`/,
    );
  });

  test('--format json reports the problems as data', async () => {
    const dir = writeTree({ 'p.yml': 'version: 2\n' });
    const run = await runCli(['validate', 'p.yml', '--format', 'json'], dir);
    expect(run.code).toBe(2);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ file: 'p.yml', valid: false });
    expect(result.problems[0]).toMatchObject({ file: 'p.yml', line: 1 });
  });

  test('a missing file is exit 2 naming the file as given', async () => {
    const run = await runCli(['validate', 'nope.yml'], writeTree({}));
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'riskgate: policy nope.yml: no such file\n' });
  });
});
