/**
 * Source positions for js-yaml results, recorded through its `listener` option. js-yaml reports
 * `open`/`close` around every node it composes; the listener keeps, per node, the offset where
 * composing started and the value it became. Nothing is interpreted until a line is asked for,
 * which only happens for keys that changed.
 *
 * Per container (identity of the object js-yaml built) its child nodes are kept: for a mapping
 * they pair up as key, value (a key is a node followed by `:`, or preceded by `?`), for a sequence
 * one per element. Aliases resolve to the same object, so they share its positions; merge keys
 * (`<<`) keep their sources, so a merged key is located in the mapping it comes from. When the
 * children of a container do not line up with the object (`[a: 1]` pairs, `- ` with no value),
 * that container has no positions and the caller falls back to the nearest located ancestor.
 */
import type { Locator } from './types.js';
import { hasOwn, isContainer } from './scalar.js';
import { MERGE_TAG } from './yaml-schema.js';

/** A node js-yaml composed, read back from the flat record of its parent's children. */
interface Frame {
  /** Offset where js-yaml started composing the node (a value starts right after its `:` or `- `). */
  pos: number;
  /** 0-based line of `pos`. */
  line: number;
  /** Offset where composing ended. */
  end: number;
  /** IS_KEY, IS_MERGE_KEY. */
  flags: number;
  result: unknown;
}

/** The part of js-yaml's loader state the listener reads. */
export interface LoaderState {
  input: string;
  position: number;
  line: number;
  result: unknown;
  tag: string | null;
}

interface Entry {
  key: Frame;
  value: Frame | null;
}

interface MappingIndex {
  entries: Map<string, Entry>;
  merges: object[];
}

/**
 * Children are recorded flat, FIELDS slots per child (pos, line, end, flags, result), and the open
 * nodes in parallel arrays: a node costs no allocation of its own, which keeps the garbage
 * collector's share of a parse close to js-yaml's.
 */
const FIELDS = 5;
const IS_KEY = 1;
const IS_MERGE_KEY = 2;
const MAX_MERGE_CHAIN = 64;

export class YamlRecorder {
  private depth = 0;
  private readonly openPositions: number[] = [];
  private readonly openLines: number[] = [];
  private readonly openKids: (unknown[] | null)[] = [];
  /** A Map, not a WeakMap: it lives exactly as long as the parsed file, and ephemerons cost GC time. */
  private readonly kidsOf = new Map<object, unknown[]>();

  constructor(private readonly text: string) {}

  readonly listener = (event: 'open' | 'close', state: LoaderState): void => {
    if (event === 'open') {
      const depth = this.depth++;
      this.openPositions[depth] = state.position;
      this.openLines[depth] = state.line;
      this.openKids[depth] = null;
      return;
    }
    const depth = --this.depth;
    const kids = this.openKids[depth] as unknown[] | null;
    const result = state.result;
    // The innermost node that produced a container is the one whose children are its members.
    if (kids !== null && isContainer(result) && !this.kidsOf.has(result)) this.kidsOf.set(result, kids);
    if (depth === 0) return;
    // An implicit key is followed by `:` on its own line; a block value can end where the next key
    // starts, at the beginning of a later line, and that key may itself start with a colon (`:x: 1`).
    const isKey = state.line === this.openLines[depth] && followedByColon(state.input, state.position);
    const flags = (isKey ? IS_KEY : 0) | (state.tag === MERGE_TAG ? IS_MERGE_KEY : 0);
    let siblings = this.openKids[depth - 1] as unknown[] | null;
    if (siblings === null) siblings = this.openKids[depth - 1] = [];
    siblings.push(this.openPositions[depth], this.openLines[depth], state.position, flags, result);
  };

  locator(): Locator {
    return new YamlLocator(this.text, this.kidsOf);
  }
}

function framesOf(kids: readonly unknown[]): Frame[] {
  const frames: Frame[] = [];
  for (let slot = 0; slot < kids.length; slot += FIELDS) {
    frames.push({
      pos: kids[slot] as number,
      line: kids[slot + 1] as number,
      end: kids[slot + 2] as number,
      flags: kids[slot + 3] as number,
      result: kids[slot + 4],
    });
  }
  return frames;
}

class YamlLocator implements Locator {
  private readonly indexes = new Map<object, MappingIndex | null>();
  private readonly elements = new Map<object, Frame[] | null>();

  constructor(
    private readonly text: string,
    private readonly kidsOf: Map<object, unknown[]>,
  ) {}

  line(container: object, key: string): number | null {
    const entry = this.entryOf(container, key, 0);
    if (entry === null) return null;
    if (entry.value === null) return contentLine(this.text, entry.key, false);
    // An empty value is reported on its key's line; a non-empty one may start on a later line.
    return contentLine(this.text, entry.value, entry.value.result !== null);
  }

  segments(container: object, key: string): readonly string[] {
    return [this.spelling(container, key, 0)];
  }

  private spelling(container: object, key: string, depth: number): string {
    const index = this.index(container);
    if (index === null) return key;
    const entry = index.entries.get(key);
    if (entry !== undefined) return spelledKey(this.text, entry.key) ?? key;
    const source = depth < MAX_MERGE_CHAIN ? index.merges.find((merged) => hasOwn(merged, key)) : undefined;
    return source === undefined ? key : this.spelling(source, key, depth + 1);
  }

  private entryOf(container: object, key: string, depth: number): Entry | null {
    if (Array.isArray(container)) return this.element(container, Number(key));
    const index = this.index(container);
    if (index === null) return null;
    const entry = index.entries.get(key);
    if (entry !== undefined) return entry;
    const source = depth < MAX_MERGE_CHAIN ? index.merges.find((merged) => hasOwn(merged, key)) : undefined;
    return source === undefined ? null : this.entryOf(source, key, depth + 1);
  }

  private element(sequence: unknown[], position: number): Entry | null {
    let kids = this.elements.get(sequence);
    if (kids === undefined) {
      const recorded = this.kidsOf.get(sequence);
      kids = recorded === undefined ? null : framesOf(recorded);
      // `- ` entries with nothing after them, or `[a: 1]` pairs, leave the frames out of step.
      if (kids !== null && (kids.length !== sequence.length || kids.some((kid) => kid.flags & IS_KEY)))
        kids = null;
      this.elements.set(sequence, kids);
    }
    const kid = kids?.[position];
    return kid === undefined ? null : { key: kid, value: kid };
  }

  private index(mapping: object): MappingIndex | null {
    let index = this.indexes.get(mapping);
    if (index === undefined) {
      index = indexMapping(this.text, mapping, framesOf(this.kidsOf.get(mapping) ?? []));
      this.indexes.set(mapping, index);
    }
    return index;
  }
}

function indexMapping(text: string, mapping: object, kids: Frame[]): MappingIndex | null {
  const index: MappingIndex = { entries: new Map(), merges: [] };
  let pendingKey: Frame | null = null;
  for (const kid of kids) {
    const isKey = (kid.flags & IS_KEY) !== 0 || afterQuestionMark(text, kid.pos);
    if (pendingKey !== null && !isKey) {
      addEntry(index, pendingKey, kid);
      pendingKey = null;
      continue;
    }
    if (pendingKey !== null) addEntry(index, pendingKey, null); // `? key` without a value
    pendingKey = isKey ? kid : null;
    // Neither key nor value: a flow entry without value (`{a, b: 1}`) is a key; an empty attempt
    // is js-yaml looking for one more key where the mapping ends (before `---`).
    if (!isKey && !(kid.end === kid.pos && kid.result === null)) addEntry(index, kid, null);
  }
  if (pendingKey !== null) addEntry(index, pendingKey, null);
  for (const key of index.entries.keys()) if (!hasOwn(mapping, key)) return null;
  return index;
}

function addEntry(index: MappingIndex, key: Frame, value: Frame | null): void {
  if (key.flags & IS_MERGE_KEY) {
    const sources = value?.result;
    for (const source of Array.isArray(sources) ? sources : [sources])
      if (isContainer(source)) index.merges.push(source);
    return;
  }
  index.entries.set(jsYamlKey(key.result), { key, value });
}

/** How js-yaml turns a key node into a property name. */
function jsYamlKey(key: unknown): string {
  if (Array.isArray(key)) return String(key.map((item) => (isPlainObject(item) ? '[object Object]' : item)));
  return isPlainObject(key) ? '[object Object]' : String(key);
}

function isPlainObject(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object Object]';
}

/** A key that resolved to a number, boolean or null (`1.0:`, `True:`, `~:`) reads as written. */
function spelledKey(text: string, key: Frame): string | null {
  if (typeof key.result === 'string' || isContainer(key.result)) return null;
  const source = text
    .slice(key.pos, key.end)
    .trim()
    .replace(/^(?:[&!]\S*\s+)+/, '');
  return source === '' ? null : source;
}

/** An explicit key (`? key`) is composed right after its question mark. */
function afterQuestionMark(text: string, position: number): boolean {
  let code = text.charCodeAt(position - 1);
  while (code === 0x20 || code === 0x09) code = text.charCodeAt(--position - 1);
  return code === 0x3f;
}

function followedByColon(input: string, position: number): boolean {
  let code = input.charCodeAt(position);
  while (code === 0x20 || code === 0x09) code = input.charCodeAt(++position);
  return code === 0x3a;
}

/** 1-based line where the node's content starts; `later` lets it start below a comment or line break. */
function contentLine(text: string, frame: Frame, later: boolean): number {
  let position = frame.pos;
  let line = frame.line;
  for (;;) {
    let code = text.charCodeAt(position);
    while (code === 0x20 || code === 0x09) code = text.charCodeAt(++position);
    const lineIsEmpty = code === 0x23 || code === 0x0a || code === 0x0d || Number.isNaN(code);
    if (!lineIsEmpty || !later) return line + 1;
    while (code !== 0x0a && code !== 0x0d && !Number.isNaN(code)) code = text.charCodeAt(++position);
    if (Number.isNaN(code)) return frame.line + 1;
    position += code === 0x0d && text.charCodeAt(position + 1) === 0x0a ? 2 : 1;
    line += 1;
  }
}
