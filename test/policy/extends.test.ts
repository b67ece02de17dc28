import { lines, load, POLICY, problems } from './helpers.js';

const BASE = 'policies/base.yml';

const base = lines(
  'version: 1',
  'config_files: ["config/**/*.yml"]',
  'defaults: { unmatched: low }',
  'levels:',
  '  high: [review]',
  '  critical: [review, load]',
  'release_track: { low_risk_max: medium }',
  'fleet: { clients: 1000 }',
  'teams:',
  '  backend: [alice]',
  '  sre: [sam]',
  'rules:',
  '  - { id: base-rule, keys: [a], risk: low }',
  'requirements:',
  '  review: { review: { teams: [backend] } }',
  '  load: { load_test: { check: "load*" } }',
  'waivers: { label: waive, by: [sre] }',
  'redact: ["**.dsn"]',
  'self_protection: false',
);

describe('extends', () => {
  test('merges extended files first and lets the extending file win', async () => {
    const policy = await load({
      [BASE]: base,
      [POLICY]: lines(
        'version: 1',
        'extends: [policies/base.yml]',
        'defaults: { unparseable: critical }',
        'levels:',
        '  high: [load]',
        'teams:',
        '  backend: [bob]',
        'rules:',
        '  - { id: own-rule, keys: [b], risk: high }',
        'requirements:',
        '  load: { check: { name: "perf*" } }',
        'redact: ["**.url"]',
      ),
    });
    expect(policy).toEqual({
      version: 1,
      path: POLICY,
      sources: [POLICY, BASE],
      config_files: [{ glob: 'config/**/*.yml' }],
      defaults: { unmatched: 'low', unparseable: 'critical' },
      levels: { high: ['load'], critical: ['review', 'load'] },
      release_track: { low_risk_max: 'medium' },
      fleet: { clients: 1000 },
      teams: { backend: ['bob'], sre: ['sam'] },
      rules: [
        { id: 'base-rule', keys: ['a'], risk: 'low' },
        { id: 'own-rule', keys: ['b'], risk: 'high' },
      ],
      requirements: { review: { review: { teams: ['backend'] } }, load: { check: { name: 'perf*' } } },
      waivers: { label: 'waive', by: ['sre'] },
      redact: ['**.dsn', '**.url'],
      self_protection: false,
    });
  });

  test('lists and whole settings come from the last file that sets them', async () => {
    const policy = await load({
      [BASE]: base,
      [POLICY]: lines(
        'version: 1',
        'extends: [./policies/../policies/base.yml]',
        'config_files: ["**/*.json"]',
        'fleet: { clients: 5 }',
        'waivers: { label: override, by: [backend] }',
        'self_protection: true',
      ),
    });
    expect(policy).toMatchObject({
      sources: [POLICY, BASE],
      config_files: [{ glob: '**/*.json' }],
      fleet: { clients: 5 },
      waivers: { label: 'override', by: ['backend'] },
      self_protection: true,
    });
  });

  test('cross-references resolve across files: a base rule may require a requirement of the extending file', async () => {
    const policy = await load({
      'shared/rules.yml': lines(
        'version: 1',
        'rules:',
        '  - { id: shared, keys: [a], risk: high, requires: [mine] }',
      ),
      [POLICY]: lines(
        'version: 1',
        'extends: [shared/rules.yml]',
        'requirements:',
        '  mine: { body: { section: Why } }',
      ),
    });
    expect(policy.rules[0].requires).toEqual(['mine']);
  });

  test('a file reached twice (a diamond) is merged once, at its first place', async () => {
    const policy = await load({
      'p/common.yml': lines('version: 1', 'rules: [{ id: common, keys: [c], risk: low }]'),
      'p/a.yml': lines('version: 1', 'extends: [p/common.yml]', 'rules: [{ id: a, keys: [a], risk: low }]'),
      'p/b.yml': lines(
        'version: 1',
        'extends: [p/common.yml, builtin:resilience]',
        'rules: [{ id: b, keys: [b], risk: low }]',
      ),
      [POLICY]: lines(
        'version: 1',
        'extends: [p/a.yml, p/b.yml]',
        'rules: [{ id: own, keys: [o], risk: low }]',
      ),
    });
    const ids = policy.rules.map((rule) => rule.id);
    expect(ids.filter((id) => !id.startsWith('resilience-'))).toEqual(['common', 'a', 'b', 'own']);
    expect(ids.indexOf('b')).toBeGreaterThan(ids.lastIndexOf('resilience-concurrency-limit'));
    expect(policy.sources).toEqual([POLICY, 'p/common.yml', 'p/a.yml', 'p/b.yml']);
  });

  test('packs combine with each other and with any policy', async () => {
    const policy = await load({
      [POLICY]: lines('version: 1', 'extends: [builtin:realtime-clients, builtin:resilience]'),
    });
    expect(policy.sources).toEqual([POLICY]);
    expect(new Set(policy.rules.map((rule) => rule.id)).size).toBe(policy.rules.length);
  });

  test('problems inside an extended file are reported in that file', async () => {
    expect(
      await problems({
        [BASE]: lines('version: 1', 'rules:', '  - { id: x, keys: [a], risk: hihg }'),
        [POLICY]: lines('version: 1', 'extends: [policies/base.yml]'),
      }),
    ).toEqual([
      `${BASE}:3:31: \`rules[0].risk\` must be one of \`none\`, \`low\`, \`medium\`, \`high\`, \`critical\`, not the string \`hihg\`; did you mean \`high\`?`,
    ]);
  });

  test('a rule id repeated across files is a duplicate', async () => {
    expect(
      await problems({
        [BASE]: lines('version: 1', 'rules:', '  - { id: x, keys: [a], risk: low }'),
        [POLICY]: lines(
          'version: 1',
          'extends: [policies/base.yml]',
          'rules:',
          '  - { id: x, keys: [b], risk: low }',
        ),
      }),
    ).toEqual([
      `${POLICY}:4:11: duplicate rule id \`x\`: already used at ${BASE}:3:11; rule ids must be unique across the policy and the files it extends`,
    ]);
  });

  test('a cycle is reported with its chain, at the entry that closes it', async () => {
    expect(
      await problems({
        'p/a.yml': lines('version: 1', 'extends: [p/b.yml]'),
        'p/b.yml': lines('version: 1', 'extends:', '  - builtin:resilience', '  - .github/riskgate.yml'),
        [POLICY]: lines('version: 1', 'extends: [p/a.yml]'),
      }),
    ).toEqual([
      'p/b.yml:4:5: `extends` cycle: .github/riskgate.yml → p/a.yml → p/b.yml → .github/riskgate.yml; remove one of these `extends` entries',
    ]);
  });

  test('a file that extends itself is a cycle', async () => {
    expect(await problems(lines('version: 1', 'extends: [.github/riskgate.yml]'))).toEqual([
      `${POLICY}:2:11: \`extends\` cycle: .github/riskgate.yml → .github/riskgate.yml; remove one of these \`extends\` entries`,
    ]);
  });
});
