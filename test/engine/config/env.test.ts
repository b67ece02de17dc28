import { changes, failure, linesOf, summary, valuesOf } from './helpers.js';

const env = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('.env', () => {
  const text = env(
    '# comment',
    'PLAIN=value',
    'export EXPORTED=1',
    'SPACED = padded  ',
    'COMMENTED=abc # a comment',
    'HASH=abc#not-a-comment',
    'DOUBLE="line\\nbreak \\"quoted\\" # kept"',
    "SINGLE='literal \\n $HOME'",
    'MULTI="first',
    'second"',
    'EMPTY=',
    'INHERITED',
    'Logging__LogLevel__Default=Warning',
    '__LEADING=1',
    'URL=${HOST}:${PORT}',
  );

  test('values, quotes, comments, export prefix; keys split only on __', () => {
    expect(valuesOf('env', text)).toEqual({
      PLAIN: 'value',
      EXPORTED: '1',
      SPACED: 'padded',
      COMMENTED: 'abc',
      HASH: 'abc#not-a-comment',
      DOUBLE: 'line\nbreak "quoted" # kept',
      SINGLE: 'literal \\n $HOME',
      MULTI: 'first\nsecond',
      EMPTY: '',
      INHERITED: null,
      'Logging.LogLevel.Default': 'Warning',
      __LEADING: '1',
      URL: '${HOST}:${PORT}',
    });
    expect(
      changes('env', null, text).find((change) => change.key === 'Logging.LogLevel.Default')?.segments,
    ).toEqual(['Logging', 'LogLevel', 'Default']);
  });

  test('lines of the key; a multi-line value does not shift later lines', () => {
    expect(linesOf('env', text)).toMatchObject({
      PLAIN: 2,
      MULTI: 9,
      EMPTY: 11,
      'Logging.LogLevel.Default': 13,
    });
  });

  test('a repeated key keeps its last value', () => {
    expect(summary(changes('env', env('A=1', 'A=2'), env('A=3')))).toEqual(['A: "2" → "3" @1']);
  });

  test('BOM, CRLF, empty file', () => {
    expect(linesOf('env', '\uFEFFA=1\r\n\r\nB=2\r\n')).toEqual({ A: 1, B: 3 });
    expect(changes('env', null, '')).toEqual([]);
  });

  test('__proto__ is an ordinary key', () => {
    expect(valuesOf('env', '__proto__=1\n')).toEqual({ ['__proto__']: '1' });
  });

  test('malformed lines and unterminated quotes fail with their position', () => {
    expect(failure('env', null, 'A=1\nnot an assignment\n')).toEqual({
      ok: false,
      side: 'head',
      message: 'expected KEY=value',
      line: 2,
      column: 1,
    });
    expect(failure('env', 'A="open\nB=2\n', null)).toMatchObject({
      side: 'base',
      message: 'unterminated " quoted value',
      line: 1,
    });
  });
});
