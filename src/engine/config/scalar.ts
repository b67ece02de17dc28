import type { Scalar } from '../../model/policy.js';

const hasOwnProperty = Object.prototype.hasOwnProperty;

export function hasOwn(object: object, key: string): boolean {
  return hasOwnProperty.call(object, key);
}

/** Sets an own property, `__proto__` included, without ever touching a prototype. */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}

/** Mappings and sequences; dates are values, not containers. */
export function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return isContainer(value) && !Array.isArray(value);
}

export function isEmptyContainer(value: object): boolean {
  if (Array.isArray(value)) return value.length === 0;
  for (const key in value) if (hasOwn(value, key)) return false;
  return true;
}

/**
 * A leaf value as reported: numbers that JSON cannot carry (NaN, ±Infinity) and integers beyond
 * ±2^53 (bigint) become their decimal strings, dates their ISO strings, empty collections "{}"/"[]".
 */
export function toScalar(value: unknown): Scalar {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    case 'undefined':
      return null;
  }
  if (value === null) return null;
  if (value instanceof Date) return isoDate(value);
  if (Array.isArray(value)) return '[]';
  return '{}';
}

function isoDate(date: Date): string {
  try {
    return date.toISOString();
  } catch {
    return String(date); // an invalid date
  }
}
