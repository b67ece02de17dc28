/** Hostile and extreme input: every case is a correct diff or a clear `{ ok: false }`, never a throw or a hang. */
import type { ConfigFormat } from '../../../src/model/policy.js';
import { changes, failure, summary, valuesOf } from './helpers.js';

const TEN_MB = 10 * 1024 * 1024;

function repeatLines(make: (index: number) => string, bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index += 1) {
    const line = make(index);
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

describe('10 MB files', () => {
  test.each<[ConfigFormat, (index: number) => string, string]>([
    ['yaml', (index) => `key_${index}: value-${index}`, 'key_1000'],
    ['properties', (index) => `app.key_${index}=value-${index}`, 'app.key_1000'],
    ['toml', (index) => `key_${index} = "value-${index}"`, 'key_1000'],
  ])('%s: one changed value among ten megabytes', (format, make, changedKey) => {
    const base = repeatLines(make, TEN_MB);
    const head = base.replace(/value-1000(?=\D)/, 'changed');
    expect(changes(format, base, head).map((change) => [change.key, change.change, change.line])).toEqual([
      [changedKey, 'changed', 1001],
    ]);
  });

  test('json: one changed value among ten megabytes', () => {
    const entries = Math.floor(TEN_MB / 30);
    const base = `{\n${Array.from({ length: entries }, (_, index) => `  "key_${index}": "value-${index}"`).join(',\n')}\n}\n`;
    const head = base.replace('"value-1000"', '"changed"');
    expect(summary(changes('json', base, head))).toEqual(['key_1000: "value-1000" → "changed" @1002']);
  });
});

describe('alias bombs and alias depth', () => {
  test('a billion laughs is refused once it passes a million values', () => {
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
      ['h', 'g'],
      ['i', 'h'],
    ]) {
      lines.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`);
    }
    const bomb = `${lines.join('\n')}\n`;
    expect(failure('yaml', 'a: 1\n', bomb)).toEqual({
      ok: false,
      side: 'head',
      message: 'too many values (more than 1,000,000); an alias bomb?',
      line: null,
      column: null,
    });
  });

  test('a bomb of merge keys stays linear', () => {
    const lines = ['a0: &a0 {k: 1}'];
    for (let level = 1; level <= 200; level += 1)
      lines.push(`a${level}: &a${level} {<<: [*a${level - 1}], k${level}: 1}`);
    expect(Object.keys(valuesOf('yaml', `${lines.join('\n')}\n`)).length).toBe(
      Array.from({ length: 201 }, (_, n) => n + 1).reduce((x, y) => x + y),
    );
  });

  test('aliases that nest deeper than the limit are refused', () => {
    const lines = ['a0: &a0 [1]'];
    for (let level = 1; level <= 600; level += 1) lines.push(`a${level}: &a${level} [*a${level - 1}]`);
    expect(failure('yaml', null, `${lines.join('\n')}\n`)).toMatchObject({
      message: 'nested too deeply (more than 500 levels)',
    });
  });
});

describe('odd characters', () => {
  test.each<[ConfigFormat, string, string]>([
    ['yaml', 'name: caf\uFFFD\n', 'name'],
    ['json', '{"name": "caf\uFFFD"}', 'name'],
    ['toml', 'name = "caf\uFFFD"\n', 'name'],
    ['ini', 'name = caf\uFFFD\n', 'name'],
    ['properties', 'name=caf\uFFFD\n', 'name'],
    ['env', 'name=caf\uFFFD\n', 'name'],
  ])('%s: replacement characters from invalid UTF-8 are kept as they are', (format, text, key) => {
    expect(valuesOf(format, text)).toEqual({ [key]: 'caf\uFFFD' });
  });

  test('a NUL byte in YAML is a clean error', () => {
    expect(failure('yaml', null, 'a: 1\u0000\n')).toMatchObject({
      message: 'null byte is not allowed in input',
      line: 1,
    });
  });

  test('Object.prototype is untouched after every format read polluting keys', () => {
    valuesOf('yaml', '__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 1}}\n');
    valuesOf('json', '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}');
    valuesOf('toml', '[__proto__]\npolluted = 1\n[constructor.prototype]\npolluted = 1\n');
    valuesOf('ini', '[__proto__]\npolluted = 1\n');
    valuesOf('properties', '__proto__.polluted=1\nconstructor.prototype.polluted=1\n');
    valuesOf('env', '__proto____polluted=1\n');
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
