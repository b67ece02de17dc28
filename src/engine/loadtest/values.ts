/** Tolerant readers for the numbers inside reports: absent → null, present but not a number → the report is refused. */
import { fail } from './metrics.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ABSENT = new Set(['', 'n/a', 'na', '-', 'null', 'none', 'undefined']);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a path of object keys, or undefined when any step is missing. */
export function valueAt(root: unknown, path: string[]): unknown {
  let node = root;
  for (const key of path) {
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** A number written as a number or a numeric string; `where` names it in the refusal. */
export function readNumber(value: unknown, where: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : fail(`${where} is ${value}, not a number`);
  if (typeof value !== 'string') return fail(`${where} is not a number`);
  const text = value.trim();
  if (ABSENT.has(text.toLowerCase())) return null;
  if (NUMBER.test(text)) return Number(text);
  return fail(`${where} is "${text.slice(0, 40)}", not a number`);
}

export function numberAt(root: unknown, path: string[], where: string): number | null {
  return readNumber(valueAt(root, path), `${where}: ${path.join('.')}`);
}

/** Milliseconds since the epoch from an epoch number (in `unitMs` per unit) or a date string. */
export function readTimestamp(value: unknown, where: string, unitMs: number): number | null {
  if (typeof value === 'string' && !NUMBER.test(value.trim())) {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? fail(`${where} is "${value.slice(0, 40)}", not a timestamp`) : parsed;
  }
  const number = readNumber(value, where);
  return number === null ? null : number * unitMs;
}

/** Tracks the first and last of a series of timestamps (ms). */
export class TimeSpan {
  private first = Infinity;
  private last = -Infinity;

  add(startMs: number | null, endMs: number | null = startMs): void {
    if (startMs !== null) this.first = Math.min(this.first, startMs);
    if (endMs !== null) this.last = Math.max(this.last, endMs);
  }

  /** Seconds from the first to the last timestamp (0 for a single point in time), or null for none. */
  seconds(): number | null {
    return this.last >= this.first ? (this.last - this.first) / 1000 : null;
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
