/** Plain-text pieces shared by every renderer: how values, factors and changes read. */
import type { Scalar } from '../model/policy.js';
import type { Finding } from '../model/report.js';

/** Longest value shown in full; config values can be whole documents in one string. */
const MAX_VALUE_CHARS = 200;

// Control characters (C0, DEL, C1) and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Makes text one line and free of terminal control sequences: `\n`, `\t`, `\u001b` become visible escapes. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

/** How a config value reads: bare strings, `""` for the empty string, `(absent)` for a missing key. */
export function formatValue(value: Scalar | undefined): string {
  if (value === undefined) return '(absent)';
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  const needsQuotes = value === '' || value.trim() !== value;
  return truncate(oneLine(needsQuotes ? JSON.stringify(value) : value), MAX_VALUE_CHARS);
}

/** `30s → 5s`, `(absent) → 5s` for an added key; the change kind alone for file-level findings. */
export function formatChange(finding: Finding): string {
  if (finding.before === undefined && finding.after === undefined) return finding.change;
  return `${formatValue(finding.before)} → ${formatValue(finding.after)}`;
}

/** `×6`, `×3.33`: two decimals at most for reading; the JSON report keeps the exact factor. */
export function formatFactor(factor: number): string {
  return `×${Number(factor.toFixed(2))}`;
}

/**
 * Why a key finding has no load factor: the engine notes the reason (non-numeric, unit missing,
 * zero, added key). Null when it has a factor, or no reason was given (its rule has no load model).
 */
export function unknownFactorReason(finding: Finding): string | null {
  if (finding.loadFactor !== null || finding.key === null || !finding.note) return null;
  return truncate(oneLine(finding.note), 500);
}

/** `×6`, `unknown: <why>`, or null when there is nothing to say about the load factor. */
export function describeFactor(finding: Finding): string | null {
  if (finding.loadFactor !== null) return formatFactor(finding.loadFactor);
  const reason = unknownFactorReason(finding);
  return reason === null ? null : `unknown: ${reason}`;
}

/** The note of a finding when it is not about its load factor (parser message, matched line). */
export function findingNote(finding: Finding): string | null {
  if (!finding.note || unknownFactorReason(finding) !== null) return null;
  return truncate(oneLine(finding.note), 500);
}

/** `file:line`, or the file alone for a finding without a line. */
export function location(finding: Finding): string {
  return finding.line === null ? finding.file : `${finding.file}:${finding.line}`;
}

/** The key, prefixed by its YAML document in multi-document files; `(file)` for file-level findings. */
export function subject(finding: Finding): string {
  const key = finding.key ?? '(file)';
  return finding.document === null ? key : `${finding.document} › ${key}`;
}

/** Plain-text explanation of one finding: what changed, by what factor, and why it matters. */
export function findingMessage(finding: Finding): string {
  const factor = describeFactor(finding);
  const change = `${oneLine(subject(finding))}: ${formatChange(finding)}${factor === null ? '' : `, load factor ${factor}`}`;
  const note = findingNote(finding);
  return [change, finding.why ? oneLine(finding.why) : null, note].filter((line) => line !== null).join('\n');
}
