/** The markdown report: what the sticky pull-request comment and the job summary show. */
import type { Risk } from '../model/risk.js';
import type { Finding, Report, RequirementResult } from '../model/report.js';
import { escapeMarkdown } from './escape.js';
import { describeFactor, findingNote, formatFactor, formatValue, truncate } from './values.js';

export interface MarkdownOptions {
  /** Headline text before the decision (default `riskgate`). */
  title?: string;
  /** Link to the workflow run, shown at the end. */
  runUrl?: string;
  /** Invisible marker the publisher finds its sticky comment by (default `<!-- riskgate:comment -->`). */
  marker?: string;
  /** Longest output in characters (default: GitHub's comment limit, with a margin). */
  maxLength?: number;
}

export const DEFAULT_MARKER = '<!-- riskgate:comment -->';
/** GitHub rejects comments over 65,536 characters; the margin covers line-ending normalisation. */
export const MAX_COMMENT_LENGTH = 64_000;
const MAX_ERRORS_SHOWN = 20;

const RISK_ICON: Record<Risk, string> = { none: '⚪', low: '🟢', medium: '🟡', high: '🟠', critical: '🔴' };

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? MAX_COMMENT_LENGTH;
  const head = [markerComment(options.marker), headline(report, options.title ?? 'riskgate')].join('\n');
  const tail = [
    requirementsSection(report.requirements),
    reviewersSection(report.reviewers),
    errorsSection(report.errors),
    footer(options.runUrl),
  ]
    .filter((section): section is string => section !== null)
    .join('\n\n');
  const room = maxLength - head.length - tail.length - 4; // the two "\n\n" joints
  const text = [head, findingsSection(report.findings, room), tail]
    .filter((part) => part !== '')
    .join('\n\n');
  return `${truncate(text, maxLength - 1)}\n`;
}

function markerComment(marker: string | undefined): string {
  if (marker === undefined) return DEFAULT_MARKER;
  if (/^<!--[\s\S]*-->$/.test(marker) && !marker.slice(4, -3).includes('-->')) return marker;
  return `<!-- ${marker.replace(/--+>?/g, '-')} -->`;
}

function headline(report: Report, title: string): string {
  const decision = report.decision === 'blocked' ? '🔴 blocked' : '✅ passed';
  const facts = `**Risk:** ${RISK_ICON[report.risk]} ${report.risk} · **Release track:** ${report.releaseTrack}`;
  return `### ${escapeMarkdown(title)}: ${decision}\n\n${facts}`;
}

function findingsSection(findings: Finding[], room: number): string {
  if (findings.length === 0) return 'No risky changes.';
  const heading = `#### Findings (${findings.length})`;
  const blocks: string[] = [];
  let used = heading.length;
  for (const [index, finding] of findings.entries()) {
    const block = findingBlock(finding);
    const more = moreFindings(findings.length - index - 1);
    if (used + block.length + more.length + 4 > room) {
      blocks.push(moreFindings(findings.length - index));
      break;
    }
    blocks.push(block);
    used += block.length + 2;
  }
  return [heading, ...blocks].join('\n\n');
}

function moreFindings(count: number): string {
  return count === 0 ? '' : `…and ${count} more findings (see the job summary / report artifact)`;
}

function findingBlock(finding: Finding): string {
  const line = finding.line === null ? '' : ` (line ${finding.line})`;
  const document = finding.document === null ? '' : ` · document ${escapeMarkdown(finding.document)}`;
  const title = `**${escapeMarkdown(truncate(finding.file, 300))}**${line}${document} — ${RISK_ICON[finding.risk]} **${finding.risk}**`;
  const factor = describeFactor(finding);
  const note = findingNote(finding);
  const items = [
    finding.key === null ? null : `Key: <code>${escapeMarkdown(truncate(finding.key, 300))}</code>`,
    `Change: ${changeText(finding)}`,
    factor === null ? null : `Load factor: ${escapeMarkdown(factor)}${loadMeaning(finding)}`,
    `Rules: ${escapeMarkdown(truncate(finding.rules.join(', '), 300))}`,
    finding.why ? `Why: ${escapeMarkdown(truncate(finding.why, 1000))}` : null,
    note === null ? null : `Note: ${escapeMarkdown(note)}`,
  ];
  return [title, ...items.filter((item) => item !== null).map((item) => `- ${item}`)].join('\n');
}

/** In backend terms: `30s → 5s` multiplies the load this key drives by 6 (for every client at once). */
function loadMeaning(finding: Finding): string {
  if (finding.loadFactor === null || finding.loadFactor === 1) return '';
  const effect = finding.loadFactor > 1 ? 'multiplies' : 'divides';
  const amount = formatFactor(finding.loadFactor > 1 ? finding.loadFactor : 1 / finding.loadFactor).slice(1);
  return ` — this change ${effect} the backend load this key drives by ${escapeMarkdown(amount)}`;
}

function changeText(finding: Finding): string {
  if (finding.before === undefined && finding.after === undefined) return finding.change;
  const value = (side: Finding['before']) => `<code>${escapeMarkdown(formatValue(side))}</code>`;
  return `${finding.change}, ${value(finding.before)} → ${value(finding.after)}`;
}

function requirementsSection(requirements: RequirementResult[]): string | null {
  if (requirements.length === 0) return null;
  return ['#### Requirements', ...requirements.map(requirementItem)].join('\n');
}

function requirementItem(req: RequirementResult): string {
  const box = req.status === 'unmet' ? '[ ]' : '[x]';
  const status =
    req.status === 'waived' && req.waivedBy ? `waived by ${escapeMarkdown(req.waivedBy)}` : req.status;
  const requiredBy =
    req.requiredBy.length > 0 ? ` _(required by ${escapeMarkdown(req.requiredBy.join(', '))})_` : '';
  return `- ${box} **${escapeMarkdown(req.id)}** (${req.kind}) — ${status}: ${escapeMarkdown(truncate(req.detail, 1000))}${requiredBy}`;
}

function reviewersSection(reviewers: Report['reviewers']): string | null {
  const lines = [
    reviewers.teams.length > 0 ? `- Teams: ${escapeMarkdown(reviewers.teams.join(', '))}` : null,
    reviewers.users.length > 0 ? `- Users: ${escapeMarkdown(reviewers.users.join(', '))}` : null,
  ].filter((line) => line !== null);
  return lines.length === 0 ? null : ['#### Reviewers requested', ...lines].join('\n');
}

function errorsSection(errors: string[]): string | null {
  if (errors.length === 0) return null;
  const shown = errors.slice(0, MAX_ERRORS_SHOWN).map((error) => `- ${escapeMarkdown(truncate(error, 500))}`);
  const hidden = errors.length - shown.length;
  const more = hidden > 0 ? [`- …and ${hidden} more errors (see the report artifact)`] : [];
  return [
    '#### Errors',
    'The evaluation could not be completed, so the gate fails closed:',
    ...shown,
    ...more,
  ].join('\n');
}

function footer(runUrl: string | undefined): string | null {
  if (!runUrl || !/^https?:\/\/[^\s()<>]+$/.test(runUrl)) return null;
  return `[Workflow run](${runUrl})`;
}
