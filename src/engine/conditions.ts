import type { Conditions, LoadModel, Scalar } from '../model/policy.js';
import { parseAs, parsePlainNumber, quantityOf, unitKind, type QuantityKind } from './units.js';

/** One changed key as the conditions see it. `before`/`after` are absent when the key was added/removed. */
export interface KeyEvent {
  change: 'added' | 'removed' | 'changed';
  before?: Scalar;
  after?: Scalar;
  /** Key path segments, for values whose unit depends on the key (Kubernetes CPU quantities). */
  segments?: readonly string[];
}

/** Kubernetes CPU quantities use the SI milli suffix: `cpu: 500m` is half a core, never 500 minutes. */
const MILLI_QUANTITY = /^\s*\d+(\.\d+)?m\s*$/;
const isCpuKey = (segments: readonly string[] | undefined) =>
  !!segments?.length && segments[segments.length - 1].toLowerCase().includes('cpu');

/** The event's values as the numeric comparisons see them: CPU quantities are not numbers of any unit kind here. */
function numeric(event: KeyEvent): { before?: Scalar; after?: Scalar } {
  if (!isCpuKey(event.segments)) return event;
  const view = (value: Scalar | undefined) =>
    typeof value === 'string' && MILLI_QUANTITY.test(value) ? null : value;
  return { before: view(event.before), after: view(event.after) };
}

export interface LoadFactor {
  factor: number | null;
  /** Why the factor is unknown, or how it was computed. */
  note: string;
}

/** `from`/`to` equality: strings case-insensitive, `5` = "5", `false` = "false", `null` also matches a missing key. */
function canonical(value: Scalar | undefined): string {
  if (value === undefined || value === null) return 'null';
  const number = parsePlainNumber(value);
  if (number !== null) return `n:${number}`;
  return String(value).trim().toLowerCase();
}

const oneOf = (value: Scalar | undefined, list: readonly Scalar[]) =>
  list.some((candidate) => canonical(candidate) === canonical(value));

/** The kind both values are read in: the load unit's kind when given, else the first kind both sides parse as. */
function commonKind(values: unknown[], unit: string | undefined): QuantityKind | null {
  const fromUnit = unit ? unitKind(unit) : null;
  if (unit) return fromUnit ?? 'number';
  for (const kind of ['number', 'duration', 'size', 'percent'] as const) {
    if (values.every((value) => parseAs(kind, value) !== null)) return kind;
  }
  return null;
}

function readPair(a: unknown, b: unknown, unit: string | undefined): [number, number] | null {
  const kind = commonKind([a, b], unit);
  if (!kind) return null;
  const x = parseAs(kind, a, unit);
  const y = parseAs(kind, b, unit);
  return x === null || y === null ? null : [x, y];
}

/** The new value against a threshold written in the policy: the threshold's own unit decides the kind. */
function compareToThreshold(after: Scalar | undefined, threshold: string | number, unit: string | undefined) {
  if (after === undefined || after === null) return null;
  const thresholdKind = quantityOf(threshold)?.kind;
  const kind = thresholdKind === 'number' && unit ? (unitKind(unit) ?? 'number') : thresholdKind;
  if (!kind) return null;
  const value = parseAs(kind, after, unit);
  const limit = parseAs(kind, threshold, unit);
  return value === null || limit === null ? null : value - limit;
}

export function loadFactor(event: KeyEvent, load: LoadModel | undefined): LoadFactor {
  if (!load) return { factor: null, note: 'the rule has no load model' };
  if (event.change !== 'changed')
    return { factor: null, note: `no load factor: the key was ${event.change}` };
  const values = numeric(event);
  const pair = readPair(values.before, values.after, load.unit);
  if (!pair) {
    return {
      factor: null,
      note: 'no load factor: the values are not numbers of one kind (a unit is missing or differs)',
    };
  }
  const [before, after] = pair;
  const [numerator, denominator] = load.scales === 'inverse' ? [before, after] : [after, before];
  if (numerator <= 0 || denominator <= 0) {
    return { factor: null, note: 'no load factor: a value is zero or negative' };
  }
  return { factor: numerator / denominator, note: `${load.scales} load model` };
}

export function conditionsHold(
  when: Conditions | undefined,
  event: KeyEvent,
  load: LoadModel | undefined,
): boolean {
  if (!when) return true;
  const unit = load?.unit;
  const values = numeric(event);
  if (when.change && !when.change.includes(event.change)) return false;
  if (when.from && !oneOf(event.before, when.from)) return false;
  if (when.to && !oneOf(event.after, when.to)) return false;
  if (when.increased !== undefined || when.decreased !== undefined) {
    const pair = event.change === 'changed' ? readPair(values.before, values.after, unit) : null;
    if (when.increased !== undefined && (pair !== null && pair[1] > pair[0]) !== when.increased) return false;
    if (when.decreased !== undefined && (pair !== null && pair[1] < pair[0]) !== when.decreased) return false;
  }
  if (when.above !== undefined) {
    const difference = compareToThreshold(values.after, when.above, unit);
    if (difference === null || difference <= 0) return false;
  }
  if (when.below !== undefined) {
    const difference = compareToThreshold(values.after, when.below, unit);
    if (difference === null || difference >= 0) return false;
  }
  if (when.factor_at_least !== undefined) {
    const { factor } = loadFactor(event, load);
    if (factor === null || factor < when.factor_at_least) return false;
  }
  return true;
}
