/**
 * Lines of a TOML file by raw path: every table header (`[a.b]`, `[[servers]]` element by index)
 * and every `key = value` pair. The text is valid TOML (smol-toml parsed it first), so the scanner
 * only needs to know where values end: strings (all four kinds), arrays and inline tables that
 * span lines, comments.
 */
export const PATH_SEPARATOR = '\u0000';

export function pathKey(segments: readonly string[]): string {
  let key = '';
  for (const segment of segments) key += PATH_SEPARATOR + segment;
  return key;
}

const ESCAPES: Record<string, string> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  e: '\x1b',
  '"': '"',
  '\\': '\\',
};
const KEY_END = new Set([' ', '\t', '.', '=', ']', '\n', '\r', '#']);

export function tomlLines(text: string): Map<string, number> {
  return new TomlScanner(text).scan();
}

class TomlScanner {
  private position = 0;
  private line = 1;
  private table: string[] = [];
  private readonly lines = new Map<string, number>();
  /** Elements seen so far per array-of-tables path. */
  private readonly arrayTables = new Map<string, number>();

  constructor(private readonly text: string) {}

  scan(): Map<string, number> {
    for (this.skipBlank(); this.position < this.text.length; this.skipBlank()) {
      const line = this.line;
      if (this.char() === '[') this.header(line);
      else this.pair(line);
      this.skipToLineEnd();
    }
    return this.lines;
  }

  private header(line: number): void {
    const isArray = this.text.startsWith('[[', this.position);
    this.position += isArray ? 2 : 1;
    this.table = this.resolveTable(this.readKey(), isArray);
    this.position += isArray ? 2 : 1;
    this.lines.set(pathKey(this.table), line);
  }

  private pair(line: number): void {
    const keys = this.readKey();
    if (this.char() === '=') this.position += 1;
    this.lines.set(pathKey([...this.table, ...keys]), line);
    this.skipValue();
  }

  /** A header's keys with the current element index after every array of tables they pass. */
  private resolveTable(keys: string[], isArray: boolean): string[] {
    const path: string[] = [];
    keys.forEach((key, position) => {
      path.push(key);
      const seen = this.arrayTables.get(pathKey(path));
      if (isArray && position === keys.length - 1) {
        this.arrayTables.set(pathKey(path), (seen ?? 0) + 1);
        path.push(String(seen ?? 0));
      } else if (seen !== undefined) {
        path.push(String(seen - 1));
      }
    });
    return path;
  }

  private readKey(): string[] {
    const keys: string[] = [];
    for (;;) {
      this.skipSpaces();
      const quote = this.char();
      keys.push(quote === '"' ? this.readBasic() : quote === "'" ? this.readLiteral() : this.readBare());
      this.skipSpaces();
      if (this.char() !== '.') return keys;
      this.position += 1;
    }
  }

  private readBare(): string {
    const start = this.position;
    while (this.position < this.text.length && !KEY_END.has(this.char())) this.position += 1;
    return this.text.slice(start, this.position);
  }

  private readLiteral(): string {
    const end = this.text.indexOf("'", this.position + 1);
    const stop = end === -1 ? this.text.length : end;
    const value = this.text.slice(this.position + 1, stop);
    this.position = stop + 1;
    return value;
  }

  private readBasic(): string {
    let value = '';
    for (this.position += 1; this.position < this.text.length; this.position += 1) {
      const char = this.char();
      if (char === '"') break;
      if (char !== '\\') {
        value += char;
        continue;
      }
      const escape = this.text[++this.position] ?? '';
      const width = escape === 'u' ? 4 : escape === 'U' ? 8 : escape === 'x' ? 2 : 0;
      if (width === 0) {
        value += ESCAPES[escape] ?? escape;
      } else {
        value += String.fromCodePoint(
          parseInt(this.text.slice(this.position + 1, this.position + 1 + width), 16) || 0,
        );
        this.position += width;
      }
    }
    this.position += 1;
    return value;
  }

  /** Skips a value up to its line end, across strings, comments and brackets that span lines. */
  private skipValue(): void {
    let depth = 0;
    while (this.position < this.text.length) {
      const char = this.char();
      if (char === '\n' && depth === 0) return;
      if (char === '"' || char === "'") this.skipString(char);
      else if (char === '#') this.skipComment();
      else {
        if (char === '[' || char === '{') depth += 1;
        else if (char === ']' || char === '}') depth -= 1;
        else if (char === '\n') this.line += 1;
        this.position += 1;
      }
    }
  }

  private skipString(quote: string): void {
    const triple = quote.repeat(3);
    const multiline = this.text.startsWith(triple, this.position);
    const closing = multiline ? triple : quote;
    this.position += closing.length;
    while (this.position < this.text.length && !this.text.startsWith(closing, this.position)) {
      if (this.char() === '\\' && quote === '"') this.position += 1; // the escaped character may be a line break
      if (this.char() === '\n') this.line += 1;
      this.position += 1;
    }
    this.position += closing.length;
    // A multi-line string may end with up to two extra quotes (`""""` closes after one content quote).
    while (multiline && this.char() === quote) this.position += 1;
  }

  private skipComment(): void {
    while (this.position < this.text.length && this.char() !== '\n') this.position += 1;
  }

  private skipToLineEnd(): void {
    this.skipSpaces();
    if (this.char() === '#') this.skipComment();
  }

  private skipSpaces(): void {
    while (this.char() === ' ' || this.char() === '\t') this.position += 1;
  }

  private skipBlank(): void {
    for (;;) {
      const char = this.char();
      if (char === ' ' || char === '\t' || char === '\r') this.position += 1;
      else if (char === '\n') {
        this.position += 1;
        this.line += 1;
      } else if (char === '#') this.skipComment();
      else return;
    }
  }

  private char(): string {
    return this.text[this.position] ?? '';
  }
}
