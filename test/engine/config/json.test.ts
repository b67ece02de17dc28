import { changes, failure, linesOf, summary, valuesOf } from './helpers.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('JSON and JSONC', () => {
  const text = json({
    client: { heartbeat_interval: 30, enabled: true, ratio: 0.5, nothing: null, tags: ['a', 'b'] },
    servers: [
      { name: 'api', port: 80 },
      { name: 'worker', port: 81 },
    ],
    empty: {},
    none: [],
  });

  test('keys, values in JSON types, named elements by name, empty collections as leaves', () => {
    expect(valuesOf('json', text)).toEqual({
      'client.heartbeat_interval': 30,
      'client.enabled': true,
      'client.ratio': 0.5,
      'client.nothing': null,
      'client.tags.0': 'a',
      'client.tags.1': 'b',
      'servers.api.port': 80,
      'servers.worker.port': 81,
      empty: '{}',
      none: '[]',
    });
  });

  test('lines of values, including values on their own line in arrays', () => {
    expect(linesOf('json', text)).toMatchObject({
      'client.heartbeat_interval': 3,
      'client.tags.0': 8,
      'client.tags.1': 9,
      'servers.api.port': 15,
      'servers.worker.port': 19,
      empty: 22,
    });
  });

  test('changes carry head lines, removals base lines', () => {
    const head = text
      .replace('"heartbeat_interval": 30', '"heartbeat_interval": 5')
      .replace(/\s+"nothing": null,/, '');
    expect(summary(changes('json', text, head))).toEqual([
      'client.heartbeat_interval: 30 → 5 @3',
      'client.nothing: null → ∅ @6',
    ]);
  });

  test.each(['json', 'jsonc'] as const)('%s accepts comments and trailing commas', (format) => {
    const commented = '{\n  // a comment\n  "a": 1, /* inline */\n  "b": [1, 2,],\n}\n';
    expect(valuesOf(format, commented)).toEqual({ a: 1, 'b.0': 1, 'b.1': 2 });
    expect(linesOf(format, commented)).toEqual({ a: 3, 'b.0': 4, 'b.1': 4 });
  });

  test('a repeated key keeps its last value and line, as JSON.parse does', () => {
    expect(summary(changes('json', null, '{"a": 1,\n"a": 2}'))).toEqual(['a: ∅ → 2 @2']);
  });

  test('integers beyond 2^53 keep every digit', () => {
    expect(
      valuesOf('json', '{"id": 12345678901234567891, "small": 9007199254740991, "float": 1e300}'),
    ).toEqual({
      id: '12345678901234567891',
      small: 9007199254740991,
      float: 1e300,
    });
  });

  test('__proto__ is an ordinary key and pollutes nothing', () => {
    const base = '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}}';
    const head = '{"__proto__": {"polluted": 2}, "constructor": {"prototype": {"x": 1}}}';
    expect(summary(changes('json', base, head))).toEqual(['__proto__.polluted: 1 → 2 @1']);
    expect(valuesOf('json', base)).toEqual({ '__proto__.polluted': 1, 'constructor.prototype.x': 1 });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('a root scalar is the key ""; empty files and empty roots have no keys', () => {
    expect(valuesOf('json', '"text"')).toEqual({ '': 'text' });
    expect(changes('json', null, '')).toEqual([]);
    expect(changes('json', null, '  \n')).toEqual([]);
    expect(changes('json', null, '{}')).toEqual([]);
    expect(changes('json', null, '// only a comment\n')).toEqual([]);
  });

  test('a byte-order mark and CRLF line breaks', () => {
    expect(linesOf('json', '\uFEFF{\r\n"a": 1,\r\n"b": 2\r\n}')).toEqual({ a: 2, b: 3 });
  });

  test('malformed JSON fails with a message and a 1-based position', () => {
    expect(failure('json', '{"a": 1}', '{\n  "a": ,\n}')).toEqual({
      ok: false,
      side: 'head',
      message: 'value expected',
      line: 2,
      column: 8,
    });
    expect(failure('json', '{"a" 1}', null)).toMatchObject({
      side: 'base',
      message: "':' expected",
      line: 1,
      column: 6,
    });
    expect(failure('jsonc', '{"a": "x', null)).toMatchObject({
      message: 'unterminated string',
      line: 1,
      column: 7,
    });
    expect(failure('json', '{"a": 1} x', null)).toMatchObject({
      message: 'unexpected character',
      column: 10,
    });
  });

  test('nesting 10,000 levels deep is refused without overflowing the stack', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(failure('json', null, deep)).toMatchObject({
      message: 'nested too deeply (more than 500 levels)',
      line: 1,
    });
    const objects = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    expect(failure('jsonc', objects, null)).toMatchObject({
      side: 'base',
      message: 'nested too deeply (more than 500 levels)',
    });
  });
});
