import fc from 'fast-check';
import { stringify } from 'yaml';
import { diffFiles } from '../../../src/engine/config/diff.js';
import { parseYaml } from '../../../src/engine/config/yaml.js';
import { changes, failure, label, linesOf, summary, valuesOf } from './helpers.js';
import { yamlReference } from './yaml-reference.js';

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

/** Keys, values and lines as the `yaml` library reads the same text. */
function referenceSummary(text: string): string[] {
  return summary(diffFiles(null, yamlReference(text)));
}

describe('YAML key paths', () => {
  test('nested mappings are dotted paths; values keep YAML 1.2 types', () => {
    const text = yaml(
      'client:',
      '  socket:',
      '    heartbeat_interval: 30s',
      '    retries: 3',
      '    ratio: 0.5',
      '    enabled: true',
      '    legacy_bool: yes',
      '    switch: on',
      '    octal: 0o17',
      '    hex: 0x1F',
      '    leading_zero: 0777',
      '    date: 2024-01-31',
      '    nothing: ~',
      '    empty:',
      '    quoted: "42"',
    );
    expect(valuesOf('yaml', text)).toEqual({
      'client.socket.heartbeat_interval': '30s',
      'client.socket.retries': 3,
      'client.socket.ratio': 0.5,
      'client.socket.enabled': true,
      'client.socket.legacy_bool': 'yes',
      'client.socket.switch': 'on',
      'client.socket.octal': 15,
      'client.socket.hex': 31,
      'client.socket.leading_zero': 777,
      'client.socket.date': '2024-01-31',
      'client.socket.nothing': null,
      'client.socket.empty': null,
      'client.socket.quoted': '42',
    });
  });

  test('numbers JSON cannot carry are reported as strings', () => {
    expect(
      valuesOf('yaml', yaml('big: 123456789012345678901', 'inf: .inf', 'ninf: -.Inf', 'nan: .NaN')),
    ).toEqual({
      big: '123456789012345678901',
      inf: 'Infinity',
      ninf: '-Infinity',
      nan: 'NaN',
    });
  });

  test('sequences are addressed by index, named mappings by name (the name itself is no key)', () => {
    const text = yaml(
      'servers:',
      '  - host: a',
      '    port: 80',
      '  - host: b',
      'containers:',
      '  - name: api',
      '    image: api:1',
      '  - name: worker',
      '    image: worker:1',
      'rules:',
      '  - id: r1',
      '    limit: 5',
      'tags: [x, y]',
    );
    expect(Object.keys(valuesOf('yaml', text))).toEqual([
      'servers.0.host',
      'servers.0.port',
      'servers.1.host',
      'containers.api.image',
      'containers.worker.image',
      'rules.r1.limit',
      'tags.0',
      'tags.1',
    ]);
  });

  test('name wins over id; a list where one element lacks the field is addressed by index', () => {
    const both = yaml('list:', '  - { name: a, id: 1, v: 1 }', '  - { name: b, id: 2, v: 2 }');
    expect(Object.keys(valuesOf('yaml', both))).toEqual(['list.a.id', 'list.a.v', 'list.b.id', 'list.b.v']);
    const partial = yaml('list:', '  - { name: a, v: 1 }', '  - { v: 2 }');
    expect(Object.keys(valuesOf('yaml', partial))).toEqual(['list.0.name', 'list.0.v', 'list.1.v']);
  });

  test('elements sharing a name fall back to their index', () => {
    const text = yaml(
      'env:',
      '  - { name: A, value: 1 }',
      '  - { name: B, value: 2 }',
      '  - { name: A, value: 3 }',
    );
    expect(Object.keys(valuesOf('yaml', text))).toEqual([
      'env.0.name',
      'env.0.value',
      'env.B.value',
      'env.2.name',
      'env.2.value',
    ]);
  });

  test('reordering named elements is no change; a changed element is reported under its name', () => {
    const base = yaml(
      'containers:',
      '  - name: api',
      '    image: api:1',
      '  - name: worker',
      '    image: w:1',
    );
    const head = yaml(
      'containers:',
      '  - name: worker',
      '    image: w:2',
      '  - name: api',
      '    image: api:1',
    );
    expect(summary(changes('yaml', base, head))).toEqual(['containers.worker.image: "w:1" → "w:2" @3']);
  });

  test('renaming an element removes its keys and adds the new ones; the name is never a change of its own', () => {
    const base = yaml('containers:', '  - name: api', '    image: a');
    const head = yaml('containers:', '  - name: gateway', '    image: a');
    expect(summary(changes('yaml', base, head))).toEqual([
      'containers.gateway.image: ∅ → "a" @3',
      'containers.api.image: "a" → ∅ @3',
    ]);
  });

  test('keys keep the spelling of the file, including dots inside a key', () => {
    const text = yaml(
      '"a.b": 1',
      'HeartBeat-Interval: 2',
      '1.0: float key',
      'True: bool key',
      '~: null key',
      '404: status',
    );
    const list = changes('yaml', null, text);
    expect(list.map((change) => change.segments)).toEqual(
      expect.arrayContaining([['404'], ['a.b'], ['HeartBeat-Interval'], ['1.0'], ['True'], ['~']]),
    );
    expect(list.map((change) => change.key).sort()).toEqual([
      '1.0',
      '404',
      'HeartBeat-Interval',
      'True',
      'a.b',
      '~',
    ]);
  });

  test('empty collections are leaves "{}" and "[]", so filling them is visible', () => {
    expect(valuesOf('yaml', yaml('a: {}', 'b: []', 'c:', '  d: {}'))).toEqual({
      a: '{}',
      b: '[]',
      'c.d': '{}',
    });
    expect(summary(changes('yaml', 'a: {}\n', 'a: {b: 1}\n'))).toEqual(['a: "{}" → ∅ @1', 'a.b: ∅ → 1 @1']);
    expect(summary(changes('yaml', 'a: []\n', 'a: {}\n'))).toEqual(['a: "[]" → "{}" @1']);
  });

  test('scalar ↔ collection: the old leaf is removed and the new leaves added', () => {
    expect(summary(changes('yaml', 'a: 5\n', 'a:\n  b: 5\n'))).toEqual(['a: 5 → ∅ @1', 'a.b: ∅ → 5 @2']);
    expect(summary(changes('yaml', 'a: [1]\n', 'a: 1\n'))).toEqual(['a.0: 1 → ∅ @1', 'a: ∅ → 1 @1']);
    expect(summary(changes('yaml', 'a: null\n', 'a: {}\n'))).toEqual(['a: null → "{}" @1']);
  });

  test('a changed type is a change', () => {
    expect(summary(changes('yaml', 'port: "80"\n', 'port: 80\n'))).toEqual(['port: "80" → 80 @1']);
  });

  test('a root scalar is the key ""; an empty root has no keys', () => {
    expect(changes('yaml', null, 'just text\n')).toEqual([
      { key: '', segments: [], document: null, change: 'added', after: 'just text', line: null },
    ]);
    expect(changes('yaml', null, '{}\n')).toEqual([]);
    expect(changes('yaml', null, '[]\n')).toEqual([]);
    expect(changes('yaml', null, '~\n')).toEqual([]);
  });
});

describe('YAML anchors, aliases and merge keys', () => {
  const base = yaml(
    'defaults: &defaults',
    '  timeout: 30s',
    '  retries: 3',
    'extra: &extra',
    '  retries: 9',
    '  jitter: true',
    'service:',
    '  <<: [*defaults, *extra]',
    '  retries: 5',
    'copy: *defaults',
  );

  test('aliases are resolved and merged keys appear under the merging mapping', () => {
    expect(valuesOf('yaml', base)).toEqual({
      'defaults.timeout': '30s',
      'defaults.retries': 3,
      'extra.retries': 9,
      'extra.jitter': true,
      'service.retries': 5,
      'service.timeout': '30s',
      'service.jitter': true,
      'copy.timeout': '30s',
      'copy.retries': 3,
    });
  });

  test('merged keys carry the line of the value they come from', () => {
    expect(linesOf('yaml', base)).toMatchObject({
      'service.timeout': 2,
      'service.jitter': 6,
      'service.retries': 9,
      'copy.retries': 3,
    });
  });

  test('changing an anchored value changes every place that uses it, each located at the anchor', () => {
    const head = base.replace('timeout: 30s', 'timeout: 10s');
    expect(summary(changes('yaml', base, head))).toEqual([
      'defaults.timeout: "30s" → "10s" @2',
      'service.timeout: "30s" → "10s" @2',
      'copy.timeout: "30s" → "10s" @2',
    ]);
  });

  test('an explicit key overrides a merged one, before or after the merge', () => {
    const text = yaml('d: &d {a: 1, b: 2}', 'x:', '  a: 0', '  <<: *d', 'y:', '  <<: *d', '  b: 0');
    expect(valuesOf('yaml', text)).toMatchObject({ 'x.a': 0, 'x.b': 2, 'y.a': 1, 'y.b': 0 });
  });

  test('an alias bomb is refused with a clear error', () => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level <= 9; level += 1) {
      lines.push(`a${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ')}]`);
    }
    expect(failure('yaml', null, yaml(...lines))).toMatchObject({
      side: 'head',
      message: expect.stringMatching(/too many values/),
    });
  });

  test('a recursive alias is refused with a clear error', () => {
    expect(failure('yaml', 'a: &x\n  b: *x\n', null)).toMatchObject({
      side: 'base',
      message: 'an alias refers to a collection that contains it',
    });
  });
});

describe('YAML documents', () => {
  const manifests = yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  replicas: 2',
    '---',
    'kind: Service',
    'metadata:',
    '  name: api',
    'spec:',
    '  port: 80',
    '---',
    'plain: document',
  );

  test('documents are identified by kind/metadata.name, else by index; the id is not part of the key', () => {
    expect(Object.keys(valuesOf('yaml', manifests))).toEqual([
      'Deployment/api|apiVersion',
      'Deployment/api|kind',
      'Deployment/api|metadata.name',
      'Deployment/api|spec.replicas',
      'Service/api|kind',
      'Service/api|metadata.name',
      'Service/api|spec.port',
      '2|plain',
    ]);
  });

  test('documents are matched by id, so reordering them is no change', () => {
    const [deployment, service, plain] = manifests.split('---\n');
    const head = [service, deployment?.replace('replicas: 2', 'replicas: 3'), plain].join('---\n');
    expect(summary(changes('yaml', manifests, head))).toEqual(['Deployment/api|spec.replicas: 2 → 3 @12']);
  });

  test('documents sharing kind/name fall back to their index', () => {
    const twice = yaml(
      'kind: A',
      'metadata: {name: x}',
      '---',
      'kind: A',
      'metadata: {name: x}',
      '---',
      'kind: A',
      'metadata: {name: y}',
    );
    expect(new Set(changes('yaml', null, twice).map((change) => change.document))).toEqual(
      new Set(['0', '1', 'A/y']),
    );
  });

  test('a file is multi-document when either side has more than one non-empty document', () => {
    expect(summary(changes('yaml', 'a: 1\n', 'a: 1\n---\nb: 2\n'))).toEqual(['1|b: ∅ → 2 @3']);
    expect(changes('yaml', '---\na: 1\n---\n', '---\na: 2\n')).toMatchObject([{ key: 'a', document: null }]);
  });
});

describe('YAML lines', () => {
  test('the line of the value: same line, next line, block scalars, flow collections, empty values', () => {
    const text = yaml(
      '# comment',
      'a: 1',
      'b:',
      '  # explains c',
      '  c:',
      '    long text on the next line',
      'd: |',
      '  block',
      '  text',
      'e: [1,',
      '  2]',
      'f: {g: 1,',
      '  h: 2}',
      'i:',
      'j: &anchor',
      '  k: 1',
      'l:',
      '  - first',
      '  -',
      '    second',
    );
    expect(linesOf('yaml', text)).toEqual({
      a: 2,
      'b.c': 6,
      d: 7,
      'e.0': 10,
      'e.1': 11,
      'f.g': 12,
      'f.h': 13,
      i: 14,
      'j.k': 16,
      'l.0': 18,
      'l.1': 20,
    });
  });

  test('removed keys carry their line in base, changed and added keys in head', () => {
    const base = yaml('a: 1', 'b: 2', 'c: 3');
    const head = yaml('x: 0', 'c: 4', 'a: 1', 'd: 5');
    expect(summary(changes('yaml', base, head))).toEqual([
      'x: ∅ → 0 @1',
      'c: 3 → 4 @2',
      'd: ∅ → 5 @4',
      'b: 2 → ∅ @2',
    ]);
  });

  test('CRLF line breaks and a byte-order mark do not shift lines', () => {
    const text = '\uFEFFa: 1\r\nb:\r\n  c: 2\r\n\r\nd: |\r\n  x\r\n';
    expect(linesOf('yaml', text)).toEqual({ a: 1, 'b.c': 3, d: 5 });
    expect(valuesOf('yaml', text)).toEqual({ a: 1, 'b.c': 2, d: 'x\n' });
  });

  test('explicit keys (`? key`) are located too', () => {
    const text = yaml('outer:', '  ? complex', '  : value', '  ? bare', '  plain: 1');
    expect(linesOf('yaml', text)).toEqual({ 'outer.complex': 3, 'outer.bare': 4, 'outer.plain': 5 });
  });

  test("where the parser's nodes do not line up, the nearest located ancestor's line is used", () => {
    const text = yaml('outer:', '  list: [a: 1, b]');
    expect(linesOf('yaml', text)).toEqual({ 'outer.list.0.a': 2, 'outer.list.1': 2 });
  });
});

describe('YAML tags and odd input', () => {
  test('unknown tags keep the plain value (CloudFormation, GitLab CI)', () => {
    const text = yaml(
      'bucket: !Ref MyBucket',
      'list: !reference [.setup, script]',
      'map: !Custom {a: 1}',
      'bin: !!binary aGk=',
    );
    expect(valuesOf('yaml', text)).toEqual({
      bucket: 'MyBucket',
      'list.0': '.setup',
      'list.1': 'script',
      'map.a': 1,
      bin: 'aGk=',
    });
  });

  test('__proto__, constructor and prototype are ordinary keys and pollute nothing', () => {
    const text = yaml(
      '__proto__:',
      '  polluted: yes',
      'constructor: 1',
      'prototype: {x: 1}',
      'a: {__proto__: {b: 1}}',
    );
    expect(valuesOf('yaml', text)).toEqual({
      '__proto__.polluted': 'yes',
      constructor: 1,
      'prototype.x': 1,
      'a.__proto__.b': 1,
    });
    expect(summary(changes('yaml', text, text.replace('polluted: yes', 'polluted: no')))).toEqual([
      '__proto__.polluted: "yes" → "no" @2',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('a key missing on one side is not found on Object.prototype', () => {
    expect(summary(changes('yaml', 'a: 1\n', 'a: 1\ntoString: 2\nhasOwnProperty: 3\n'))).toEqual([
      'toString: ∅ → 2 @2',
      'hasOwnProperty: ∅ → 3 @3',
    ]);
  });

  test('replacement characters from invalid UTF-8 are parsed as they are', () => {
    expect(valuesOf('yaml', 'name: caf\uFFFD\n')).toEqual({ name: 'caf\uFFFD' });
  });

  test('an empty file or one with only comments has no keys and is no error', () => {
    expect(changes('yaml', '', '# nothing\n')).toEqual([]);
    expect(changes('yaml', null, '')).toEqual([]);
  });
});

describe('YAML errors', () => {
  test('malformed YAML fails with the parser message and 1-based position, naming the side', () => {
    expect(failure('yaml', 'a: 1\n', 'a: 1\n  b: 2\n')).toEqual({
      ok: false,
      side: 'head',
      message: 'bad indentation of a mapping entry',
      line: 2,
      column: 4,
    });
    expect(failure('yaml', 'a: [1, 2\n', 'a: 1\n')).toMatchObject({ side: 'base', line: 2 });
  });

  test('duplicate keys are an error, as in the yaml library', () => {
    expect(failure('yaml', null, 'a: 1\na: 2\n')).toMatchObject({
      message: 'duplicated mapping key',
      line: 2,
      column: 1,
    });
  });

  test('nesting 10,000 levels deep is refused without overflowing the stack', () => {
    const flow = `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    expect(failure('yaml', null, flow)).toMatchObject({
      message: 'nested too deeply (more than 500 levels)',
    });
    const block = Array.from({ length: 2_000 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n');
    expect(failure('yaml', block, null)).toMatchObject({
      side: 'base',
      message: 'nested too deeply (more than 500 levels)',
    });
  });

  test('nesting within the limit is fine', () => {
    const block =
      Array.from({ length: 400 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n') + ' 1\n';
    expect(changes('yaml', null, block)).toHaveLength(1);
  });
});

describe('agreement with the yaml library', () => {
  const samples = {
    'mappings and sequences': yaml(
      'a:',
      '  b: [1, 2, {c: d}]',
      '  e:',
      '    - f: 1',
      '      g: "two"',
      '    - h',
      'i: >',
      '  folded',
      '  text',
    ),
    'anchors and merges': yaml(
      'x: &x {a: 1, b: {c: 2}}',
      'y:',
      '  <<: *x',
      '  a: 3',
      'z: [*x, *x]',
      'w: &w',
      '  - 1',
      'v: *w',
    ),
    documents: yaml(
      'kind: A',
      'metadata: {name: n}',
      'spec: {r: 1}',
      '---',
      'kind: B',
      'metadata: {name: n}',
      '---',
      '[1, 2]',
    ),
    'odd keys and scalars': yaml(
      '1.0: a',
      'True: b',
      '"q": 0x1f',
      "'s': 0o7",
      'n: -1.5e3',
      'm: .inf',
      'e:',
      'k: ~',
    ),
    'explicit keys': yaml('? x', ': y', '? z', 'w: |', '  text'),
    tags: yaml('a: !Ref b', 'c: !!str 1', 'd: !custom', '  e: 1'),
    'keys starting with a colon': yaml('a:', '  b: []', ':x: 1', '"q":', '  - 1'),
    'comments and blank lines': yaml(
      '# c',
      'a:   # c',
      '',
      '  # c',
      '  b: 1 # c',
      '',
      'c:',
      '',
      '  - 1',
      '',
      '  # c',
      '  - 2',
    ),
  };

  test.each(Object.entries(samples))('%s', (_name, text) => {
    expect(summary(changes('yaml', null, text))).toEqual(referenceSummary(text));
  });

  test('generated documents: same keys, values and lines', () => {
    const scalar = fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.boolean(),
      fc.constant(null),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      fc.string({ maxLength: 12 }),
    );
    // `<<` is the merge key, whose meaning (not its spelling) the two libraries are compared on elsewhere.
    const key = fc.oneof(
      fc.stringMatching(/^[a-z_][a-z0-9_.-]{0,8}$/),
      fc.string({ minLength: 1, maxLength: 6 }).filter((text) => text !== '<<'),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    })).map;
    const styles = fc.record({
      indent: fc.integer({ min: 2, max: 4 }),
      collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
    });
    fc.assert(
      fc.property(tree, styles, (value, style) => {
        const text = stringify(value, style);
        expect(summary(changes('yaml', null, text))).toEqual(referenceSummary(text));
      }),
      { numRuns: 200 },
    );
  });
});

describe('sanity of the helpers', () => {
  test('label marks documents', () => {
    expect(label({ key: 'a', segments: ['a'], document: 'x', change: 'added', after: 1, line: 1 })).toBe(
      'x|a',
    );
  });
});

describe('parseYaml', () => {
  test('returns every document of the stream, empty ones as null', () => {
    expect(parseYaml('a: 1\n---\n---\nb: 2\n').documents).toEqual([{ a: 1 }, null, { b: 2 }]);
  });
});
