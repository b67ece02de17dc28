/**
 * JSON and JSONC through jsonc-parser's event visitor, building the value tree ourselves so every
 * value's line is recorded as it is read. `.json` is read with the JSONC grammar too (comments,
 * trailing commas): tsconfig.json and editor settings use them, and every strict JSON file is
 * valid JSONC. Objects have no prototype, so `__proto__` is an ordinary key; a repeated key keeps
 * its last value, as JSON.parse does.
 */
import { visit, type JSONVisitor } from 'jsonc-parser';
import { MAX_DEPTH, TOO_DEEP } from './limits.js';
import { ConfigParseError, type Locator, type ParsedFile } from './types.js';

type Container = Record<string, unknown> | unknown[];

interface Open {
  container: Container;
  /** Property name awaiting its value (objects only). */
  pendingKey: string;
}

const MESSAGES: Record<number, string> = {
  1: 'unexpected character',
  2: 'invalid number',
  3: 'property name expected',
  4: 'value expected',
  5: "':' expected",
  6: "',' expected",
  7: "'}' expected",
  8: "']' expected",
  9: 'end of file expected',
  10: 'invalid comment',
  11: 'unterminated comment',
  12: 'unterminated string',
  13: 'unterminated number',
  14: 'invalid unicode escape',
  15: 'invalid escape character',
  16: 'invalid character in string',
};

const UNSAFE_INTEGER_LITERAL = /^-?[0-9]+$/;

export function parseJson(text: string): ParsedFile {
  const lines = new Map<object, Map<string, number>>();
  const stack: Open[] = [];
  let root: unknown = null;

  const place = (value: unknown, line: number, column: number): void => {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      root = value;
      return;
    }
    const key = Array.isArray(top.container) ? String(top.container.length) : top.pendingKey;
    if (Array.isArray(top.container)) top.container.push(value);
    else top.container[key] = value;
    lines.get(top.container)?.set(key, line + 1);
    if (stack.length > MAX_DEPTH) throw new ConfigParseError(TOO_DEEP, line + 1, column + 1);
  };
  const open = (container: Container, line: number, column: number): void => {
    place(container, line, column);
    lines.set(container, new Map());
    stack.push({ container, pendingKey: '' });
  };

  const visitor: JSONVisitor = {
    onObjectBegin: (_offset, _length, line, column) => open(Object.create(null), line, column),
    onArrayBegin: (_offset, _length, line, column) => open([], line, column),
    onObjectEnd: () => void stack.pop(),
    onArrayEnd: () => void stack.pop(),
    onObjectProperty: (name) => {
      (stack[stack.length - 1] as Open).pendingKey = name;
    },
    onLiteralValue: (value, offset, length, line, column) =>
      place(exactNumber(value, text.slice(offset, offset + length)), line, column),
    onError: (code, _offset, _length, line, column) => {
      throw new ConfigParseError(MESSAGES[code] ?? 'invalid JSON', line + 1, column + 1);
    },
  };
  visit(text, visitor, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  return { documents: [root], locator: jsonLocator(lines) };
}

/** Integers beyond ±2^53 keep every digit (as a bigint, reported as a decimal string). */
function exactNumber(value: unknown, source: string): unknown {
  if (typeof value !== 'number' || Number.isSafeInteger(value) || !UNSAFE_INTEGER_LITERAL.test(source))
    return value;
  return BigInt(source);
}

function jsonLocator(lines: Map<object, Map<string, number>>): Locator {
  return {
    line: (container, key) => lines.get(container)?.get(key) ?? null,
    segments: (_container, key) => [key],
  };
}
