import type { ConfigFormat, Policy } from '../model/policy.js';
import { formatFromPath } from './config/index.js';
import { compileFileGlobs } from './glob.js';

/** The format a changed file is parsed in: the first `config_files` entry that matches it, or null (not config). */
export function compileConfigFormat(policy: Policy): (path: string) => ConfigFormat | null {
  const entries = policy.config_files.map((spec) => ({
    match: compileFileGlobs([spec.glob]),
    format: spec.format,
  }));
  return (path) => {
    const entry = entries.find(({ match }) => match(path));
    if (!entry) return null;
    return entry.format ?? formatFromPath(path) ?? null;
  };
}

const WORKFLOW = compileFileGlobs(['.github/workflows/*.{yml,yaml}']);
const CODEOWNERS = '.github/CODEOWNERS';

/** Paths whose change is a change to the gate itself (contracts §1.6). Workflows only count when they run riskgate. */
export function compileGatePaths(policy: Policy): {
  isGateFile: (path: string) => boolean;
  isWorkflow: (path: string) => boolean;
} {
  const gate = new Set([...policy.sources, CODEOWNERS]);
  return { isGateFile: (path) => gate.has(path), isWorkflow: WORKFLOW };
}

export const runsRiskgate = (text: string | null): boolean => text !== null && /riskgate/i.test(text);

/** Which changed files a context must read (base and head text) for this policy. */
export function filesToRead(policy: Policy, paths: string[]): string[] {
  const formatOf = compileConfigFormat(policy);
  const lineRules = policy.rules
    .filter((rule) => rule.lines?.length)
    .map((rule) => compileFileGlobs(rule.files));
  const gate = compileGatePaths(policy);
  return paths.filter(
    (path) =>
      formatOf(path) !== null ||
      lineRules.some((match) => match(path)) ||
      (policy.self_protection && gate.isWorkflow(path)),
  );
}
