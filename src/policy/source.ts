/** A policy document parsed with positions: its plain value, its YAML problems, and a way to locate any path in it. */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { PolicyProblem } from './problem.js';

export type PathSegment = string | number;
export type Path = PathSegment[];

export interface PolicySource {
  /** What messages show for this file. */
  name: string;
  /** The policy mapping as plain data (undefined when the YAML could not be read). */
  value: unknown;
  problems: PolicyProblem[];
  /** Position of the value at `path` (or of its key with `part: 'key'`); the nearest existing ancestor when absent. */
  locate(path: Path, part?: 'key' | 'value'): { line: number; column: number };
}

/** Parses `text` and takes the policy mapping at key path `at` (the whole document when `at` is empty). */
export function parsePolicySource(text: string, name: string, at: Path = []): PolicySource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, merge: true, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problem = (offset: number, message: string): PolicyProblem => ({
    file: name,
    ...position(offset),
    message,
  });

  const root = nodeAt(doc, doc.contents, at);
  const rootNode = root?.value;
  const locate = (path: Path, part: 'key' | 'value' = 'value') => {
    const found = nodeAt(doc, rootNode ?? null, path);
    const node = part === 'key' && found?.key ? found.key : found?.value;
    return position(node?.range?.[0] ?? rootNode?.range?.[0] ?? 0);
  };

  const result = (value: unknown, problems: PolicyProblem[]) => ({ name, value, problems, locate });
  const failed = (message: string, offset = 0) => result(undefined, [problem(offset, message)]);

  if (doc.errors.length > 0) {
    const messages = doc.errors.map((e) =>
      problem(e.pos[0], yamlMessage(e.code, e.message, keyAt(text, e.pos[0]))),
    );
    return result(undefined, messages);
  }
  if (at.length > 0 && !isMap(rootNode)) {
    return failed(`\`${at.join('.')}\` must be a policy mapping`, root?.key?.range?.[0]);
  }
  if (doc.contents === null) return failed('the policy file is empty; it needs at least `version: 1`');
  try {
    const data: unknown = doc.toJS();
    return result(
      at.reduce((value, key) => (value as Record<PathSegment, unknown>)[key], data),
      [],
    );
  } catch (error) {
    // toJS refuses documents that expand aliases excessively ("billion laughs").
    return failed(`invalid YAML: ${(error as Error).message}`);
  }
}

/** The mapping key written at `offset` (plain or quoted), for messages about duplicate keys. */
function keyAt(text: string, offset: number): string {
  const match = /^(?:"([^"]*)"|'([^']*)'|([^:,{}\n]*?))\s*:/.exec(text.slice(offset));
  return match ? (match[1] ?? match[2] ?? match[3]) : text.slice(offset).split('\n')[0];
}

function yamlMessage(code: string, message: string, key: string): string {
  if (code === 'DUPLICATE_KEY') return `duplicate key \`${key}\`: a key may appear only once in a mapping`;
  if (code === 'MULTIPLE_DOCS')
    return 'a policy file holds one YAML document; remove the `---` separator and what follows';
  return `invalid YAML: ${message}`;
}

interface Found {
  key?: Node;
  value: Node | null;
}

/** Walks `path` from `start`, resolving aliases and `<<` merge keys; undefined when the path does not exist. */
function nodeAt(doc: Document, start: Node | null, path: Path): Found | undefined {
  let found: Found = { value: start };
  for (const segment of path) {
    const next = childOf(doc, found.value, segment);
    if (!next) return undefined;
    found = next;
  }
  return found;
}

function resolve(doc: Document, node: unknown): Node | null {
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? null;
  return (node as Node | null) ?? null;
}

function childOf(doc: Document, parent: Node | null, segment: PathSegment): Found | undefined {
  const node = resolve(doc, parent);
  if (isSeq(node)) {
    const item = typeof segment === 'number' ? node.items[segment] : undefined;
    return item === undefined ? undefined : { value: resolve(doc, item) };
  }
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isScalar(pair.key) && !isMergeKey(pair.key) && String(pair.key.value) === String(segment)) {
      return { key: pair.key, value: resolve(doc, pair.value) ?? (pair.key as Node) };
    }
  }
  for (const source of mergeSources(doc, node)) {
    const found = childOf(doc, source, segment);
    if (found) return found;
  }
  return undefined;
}

/** With `merge: true` the parser marks `<<` keys with a symbol value. */
const isMergeKey = (key: unknown): boolean =>
  isScalar(key) && (typeof key.value === 'symbol' || key.value === '<<');

function mergeSources(doc: Document, map: Node): Node[] {
  if (!isMap(map)) return [];
  return map.items
    .filter((pair) => isMergeKey(pair.key))
    .flatMap((pair) => {
      const value = resolve(doc, pair.value);
      return isSeq(value)
        ? value.items.map((item) => resolve(doc, item)).filter((item) => item !== null)
        : [value];
    })
    .filter((value): value is Node => value !== null);
}
