import type { Check } from '../../model/snapshot.js';
import { compileNameGlob } from '../glob.js';

export type CheckSearch = { found: Check } | { found: null; detail: string };

/** A successful check run or status on the head commit whose name matches the glob (and app, when given). */
export function findSuccessfulCheck(checks: Check[], name: string, app?: string): CheckSearch {
  const matches = compileNameGlob(name);
  const candidates = checks.filter((check) => matches(check.name) && !check.stale && (!app || check.app === app));
  const found = candidates.find((check) => check.conclusion === 'success');
  if (found) return { found };
  const from = app ? ` from ${app}` : '';
  const seen = candidates.map((check) => `${check.name}: ${check.conclusion}`).join(', ');
  return {
    found: null,
    detail: `no successful check matching "${name}"${from} on the head commit${seen ? ` (found ${seen})` : ''}`,
  };
}
