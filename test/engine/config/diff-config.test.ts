import { diffConfig, formatFromPath } from '../../../src/engine/config/index.js';
import { changes, summary } from './helpers.js';

describe('formatFromPath', () => {
  test.each([
    ['config/app.yml', 'yaml'],
    ['deploy/values.YAML', 'yaml'],
    ['tsconfig.json', 'json'],
    ['.vscode/settings.jsonc', 'jsonc'],
    ['fly.toml', 'toml'],
    ['uwsgi.ini', 'ini'],
    ['src/main/resources/application.properties', 'properties'],
    ['.env', 'env'],
    ['docker/.env.production', 'env'],
    ['.env.sample', 'env'],
    ['prod.env', 'env'],
    ['windows\\path\\app.yaml', 'yaml'],
  ])('%s → %s', (path, format) => {
    expect(formatFromPath(path)).toBe(format);
  });

  test.each(['nginx.conf', 'setup.cfg', 'Makefile', 'README.md', '.envrc', 'yaml', 'dir.yml/file'])(
    '%s → null',
    (path) => {
      expect(formatFromPath(path)).toBeNull();
    },
  );
});

describe('diffConfig', () => {
  test('an added file: every head key is added; a removed file: every base key is removed', () => {
    expect(summary(changes('yaml', null, 'a: 1\nb: [x]\n'))).toEqual(['a: ∅ → 1 @1', 'b.0: ∅ → "x" @2']);
    expect(summary(changes('yaml', 'a: 1\nb: [x]\n', null))).toEqual(['a: 1 → ∅ @1', 'b.0: "x" → ∅ @2']);
    expect(changes('yaml', null, null)).toEqual([]);
  });

  test('a change has exactly the contract fields; before is absent when added, after when removed', () => {
    const [changed, added, removed] = changes('json', '{"a": 1, "c": 3}', '{"a": 2, "b": 2}');
    expect(changed).toEqual({
      key: 'a',
      segments: ['a'],
      document: null,
      change: 'changed',
      before: 1,
      after: 2,
      line: 1,
    });
    expect(added).toEqual({ key: 'b', segments: ['b'], document: null, change: 'added', after: 2, line: 1 });
    expect(removed).toEqual({
      key: 'c',
      segments: ['c'],
      document: null,
      change: 'removed',
      before: 3,
      line: 1,
    });
    expect(added).not.toHaveProperty('before');
    expect(removed).not.toHaveProperty('after');
  });

  test('identical texts are not parsed: no change, even when malformed', () => {
    expect(diffConfig('yaml', 'a: [', 'a: [')).toEqual({ ok: true, changes: [] });
  });

  test('base is reported first when both sides are malformed', () => {
    expect(diffConfig('json', '{', '[')).toMatchObject({ ok: false, side: 'base' });
  });
});
