import { changes, failure, linesOf, summary, valuesOf } from './helpers.js';

const properties = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('.properties', () => {
  const text = properties(
    '# comment',
    '! also a comment',
    'server.port=8080',
    'server.host : example.com',
    'spaced key value',
    'log4j.rootLogger=DEBUG, A1',
    'log4j.rootLogger.extra=x',
    'list = one, \\',
    '       two, \\',
    '       three',
    'escaped\\ key\\:x = a\\tb\\u00e9\\n',
    'trailing = value  ',
    'empty=',
    'bare',
    '..odd.key = 1',
  );

  test('keys split on dots; =, : or whitespace separate; continuations, escapes and unicode', () => {
    expect(valuesOf('properties', text)).toEqual({
      'server.port': '8080',
      'server.host': 'example.com',
      spaced: 'key value',
      'log4j.rootLogger': 'DEBUG, A1',
      'log4j.rootLogger.extra': 'x',
      list: 'one, two, three',
      'escaped key:x': 'a\tbé\n',
      trailing: 'value  ',
      empty: '',
      bare: '',
      '..odd.key': '1',
    });
    expect(changes('properties', null, text).find((change) => change.key === '..odd.key')?.segments).toEqual([
      '..odd.key',
    ]);
  });

  test('lines: where the logical line starts', () => {
    expect(linesOf('properties', text)).toMatchObject({
      'server.port': 3,
      list: 8,
      'escaped key:x': 11,
      bare: 14,
    });
  });

  test('a repeated key keeps its last value; moving a key is no change', () => {
    const base = properties('a=1', 'b=2', 'a=3');
    const head = properties('b=2', 'a=3');
    expect(changes('properties', base, head)).toEqual([]);
    expect(summary(changes('properties', base, properties('a=4', 'b=2')))).toEqual(['a: "3" → "4" @1']);
  });

  test('a backslash at the end of the file ends the value', () => {
    expect(valuesOf('properties', 'a = x\\')).toEqual({ a: 'x' });
  });

  test('BOM, CRLF, empty file', () => {
    expect(linesOf('properties', '\uFEFFa=1\r\n\r\nb=2\r\n')).toEqual({ a: 1, b: 3 });
    expect(changes('properties', null, '')).toEqual([]);
  });

  test('__proto__ is an ordinary key', () => {
    expect(valuesOf('properties', '__proto__.polluted=1\n')).toEqual({ '__proto__.polluted': '1' });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('a malformed unicode escape fails with its line', () => {
    expect(failure('properties', null, 'a=1\nb=\\u12G4\n')).toEqual({
      ok: false,
      side: 'head',
      message: 'malformed \\uXXXX escape',
      line: 2,
      column: null,
    });
  });
});
