/** Properties that hold for any input (fast-check). */
import fc from 'fast-check';
import { stringify as tomlStringify } from 'smol-toml';
import { stringify as yamlStringify } from 'yaml';
import type { ConfigFormat } from '../../../src/model/policy.js';
import { diffConfig, type KeyChange } from '../../../src/engine/config/index.js';
import { changes } from './helpers.js';

const FORMATS: ConfigFormat[] = ['yaml', 'json', 'jsonc', 'toml', 'ini', 'properties', 'env'];

// `<<` is YAML's merge key, not data: the same mapping written as YAML would mean something else.
const key = fc.oneof(
  fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_-]{0,6}$/),
  fc.string({ minLength: 1, maxLength: 5 }).filter((text) => text !== '<<'),
);
const scalar = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.boolean(),
  fc.constant(null),
  // JSON cannot write -0 (it becomes 0), so the same data would differ between the formats.
  fc
    .double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })
    .map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.string({ maxLength: 10 }),
);
const jsonValue = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
})).map;
/** A mapping with some named lists, so name addressing is exercised. */
const document = fc.record({
  settings: jsonValue,
  named: fc.uniqueArray(fc.record({ name: fc.stringMatching(/^[a-z]{1,4}$/), value: scalar }), {
    selector: (item) => item.name,
    maxLength: 4,
  }),
});

const withoutLines = (list: readonly KeyChange[]) => list.map(({ line: _line, ...rest }) => rest);
const ok = (format: ConfigFormat, base: string | null, head: string | null) => changes(format, base, head);

describe('properties of the diff', () => {
  test('a file compared with a differently formatted copy of itself has no changes', () => {
    fc.assert(
      fc.property(document, (value) => {
        expect(ok('yaml', yamlStringify(value), yamlStringify(value, { collectionStyle: 'flow' }))).toEqual(
          [],
        );
        expect(ok('json', JSON.stringify(value), JSON.stringify(value, null, 2))).toEqual([]);
      }),
    );
  });

  test('diff(a, b) mirrors diff(b, a): added ↔ removed, before ↔ after', () => {
    const mirror = (change: KeyChange) => ({
      key: change.key,
      segments: change.segments,
      document: change.document,
      change: change.change === 'added' ? 'removed' : change.change === 'removed' ? 'added' : 'changed',
      ...('after' in change && { before: change.after }),
      ...('before' in change && { after: change.before }),
    });
    const byKey = (list: object[]) =>
      [...list].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    fc.assert(
      fc.property(document, document, (a, b) => {
        const forward = ok('yaml', yamlStringify(a), yamlStringify(b));
        const backward = ok('yaml', yamlStringify(b), yamlStringify(a));
        expect(byKey(withoutLines(forward).map((change) => mirror(change as KeyChange)))).toEqual(
          byKey(withoutLines(backward)),
        );
      }),
    );
  });

  test('the same data as JSON and as YAML has the same keys and values', () => {
    fc.assert(
      fc.property(document, (value) => {
        expect(withoutLines(ok('json', null, JSON.stringify(value)))).toEqual(
          withoutLines(ok('yaml', null, yamlStringify(value))),
        );
      }),
    );
  });

  test('the same data as TOML and as JSON has the same keys and values', () => {
    const tomlScalar = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.boolean(),
      fc.string({ maxLength: 10 }),
    );
    const table = fc.letrec((tie) => ({
      table: fc.dictionary(
        key,
        fc.oneof({ depthSize: 'small' }, tomlScalar, fc.array(tomlScalar, { maxLength: 3 }), tie('table')),
        {
          maxKeys: 4,
        },
      ),
    })).table;
    fc.assert(
      fc.property(table, (value) => {
        const fromToml = withoutLines(ok('toml', null, tomlStringify(value)));
        expect(fromToml).toEqual(
          expect.arrayContaining(withoutLines(ok('json', null, JSON.stringify(value)))),
        );
        expect(fromToml).toHaveLength(withoutLines(ok('json', null, JSON.stringify(value))).length);
      }),
    );
  });

  test('every key is its segments joined by dots, and every line is 1-based', () => {
    fc.assert(
      fc.property(document, document, (a, b) => {
        for (const change of ok('yaml', yamlStringify(a), yamlStringify(b))) {
          expect(change.key).toBe(change.segments.join('.'));
          expect(change.line === null || change.line >= 1).toBe(true);
        }
      }),
    );
  });
});

describe('never throws', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
    fc
      .array(
        fc.constantFrom(
          'a',
          ':',
          ' ',
          '\n',
          '-',
          '[',
          ']',
          '{',
          '}',
          '"',
          "'",
          '=',
          '#',
          '&a',
          '*a',
          '<<',
          '\\',
          '.',
          '!',
          '?',
          ',',
        ),
        {
          maxLength: 80,
        },
      )
      .map((parts) => parts.join('')),
  );

  test.each(FORMATS)('%s: any text diffs or fails cleanly', (format) => {
    fc.assert(
      fc.property(fc.option(text), fc.option(text), (base, head) => {
        const result = diffConfig(format, base, head);
        if (result.ok) return;
        expect(typeof result.message).toBe('string');
        expect(result.message).not.toMatch(/^cannot read the file/);
      }),
      { numRuns: 300 },
    );
  });
});
