/**
 * Loading a policy: parse (positions kept), validate against the schema, follow `extends`, merge (see merge.ts),
 * then check cross-references. Pure apart from the injected readers; every problem names file:line:col.
 */
import { posix } from 'node:path';
import type { Policy } from '../model/policy.js';
import { crossReferenceProblems } from './cross-references.js';
import { fileProblems } from './file-checks.js';
import { mergePolicy, type Origin, type PolicyFile } from './merge.js';
import { formatProblem, PolicyError, sortedProblems, type PolicyProblem } from './problem.js';
import { schemaProblems, type LocatedMessage } from './schema.js';
import { parsePolicySource, type Path, type PolicySource } from './source.js';
import { didYouMean } from './suggest.js';

export { formatProblem, PolicyError, type PolicyProblem };

/** Reads a repository file; `name` is what messages show for it; null when the file does not exist. */
export type ReadFile = (repoPath: string) => Promise<{ text: string; name: string } | null>;

export interface LoadOptions {
  read: ReadFile;
  /** The text of built-in pack `name` (policies/<name>.yml), or null when there is no such pack. */
  readBuiltin: (pack: string) => Promise<string | null>;
  /** Names of the built-in packs, for "did you mean" in messages about unknown packs. */
  builtinNames?: string[];
  /** The policy is the mapping at key path `at` inside `text` (a scenario file); positions are in that file. */
  inline?: { text: string; name: string; at: string[] };
}

interface Loaded {
  source: PolicySource;
  file: PolicyFile;
  /** The repository path, for repository files (not built-in packs). */
  repoPath?: string;
}

interface State {
  options: LoadOptions;
  loaded: Loaded[];
  seen: Set<string>;
  problems: PolicyProblem[];
}

const BUILTIN = 'builtin:';

/** Loads, validates and resolves the policy at repository path `path`; throws PolicyError listing every problem. */
export async function loadPolicy(path: string, options: LoadOptions): Promise<Policy> {
  const policyPath = normalizeRepoPath(path) ?? path;
  const root = await rootSource(policyPath, options);
  const state: State = { options, loaded: [], seen: new Set([policyPath]), problems: [] };
  await include(root, policyPath, [policyPath], state);
  if (state.problems.length > 0) throw new PolicyError(sortedProblems(state.problems));

  const repoFiles = state.loaded.flatMap((l) =>
    l.repoPath && l.repoPath !== policyPath ? [l.repoPath] : [],
  );
  const { policy, origins } = mergePolicy(
    policyPath,
    [policyPath, ...repoFiles],
    state.loaded.map((l) => l.file),
  );
  const locate = (origin: Origin) => state.loaded[origin.fragment].source.locate(origin.path);
  const where = (origin: Origin) => {
    const { line, column } = locate(origin);
    return `${state.loaded[origin.fragment].source.name}:${line}:${column}`;
  };
  const problems = crossReferenceProblems(policy, origins, where).map(({ origin, message }) =>
    positioned(state.loaded[origin.fragment].source, { path: origin.path, part: 'value', message }),
  );
  if (problems.length > 0) throw new PolicyError(sortedProblems(problems));
  return policy;
}

async function rootSource(path: string, options: LoadOptions): Promise<PolicySource> {
  if (options.inline) {
    const { text, name, at } = options.inline;
    return parsePolicySource(text, name, at);
  }
  const file = await options.read(path);
  if (!file) throw new PolicyError([{ file: path, line: 0, column: 0, message: 'policy file not found' }]);
  return parsePolicySource(file.text, file.name);
}

function positioned(source: PolicySource, located: LocatedMessage): PolicyProblem {
  return { file: source.name, ...source.locate(located.path, located.part), message: located.message };
}

/** Validates `source`, loads what it extends (depth first, each file once), then records it: extended files come first. */
async function include(
  source: PolicySource,
  repoPath: string | undefined,
  chain: string[],
  state: State,
): Promise<void> {
  const report = (messages: LocatedMessage[]) =>
    state.problems.push(...messages.map((m) => positioned(source, m)));
  state.problems.push(...source.problems);
  if (source.value === undefined) return;
  const schema = schemaProblems(source.value);
  report(schema);
  if (schema.length > 0) return;
  const file = source.value as PolicyFile;
  report(fileProblems(file));

  for (const [index, entry] of (file.extends ?? []).entries()) {
    const at: Path = ['extends', index];
    const fail = (message: string) => report([{ path: at, part: 'value', message }]);
    const target = extendsTarget(entry);
    if ('problem' in target) {
      fail(target.problem);
    } else if (chain.includes(target.key)) {
      fail(
        `\`extends\` cycle: ${[...chain, target.key].join(' → ')}; remove one of these \`extends\` entries`,
      );
    } else if (!state.seen.has(target.key)) {
      state.seen.add(target.key);
      const child = await readTarget(target, state.options);
      if (typeof child === 'string') fail(child);
      else await include(child, target.pack ? undefined : target.key, [...chain, target.key], state);
    }
  }
  state.loaded.push({ source, file, repoPath });
}

type Target = { key: string; pack?: string } | { problem: string };

function extendsTarget(entry: string): Target {
  if (entry.startsWith(BUILTIN)) return { key: entry, pack: entry.slice(BUILTIN.length) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) {
    return { problem: `\`${entry}\`: remote policies are not supported; copy the file into the repository` };
  }
  const path = normalizeRepoPath(entry);
  if (!path)
    return {
      problem: `\`${entry}\` is outside the repository; \`extends\` paths are relative to the repository root`,
    };
  return { key: path };
}

/** `./a/../b.yml` → `b.yml`; null for absolute paths and paths that leave the repository. */
function normalizeRepoPath(path: string): string | null {
  if (posix.isAbsolute(path)) return null;
  const normal = posix.normalize(path);
  return normal === '..' || normal.startsWith('../') ? null : normal;
}

/** The parsed target, or what is wrong when it cannot be read. */
async function readTarget(
  target: { key: string; pack?: string },
  options: LoadOptions,
): Promise<PolicySource | string> {
  if (target.pack !== undefined) {
    const text = /^[a-z0-9][a-z0-9-]*$/.test(target.pack) ? await options.readBuiltin(target.pack) : null;
    if (text !== null) return parsePolicySource(text, target.key);
    const names = options.builtinNames ?? [];
    const available =
      names.length > 0 ? `; built-in packs: ${names.map((n) => `\`${BUILTIN}${n}\``).join(', ')}` : '';
    const hint = didYouMean(target.pack, names).replace(/`([^`]+)`\?$/, `\`${BUILTIN}$1\`?`);
    return `unknown built-in pack \`${target.key}\`${hint || available}`;
  }
  const file = await options.read(target.key);
  if (!file)
    return `cannot find \`${target.key}\` (\`extends\` takes \`${BUILTIN}<pack>\` or a path relative to the repository root)`;
  return parsePolicySource(file.text, file.name);
}
