/**
 * A reference reading of YAML through the `yaml` library (the strict YAML 1.2 implementation, with
 * exact positions) into the same value tree + locator shape the diff walks, so tests can check that
 * the js-yaml based parser agrees with it on keys, values and lines.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import type { Locator, ParsedFile } from '../../../src/engine/config/types.js';

export function yamlReference(text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, merge: true, intAsBigInt: true });
  const lines = new WeakMap<object, Map<string, number>>();
  const spellings = new WeakMap<object, Map<string, string>>();
  const locator: Locator = {
    line: (container, key) => lines.get(container)?.get(key) ?? null,
    segments: (container, key) => [spellings.get(container)?.get(key) ?? key],
  };
  if (!Array.isArray(parsed)) return { documents: [], locator };
  const lineOf = (node: Node | null | undefined): number | null =>
    node?.range ? lineCounter.linePos(node.range[0]).line : null;

  const documents = parsed.map((document: Document.Parsed) => {
    if (document.errors.length > 0) throw new Error(document.errors[0]?.message);
    const built = new Map<Node, unknown>();
    const value = (node: unknown): unknown => {
      if (node === null || node === undefined) return null;
      if (isAlias(node)) return value(node.resolve(document));
      if (isScalar(node))
        return typeof node.value === 'bigint' && Number.isSafeInteger(Number(node.value))
          ? Number(node.value)
          : node.value;
      const known = built.get(node as Node);
      if (known !== undefined) return known;
      if (isSeq(node)) {
        const array: unknown[] = [];
        const where = new Map<string, number>();
        built.set(node, array);
        node.items.forEach((item, index) => {
          array.push(value(item));
          where.set(String(index), lineOf(item as Node) ?? 0);
        });
        lines.set(array, where);
        return array;
      }
      if (isMap(node)) return mapping(node.items as Pair<unknown, unknown>[], node);
      throw new Error('unexpected node');
    };
    const mapping = (pairs: Pair<unknown, unknown>[], node: Node): Record<string, unknown> => {
      const object: Record<string, unknown> = Object.create(null);
      const where = new Map<string, number>();
      const spelled = new Map<string, string>();
      built.set(node, object);
      const merges: unknown[] = [];
      for (const pair of pairs) {
        const key = pair.key as Node;
        if (isScalar(key) && typeof key.value === 'symbol') {
          merges.push(...(isSeq(pair.value) ? pair.value.items : [pair.value]));
          continue;
        }
        const name = isScalar(key) ? String(key.value) : String(value(key));
        object[name] = value(pair.value);
        where.set(name, lineOf(pair.value as Node) ?? lineOf(key) ?? 0);
        if (isScalar(key) && typeof key.value !== 'string' && key.source !== undefined)
          spelled.set(name, String(key.source));
      }
      for (const merged of merges) {
        const source = value(merged) as Record<string, unknown>;
        for (const name of Object.keys(source)) {
          if (Object.prototype.hasOwnProperty.call(object, name)) continue;
          object[name] = source[name];
          where.set(name, lines.get(source)?.get(name) ?? 0);
          const spelling = spellings.get(source)?.get(name);
          if (spelling !== undefined) spelled.set(name, spelling);
        }
      }
      lines.set(object, where);
      spellings.set(object, spelled);
      return object;
    };
    return value(document.contents);
  });
  return { documents, locator };
}
