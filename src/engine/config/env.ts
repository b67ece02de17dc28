/**
 * `.env` files as dotenv and Docker Compose read them: `KEY=value` lines, an optional `export `
 * prefix, `#` comment lines and, after whitespace, inline comments on unquoted values. Double
 * quotes expand `\n \r \t \" \\` and may span lines; single quotes and backticks are literal and
 * may span lines. A key without `=` has the value null. A repeated key keeps its last value. A
 * key is one segment, split only on `__` (`Logging__LogLevel__Default`).
 */
import { flatFile, splitKey, splitLines, type FlatEntry } from './flat.js';
import { ConfigParseError, type ParsedFile } from './types.js';

const ASSIGNMENT = /^(?:export[ \t]+)?([\w.-]+)[ \t]*(=?)[ \t]*/;
const INLINE_COMMENT = /[ \t]#/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

export function parseEnv(text: string): ParsedFile {
  const lines = splitLines(text);
  const entries: FlatEntry[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const raw = lines[index] as string;
    const content = raw.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const line = index + 1;
    const match = ASSIGNMENT.exec(content);
    const assigned = match !== null && (match[2] === '=' || match[0].length === content.trimEnd().length);
    if (match === null || !assigned) {
      throw new ConfigParseError('expected KEY=value', line, raw.length - content.length + 1);
    }
    const key = match[1] as string;
    const rest = content.slice(match[0].length);
    const value = match[2] === '=' ? readValue(rest, lines, index) : { value: null, lastIndex: index };
    entries.push({ segments: splitKey(key, '__'), value: value.value, line });
    index = value.lastIndex;
  }
  return flatFile(entries);
}

function readValue(rest: string, lines: string[], index: number): { value: string; lastIndex: number } {
  const quote = rest[0];
  if (quote !== '"' && quote !== "'" && quote !== '`') {
    const comment = rest.search(INLINE_COMMENT);
    return { value: (comment === -1 ? rest : rest.slice(0, comment)).trim(), lastIndex: index };
  }
  let body = '';
  let segment = rest.slice(1);
  let lastIndex = index;
  let close = closingQuote(segment, quote);
  while (close === -1) {
    if (lastIndex + 1 >= lines.length)
      throw new ConfigParseError(`unterminated ${quote} quoted value`, index + 1, null);
    body += `${segment}\n`;
    lastIndex += 1;
    segment = lines[lastIndex] as string;
    close = closingQuote(segment, quote);
  }
  body += segment.slice(0, close);
  return { value: quote === '"' ? expandEscapes(body) : body, lastIndex };
}

function closingQuote(text: string, quote: string): number {
  for (let position = 0; position < text.length; position += 1) {
    if (text[position] === quote) return position;
    if (quote === '"' && text[position] === '\\') position += 1;
  }
  return -1;
}

function expandEscapes(text: string): string {
  return text.replace(/\\(.)/g, (escape, char: string) => ESCAPES[char] ?? escape);
}
