/** The job summary: one section per evaluated pull request, within GitHub's 1 MiB per step. */
import * as core from '@actions/core';
import type { Report } from '../model/report.js';
import { renderMarkdown, type Annotation } from '../report/index.js';
import { describeDenied, type DeniedWrite } from './denied.js';

export const MAX_SUMMARY_BYTES = 1024 * 1024;
const MAX_OVERFLOW_LISTED = 500;

export interface TargetSummary {
  title: string;
  report: Report | null;
  /** Why the evaluation could not be completed, when it could not. */
  failure: string | null;
  advisory: boolean;
  denied: DeniedWrite[];
  /** Annotations GitHub would not show (over its per-step limit). */
  overflow: Annotation[];
  notes: string[];
  runUrl: string | null;
}

const quote = (lines: string[]): string => lines.map((line) => `> ${line}`).join('\n');

function notices(summary: TargetSummary): string[] {
  const lines: string[] = [];
  if (summary.advisory) lines.push('Advisory mode: this result never fails the status or the step.');
  for (const denied of summary.denied) lines.push(`⚠️ Not written: ${describeDenied(denied)}.`);
  lines.push(...summary.notes);
  return lines;
}

function overflowSection(overflow: Annotation[]): string | null {
  if (overflow.length === 0) return null;
  const listed = overflow
    .slice(0, MAX_OVERFLOW_LISTED)
    .map((a) => `- \`${a.path}:${a.line}\` (${a.level}) ${a.title}`.replace(/\s+/g, ' '));
  const more = overflow.length > listed.length ? [`- …and ${overflow.length - listed.length} more`] : [];
  return [`#### More annotations (GitHub shows 10 per level and step)`, ...listed, ...more].join('\n');
}

function body(summary: TargetSummary, maxLength: number): string {
  const notes = notices(summary);
  const parts = [
    notes.length > 0 ? quote(notes) : null,
    summary.failure === null ? null : `### ${summary.title}: 🔴 could not evaluate\n\n${summary.failure}`,
    summary.report === null
      ? null
      : renderMarkdown(summary.report, {
          title: summary.title,
          runUrl: summary.runUrl ?? undefined,
          maxLength,
        }),
    overflowSection(summary.overflow),
  ];
  return `${parts.filter((part) => part !== null).join('\n\n')}\n`;
}

/** Pure: the section, shortened until it fits `maxBytes` (the report's findings are cut first). */
export function summaryMarkdown(summary: TargetSummary, maxBytes: number): string {
  let maxLength = maxBytes;
  for (;;) {
    const text = body(summary, maxLength);
    const bytes = Buffer.byteLength(text);
    if (bytes <= maxBytes) return text;
    if (maxLength < 1000) return text.slice(0, Math.floor(maxBytes / 4));
    maxLength = Math.floor((maxLength * maxBytes) / bytes) - 64;
  }
}

/** Appends one section per pull request while keeping the whole step under GitHub's limit. */
export class SummaryWriter {
  private used = 0;

  /** `sections`: how many sections this step will write; each may use its share of the room left. */
  constructor(private sectionsLeft: number) {}

  async append(summary: TargetSummary): Promise<void> {
    const share = 1 / Math.max(1, this.sectionsLeft);
    this.sectionsLeft -= 1;
    if (!process.env.GITHUB_STEP_SUMMARY) return; // not on a runner
    const text = summaryMarkdown(summary, Math.floor((MAX_SUMMARY_BYTES - this.used) * share));
    this.used += Buffer.byteLength(text);
    await core.summary.addRaw(text).write();
  }
}
