import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadPolicy, PolicyError } from '../../src/policy/load.js';
import { options, POLICY } from './helpers.js';

const KEYS = [
  ...['version', 'extends', 'config_files', 'defaults', 'levels', 'release_track', 'fleet', 'teams', 'rules'],
  ...['requirements', 'waivers', 'redact', 'self_protection', 'id', 'why', 'files', 'keys', 'lines', 'when'],
  ...[
    'load',
    'risk',
    'escalate',
    'requires',
    'review',
    'check',
    'load_test',
    'body',
    'label',
    'report',
    'from',
  ],
  ...['to', 'change', 'scales', 'factor', 'min_rps', 'teams', 'by', 'name', 'glob', 'format', 'high', 'x'],
];
const SCALARS = fc.oneof(
  fc.constantFrom(
    1,
    0,
    -1,
    2.5,
    true,
    false,
    null,
    'high',
    'hgih',
    'builtin:resilience',
    '(a+)+',
    '**.a',
    'a..b',
  ),
  fc.string({ maxLength: 8 }),
);

/** Policy-shaped data: mappings with mostly known keys, lists and scalars, nested a few levels. */
const policyish = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, SCALARS, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 3 }),
  map: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 5 })), tie('value'), {
    maxKeys: 4,
  }),
})).map;

async function outcome(text: string): Promise<'valid' | PolicyError> {
  try {
    await loadPolicy(POLICY, options({ [POLICY]: text, 'x.yml': text }));
    return 'valid';
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
}

function expectUsable(result: 'valid' | PolicyError) {
  if (result === 'valid') return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.message).not.toMatch(/undefined|\[object Object\]|NaN/);
  }
}

describe('loading never crashes', () => {
  test('on policy-shaped data: it loads or lists positioned problems', async () => {
    await fc.assert(
      fc.asyncProperty(policyish, fc.boolean(), async (data, versioned) => {
        const document =
          versioned && typeof data === 'object' && data && !Array.isArray(data)
            ? { version: 1, ...data }
            : data;
        expectUsable(await outcome(stringify(document)));
      }),
      { numRuns: 400 },
    );
  });

  test('on arbitrary text', async () => {
    const yamlish = fc.string({
      unit: fc.constantFrom(...'ab: -[]{}&*!|>\'"#\n\t,?1'.split('')),
      maxLength: 60,
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), yamlish), async (text) => {
        expectUsable(await outcome(text));
      }),
      { numRuns: 400 },
    );
  });
});
