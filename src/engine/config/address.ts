/**
 * How sequence elements and YAML documents are named in key paths (contracts §1.2): elements of
 * a sequence of mappings that all carry a `name` (or else all an `id`) are addressed by it, and
 * that field is then not part of their path; elements sharing a name fall back to their index.
 * Documents are `kind/metadata.name` where both exist, else their index.
 */
import { hasOwn, isMapping } from './scalar.js';

export interface ElementAddress {
  segment: string;
  /** The field that names the element, left out of its path; null when addressed by index. */
  nameField: string | null;
}

const NAME_FIELDS = ['name', 'id'] as const;

/** Element addresses, or null when the elements are addressed by their index. */
export function addressElements(elements: readonly unknown[]): ElementAddress[] | null {
  const field = nameField(elements);
  return field === null
    ? null
    : uniqueOrIndex(
        elements.map((element) => nameOf(element, field) as string),
        field,
      );
}

/** `name` when every element has one, else `id` when every element has one; plain loops, as this runs per sequence. */
function nameField(elements: readonly unknown[]): string | null {
  if (elements.length === 0 || !isMapping(elements[0])) return null;
  for (const field of NAME_FIELDS) {
    let everyElement = true;
    for (const element of elements) {
      if (nameOf(element, field) === null) {
        everyElement = false;
        break;
      }
    }
    if (everyElement) return field;
  }
  return null;
}

/** Document ids for a multi-document file; null where a document is empty. */
export function documentIds(documents: readonly unknown[]): (string | null)[] {
  const names = documents.map(kindAndName);
  const counts = countOf(names);
  return documents.map((document, index) => {
    if (document === null || document === undefined) return null;
    const name = names[index] ?? null;
    return name !== null && counts.get(name) === 1 ? name : String(index);
  });
}

function uniqueOrIndex(names: string[], field: string): ElementAddress[] | null {
  const counts = countOf(names);
  const addresses = names.map((name, index) =>
    counts.get(name) === 1
      ? { segment: name, nameField: field }
      : { segment: String(index), nameField: null },
  );
  // A name that reads like a fallback index would collide with it: then every element uses its index.
  const segments = new Set(addresses.map((address) => address.segment));
  return segments.size === addresses.length ? addresses : null;
}

function nameOf(element: unknown, field: string): string | null {
  if (!isMapping(element) || !hasOwn(element, field)) return null;
  return scalarName(element[field]);
}

function scalarName(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

function kindAndName(document: unknown): string | null {
  if (!isMapping(document) || !hasOwn(document, 'kind') || !hasOwn(document, 'metadata')) return null;
  const kind = scalarName(document.kind);
  const metadata = document.metadata;
  const name = isMapping(metadata) && hasOwn(metadata, 'name') ? scalarName(metadata.name) : null;
  return kind === null || name === null ? null : `${kind}/${name}`;
}

function countOf(names: readonly (string | null)[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}
