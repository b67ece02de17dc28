/**
 * Java `.properties` as `java.util.Properties.load` reads them: `#`/`!` comment lines, the key
 * ends at the first unescaped `=`, `:` or whitespace, a line ending in an odd number of `\`
 * continues on the next (its leading whitespace dropped), escapes `\t \n \r \f \uXXXX` and `\x`
 * → `x`. A repeated key keeps its last value. Keys split on `.` into segments.
 */
import { flatFile, splitKey, splitLines, type FlatEntry } from './flat.js';
import { ConfigParseError, type ParsedFile } from './types.js';

const ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };
const KEY_END = new Set(['=', ':', ' ', '\t', '\f']);
const WHITESPACE = /^[ \t\f]*/;

interface LogicalLine {
  text: string;
  line: number;
}

export function parseProperties(text: string): ParsedFile {
  const entries: FlatEntry[] = [];
  for (const logical of logicalLines(splitLines(text))) {
    const { key, rest } = splitKeyFromValue(logical.text);
    entries.push({
      segments: splitKey(unescape(key, logical.line), '.'),
      value: unescape(rest, logical.line),
      line: logical.line,
    });
  }
  return flatFile(entries);
}

function* logicalLines(lines: string[]): Generator<LogicalLine> {
  for (let index = 0; index < lines.length; index += 1) {
    const first = (lines[index] as string).replace(WHITESPACE, '');
    if (first === '' || first.startsWith('#') || first.startsWith('!')) continue;
    const line = index + 1;
    const parts = [first];
    let current = first;
    while (endsWithEscapedBreak(current)) {
      parts[parts.length - 1] = current.slice(0, -1);
      if (index + 1 >= lines.length) break;
      index += 1;
      current = (lines[index] as string).replace(WHITESPACE, '');
      parts.push(current);
    }
    yield { text: parts.join(''), line };
  }
}

function endsWithEscapedBreak(text: string): boolean {
  let backslashes = 0;
  for (let index = text.length - 1; index >= 0 && text[index] === '\\'; index -= 1) backslashes += 1;
  return backslashes % 2 === 1;
}

function splitKeyFromValue(text: string): { key: string; rest: string } {
  let end = 0;
  while (end < text.length && !KEY_END.has(text[end] as string)) end += text[end] === '\\' ? 2 : 1;
  const key = text.slice(0, Math.min(end, text.length));
  let rest = text.slice(end).replace(WHITESPACE, '');
  if (rest.startsWith('=') || rest.startsWith(':')) rest = rest.slice(1).replace(WHITESPACE, '');
  return { key, rest };
}

function unescape(text: string, line: number): string {
  if (!text.includes('\\')) return text;
  let result = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (char !== '\\') {
      result += char;
      continue;
    }
    const escape = text[++index] ?? '';
    if (escape !== 'u') {
      result += ESCAPES[escape] ?? escape;
      continue;
    }
    const hex = text.slice(index + 1, index + 5);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new ConfigParseError('malformed \\uXXXX escape', line, null);
    result += String.fromCharCode(parseInt(hex, 16));
    index += 4;
  }
  return result;
}
