import { main } from '../../src/cli/main.js';
import { SMALL_POLICY, writeTree } from '../context/tree.js';
import packageJson from '../../package.json' with { type: 'json' };
import { runCli } from './run-cli.js';

describe('riskgate: usage', () => {
  test('--version and --help are exit 0 on stdout', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
    const help = await runCli(['evaluate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--scenario <file>');
  });

  test.each([
    [['evaluate', '--bogus'], "riskgate: unknown option '--bogus'\n"],
    [
      ['evaluate', '--format', 'yaml', '--scenario', 'x.yml'],
      /^riskgate: option '--format <format>' argument 'yaml' is invalid/,
    ],
    [
      ['evaluate'],
      'riskgate: evaluate needs --scenario FILE, or --base REF for a git range (see riskgate evaluate --help)\n',
    ],
    [
      ['evaluate', '--scenario', 'x.yml', '--base', 'main'],
      "riskgate: option '--scenario <file>' cannot be used with option '--base <ref>'\n",
    ],
    [['evaluat'], /^riskgate: unknown command 'evaluat'\n\(Did you mean evaluate\?\)/],
  ])('%j is a usage error: exit 2', async (args, stderr) => {
    const run = await runCli(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    if (typeof stderr === 'string') expect(run.stderr).toBe(stderr);
    else expect(run.stderr).toMatch(stderr);
  });

  test('an unexpected exception is an internal error to report: exit 2, no stack trace', async () => {
    const dir = writeTree({
      '.github/riskgate.yml': SMALL_POLICY,
      's.yml': 'policy: .github/riskgate.yml\nfiles: []\n',
    });
    let stderr = '';
    const code = await main(['node', 'riskgate', 'evaluate', '--scenario', 's.yml'], {
      stdout: () => {
        throw new Error('stdout is gone');
      },
      stderr: (text) => void (stderr += text),
      cwd: dir,
      color: false,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^riskgate: internal error: stdout is gone\nThis is a bug in riskgate; please report it/,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
