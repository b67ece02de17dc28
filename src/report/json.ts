/** The JSON report (contracts §4): keys in the contract's order, 2-space indent, trailing newline. */
import type { Finding, Report, RequirementResult } from '../model/report.js';

const REPORT_KEYS = [
  'schemaVersion',
  'decision',
  'risk',
  'releaseTrack',
  'findings',
  'requirements',
  'reviewers',
  'errors',
];
const FINDING_KEYS = [
  'file',
  'document',
  'key',
  'change',
  'before',
  'after',
  'line',
  'loadFactor',
  'risk',
  'rules',
  'why',
  'note',
];
const REQUIREMENT_KEYS = ['id', 'kind', 'status', 'detail', 'requiredBy', 'waivedBy'];
const REVIEWER_KEYS = ['users', 'teams'];

/**
 * `before`/`after` are left out when the key is absent on that side (added/removed keys), which is
 * different from a YAML `null` value; any field beyond the contract's follows the contract's fields.
 */
export function renderJson(report: Report): string {
  const ordered = inOrder(report, REPORT_KEYS);
  ordered.findings = report.findings.map((finding: Finding) => inOrder(finding, FINDING_KEYS));
  ordered.requirements = report.requirements.map((req: RequirementResult) => inOrder(req, REQUIREMENT_KEYS));
  ordered.reviewers = inOrder(report.reviewers, REVIEWER_KEYS);
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function inOrder(value: object, keys: string[]): Record<string, unknown> {
  const entries = Object.entries(value);
  const rank = (key: string) => (keys.includes(key) ? keys.indexOf(key) : keys.length);
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b)));
}
