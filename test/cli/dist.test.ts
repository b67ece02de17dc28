import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built bundle, as `npx riskgate` and `npm run demo` run it; skipped until `npm run build` made it. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repoRoot, 'dist/cli.js');
const describeBuilt = existsSync(cli) ? describe : describe.skip;

const node = (...args: string[]) => spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });

describeBuilt('dist/cli.js', () => {
  test('runs as a program: version, and the incident scenario is blocked (exit 1)', () => {
    expect(node(cli, '--version')).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/),
    });
    const incident = node(
      cli,
      'evaluate',
      '--scenario',
      'examples/incident/scenario.yml',
      '--format',
      'json',
    );
    expect(incident.status).toBe(1);
    expect(JSON.parse(incident.stdout)).toMatchObject({ decision: 'blocked', risk: 'critical' });
  });

  test('riskgate test passes on the incident example', () => {
    expect(node(cli, 'test', 'examples')).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/\n1 passed, 0 failed\n$/),
    });
  });

  test('the demo blocks the incident as a git range and as a scenario, and exits 0', () => {
    const demo = node('examples/incident/demo.mjs');
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain('riskgate blocked the change that caused the outage');
  });
});
