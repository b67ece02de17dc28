/** A small RFC 4180 reader: quoted fields with "" escapes and line breaks, any mix of CR/LF line ends. */
import { fail } from './metrics.js';

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
  };
  while (index < text.length) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') endField();
    else if (char === '\r' || char === '\n') endRow();
    else field += char;
    index += 1;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** The first line of a text, for recognizing CSV headers without parsing the whole file. */
export function firstLine(text: string): string {
  const end = text.search(/[\r\n]/);
  return end === -1 ? text : text.slice(0, end);
}

export function readTable(text: string): CsvTable {
  const [header = [], ...rows] = parseCsv(text);
  return { header: header.map((name) => name.trim()), rows };
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
