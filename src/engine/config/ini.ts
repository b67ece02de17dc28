/**
 * INI, hand-written: `[section]` headers, `key = value` or `key: value` (the first `=` or `:`
 * separates), keys before any section are top-level, `;` and `#` start comment lines and, after
 * whitespace, inline comments. Values are trimmed strings; one pair of surrounding quotes is
 * removed; a key without a separator has the value null. A line right below a key and indented
 * deeper continues that key's value (Python configparser). A key repeated within a section (uwsgi
 * `env = …` lines) is addressed by occurrence: `section.env.0`, `section.env.1`.
 */
import { flatFile, splitLines, type FlatEntry } from './flat.js';
import { ConfigParseError, type ParsedFile } from './types.js';

interface Pair {
  section: string | null;
  key: string;
  value: string | null;
  line: number;
  lastLine: number;
  indent: number;
}

const INLINE_COMMENT = /\s[;#]/;
const QUOTED = /^(["'])(.*?)\1\s*(?:[;#].*)?$/;

export function parseIni(text: string): ParsedFile {
  const pairs: Pair[] = [];
  let section: string | null = null;
  splitLines(text).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith(';') || content.startsWith('#')) return;
    const indent = raw.length - raw.trimStart().length;
    const last = pairs[pairs.length - 1];
    if (last !== undefined && last.lastLine === line - 1 && indent > last.indent) {
      last.value = last.value === null ? content : `${last.value}\n${content}`;
      last.lastLine = line;
    } else if (content.startsWith('[')) {
      section = sectionName(content, line, indent);
    } else {
      pairs.push({ section, ...keyAndValue(content, line, indent), line, lastLine: line, indent });
    }
  });
  return flatFile(addressRepeats(pairs));
}

function sectionName(content: string, line: number, indent: number): string {
  const close = content.indexOf(']');
  if (close === -1) throw new ConfigParseError("section header is missing its closing ']'", line, indent + 1);
  const name = content.slice(1, close).trim();
  if (name === '') throw new ConfigParseError('empty section name', line, indent + 1);
  return name;
}

function keyAndValue(content: string, line: number, indent: number): { key: string; value: string | null } {
  const separator = content.search(/[=:]/);
  if (separator === -1) return { key: content, value: null };
  const key = content.slice(0, separator).trim();
  if (key === '')
    throw new ConfigParseError(`a key is expected before '${content[separator]}'`, line, indent + 1);
  return { key, value: iniValue(content.slice(separator + 1).trim()) };
}

function iniValue(value: string): string {
  const quoted = QUOTED.exec(value);
  if (quoted !== null) return quoted[2] as string;
  const comment = value.search(INLINE_COMMENT);
  return comment === -1 ? value : value.slice(0, comment).trimEnd();
}

function addressRepeats(pairs: Pair[]): FlatEntry[] {
  const id = (pair: Pair) =>
    pair.section === null ? `\u0000${pair.key}` : `${pair.section}\u0000${pair.key}`;
  const counts = new Map<string, number>();
  for (const pair of pairs) counts.set(id(pair), (counts.get(id(pair)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return pairs.map((pair) => {
    const segments = pair.section === null ? [pair.key] : [pair.section, pair.key];
    const pairId = id(pair);
    if ((counts.get(pairId) ?? 0) > 1) {
      const occurrence = seen.get(pairId) ?? 0;
      seen.set(pairId, occurrence + 1);
      segments.push(String(occurrence));
    }
    return { segments, value: pair.value, line: pair.line };
  });
}
