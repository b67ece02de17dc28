import type { ConfigFormat, Scalar } from '../../../src/model/policy.js';
import { diffConfig, type ConfigDiff, type KeyChange } from '../../../src/engine/config/index.js';

export function changes(format: ConfigFormat, base: string | null, head: string | null): KeyChange[] {
  const result = diffConfig(format, base, head);
  if (!result.ok)
    throw new Error(`expected a diff, got: ${result.message} (${result.line}:${result.column})`);
  return result.changes;
}

export function failure(
  format: ConfigFormat,
  base: string | null,
  head: string | null,
): Extract<ConfigDiff, { ok: false }> {
  const result = diffConfig(format, base, head);
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.changes)}`);
  return result;
}

/** Every key of a file with its value, as `diffConfig(format, null, text)` reports them. */
export function valuesOf(format: ConfigFormat, text: string): Record<string, Scalar | undefined> {
  return Object.fromEntries(changes(format, null, text).map((change) => [label(change), change.after]));
}

/** Every key of a file with its line. */
export function linesOf(format: ConfigFormat, text: string): Record<string, number | null> {
  return Object.fromEntries(changes(format, null, text).map((change) => [label(change), change.line]));
}

/** `key` for single documents, `document|key` in multi-document files. */
export function label(change: KeyChange): string {
  return change.document === null ? change.key : `${change.document}|${change.key}`;
}

/** Changes as short strings: `key: before → after @line`. */
export function summary(list: readonly KeyChange[]): string[] {
  return list.map((change) => {
    const before = 'before' in change ? JSON.stringify(change.before) : '∅';
    const after = 'after' in change ? JSON.stringify(change.after) : '∅';
    return `${label(change)}: ${before} → ${after} @${change.line}`;
  });
}
