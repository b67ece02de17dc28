import { builtinPackNames, readBuiltinPack } from '../../src/policy/builtin.js';
import { formatProblem, loadPolicy, PolicyError, type ReadFile } from '../../src/policy/load.js';
import type { Policy } from '../../src/model/policy.js';

export const POLICY = '.github/riskgate.yml';

/** YAML text from lines, so that line numbers in expectations are the argument positions. */
export const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** A repository of in-memory files; messages name files by their repository path. */
export const memoryRepo =
  (files: Record<string, string>): ReadFile =>
  async (path) =>
    path in files ? { text: files[path], name: path } : null;

export const options = (files: Record<string, string>) => ({
  read: memoryRepo(files),
  readBuiltin: readBuiltinPack,
  builtinNames: builtinPackNames(),
});

export const load = (files: Record<string, string>, path = POLICY): Promise<Policy> =>
  loadPolicy(path, options(files));

/** The formatted problems that loading reports (fails the test when the policy loads). */
export async function problems(files: Record<string, string> | string, path = POLICY): Promise<string[]> {
  const repo = typeof files === 'string' ? { [POLICY]: files } : files;
  try {
    await load(repo, path);
  } catch (error) {
    if (error instanceof PolicyError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected the policy to be invalid');
}
