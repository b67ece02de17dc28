/** Reading values with units: durations, sizes, percentages and plain numbers (contracts §1.3). */
export type QuantityKind = 'duration' | 'size' | 'percent' | 'number';

export interface Quantity {
  kind: QuantityKind;
  /** Seconds for durations, bytes for sizes, the percentage for percents (50% → 50). */
  value: number;
}

const DURATION_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
};

const SIZE_BYTES: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GO_DURATION = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h|d))+$/;
const GO_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h|d)/g;
const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const SIZE = /^(\d+(?:\.\d+)?|\.\d+)\s*([kmgt]i?b|b)$/i;
const PERCENT = /^([+-]?(?:\d+(?:\.\d+)?|\.\d+))\s*%$/;

export function parsePlainNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return NUMBER.test(text) ? Number(text) : null;
}

/** A duration in seconds: Go-style compound (`1m30s`), ISO-8601 (`PT30S`), or a number in `defaultUnit`. */
export function parseDuration(value: unknown, defaultUnit?: string): number | null {
  const plain = parsePlainNumber(value);
  if (plain !== null)
    return defaultUnit && defaultUnit in DURATION_SECONDS ? plain * DURATION_SECONDS[defaultUnit] : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const go = GO_DURATION.exec(text);
  if (go) {
    let total = 0;
    for (const [, amount, unit] of text.matchAll(GO_PART)) total += Number(amount) * DURATION_SECONDS[unit];
    return go[1] === '-' ? -total : total;
  }
  const iso = ISO_DURATION.exec(text);
  if (iso && text.length > 2 && !/T$/i.test(text)) {
    const [days, hours, minutes, seconds] = iso.slice(1).map((part) => Number(part ?? 0));
    return days * 86400 + hours * 3600 + minutes * 60 + seconds;
  }
  return null;
}

export function parseSize(value: unknown, defaultUnit?: string): number | null {
  const plain = parsePlainNumber(value);
  const unit = defaultUnit?.toLowerCase();
  if (plain !== null) return unit && unit in SIZE_BYTES ? plain * SIZE_BYTES[unit] : null;
  if (typeof value !== 'string') return null;
  const size = SIZE.exec(value.trim());
  return size ? Number(size[1]) * SIZE_BYTES[size[2].toLowerCase()] : null;
}

export function parsePercent(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const percent = PERCENT.exec(value.trim());
  return percent ? Number(percent[1]) : null;
}

/** The kind a unit name belongs to (`ms` → duration, `MiB` → size), or null for an unknown unit. */
export function unitKind(unit: string): QuantityKind | null {
  if (unit in DURATION_SECONDS) return 'duration';
  if (unit.toLowerCase() in SIZE_BYTES) return 'size';
  if (unit === '%') return 'percent';
  return null;
}

/** Reads a value as a quantity of the given kind; plain numbers take `defaultUnit` when it is given. */
export function parseAs(kind: QuantityKind, value: unknown, defaultUnit?: string): number | null {
  switch (kind) {
    case 'duration':
      return parseDuration(value, defaultUnit);
    case 'size':
      return parseSize(value, defaultUnit);
    case 'percent':
      return parsePercent(value) ?? (defaultUnit === '%' ? parsePlainNumber(value) : null);
    case 'number':
      return parsePlainNumber(value);
  }
}

/** The kind of a value written with its unit (`5s`, `10MiB`, `50%`), or `number` for a plain number. */
export function quantityOf(value: unknown): Quantity | null {
  for (const kind of ['number', 'duration', 'size', 'percent'] as const) {
    const parsed = parseAs(kind, value);
    if (parsed !== null) return { kind, value: parsed };
  }
  return null;
}
