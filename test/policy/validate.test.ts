import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProblem, type ReadFile } from '../../src/policy/load.js';
import { validatePolicyFile } from '../../src/policy/validate.js';
import { lines, POLICY } from './helpers.js';

/** Repository files of a working tree, named as `repo/<path>` in messages. */
const workingTree =
  (root: string): ReadFile =>
  async (path) =>
    existsSync(join(root, path))
      ? { text: readFileSync(join(root, path), 'utf8'), name: `repo/${path}` }
      : null;

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
    const result = await validatePolicyFile(POLICY, workingTree(root));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.policy?.sources).toEqual([POLICY, 'shared.yml']);
  });

  test('an invalid policy reports its problems with positions', async () => {
    write(POLICY, lines('version: 1', 'levels: { high: [review] }'));
    const result = await validatePolicyFile(POLICY, workingTree(root));
    expect(result.ok).toBe(false);
    expect(result.problems.map(formatProblem)).toEqual([
      `repo/${POLICY}:2:18: unknown requirement \`review\`; define it under \`requirements:\` (none is defined)`,
    ]);
  });

  test('a missing policy file is a problem, not a crash', async () => {
    const result = await validatePolicyFile('.github/other.yml', workingTree(root));
    expect(result).toEqual({
      ok: false,
      problems: [{ file: '.github/other.yml', line: 0, column: 0, message: 'policy file not found' }],
    });
  });
});
