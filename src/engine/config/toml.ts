/**
 * TOML through smol-toml. smol-toml reports no positions, so lines come from ./toml-lines.ts, a
 * small scanner that runs only when a changed key needs its line: it records the line of every
 * table header and `key = value` pair by raw path (array-of-tables elements by index). A value
 * inside an inline table or array reports the line of the pair that holds it. Dates become ISO
 * strings (a local date stays `1979-05-27`, a local time `07:32:00.000`).
 */
import { parse, TomlError } from 'smol-toml';
import { MAX_DEPTH, TOO_DEEP } from './limits.js';
import { isContainer } from './scalar.js';
import { tomlLines } from './toml-lines.js';
import { ConfigParseError, type Locator, type ParsedFile } from './types.js';

const PATH_SEPARATOR = '\u0000';

export function parseToml(text: string): ParsedFile {
  try {
    const root = parse(text, { integersAsBigInt: 'asNeeded', maxDepth: MAX_DEPTH });
    return { documents: [root], locator: tomlLocator(text, root) };
  } catch (error) {
    if (error instanceof TomlError) throw fromTomlError(error);
    throw error;
  }
}

function fromTomlError(error: TomlError): ConfigParseError {
  const [first = ''] = error.message.split('\n');
  const reason = first.replace(/^Invalid TOML document: /, '');
  const message = /excessively nested/.test(reason) ? TOO_DEEP : reason;
  return new ConfigParseError(message, error.line ?? null, error.column ?? null);
}

function tomlLocator(text: string, root: object): Locator {
  let located: { lines: Map<string, number>; paths: WeakMap<object, string> } | null = null;
  return {
    line(container, key) {
      located ??= { lines: tomlLines(text), paths: containerPaths(root) };
      const path = located.paths.get(container);
      return path === undefined ? null : (located.lines.get(path + PATH_SEPARATOR + key) ?? null);
    },
    segments: (_container, key) => [key],
  };
}

/** Every container's raw path (keys and indexes joined by NUL), the root's being empty. */
function containerPaths(root: object): WeakMap<object, string> {
  const paths = new WeakMap<object, string>([[root, '']]);
  const pending: object[] = [root];
  for (let container = pending.pop(); container !== undefined; container = pending.pop()) {
    const path = paths.get(container) as string;
    for (const [key, value] of Object.entries(container)) {
      if (!isContainer(value)) continue;
      paths.set(value, path + PATH_SEPARATOR + key);
      pending.push(value);
    }
  }
  return paths;
}
