import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { formatProblem } from '../../src/policy/load.js';
import { validatePolicyFile, workingTreeReader } from '../../src/policy/validate.js';
import { lines, POLICY } from './helpers.js';

describe('validatePolicyFile', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'riskgate-validate-'));
    mkdirSync(join(root, '.github'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => writeFileSync(join(root, path), text);

  test('a valid policy, with repository files and packs it extends', async () => {
    write('shared.yml', lines('version: 1', 'rules: [{ id: shared, keys: [a], risk: low }]'));
    write(POLICY, lines('version: 1', 'extends: [shared.yml, builtin:realtime-clients]'));
    const result = await validatePolicyFile(POLICY, workingTreeReader(root));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.policy?.sources).toEqual([POLICY, 'shared.yml']);
  });

  test('an invalid policy reports problems named relative to the current directory', async () => {
    write(POLICY, lines('version: 1', 'levels: { high: [review] }'));
    const result = await validatePolicyFile(POLICY, workingTreeReader(root));
    expect(result.ok).toBe(false);
    expect(result.problems.map(formatProblem)).toEqual([
      `${relative(process.cwd(), join(root, POLICY))}:2:18: unknown requirement \`review\`; define it under \`requirements:\` (none is defined)`,
    ]);
  });

  test('a missing policy file is a problem, not a crash', async () => {
    const result = await validatePolicyFile('.github/other.yml', workingTreeReader(root));
    expect(result).toEqual({
      ok: false,
      problems: [{ file: '.github/other.yml', line: 0, column: 0, message: 'policy file not found' }],
    });
  });
});
