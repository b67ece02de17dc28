/**
 * The structural diff: walks base and head value trees side by side and reports every leaf that
 * was added, removed or changed, with its key path (contracts §1.2) and line.
 *
 * Leaves are scalars and empty collections (reported as "{}" / "[]", so `a: {}` → `a: {b: 1}` is
 * visible); a root that is empty or an empty collection has no keys, a root scalar is the key "".
 * When a value turns from a scalar into a non-empty collection or back, the old leaves are removed
 * and the new ones added. A changed type (`"80"` → `80`) is a change.
 */
import type { ChangeKind } from '../../model/policy.js';
import { addressElements, documentIds, type ElementAddress } from './address.js';
import { MAX_DEPTH, MAX_LEAVES, TOO_DEEP, TOO_MANY_LEAVES } from './limits.js';
import { hasOwn, isContainer, isEmptyContainer, toScalar } from './scalar.js';
import { ConfigParseError, type KeyChange, type Locator, type ParsedFile } from './types.js';

export type Side = 'base' | 'head';

/** A file that parsed but is too big or too deep to walk. */
export class DiffLimitError extends ConfigParseError {
  constructor(
    readonly side: Side,
    message: string,
  ) {
    super(message);
  }
}

interface PathNode {
  parent: PathNode | null;
  container: object;
  /** Property of `container` (an index for sequences). */
  key: string;
  /** A sequence element's address; null when the locator spells the key. */
  segment: string | null;
  /** The field naming this element, left out of its path. */
  nameField: string | null;
}

interface Member {
  id: string;
  key: string;
  segment: string | null;
  nameField: string | null;
  value: unknown;
}

type Mapping = Record<string, unknown>;

const EMPTY_ROOT: object = Object.freeze(Object.create(null));
const NO_LOCATOR: Locator = { line: () => null, segments: (_container, key) => [key] };

export function diffFiles(base: ParsedFile | null, head: ParsedFile | null): KeyChange[] {
  const walker = new Walker(base?.locator ?? NO_LOCATOR, head?.locator ?? NO_LOCATOR);
  const baseDocuments = base?.documents ?? [];
  const headDocuments = head?.documents ?? [];
  if (contentCount(baseDocuments) <= 1 && contentCount(headDocuments) <= 1) {
    walker.document(null, onlyContent(baseDocuments), onlyContent(headDocuments));
    return walker.changes;
  }
  const baseById = byId(baseDocuments);
  const headById = byId(headDocuments);
  for (const [id, document] of headById) walker.document(id, baseById.get(id) ?? null, document);
  for (const [id, document] of baseById) if (!headById.has(id)) walker.document(id, document, null);
  return walker.changes;
}

function contentCount(documents: readonly unknown[]): number {
  return documents.filter((document) => document !== null && document !== undefined).length;
}

function onlyContent(documents: readonly unknown[]): unknown {
  return documents.find((document) => document !== null && document !== undefined) ?? null;
}

function byId(documents: readonly unknown[]): Map<string, unknown> {
  const ids = documentIds(documents);
  const result = new Map<string, unknown>();
  documents.forEach((document, index) => {
    const id = ids[index];
    if (id !== null && id !== undefined) result.set(id, document);
  });
  return result;
}

class Walker {
  readonly changes: KeyChange[] = [];
  private documentId: string | null = null;
  private baseLeaves = 0;
  private headLeaves = 0;

  constructor(
    private readonly baseLocator: Locator,
    private readonly headLocator: Locator,
  ) {}

  document(id: string | null, base: unknown, head: unknown): void {
    this.documentId = id;
    const baseRoot = rootOf(base);
    const headRoot = rootOf(head);
    if (isContainer(baseRoot) && isContainer(headRoot))
      this.compareMembers(baseRoot, headRoot, null, null, 0);
    else this.compareValues(baseRoot, headRoot, null, null, 0);
  }

  private compareValues(
    base: unknown,
    head: unknown,
    basePath: PathNode | null,
    headPath: PathNode | null,
    depth: number,
  ): void {
    const baseIsLeaf = isLeaf(base, basePath);
    const headIsLeaf = isLeaf(head, headPath);
    if (baseIsLeaf && headIsLeaf) {
      this.countPair();
      if (!sameLeaf(base, head)) this.emit('changed', base, head, headPath);
    } else if (!baseIsLeaf && !headIsLeaf) {
      this.compareMembers(base as object, head as object, basePath, headPath, depth + 1);
    } else {
      this.emitSubtree('removed', base, basePath, depth);
      this.emitSubtree('added', head, headPath, depth);
    }
  }

  private compareMembers(
    base: object,
    head: object,
    basePath: PathNode | null,
    headPath: PathNode | null,
    depth: number,
  ): void {
    this.checkDepth('base', basePath, depth);
    const baseIsSequence = Array.isArray(base);
    const headIsSequence = Array.isArray(head);
    if (!baseIsSequence && !headIsSequence) {
      this.compareMappings(base as Mapping, head as Mapping, basePath, headPath, depth);
      return;
    }
    const baseAddresses = baseIsSequence ? addressElements(base) : null;
    const headAddresses = headIsSequence ? addressElements(head) : null;
    if (baseIsSequence && headIsSequence && baseAddresses === null && headAddresses === null) {
      this.compareByIndex(base, head, basePath, headPath, depth);
    } else {
      this.compareById(
        membersOf(base, basePath, baseAddresses),
        membersOf(head, headPath, headAddresses),
        base,
        head,
        basePath,
        headPath,
        depth,
      );
    }
  }

  /** The common case: an unchanged scalar costs no allocation. */
  private compareMappings(
    base: Mapping,
    head: Mapping,
    basePath: PathNode | null,
    headPath: PathNode | null,
    depth: number,
  ): void {
    const baseSkip = basePath?.nameField ?? null;
    const headSkip = headPath?.nameField ?? null;
    for (const key of Object.keys(head)) {
      if (key === headSkip) continue;
      const headValue = head[key];
      if (key === baseSkip || !hasOwn(base, key)) {
        this.emitSubtree('added', headValue, keyNode(headPath, head, key, null), depth);
        continue;
      }
      const baseValue = base[key];
      if (baseValue === headValue && !isContainer(headValue)) this.countPair();
      else
        this.compareValues(
          baseValue,
          headValue,
          keyNode(basePath, base, key, null),
          keyNode(headPath, head, key, null),
          depth,
        );
    }
    for (const key of Object.keys(base)) {
      if (key === baseSkip || (key !== headSkip && hasOwn(head, key))) continue;
      this.emitSubtree('removed', base[key], keyNode(basePath, base, key, null), depth);
    }
  }

  private compareByIndex(
    base: unknown[],
    head: unknown[],
    basePath: PathNode | null,
    headPath: PathNode | null,
    depth: number,
  ): void {
    const common = Math.min(base.length, head.length);
    for (let index = 0; index < common; index += 1) {
      const baseValue = base[index];
      const headValue = head[index];
      if (baseValue === headValue && !isContainer(headValue)) this.countPair();
      else
        this.compareValues(
          baseValue,
          headValue,
          indexNode(basePath, base, index),
          indexNode(headPath, head, index),
          depth,
        );
    }
    for (let index = common; index < head.length; index += 1)
      this.emitSubtree('added', head[index], indexNode(headPath, head, index), depth);
    for (let index = common; index < base.length; index += 1)
      this.emitSubtree('removed', base[index], indexNode(basePath, base, index), depth);
  }

  /** Named sequence elements, or a sequence compared with a mapping. */
  private compareById(
    baseMembers: Member[],
    headMembers: Member[],
    base: object,
    head: object,
    basePath: PathNode | null,
    headPath: PathNode | null,
    depth: number,
  ): void {
    const byId = new Map(baseMembers.map((member) => [member.id, member]));
    for (const member of headMembers) {
      const counterpart = byId.get(member.id);
      const headNode = pathNode(headPath, head, member);
      if (counterpart === undefined) {
        this.emitSubtree('added', member.value, headNode, depth);
      } else {
        byId.delete(member.id);
        this.compareValues(
          counterpart.value,
          member.value,
          pathNode(basePath, base, counterpart),
          headNode,
          depth,
        );
      }
    }
    for (const member of byId.values())
      this.emitSubtree('removed', member.value, pathNode(basePath, base, member), depth);
  }

  private emitSubtree(kind: 'added' | 'removed', value: unknown, path: PathNode | null, depth: number): void {
    const side: Side = kind === 'added' ? 'head' : 'base';
    if (isLeaf(value, path)) {
      this.countLeaf(side);
      this.emit(kind, value, value, path);
      return;
    }
    const container = value as object;
    this.checkDepth(side, path, depth + 1);
    const addresses = Array.isArray(container) ? addressElements(container) : null;
    for (const member of membersOf(container, path, addresses)) {
      this.emitSubtree(kind, member.value, pathNode(path, container, member), depth + 1);
    }
  }

  private emit(kind: ChangeKind, before: unknown, after: unknown, path: PathNode | null): void {
    const { segments, line } = locate(path, kind === 'removed' ? this.baseLocator : this.headLocator);
    this.changes.push({
      key: segments.join('.'),
      segments,
      document: this.documentId,
      change: kind,
      ...(kind !== 'added' && { before: toScalar(before) }),
      ...(kind !== 'removed' && { after: toScalar(after) }),
      line,
    });
  }

  private countLeaf(side: Side): void {
    const count = side === 'base' ? ++this.baseLeaves : ++this.headLeaves;
    if (count > MAX_LEAVES) throw new DiffLimitError(side, TOO_MANY_LEAVES);
  }

  private countPair(): void {
    this.baseLeaves += 1;
    this.headLeaves += 1;
    if (this.baseLeaves > MAX_LEAVES) throw new DiffLimitError('base', TOO_MANY_LEAVES);
    if (this.headLeaves > MAX_LEAVES) throw new DiffLimitError('head', TOO_MANY_LEAVES);
  }

  private checkDepth(side: Side, path: PathNode | null, depth: number): void {
    if (depth <= MAX_DEPTH) return;
    throw new DiffLimitError(
      side,
      isCyclic(path) ? 'an alias refers to a collection that contains it' : TOO_DEEP,
    );
  }
}

function rootOf(document: unknown): unknown {
  return document === null || document === undefined ? EMPTY_ROOT : document;
}

/** Scalars and empty collections are leaves; the root collection never is. */
function isLeaf(value: unknown, path: PathNode | null): boolean {
  if (!isContainer(value)) return true;
  return path !== null && isEmptyContainer(value);
}

function sameLeaf(base: unknown, head: unknown): boolean {
  if (base === head) return true;
  return isContainer(base) === isContainer(head) && toScalar(base) === toScalar(head);
}

function membersOf(container: object, path: PathNode | null, addresses: ElementAddress[] | null): Member[] {
  if (Array.isArray(container)) {
    return container.map((value: unknown, index) => {
      const address = addresses?.[index] ?? { segment: String(index), nameField: null };
      return {
        id: address.segment,
        key: String(index),
        segment: address.segment,
        nameField: address.nameField,
        value,
      };
    });
  }
  const skip = path?.nameField ?? null;
  const mapping = container as Mapping;
  return Object.keys(mapping)
    .filter((key) => key !== skip)
    .map((key) => ({ id: key, key, segment: null, nameField: null, value: mapping[key] }));
}

function keyNode(parent: PathNode | null, container: object, key: string, segment: string | null): PathNode {
  return { parent, container, key, segment, nameField: null };
}

function indexNode(parent: PathNode | null, container: unknown[], index: number): PathNode {
  const key = String(index);
  return keyNode(parent, container, key, key);
}

function pathNode(parent: PathNode | null, container: object, member: Member): PathNode {
  return { parent, container, key: member.key, segment: member.segment, nameField: member.nameField };
}

function locate(path: PathNode | null, locator: Locator): { segments: string[]; line: number | null } {
  const reversed: (readonly string[])[] = [];
  let line: number | null = null;
  for (let node = path; node !== null; node = node.parent) {
    reversed.push(node.segment !== null ? [node.segment] : locator.segments(node.container, node.key));
    line ??= locator.line(node.container, node.key);
  }
  return { segments: reversed.reverse().flat(), line };
}

function isCyclic(path: PathNode | null): boolean {
  const seen = new Set<object>();
  for (let node = path; node !== null; node = node.parent) {
    if (seen.has(node.container)) return true;
    seen.add(node.container);
  }
  return false;
}
