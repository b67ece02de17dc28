/**
 * Loading a policy for the local contexts: from disk (scenario files, `--policy`, `riskgate validate`), inline in a
 * scenario, or from a git commit. A policy lives in a repository: `extends` paths and self-protection use
 * repository paths, so each source says which folder is the repository root and what the policy's path is in it.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Policy } from '../model/policy.js';
import { readBuiltinPack, builtinPackNames } from '../policy/builtin.js';
import { loadPolicy, type LoadOptions, type ReadFile } from '../policy/load.js';
import { describeFsError, displayPath, ContextError } from './context-error.js';

export const DEFAULT_POLICY_PATH = '.github/riskgate.yml';

export interface PolicyLocation {
  /** The repository root folder on disk. */
  root: string;
  /** The policy's path inside the repository (`/`-separated). */
  repoPath: string;
}

/**
 * Where a policy file on disk sits in its repository. With a `.github/` folder in its path (the last one), the
 * root is the folder above it and the policy's repository path is the rest (`.github/riskgate.yml`). Otherwise
 * the policy stands for `.github/riskgate.yml` of a repository rooted at `fallbackRoot`.
 */
export function locatePolicy(file: string, fallbackRoot: string): PolicyLocation {
  const parts = path.resolve(file).split(path.sep);
  const github = parts.lastIndexOf('.github');
  if (github > 0 && github < parts.length - 1) {
    return {
      root: parts.slice(0, github).join(path.sep) || path.sep,
      repoPath: parts.slice(github).join('/'),
    };
  }
  return { root: path.resolve(fallbackRoot), repoPath: DEFAULT_POLICY_PATH };
}

/** Loads the policy file at `file` (by `locatePolicy`); messages name files relative to `cwd`. */
export function loadPolicyFile(file: string, fallbackRoot: string, cwd = process.cwd()): Promise<Policy> {
  return loadPolicyFromDisk(file, locatePolicy(file, fallbackRoot), cwd);
}

export async function loadPolicyFromDisk(
  file: string,
  location: PolicyLocation,
  cwd = process.cwd(),
): Promise<Policy> {
  await mustExist(file, cwd);
  return loadPolicy(location.repoPath, { read: diskReader(location, cwd, file), ...builtins() });
}

/** The repository path of the policy file at `file` and a reader for its repository (for `validatePolicyFile`). */
export async function policyOnDisk(
  file: string,
  fallbackRoot: string,
  cwd = process.cwd(),
): Promise<{ repoPath: string; read: ReadFile }> {
  await mustExist(file, cwd);
  const location = locatePolicy(file, fallbackRoot);
  return { repoPath: location.repoPath, read: diskReader(location, cwd, file) };
}

/** The loader would name the missing file by its repository path; the user typed this one. */
async function mustExist(file: string, cwd: string): Promise<void> {
  await access(file).catch((error: unknown) => {
    throw new ContextError(`policy ${displayPath(file, cwd)}: ${describeFsError(error)}`);
  });
}

/** The mapping under `policy:` in a scenario; the scenario's folder is the repository root. */
export function loadInlinePolicy(scenarioFile: string, text: string, cwd = process.cwd()): Promise<Policy> {
  const location = { root: path.dirname(path.resolve(scenarioFile)), repoPath: DEFAULT_POLICY_PATH };
  return loadPolicy(DEFAULT_POLICY_PATH, {
    read: diskReader(location, cwd),
    ...builtins(),
    inline: { text, name: displayPath(scenarioFile, cwd), at: ['policy'] },
  });
}

/** A policy in some other store (a git commit): `read` gives a repository file's text, `name` what messages show. */
export function loadPolicyAt(
  repoPath: string,
  store: { read: (repoPath: string) => Promise<string | null>; name: (repoPath: string) => string },
): Promise<Policy> {
  const read: ReadFile = async (wanted) => {
    const text = await store.read(wanted);
    return text === null ? null : { text, name: store.name(wanted) };
  };
  return loadPolicy(repoPath, { read, ...builtins() });
}

const builtins = (): Pick<LoadOptions, 'readBuiltin' | 'builtinNames'> => ({
  readBuiltin: readBuiltinPack,
  builtinNames: builtinPackNames(),
});

/** Repository files under `root`; the policy itself may live elsewhere (`policyFile`). */
function diskReader(location: PolicyLocation, cwd: string, policyFile?: string): ReadFile {
  return async (repoPath) => {
    const file =
      repoPath === location.repoPath && policyFile
        ? policyFile
        : path.join(location.root, ...repoPath.split('/'));
    try {
      return { text: await readFile(file, 'utf8'), name: displayPath(file, cwd) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new ContextError(`cannot read policy file ${displayPath(file, cwd)}: ${describeFsError(error)}`);
    }
  };
}
