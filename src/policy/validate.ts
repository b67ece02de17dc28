/** `riskgate validate [FILE]`: load a policy and report its problems instead of throwing them. */
import type { Policy } from '../model/policy.js';
import { builtinPackNames, readBuiltinPack } from './builtin.js';
import { loadPolicy, PolicyError, type PolicyProblem, type ReadFile } from './load.js';

export interface PolicyValidation {
  ok: boolean;
  /** Every problem, sorted by position; format each with `formatProblem`. */
  problems: PolicyProblem[];
  /** The resolved policy when `ok`. */
  policy?: Policy;
}

/** Validates the policy at repository path `path` (and everything it extends) with the built-in packs of this install. */
export async function validatePolicyFile(path: string, read: ReadFile): Promise<PolicyValidation> {
  try {
    const policy = await loadPolicy(path, {
      read,
      readBuiltin: readBuiltinPack,
      builtinNames: builtinPackNames(),
    });
    return { ok: true, problems: [], policy };
  } catch (error) {
    if (error instanceof PolicyError) return { ok: false, problems: error.problems };
    throw error;
  }
}
