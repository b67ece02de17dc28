import { changes, failure, linesOf, summary, valuesOf } from './helpers.js';

const toml = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('TOML', () => {
  const text = toml(
    'title = "demo"',
    'retries = 3',
    'ratio = 0.5',
    'enabled = true',
    'started = 1979-05-27T07:32:00Z',
    'day = 1979-05-27',
    'at = 07:32:00',
    'big = 12345678901234567890',
    'infinite = inf',
    'site."google.com" = true',
    '',
    '[client.socket]  # a table',
    'heartbeat_interval = "30s"',
    'ports = [',
    '  80,',
    '  443,',
    ']',
    'limits = { cpu = "500m", memory = "1Gi" }',
    'notes = """',
    'one',
    'two"""',
    'after = 1',
    '',
    '[[servers]]',
    'name = "api"',
    'port = 80',
    '',
    '[[servers]]',
    'name = "worker"',
    'port = 81',
    '',
    '[servers.tls]',
    'enabled = false',
    '',
    '[empty]',
  );

  test('keys and values: tables, dotted and quoted keys, dates as ISO strings, arrays of tables by name', () => {
    expect(valuesOf('toml', text)).toEqual({
      title: 'demo',
      retries: 3,
      ratio: 0.5,
      enabled: true,
      started: '1979-05-27T07:32:00.000Z',
      day: '1979-05-27',
      at: '07:32:00.000',
      big: '12345678901234567890',
      infinite: 'Infinity',
      'site.google.com': true,
      'client.socket.heartbeat_interval': '30s',
      'client.socket.ports.0': 80,
      'client.socket.ports.1': 443,
      'client.socket.limits.cpu': '500m',
      'client.socket.limits.memory': '1Gi',
      'client.socket.notes': 'one\ntwo',
      'client.socket.after': 1,
      'servers.api.port': 80,
      'servers.worker.port': 81,
      'servers.worker.tls.enabled': false,
      empty: '{}',
    });
  });

  test('a quoted key containing a dot is one segment', () => {
    expect(changes('toml', null, 'site."google.com" = true\n')[0]?.segments).toEqual(['site', 'google.com']);
  });

  test('quoted keys with escapes and multi-line strings with escaped line breaks are located', () => {
    const text = toml('a = """one \\', '  two"""', '"caf\\u00e9" = 1', "[ 'x y' . z ]", 'k = 2');
    expect(valuesOf('toml', text)).toEqual({ a: 'one two', café: 1, 'x y.z.k': 2 });
    expect(linesOf('toml', text)).toEqual({ a: 1, café: 3, 'x y.z.k': 5 });
  });

  test('lines: the pair that holds the value, the header of an empty table', () => {
    expect(linesOf('toml', text)).toEqual({
      title: 1,
      retries: 2,
      ratio: 3,
      enabled: 4,
      started: 5,
      day: 6,
      at: 7,
      big: 8,
      infinite: 9,
      'site.google.com': 10,
      'client.socket.heartbeat_interval': 13,
      'client.socket.ports.0': 14,
      'client.socket.ports.1': 14,
      'client.socket.limits.cpu': 18,
      'client.socket.limits.memory': 18,
      'client.socket.notes': 19,
      'client.socket.after': 22,
      'servers.api.port': 26,
      'servers.worker.port': 30,
      'servers.worker.tls.enabled': 33,
      empty: 35,
    });
  });

  test('changes, additions and removals', () => {
    const head = text
      .replace('heartbeat_interval = "30s"', 'heartbeat_interval = "5s"')
      .replace('port = 81\n', 'port = 82\nweight = 2\n');
    expect(summary(changes('toml', text, head))).toEqual([
      'client.socket.heartbeat_interval: "30s" → "5s" @13',
      'servers.worker.port: 81 → 82 @30',
      'servers.worker.weight: ∅ → 2 @31',
    ]);
  });

  test('__proto__ and constructor are ordinary keys', () => {
    expect(valuesOf('toml', '__proto__ = 1\nconstructor = { prototype = 2 }\n')).toEqual({
      ['__proto__']: 1,
      'constructor.prototype': 2,
    });
    expect(Object.prototype).not.toHaveProperty('prototype');
  });

  test('empty files, BOM and CRLF', () => {
    expect(changes('toml', null, '')).toEqual([]);
    expect(changes('toml', null, '# only a comment\n')).toEqual([]);
    expect(linesOf('toml', '\uFEFFa = 1\r\n\r\n[t]\r\nb = 2\r\n')).toEqual({ a: 1, 't.b': 4 });
  });

  test('malformed TOML fails with the first line of the parser message and its position', () => {
    expect(failure('toml', 'a = 1\n', 'a = 1\nb = = 2\n')).toEqual({
      ok: false,
      side: 'head',
      message: 'invalid value',
      line: 2,
      column: 5,
    });
    expect(failure('toml', 'a = 1\na = 2\n', null)).toMatchObject({ side: 'base', line: 2 });
  });

  test('nesting 10,000 levels deep is refused without overflowing the stack', () => {
    expect(failure('toml', null, `a = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`)).toMatchObject({
      message: 'nested too deeply (more than 500 levels)',
    });
  });
});
