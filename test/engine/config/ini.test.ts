import { changes, failure, linesOf, summary, valuesOf } from './helpers.js';

const ini = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('INI', () => {
  const text = ini(
    '; top comment',
    'top = 1',
    '# another comment',
    '[server]',
    'port = 8080',
    'host: example.com',
    'url = http://x/?a=b ; inline comment',
    'color = #fff',
    'quoted = "  spaced ; not a comment  "',
    'flag',
    'empty =',
    '',
    '[ auth.generic_oauth ]',
    'enabled = true',
    '[uwsgi]',
    'env = A=1',
    'env = B=2',
    'description =',
    '    first line',
    '    second line',
  );

  test('section.key paths, top-level keys, values as strings', () => {
    expect(valuesOf('ini', text)).toEqual({
      top: '1',
      'server.port': '8080',
      'server.host': 'example.com',
      'server.url': 'http://x/?a=b',
      'server.color': '#fff',
      'server.quoted': '  spaced ; not a comment  ',
      'server.flag': null,
      'server.empty': '',
      'auth.generic_oauth.enabled': 'true',
      'uwsgi.env.0': 'A=1',
      'uwsgi.env.1': 'B=2',
      'uwsgi.description': '\nfirst line\nsecond line',
    });
  });

  test('a section name with dots is one segment', () => {
    expect(changes('ini', null, '[auth.generic_oauth]\nenabled = true\n')[0]?.segments).toEqual([
      'auth.generic_oauth',
      'enabled',
    ]);
  });

  test('lines', () => {
    expect(linesOf('ini', text)).toMatchObject({
      top: 2,
      'server.port': 5,
      'auth.generic_oauth.enabled': 14,
      'uwsgi.env.1': 17,
      'uwsgi.description': 18,
    });
  });

  test('changes; trailing whitespace is no change; a section that repeats merges', () => {
    const base = ini('[a]', 'x = 1', 'y = 2 ', '[b]', 'z = 3', '[a]', 'w = 4');
    const head = ini('[a]', 'x = 2', 'y = 2', '[b]', '[a]', 'w = 4');
    expect(summary(changes('ini', base, head))).toEqual(['a.x: "1" → "2" @2', 'b.z: "3" → ∅ @5']);
  });

  test('BOM, CRLF, empty file', () => {
    expect(linesOf('ini', '\uFEFF[s]\r\nk = v\r\n')).toEqual({ 's.k': 2 });
    expect(changes('ini', null, '')).toEqual([]);
    expect(changes('ini', null, '; nothing\n')).toEqual([]);
  });

  test('__proto__ is an ordinary section and key', () => {
    expect(valuesOf('ini', '[__proto__]\npolluted = 1\n__proto__ = 2\n')).toEqual({
      '__proto__.polluted': '1',
      '__proto__.__proto__': '2',
    });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('malformed lines fail with their position', () => {
    expect(failure('ini', null, '[server\nport = 1\n')).toEqual({
      ok: false,
      side: 'head',
      message: "section header is missing its closing ']'",
      line: 1,
      column: 1,
    });
    expect(failure('ini', '[s]\n  = 1\n', null)).toMatchObject({
      side: 'base',
      message: "a key is expected before '='",
      line: 2,
      column: 3,
    });
    expect(failure('ini', '[]\n', null)).toMatchObject({ message: 'empty section name', line: 1 });
  });
});
