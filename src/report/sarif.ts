/** SARIF 2.1.0 for code scanning: one rule per policy rule id (and riskgate:* pseudo rule), one result per finding. */
import type { Risk } from '../model/risk.js';
import { BUILTIN_RULE, type Finding, type Report } from '../model/report.js';
import { findingMessage } from './values.js';

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

const LEVEL: Record<Risk, SarifLevel> = {
  none: 'none',
  low: 'note',
  medium: 'warning',
  high: 'error',
  critical: 'error',
};

/** What the pseudo rules mean; a policy rule's meaning is its `why`, carried by its findings. */
const BUILTIN_DESCRIPTIONS: Record<string, string> = {
  [BUILTIN_RULE.selfProtection]:
    'A change to the gate itself: the policy, files it extends, CODEOWNERS or a workflow that runs riskgate.',
  [BUILTIN_RULE.unparseable]: 'A config file that cannot be parsed, so its changes cannot be classified.',
  [BUILTIN_RULE.unmatched]: 'A changed config key that no rule matches.',
};

export function renderSarif(report: Report): string {
  const ruleIds = [...new Set(report.findings.flatMap(rulesOf))];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'riskgate', rules: ruleIds.map((id) => rule(id, report.findings)) } },
        invocations: [invocation(report)],
        results: report.findings.map((finding) => result(finding, ruleIds)),
        properties: {
          decision: report.decision,
          risk: report.risk,
          releaseTrack: report.releaseTrack,
          requirements: report.requirements,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function rule(id: string, findings: Finding[]) {
  const description =
    BUILTIN_DESCRIPTIONS[id] ??
    findings.find((finding) => finding.rules.includes(id) && finding.why)?.why ??
    `riskgate rule ${id}`;
  return {
    id,
    name: id,
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: { text: description },
  };
}

/** A finding always names its rules; one without would be an engine bug, reported as unmatched rather than lost. */
function rulesOf(finding: Finding): string[] {
  return finding.rules.length > 0 ? finding.rules : [BUILTIN_RULE.unmatched];
}

function result(finding: Finding, ruleIds: string[]) {
  const ruleId = rulesOf(finding)[0];
  const region = finding.line === null ? {} : { region: { startLine: finding.line } };
  return {
    ruleId,
    ruleIndex: ruleIds.indexOf(ruleId),
    level: LEVEL[finding.risk],
    message: { text: findingMessage(finding) },
    locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(finding.file) }, ...region } }],
    partialFingerprints: {
      'riskgate/v1': [finding.file, finding.document ?? '', finding.key ?? '', ruleId].join(':'),
    },
    properties: {
      risk: finding.risk,
      rules: finding.rules,
      document: finding.document,
      key: finding.key,
      loadFactor: finding.loadFactor,
    },
  };
}

/** The evaluation's errors: when there are any, it did not complete and the gate fails closed. */
function invocation(report: Report) {
  return {
    executionSuccessful: report.errors.length === 0,
    toolExecutionNotifications: report.errors.map((error) => ({ level: 'error', message: { text: error } })),
  };
}

/** A repository-relative path as a relative URI reference (spaces and `%` encoded, `/` kept). */
function fileUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
