/**
 * Reads a hand-written YAML file node by node, collecting every shape problem with its `file:line:col`
 * instead of stopping at the first one. Unknown keys are problems: a typo must never be ignored silently.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { didYouMean } from '../policy/suggest.js';
import type { Problem } from './context-error.js';

export interface Entry {
  key: Node;
  /** Null when the key has no value at all (`base:`). */
  value: Node | null;
}
/** A mapping's entries by key; `unknown` lists the keys that were rejected. */
export class Fields extends Map<string, Entry> {
  readonly unknown: string[] = [];
}

/** A list item or document root read as an entry of its own. */
export const itemEntry = (node: Node | null): Entry => ({ key: node as Node, value: node });

export class YamlReader {
  readonly problems: Problem[] = [];

  private constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Parses `text`; syntax errors become problems and the root is then null. */
  static parse(file: string, text: string): { reader: YamlReader; root: Node | null } {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const reader = new YamlReader(file, doc, lines);
    for (const error of doc.errors) {
      reader.problemAt(error.pos[0], error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
    }
    return { reader, root: doc.errors.length ? null : (doc.contents as Node | null) };
  }

  problem(node: Node | null | undefined, message: string): undefined {
    return this.problemAt(node?.range?.[0] ?? 0, message);
  }

  /** The mapping's entries; unknown keys and missing required keys are problems (`known: 'any'` accepts every key). */
  mapping(
    entry: Entry,
    where: string,
    known: readonly string[] | 'any',
    required: readonly string[] = [],
  ): Fields | undefined {
    const map = this.deref(entry.value);
    if (!isMap(map)) return this.problem(map ?? entry.key, `${where} must be a mapping (key: value lines)`);
    const fields = new Fields();
    for (const pair of map.items) {
      const key = pair.key as Node;
      const name = isScalar(key) ? String(key.value) : '';
      if (known !== 'any' && !known.includes(name)) {
        this.problem(
          key,
          `unknown key \`${name}\` in ${where}${didYouMean(name, known) || `; expected one of ${known.join(', ')}`}`,
        );
        fields.unknown.push(name);
        continue;
      }
      fields.set(name, { key, value: (pair.value as Node | null) ?? null });
    }
    const missing = required.filter((name) => !fields.has(name));
    if (missing.length)
      this.problem(map, `${where} needs ${missing.map((name) => `\`${name}\``).join(' and ')}`);
    return fields;
  }

  sequence(entry: Entry, where: string): Node[] | undefined {
    const node = this.deref(entry.value);
    if (isSeq(node)) return node.items as Node[];
    return this.problem(node ?? entry.key, `${where} must be a list`);
  }

  /** A text value: a string, or null when `nullable`. */
  text(entry: Entry, where: string): string | undefined;
  text(entry: Entry, where: string, nullable: true): string | null | undefined;
  text(entry: Entry, where: string, nullable = false): string | null | undefined {
    const value = this.scalar(entry);
    if (typeof value === 'string') return value;
    if (value === null && nullable) return null;
    return this.problem(entry.value ?? entry.key, `${where} must be text${nullable ? ' or null' : ''}`);
  }

  /** A name (login, team, label): any non-null scalar, read as written (`1234` stays "1234"). */
  name(entry: Entry, where: string): string | undefined {
    const node = this.deref(entry.value);
    if (isScalar(node) && node.value !== null && typeof node.value !== 'object') {
      const written = typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
      if (written.trim()) return written.trim();
    }
    return this.problem(node ?? entry.key, `${where} must be a non-empty name`);
  }

  names(entry: Entry, where: string): string[] | undefined {
    const items = this.sequence(entry, where);
    if (!items) return undefined;
    const names = items.map((item, index) => this.name(itemEntry(item), `${where}[${index}]`));
    return names.every((name) => name !== undefined) ? (names as string[]) : undefined;
  }

  boolean(entry: Entry, where: string): boolean | undefined {
    const value = this.scalar(entry);
    return typeof value === 'boolean'
      ? value
      : this.problem(entry.value ?? entry.key, `${where} must be true or false`);
  }

  number(entry: Entry, where: string, { integer = false, min = -Infinity } = {}): number | undefined {
    const value = this.scalar(entry);
    if (
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= min &&
      (!integer || Number.isInteger(value))
    ) {
      return value;
    }
    const kind = integer ? 'a whole number' : 'a number';
    return this.problem(
      entry.value ?? entry.key,
      `${where} must be ${kind}${min > -Infinity ? ` >= ${min}` : ''}`,
    );
  }

  oneOf<T extends string>(entry: Entry, where: string, allowed: readonly T[]): T | undefined {
    const value = this.scalar(entry);
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    const got = value === undefined ? '' : `, not ${JSON.stringify(value)}`;
    return this.problem(entry.value ?? entry.key, `${where} must be one of ${allowed.join(', ')}${got}`);
  }

  /** The plain value of a scalar entry; undefined when it is a mapping or list. */
  scalar(entry: Entry): string | number | boolean | null | undefined {
    const node = this.deref(entry.value);
    if (node === null) return null;
    if (!isScalar(node)) return undefined;
    const value = node.value;
    return value === null || ['string', 'number', 'boolean'].includes(typeof value)
      ? (value as string | number | boolean | null)
      : undefined;
  }

  private deref(node: Node | null): Node | null {
    return isAlias(node) ? ((node.resolve(this.doc) as Node | undefined) ?? null) : node;
  }

  private problemAt(offset: number, message: string): undefined {
    const { line, col } = this.lines.linePos(offset);
    this.problems.push({ file: this.file, line, column: col, message });
    return undefined;
  }
}
