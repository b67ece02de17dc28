/**
 * Line-oriented formats (INI, .properties, .env) have no tree: a key is a list of segments, and
 * `a` and `a.b` can both hold values. Their entries become one mapping keyed by the joined
 * segments, whose locator hands the segments and lines back.
 */
import type { Scalar } from '../../model/policy.js';
import { setOwn } from './scalar.js';
import type { ParsedFile } from './types.js';

export interface FlatEntry {
  segments: string[];
  value: Scalar;
  /** 1-based line of the entry. */
  line: number;
}

const SEPARATOR = '\u0000';

/** Later entries with the same key replace earlier ones. */
export function flatFile(entries: Iterable<FlatEntry>): ParsedFile {
  // A plain object inserts much faster than a prototype-less one at 100,000s of keys; setOwn keeps
  // `__proto__` an ordinary key.
  const root: Record<string, Scalar> = {};
  const byKey = new Map<string, FlatEntry>();
  for (const entry of entries) {
    const key = entry.segments.join(SEPARATOR);
    setOwn(root, key, entry.value);
    byKey.set(key, entry);
  }
  return {
    documents: [root],
    locator: {
      line: (container, key) => (container === root ? (byKey.get(key)?.line ?? null) : null),
      segments: (container, key) => (container === root ? (byKey.get(key)?.segments ?? [key]) : [key]),
    },
  };
}

/** Splits a key into segments, unless that would leave an empty segment (`a..b`, `__X`). */
export function splitKey(key: string, separator: string): string[] {
  const parts = key.split(separator);
  return parts.every((part) => part !== '') ? parts : [key];
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
