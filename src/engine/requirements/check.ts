import type { Check } from '../../model/snapshot.js';
import { compileNameGlob } from '../glob.js';

export type CheckSearch = { found: Check } | { found: null; detail: string };

/**
 * A successful check run or status on the head commit whose name matches the glob (and app, when given).
 * `stillValid` may accept a successful check of an older commit (load-test evidence whose inputs did not change).
 */
export function findSuccessfulCheck(
  checks: Check[],
  name: string,
  app?: string,
  stillValid: (check: Check) => boolean = () => false,
): CheckSearch {
  const matches = compileNameGlob(name);
  const named = checks.filter((check) => matches(check.name) && (!app || check.app === app));
  const successful = named.filter((check) => check.conclusion === 'success');
  const found = successful.find((check) => !check.stale) ?? successful.find(stillValid);
  if (found) return { found };
  const candidates = named.filter((check) => !check.stale);
  const from = app ? ` from ${app}` : '';
  const seen = candidates.map((check) => `${check.name}: ${check.conclusion}`).join(', ');
  return {
    found: null,
    detail: `no successful check matching "${name}"${from} on the head commit${seen ? ` (found ${seen})` : ''}`,
  };
}
