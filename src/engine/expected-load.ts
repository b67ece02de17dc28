import type { Policy } from '../model/policy.js';
import type { Finding } from '../model/report.js';
import { parseDuration } from './units.js';

/**
 * The request rate a change implies for the whole fleet: every client sends one request per interval of each
 * changed key whose rule models inverse load (heartbeats, polls, pings), so rate = clients × Σ 1/interval.
 * Null when the policy has no fleet or no such key changed.
 */
export function expectedFleetRps(policy: Policy, findings: Finding[]): number | null {
  const clients = policy.fleet?.clients;
  if (!clients) return null;
  const rules = new Map(policy.rules.map((rule) => [rule.id, rule]));
  let perClient = 0;
  for (const finding of findings) {
    const load = finding.rules.map((id) => rules.get(id)?.load).find((model) => model?.scales === 'inverse');
    const seconds = load ? parseDuration(finding.after, load.unit ?? 's') : null;
    if (seconds && seconds > 0) perClient += 1 / seconds;
  }
  return perClient > 0 ? clients * perClient : null;
}
