/**
 * A small RFC 4180 reader: quoted fields with "" escapes and line breaks, any mix of CR/LF line ends
 * (Locust on Windows writes CR CR LF). Rows are produced one at a time, so a 50 MB JTL is never held
 * as one array of rows.
 */
import { fail } from './metrics.js';

export interface CsvTable {
  header: string[];
  /** The rows after the header, read as they are iterated (once). */
  rows: Iterable<string[]>;
}

const DELIMITER = /[,\r\n]/g;

/** One field starting at `index`: its text and the index of the delimiter (or end) after it. */
function readField(text: string, index: number): [string, number] {
  let field = '';
  let rest = index;
  if (text[index] === '"') {
    let start = index + 1;
    for (;;) {
      const quote = text.indexOf('"', start);
      if (quote === -1) return [field + text.slice(start), text.length];
      field += text.slice(start, quote);
      if (text[quote + 1] !== '"') {
        rest = quote + 1;
        break;
      }
      field += '"';
      start = quote + 2;
    }
  }
  DELIMITER.lastIndex = rest;
  const end = DELIMITER.exec(text)?.index ?? text.length;
  return [field + text.slice(rest, end), end];
}

export function* csvRows(text: string): Generator<string[]> {
  let row: string[] = [];
  let index = 0;
  while (index < text.length) {
    const [field, end] = readField(text, index);
    row.push(field);
    index = end;
    if (text[index] === ',') {
      index += 1;
      continue;
    }
    while (text[index] === '\r' || text[index] === '\n') index += 1;
    if (row.length > 1 || row[0].trim() !== '') yield row;
    row = [];
  }
  if (row.length > 0) yield [...row, ''];
}

/** The first line of a text, for recognizing CSV headers without parsing the whole file. */
export function firstLine(text: string): string {
  const end = text.search(/[\r\n]/);
  return end === -1 ? text : text.slice(0, end);
}

export function readTable(text: string): CsvTable {
  const rows = csvRows(text);
  const first = rows.next();
  return {
    header: first.done ? [] : first.value.map((name) => name.trim()),
    rows: { [Symbol.iterator]: () => rows },
  };
}

/** Column index by header name (case-insensitive, any of the spellings tool versions used), or -1. */
export function columnIndex(table: CsvTable, ...names: string[]): number {
  const wanted = names.map((name) => name.toLowerCase());
  return table.header.findIndex((name) => wanted.includes(name.toLowerCase()));
}

export function requireColumn(table: CsvTable, where: string, ...names: string[]): number {
  const index = columnIndex(table, ...names);
  return index === -1 ? fail(`${where} has no "${names[0]}" column`) : index;
}
