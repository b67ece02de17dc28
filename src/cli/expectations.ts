/** Compares a report with a scenario's `expect` block: what `riskgate test` prints for each scenario. */
import type { Expectation, FindingExpectation } from '../context/scenario.js';
import type { Scalar } from '../model/policy.js';
import type { Finding, Report } from '../model/report.js';

/** Load factors are compared to two decimals: `3.33` matches 10/3. */
const FACTOR_TOLERANCE = 0.005 + 1e-9;
const LISTED = 5;

/** One message per difference; empty when the report meets every expectation. */
export function differences(expect: Expectation, report: Report): string[] {
  const found: string[] = [];
  const compare = (label: string, expected: string | undefined, actual: string) => {
    if (expected !== undefined && expected !== actual)
      found.push(`${label}: expected ${expected}, got ${actual}`);
  };
  compare('decision', expect.decision, report.decision);
  compare('risk', expect.risk, report.risk);
  compare('release_track', expect.releaseTrack, report.releaseTrack);
  for (const [id, expected] of Object.entries(expect.requirements ?? {})) {
    const actual = report.requirements.find((requirement) => requirement.id === id);
    const status = actual?.status ?? 'absent';
    if (status !== expected.status) {
      found.push(
        `requirement ${id}: expected ${expected.status}, got ${status}${actual ? ` (${actual.detail})` : ''}`,
      );
    } else if (expected.detail !== undefined && !actual?.detail.includes(expected.detail)) {
      found.push(
        `requirement ${id}: detail should contain "${expected.detail}", got "${actual?.detail ?? ''}"`,
      );
    }
  }
  if (expect.findings)
    found.push(...listDifferences('findings', expect.findings, report.findings, matches, describe));
  if (expect.errors) {
    const contains = (part: string, error: string) => error.includes(part);
    found.push(
      ...listDifferences('errors', expect.errors, report.errors, contains, (error) => JSON.stringify(error)),
    );
  }
  return found;
}

/** `[]` expects none at all; otherwise every expected entry must match at least one actual entry. */
function listDifferences<E, A>(
  label: string,
  expected: E[],
  actual: A[],
  match: (expected: E, actual: A) => boolean,
  show: (item: A) => string,
): string[] {
  const listing = () => {
    const shown = actual.slice(0, LISTED).map(show).join(', ');
    return actual.length > LISTED ? `${shown} and ${actual.length - LISTED} more` : shown || 'none';
  };
  if (expected.length === 0)
    return actual.length ? [`${label}: expected none, got ${actual.length}: ${listing()}`] : [];
  return expected
    .filter((wanted) => !actual.some((item) => match(wanted, item)))
    .map((wanted) => `${label}: nothing matches ${JSON.stringify(wanted)}; got ${listing()}`);
}

function matches(expected: FindingExpectation, finding: Finding): boolean {
  const same = <K extends 'file' | 'document' | 'key' | 'change' | 'risk' | 'line'>(key: K) =>
    expected[key] === undefined || expected[key] === finding[key];
  return (
    same('file') &&
    same('document') &&
    same('key') &&
    same('change') &&
    same('risk') &&
    same('line') &&
    (expected.rule === undefined || finding.rules.includes(expected.rule)) &&
    (expected.note === undefined || (finding.note ?? '').includes(expected.note)) &&
    (!('before' in expected) || sameValue(expected.before, finding.before)) &&
    (!('after' in expected) || sameValue(expected.after, finding.after)) &&
    (expected.loadFactor === undefined || sameFactor(expected.loadFactor, finding.loadFactor))
  );
}

/** `null` also stands for an absent key; `5` equals `"5"`, as in the policy's `from`/`to`. */
function sameValue(expected: Scalar | undefined, actual: Scalar | undefined): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  return actual !== null && actual !== undefined && String(expected) === String(actual);
}

function sameFactor(expected: number | null, actual: number | null): boolean {
  return expected === null || actual === null
    ? expected === actual
    : Math.abs(expected - actual) <= FACTOR_TOLERANCE;
}

const describe = (finding: Finding): string =>
  `${finding.file}${finding.key ? ` ${finding.key}` : ''} (${finding.risk}${finding.rules.length ? `, ${finding.rules.join('+')}` : ''})`;
