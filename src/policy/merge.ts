/**
 * Merging a policy with the files it extends, and applying defaults (contracts §1).
 *
 * Fragments come in load order: everything a file extends (depth first, in `extends` order, each file once)
 * before the file itself, so the extending file comes last and wins:
 *  - `rules`: concatenated, extended files' rules first;
 *  - `requirements`, `teams`, `levels`: merged key by key; a later file's entry replaces the whole entry;
 *  - `defaults`, `release_track`: merged field by field (each field is a scalar);
 *  - `fleet`, `config_files`, `waivers`, `self_protection`: taken whole from the last file that sets them;
 *  - `redact`: concatenated (a later file can add key globs, never remove one);
 *  - `version`, `extends`: not merged.
 */
import { DEFAULT_CONFIG_FILES, type ConfigFileSpec, type Policy, type Rule } from '../model/policy.js';
import type { Risk } from '../model/risk.js';
import type { Path } from './source.js';

/** A policy file as the schema admits it (before merging and defaults). */
export interface PolicyFile {
  version: 1;
  extends?: string[];
  config_files?: (string | ConfigFileSpec)[];
  defaults?: Partial<Policy['defaults']>;
  levels?: Policy['levels'];
  release_track?: Partial<Policy['release_track']>;
  fleet?: Policy['fleet'];
  teams?: Policy['teams'];
  rules?: Rule[];
  requirements?: Policy['requirements'];
  waivers?: Policy['waivers'];
  redact?: string[];
  self_protection?: boolean;
}

/** Where a merged entry came from: the index of its fragment and its path inside that fragment. */
export interface Origin {
  fragment: number;
  path: Path;
}

export interface Origins {
  rules: Origin[];
  requirements: Record<string, Origin>;
  teams: Record<string, Origin>;
  levels: Partial<Record<Risk, Origin>>;
  waivers?: Origin;
  fleet?: Origin;
}

export function mergePolicy(
  path: string,
  sources: string[],
  fragments: PolicyFile[],
): { policy: Policy; origins: Origins } {
  const origins: Origins = { rules: [], requirements: {}, teams: {}, levels: {} };
  const policy: Policy = {
    version: 1,
    path,
    sources,
    config_files: DEFAULT_CONFIG_FILES.map((spec) => ({ ...spec })),
    defaults: { unmatched: 'none', unparseable: 'high' },
    levels: {},
    release_track: { low_risk_max: 'low' },
    teams: {},
    rules: [],
    requirements: {},
    redact: [],
    self_protection: true,
  };
  fragments.forEach((file, fragment) => {
    const from = (...at: Path): Origin => ({ fragment, path: at });
    for (const [index, rule] of (file.rules ?? []).entries()) {
      policy.rules.push(rule);
      origins.rules.push(from('rules', index));
    }
    mergeEntries(policy.requirements, origins.requirements, file.requirements, (id) =>
      from('requirements', id),
    );
    mergeEntries(policy.teams, origins.teams, file.teams, (team) => from('teams', team));
    mergeEntries(policy.levels, origins.levels, file.levels, (risk) => from('levels', risk));
    Object.assign(policy.defaults, file.defaults);
    Object.assign(policy.release_track, file.release_track);
    if (file.config_files)
      policy.config_files = file.config_files.map((e) => (typeof e === 'string' ? { glob: e } : e));
    if (file.fleet) [policy.fleet, origins.fleet] = [file.fleet, from('fleet')];
    if (file.waivers) [policy.waivers, origins.waivers] = [file.waivers, from('waivers')];
    if (file.self_protection !== undefined) policy.self_protection = file.self_protection;
    for (const glob of file.redact ?? []) if (!policy.redact.includes(glob)) policy.redact.push(glob);
  });
  return { policy, origins };
}

function mergeEntries<K extends string, V>(
  target: Partial<Record<K, V>>,
  origins: Partial<Record<K, Origin>>,
  entries: Partial<Record<K, V>> | undefined,
  origin: (key: K) => Origin,
): void {
  for (const [key, value] of Object.entries(entries ?? {}) as [K, V][]) {
    target[key] = value;
    origins[key] = origin(key);
  }
}
