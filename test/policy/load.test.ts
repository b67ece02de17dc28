import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG_FILES } from '../../src/model/policy.js';
import { formatProblem, loadPolicy, PolicyError } from '../../src/policy/load.js';
import { lines, load, options, POLICY, problems } from './helpers.js';

const contractExample = readFileSync(
  new URL('../fixtures/policies/contract-example.yml', import.meta.url),
  'utf8',
);

describe('loading a valid policy', () => {
  test('the full example of contracts §1 resolves, with the pack rules first', async () => {
    const policy = await load({ [POLICY]: contractExample });
    const ids = policy.rules.map((rule) => rule.id);
    expect(ids.slice(-3)).toEqual(['client-heartbeat', 'reconnect', 'full-sync-in-code']);
    expect(ids.slice(0, -3).every((id) => id.startsWith('realtime-'))).toBe(true);
    expect(policy).toMatchObject({
      version: 1,
      path: POLICY,
      sources: [POLICY],
      config_files: [
        { glob: '**/*.{yml,yaml,json,jsonc,toml,ini,properties,env}' },
        { glob: '**/.env*' },
        { glob: 'deploy/**/*.conf', format: 'ini' },
      ],
      defaults: { unmatched: 'none', unparseable: 'high' },
      levels: { high: ['backend-review'], critical: ['backend-review', 'load-test'] },
      release_track: { low_risk_max: 'low' },
      fleet: { clients: 200000 },
      teams: { backend: ['backend-lead', 'backend-dev'], sre: ['sre-oncall'] },
      waivers: { label: 'riskgate:waive', by: ['sre'] },
      redact: ['**.*dsn*'],
      self_protection: true,
    });
    expect(policy.rules.at(-3)).toEqual({
      id: 'client-heartbeat',
      why: 'Every connected client sends one heartbeat per interval; shorter intervals multiply backend load.',
      files: ['config/client/**'],
      keys: ['**.heartbeat_interval'],
      when: { change: ['changed', 'added', 'removed'] },
      load: { scales: 'inverse', unit: 'ms' },
      risk: 'medium',
      escalate: [
        { factor: 2, risk: 'high' },
        { factor: 4, risk: 'critical' },
      ],
      requires: ['backend-review'],
    });
    expect(policy.requirements['load-test']).toEqual({
      load_test: {
        check: 'load-test*',
        report: { from: 'artifact', artifact: 'k6-summary', format: 'auto' },
        min_vus: 10000,
        min_fleet_fraction: 0.05,
        min_rps: 2000,
        max_error_rate: 0.01,
        max_p95_ms: 500,
        max_p99_ms: 1500,
        min_duration: '10m',
      },
    });
    expect(policy.requirements['perf-smoke']).toEqual({
      check: { name: 'perf-smoke*', app: 'github-actions' },
    });
    expect(policy.requirements['sre-signoff']).toEqual({ label: { name: 'sre-approved', by: ['sre'] } });
  });

  test('defaults apply to a minimal policy', async () => {
    const policy = await load({ [POLICY]: 'version: 1\n' });
    expect(policy).toEqual({
      version: 1,
      path: POLICY,
      sources: [POLICY],
      config_files: DEFAULT_CONFIG_FILES,
      defaults: { unmatched: 'none', unparseable: 'high' },
      levels: {},
      release_track: { low_risk_max: 'low' },
      teams: {},
      rules: [],
      requirements: {},
      redact: [],
      self_protection: true,
    });
  });

  test('anchors and merge keys are resolved', async () => {
    const policy = await load({
      [POLICY]: lines(
        'version: 1',
        'teams: { backend: [a] }',
        'requirements:',
        '  first: &review',
        '    review: { teams: [backend] }',
        '  second: *review',
        'rules:',
        '  - &base { id: one, keys: [a], risk: low }',
        '  - <<: *base',
        '    id: two',
      ),
    });
    expect(policy.requirements.second).toEqual({ review: { teams: ['backend'] } });
    expect(policy.rules[1]).toEqual({ id: 'two', keys: ['a'], risk: 'low' });
  });

  test('a problem inside an alias is reported where the anchored value is written', async () => {
    const text = lines(
      'version: 1',
      'requirements:',
      '  first: &review',
      '    review: { teams: [backnd] }',
      '  second: *review',
    );
    expect(await problems(text)).toEqual([
      `${POLICY}:4:23: unknown team \`backnd\`; define it under \`teams:\` or write an org team as \`org/slug\``,
    ]);
  });
});

describe('an inline policy inside a scenario file', () => {
  const scenario = lines(
    'pr: { number: 1 }',
    'policy:',
    '  version: 1',
    '  rules:',
    '    - id: hb',
    "      keys: ['**.heartbeat_interval']",
    '      risk: hihg',
    'files: []',
  );
  const inline = (text: string) => ({
    ...options({}),
    inline: { text, name: 'test/scenarios/a.yml', at: ['policy'] },
  });

  test('is the mapping at the key path, with positions in the scenario file', async () => {
    const error = await loadPolicy(POLICY, inline(scenario)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).message).toBe(
      'test/scenarios/a.yml:7:13: `rules[0].risk` must be one of `none`, `low`, `medium`, `high`, `critical`, not the string `hihg`; did you mean `high`?',
    );
    const fixed = await loadPolicy(POLICY, inline(scenario.replace('hihg', 'high')));
    expect(fixed.rules).toEqual([{ id: 'hb', keys: ['**.heartbeat_interval'], risk: 'high' }]);
    expect(fixed.sources).toEqual([POLICY]);
  });

  test('must be a mapping', async () => {
    const error = (await loadPolicy(POLICY, inline('pr: { number: 1 }\npolicy: ../riskgate.yml\n')).catch(
      (e: unknown) => e,
    )) as PolicyError;
    expect(error.problems.map(formatProblem)).toEqual([
      'test/scenarios/a.yml:2:1: `policy` must be a policy mapping',
    ]);
  });
});

describe('problems', () => {
  test('a missing policy file is reported without a position', async () => {
    expect(await problems({})).toEqual([`${POLICY}: policy file not found`]);
  });

  test('PolicyError lists every problem, one per line, sorted by position', async () => {
    const text = lines('version: 1', 'rules:', '  - id: b', '    risk: low', 'foo: 1');
    const error = (await load({ [POLICY]: text }).catch((e: unknown) => e)) as PolicyError;
    expect(error.message.split('\n')).toEqual([
      `${POLICY}:3:5: \`rules[0]\` needs at least one of \`files\`, \`keys\` or \`lines\``,
      `${POLICY}:5:1: unknown key \`foo\`; allowed keys here: \`version\`, \`extends\`, \`config_files\`, \`defaults\`, \`levels\`, \`release_track\`, \`fleet\`, \`teams\`, \`rules\`, \`requirements\`, \`waivers\`, \`redact\`, \`self_protection\``,
    ]);
  });

  test('formatProblem writes file:line:col: message', () => {
    expect(formatProblem({ file: 'a.yml', line: 3, column: 7, message: 'wrong' })).toBe('a.yml:3:7: wrong');
    expect(formatProblem({ file: 'a.yml', line: 0, column: 0, message: 'not found' })).toBe(
      'a.yml: not found',
    );
  });
});
