import type { LoadTestSpec } from '../../model/policy.js';
import type { Evidence } from '../../model/snapshot.js';
import { checkThresholds, readReport } from '../loadtest/index.js';
import { findSuccessfulCheck } from './check.js';
import { unchangedSinceTested } from './freshness.js';
import type { RequirementContext, Verdict } from './types.js';

/**
 * The report comes from the requirement's own evidence (artifact, file, or `--evidence` locally), else from the
 * matching check. Evidence supplied locally stands in for the check, which cannot exist on a local machine.
 */
export function evaluateLoadTest(spec: LoadTestSpec, context: RequirementContext): Verdict {
  const { snapshot, policy, id } = context;
  const own: Evidence | undefined = snapshot.evidence[id];
  let evidence: Evidence | undefined = own;
  let checkNote = '';
  if (spec.check && !own?.local) {
    const search = findSuccessfulCheck(snapshot.checks, spec.check, spec.app, (check) =>
      unchangedSinceTested(check, context),
    );
    if (!search.found) return { met: false, detail: search.detail };
    const { found } = search;
    evidence ??= found.report;
    checkNote = found.stale
      ? `check ${found.name} passed on an earlier commit${found.commit ? ` (${found.commit})` : ''} whose relevant keys have the same values as the head; `
      : `check ${found.name} passed on the head commit; `;
  }
  if (!evidence) {
    return {
      met: false,
      detail: `${checkNote}no load-test report found; attach one (${describeSource(spec)})`,
    };
  }
  if (evidence.error)
    return { met: false, detail: `${checkNote}report from ${evidence.source}: ${evidence.error}` };
  const reading = readReport(evidence.files, evidence.format ?? spec.report?.format ?? 'auto');
  if (!reading.ok)
    return {
      met: false,
      detail: `${checkNote}report from ${evidence.source} is not usable: ${reading.reason}`,
    };
  const result = checkThresholds(spec, reading.metrics, {
    fleetClients: policy.fleet?.clients ?? null,
    expectedRps: context.expectedRps,
  });
  const summary = `${checkNote}report from ${evidence.source}: ${result.summary}`;
  return result.ok
    ? { met: true, detail: summary }
    : { met: false, detail: `${summary}; ${result.failures.join('; ')}` };
}

function describeSource(spec: LoadTestSpec): string {
  const from = spec.report?.from ?? 'check';
  if (from === 'artifact') return `upload it as the workflow artifact "${spec.report?.artifact}"`;
  if (from === 'file') return `commit it as ${spec.report?.path}`;
  return `as the output of the check "${spec.check ?? 'load-test'}", or locally with --evidence`;
}
