/**
 * Structural config parsing and key-level diff (contracts §1.2). Pure: text in, changes out.
 * Never throws: an unreadable side is `{ ok: false }` with the parser's message and position.
 */
import type { ConfigFormat } from '../../model/policy.js';
import { DiffLimitError, diffFiles, type Side } from './diff.js';
import { parseEnv } from './env.js';
import { parseIni } from './ini.js';
import { parseJson } from './json.js';
import { TOO_DEEP } from './limits.js';
import { parseProperties } from './properties.js';
import { parseToml } from './toml.js';
import { ConfigParseError, type ConfigDiff, type ParsedFile } from './types.js';
import { parseYaml } from './yaml.js';

export type { ConfigDiff, KeyChange } from './types.js';

type Failure = Extract<ConfigDiff, { ok: false }>;

const PARSERS: Record<ConfigFormat, (text: string) => ParsedFile> = {
  yaml: parseYaml,
  json: parseJson,
  jsonc: parseJson,
  toml: parseToml,
  ini: parseIni,
  properties: parseProperties,
  env: parseEnv,
};

const EXTENSIONS: Record<string, ConfigFormat> = {
  yml: 'yaml',
  yaml: 'yaml',
  json: 'json',
  jsonc: 'jsonc',
  toml: 'toml',
  ini: 'ini',
  properties: 'properties',
  env: 'env',
};

/**
 * `base === null`: the file is added, every head key is `added`; `head === null`: removed.
 * Identical texts are not parsed: nothing changed.
 */
export function diffConfig(format: ConfigFormat, base: string | null, head: string | null): ConfigDiff {
  if (base === head) return { ok: true, changes: [] };
  const parsedBase = parseSide(format, base, 'base');
  if ('ok' in parsedBase) return parsedBase;
  const parsedHead = parseSide(format, head, 'head');
  if ('ok' in parsedHead) return parsedHead;
  try {
    return { ok: true, changes: diffFiles(parsedBase.file, parsedHead.file) };
  } catch (error) {
    if (error instanceof DiffLimitError) return failure(error.side, error);
    return failure('head', error);
  }
}

/**
 * The format a path's name implies: `.yml`/`.yaml`, `.json`, `.jsonc`, `.toml`, `.ini`,
 * `.properties`, `.env`, and `.env` / `.env.*` files (`.env.local`, `.env.sample`). `.cfg` and
 * `.conf` are null: too many of them are not INI (nginx, haproxy); give `format: ini` explicitly.
 */
export function formatFromPath(path: string): ConfigFormat | null {
  const name = (path.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (name === '.env' || name.startsWith('.env.')) return 'env';
  const dot = name.lastIndexOf('.');
  if (dot === -1) return null;
  return EXTENSIONS[name.slice(dot + 1)] ?? null;
}

function parseSide(
  format: ConfigFormat,
  text: string | null,
  side: Side,
): { file: ParsedFile | null } | Failure {
  if (text === null) return { file: null };
  try {
    return { file: PARSERS[format](stripBom(text)) };
  } catch (error) {
    return failure(side, error);
  }
}

function failure(side: Side, error: unknown): Failure {
  if (error instanceof ConfigParseError)
    return { ok: false, side, message: error.message, line: error.line, column: error.column };
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return { ok: false, side, message: TOO_DEEP, line: null, column: null };
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, side, message: `cannot read the file: ${reason}`, line: null, column: null };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
