import { csvRows } from '../../../src/engine/loadtest/csv.js';

test.each([
  [
    'plain rows, LF',
    'a,b\n1,2\n',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  [
    'CRLF and Windows CR CR LF',
    'a,b\r\r\n1,2\r\n',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  [
    'no final line break',
    'a,b\n1,2',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  ['empty fields and a trailing comma', 'a,,c,\n', [['a', '', 'c', '']]],
  ['a trailing comma at the very end', 'a,b,', [['a', 'b', '']]],
  [
    'quoted commas, escaped quotes and line breaks',
    '"x, y","say ""hi""","two\r\nlines"\n',
    [['x, y', 'say "hi"', 'two\r\nlines']],
  ],
  ['text after a closing quote is kept', '"a"b,c\n', [['ab', 'c']]],
  ['an unterminated quote runs to the end', '"abc\n,d', [['abc\n,d']]],
  ['blank lines are skipped', '\n\na\n\n', [['a']]],
])('%s', (_name, text, rows) => {
  expect([...csvRows(text)]).toEqual(rows);
});
