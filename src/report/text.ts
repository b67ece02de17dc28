/** The terminal report: a headline, findings as aligned columns, requirements with ✓/✗/~, reviewers, errors. */
import type { Risk } from '../model/risk.js';
import type { Finding, Report, RequirementResult, RequirementStatus } from '../model/report.js';
import {
  findingNote,
  formatChange,
  formatFactor,
  location,
  oneLine,
  subject,
  truncate,
  unknownFactorReason,
} from './values.js';

type Paint = (text: string, style: Style) => string;
type Style = 'red' | 'yellow' | 'green' | 'cyan' | 'dim' | 'bold';

const ANSI: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
  dim: [2, 22],
  bold: [1, 22],
};

const RISK_STYLE: Record<Risk, Style> = {
  none: 'dim',
  low: 'cyan',
  medium: 'yellow',
  high: 'red',
  critical: 'red',
};

const STATUS_MARK: Record<RequirementStatus, [string, Style]> = {
  met: ['✓', 'green'],
  unmet: ['✗', 'red'],
  waived: ['~', 'yellow'],
};

/** Widest a findings column grows before long cells simply overflow it. */
const MAX_COLUMN = 48;

export function renderText(report: Report, options: { color: boolean }): string {
  const paint: Paint = options.color
    ? (text, style) => `\u001b[${ANSI[style][0]}m${text}\u001b[${ANSI[style][1]}m`
    : (text) => text;
  const sections = [
    headline(report, paint),
    findingsSection(report.findings, paint),
    requirementsSection(report.requirements, paint),
    reviewersSection(report.reviewers),
    errorsSection(report.errors, paint),
  ];
  return `${sections.filter((section) => section !== null).join('\n\n')}\n`;
}

function headline(report: Report, paint: Paint): string {
  const decision = report.decision === 'blocked' ? paint('BLOCKED', 'red') : paint('PASSED', 'green');
  const risk = paint(report.risk, RISK_STYLE[report.risk]);
  return `${paint('riskgate', 'bold')}: ${decision} · risk ${risk} · release track ${report.releaseTrack}`;
}

function findingsSection(findings: Finding[], paint: Paint): string {
  if (findings.length === 0) return 'No risky changes.';
  const rows = findings.map((finding) =>
    [
      location(finding),
      subject(finding),
      formatChange(finding),
      finding.loadFactor === null ? '' : formatFactor(finding.loadFactor),
      finding.risk,
      finding.rules.join(', '),
    ].map((cell) => oneLine(cell)),
  );
  const widths = rows[0].map((_, column) =>
    Math.min(MAX_COLUMN, Math.max(...rows.map((row) => row[column].length))),
  );
  const lines = findings.flatMap((finding, index) => {
    const cells = rows[index].map((cell, column) => cell.padEnd(widths[column]));
    cells[4] = paint(cells[4], RISK_STYLE[finding.risk]);
    return [`  ${cells.join('  ').trimEnd()}`, ...findingDetails(finding, paint)];
  });
  return [paint(`Findings (${findings.length})`, 'bold'), ...lines].join('\n');
}

function findingDetails(finding: Finding, paint: Paint): string[] {
  const unknownFactor = unknownFactorReason(finding);
  return [
    unknownFactor === null ? null : `load factor unknown: ${unknownFactor}`,
    finding.why ? truncate(oneLine(finding.why), 1000) : null,
    findingNote(finding),
  ]
    .filter((line): line is string => line !== null)
    .map((line) => `      ${paint(line, 'dim')}`);
}

function requirementsSection(requirements: RequirementResult[], paint: Paint): string | null {
  if (requirements.length === 0) return null;
  const idWidth = Math.min(MAX_COLUMN, Math.max(...requirements.map((req) => oneLine(req.id).length)));
  const kindWidth = Math.max(...requirements.map((req) => req.kind.length));
  const lines = requirements.map((req) => {
    const [mark, style] = STATUS_MARK[req.status];
    const status =
      req.status === 'waived' && req.waivedBy ? `waived by ${oneLine(req.waivedBy)}` : req.status;
    const requiredBy =
      req.requiredBy.length > 0 ? paint(` (required by ${oneLine(req.requiredBy.join(', '))})`, 'dim') : '';
    const columns = `${oneLine(req.id).padEnd(idWidth)}  ${req.kind.padEnd(kindWidth)}  ${paint(status, style)}`;
    return `  ${paint(mark, style)} ${columns} — ${truncate(oneLine(req.detail), 1000)}${requiredBy}`;
  });
  return [paint(`Requirements (${requirements.length})`, 'bold'), ...lines].join('\n');
}

function reviewersSection(reviewers: Report['reviewers']): string | null {
  const names = [...reviewers.teams.map((team) => `${team} (team)`), ...reviewers.users];
  return names.length === 0 ? null : `Reviewers requested: ${oneLine(names.join(', '))}`;
}

function errorsSection(errors: string[], paint: Paint): string | null {
  if (errors.length === 0) return null;
  const lines = errors.map((error) => `  ${paint('!', 'red')} ${oneLine(error)}`);
  return [paint(`Errors (${errors.length})`, 'bold'), ...lines].join('\n');
}
