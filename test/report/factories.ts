/** Hand-built reports for reporter tests: defaults that read like the incident PR, overridden per test. */
import type { Finding, Report, RequirementResult } from '../../src/model/report.js';

export function aFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    file: 'config/client/realtime.yml',
    document: null,
    key: 'client.heartbeat_interval',
    change: 'changed',
    before: '30s',
    after: '5s',
    line: 2,
    loadFactor: 6,
    risk: 'critical',
    rules: ['client-heartbeat'],
    why: 'Every connected client sends one heartbeat per interval; shorter intervals multiply backend load.',
    ...overrides,
  };
}

export function aRequirement(overrides: Partial<RequirementResult> = {}): RequirementResult {
  return {
    id: 'backend-review',
    kind: 'review',
    status: 'unmet',
    detail: 'needs 1 approval from backend (backend-lead, backend-dev); has none',
    requiredBy: ['client-heartbeat'],
    ...overrides,
  };
}

export function aReport(overrides: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    decision: 'blocked',
    risk: 'critical',
    releaseTrack: 'standard',
    findings: [aFinding()],
    requirements: [aRequirement()],
    reviewers: { users: [], teams: ['acme/backend'] },
    errors: [],
    ...overrides,
  };
}

/** A report with one of everything, for "every field appears" checks. */
export function aFullReport(): Report {
  return aReport({
    findings: [
      aFinding(),
      aFinding({
        file: 'k8s/api.yml',
        document: 'Deployment/api',
        key: 'spec.template.spec.containers.api.resources.limits.cpu',
        before: '500m',
        after: '250m',
        line: 14,
        loadFactor: null,
        note: 'not a duration: 500m',
        risk: 'medium',
        rules: ['cpu-limits', 'k8s-resources'],
        why: 'Lower CPU limits throttle the API under load.',
      }),
      aFinding({
        file: '.github/riskgate.yml',
        key: null,
        before: undefined,
        after: undefined,
        line: null,
        loadFactor: null,
        risk: 'critical',
        rules: ['riskgate:self-protection'],
        why: 'A change to the gate itself needs the strictest process.',
      }),
    ],
    requirements: [
      aRequirement({ status: 'met', detail: 'approved by backend-lead (acme/backend)' }),
      aRequirement({
        id: 'load-test',
        kind: 'load_test',
        status: 'unmet',
        detail: 'no successful check matching load-test*',
      }),
      aRequirement({
        id: 'rollback-plan',
        kind: 'body',
        status: 'waived',
        waivedBy: 'sre-oncall',
        detail: 'add a "Rollback plan" section to the PR description',
        requiredBy: ['k8s-resources'],
      }),
    ],
    reviewers: { users: ['backend-lead'], teams: ['acme/backend'] },
    errors: ['could not read team acme/sre: the token needs Members: read'],
  });
}
