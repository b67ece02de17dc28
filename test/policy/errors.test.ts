import { lines, POLICY, problems } from './helpers.js';

const at = (position: string, message: string) => `${POLICY}:${position}: ${message}`;
const rule = ['rules:', '  - id: hb', "    keys: ['**.heartbeat_interval']", '    risk: medium'];
const RISKS = '`none`, `low`, `medium`, `high`, `critical`';
const TOP_KEYS =
  '`version`, `extends`, `config_files`, `defaults`, `levels`, `release_track`, `fleet`, `teams`, `rules`, `requirements`, `waivers`, `redact`, `self_protection`';

describe('YAML problems', () => {
  test.each([
    [
      'malformed YAML, at the parser position',
      lines('version: 1', 'rules: [', 'x: 1'),
      at(
        '3:1',
        'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ),
    ],
    [
      'a duplicate key',
      lines('version: 1', 'rules: []', 'version: 1'),
      at('3:1', 'duplicate key `version`: a key may appear only once in a mapping'),
    ],
    [
      'a duplicate key in a flow mapping',
      lines('version: 1', 'fleet: { clients: 1, "clients": 2 }'),
      at('2:22', 'duplicate key `clients`: a key may appear only once in a mapping'),
    ],
    ['an empty file', '', at('1:1', 'the policy file is empty; it needs at least `version: 1`')],
    ['a scalar document', 'hello\n', at('1:1', 'the policy must be a mapping, not the string `hello`')],
    [
      'several documents',
      lines('version: 1', '---', 'version: 1'),
      at('2:1', 'a policy file holds one YAML document; remove the `---` separator and what follows'),
    ],
  ])('%s', async (_name, text, expected) => {
    expect(await problems(text)).toEqual([expected]);
  });
});

describe('schema problems', () => {
  test.each([
    [
      'missing version, at the mapping that lacks it',
      lines(...rule),
      [at('1:1', 'the policy is missing required key `version`; add `version: 1`')],
    ],
    ['a wrong version', lines('version: 2', ...rule), [at('1:10', '`version` must be `1`, not `2`')]],
    [
      'a rule without risk, at the rule',
      lines('version: 1', 'rules:', '  - id: hb', "    keys: ['a']"),
      [at('3:5', `\`rules[0]\` is missing required key \`risk\` (one of ${RISKS})`)],
    ],
    [
      'an unknown key with a close name',
      lines('version: 1', ...rule, '    escalte: []'),
      [at('6:5', 'unknown key `escalte`; did you mean `escalate`?')],
    ],
    [
      'an unknown key in another spelling',
      lines('version: 1', 'requirements:', '  r:', '    review: { invalidateOnPush: all }'),
      [at('4:15', 'unknown key `invalidateOnPush`; did you mean `invalidate_on_push`?')],
    ],
    [
      'an unknown key without a close name',
      lines('version: 1', 'owners: [x]'),
      [at('2:1', `unknown key \`owners\`; allowed keys here: ${TOP_KEYS}`)],
    ],
    [
      'an unknown risk level',
      lines('version: 1', 'rules:', '  - id: hb', "    keys: ['a']", '    risk: hgih'),
      [
        at(
          '5:11',
          `\`rules[0].risk\` must be one of ${RISKS}, not the string \`hgih\`; did you mean \`high\`?`,
        ),
      ],
    ],
    [
      'an unknown level key',
      lines('version: 1', 'levels:', '  hihg: []'),
      [at('3:3', 'unknown key `hihg`; did you mean `high`?')],
    ],
    [
      'a string where a list belongs',
      lines('version: 1', 'rules:', '  - id: hb', "    keys: '**.a'", '    risk: low'),
      [at('4:11', '`rules[0].keys` must be a list, not the string `**.a`')],
    ],
    [
      'an empty value where a list belongs',
      lines('version: 1', 'rules:', '  - id: hb', '    keys:', '    risk: low'),
      [at('4:10', '`rules[0].keys` must be a list, not an empty value')],
    ],
    [
      'an empty list of keys',
      lines('version: 1', 'rules:', '  - id: hb', '    keys: []', '    risk: low'),
      [at('4:11', '`rules[0].keys` must list at least one entry')],
    ],
    [
      'a rule id that breaks the pattern',
      lines('version: 1', 'rules:', '  - id: Client_HB', "    keys: ['a']", '    risk: low'),
      [
        at(
          '3:9',
          '`rules[0].id` must use lowercase letters, digits and `-`, starting with a letter or digit (for example `client-heartbeat`), not the string `Client_HB`',
        ),
      ],
    ],
    [
      'a rule without files, keys or lines',
      lines('version: 1', 'rules:', '  - id: hb', '    risk: low'),
      [at('3:5', '`rules[0]` needs at least one of `files`, `keys` or `lines`')],
    ],
    [
      'escalate without load',
      lines('version: 1', ...rule, '    escalate: [{ factor: 2, risk: high }]'),
      [
        at(
          '6:5',
          '`escalate` needs `load` next to it in `rules[0]` (`load`: how a value change translates into a backend load factor)',
        ),
      ],
    ],
    [
      'a non-positive escalation factor',
      lines(
        'version: 1',
        ...rule,
        '    load: { scales: inverse }',
        '    escalate: [{ factor: 0, risk: high }]',
      ),
      [at('7:26', '`rules[0].escalate[0].factor` must be greater than 0, not `0`')],
    ],
    [
      'a requirement with two kinds',
      lines('version: 1', 'requirements:', '  r:', '    review: {}', '    check: { name: x }'),
      [
        at(
          '4:5',
          '`requirements.r` has 2 kinds (`review`, `check`) but needs exactly one; split it into separate requirements',
        ),
      ],
    ],
    [
      'a requirement without a kind',
      lines('version: 1', 'requirements:', '  r: {}'),
      [
        at(
          '3:6',
          '`requirements.r` needs exactly one kind: one of `review`, `check`, `load_test`, `body`, `label`',
        ),
      ],
    ],
    [
      'an artifact report without the artifact name',
      lines('version: 1', 'requirements:', '  lt:', '    load_test:', '      report: { from: artifact }'),
      [at('5:15', '`requirements.lt.load_test.report` needs `artifact` when `from` is `artifact`')],
    ],
    [
      'a file report without its path',
      lines(
        'version: 1',
        'requirements:',
        '  lt:',
        '    load_test:',
        '      report: { from: file, format: k6 }',
      ),
      [at('5:15', '`requirements.lt.load_test.report` needs `path` when `from` is `file`')],
    ],
    [
      'load-test thresholds of the wrong kind',
      lines(
        'version: 1',
        'requirements:',
        '  lt:',
        '    load_test:',
        '      min_rps: fast',
        '      min_duration: 10 minutes',
        '      max_error_rate: 5',
        '      report: { from: check, format: wrk }',
      ),
      [
        at(
          '5:16',
          '`requirements.lt.load_test.min_rps` must be a number of requests per second or `expected`, not the string `fast`',
        ),
        at(
          '6:21',
          '`requirements.lt.load_test.min_duration` must be a duration such as `90s`, `10m`, `1m30s` or `PT10M`, not the string `10 minutes`',
        ),
        at('7:23', '`requirements.lt.load_test.max_error_rate` must be at most 1, not `5`'),
        at(
          '8:38',
          '`requirements.lt.load_test.report.format` must be one of `auto`, `k6`, `locust`, `artillery`, `gatling`, `jmeter`, not the string `wrk`',
        ),
      ],
    ],
    [
      'review settings out of range',
      lines('version: 1', 'requirements:', '  r:', '    review: { count: 0, invalidate_on_push: sometimes }'),
      [
        at('4:22', '`requirements.r.review.count` must be at least 1, not `0`'),
        at(
          '4:45',
          '`requirements.r.review.invalidate_on_push` must be one of `all`, `relevant`, `never`, not the string `sometimes`',
        ),
      ],
    ],
    [
      'config_files entries',
      lines(
        'version: 1',
        'config_files:',
        '  - 5',
        '  - { glob: "a", formt: ini }',
        '  - { glob: "b", format: xml }',
      ),
      [
        at('3:5', '`config_files[0]` must be a glob string or a mapping `{ glob, format }`, not `5`'),
        at('4:18', 'unknown key `formt`; did you mean `format`?'),
        at(
          '5:26',
          '`config_files[2].format` must be one of `yaml`, `json`, `jsonc`, `toml`, `ini`, `properties`, `env`, not the string `xml`',
        ),
      ],
    ],
    [
      'a requirement listed twice in a level',
      lines(
        'version: 1',
        'levels:',
        '  high: [a, b, a]',
        'requirements: { a: { body: { section: x } }, b: { body: { section: y } } }',
      ),
      [at('3:16', '`levels.high` lists the string `a` twice (entries 1 and 3); remove one')],
    ],
    [
      'an inline team named like an org team',
      lines('version: 1', 'teams:', '  acme/backend: [a]'),
      [
        at(
          '3:3',
          'key `acme/backend` in `teams` is invalid: an inline team name has no `/` or spaces (org teams are written `org/slug` where they are used, not defined here)',
        ),
      ],
    ],
    [
      'a pack extended twice and an empty list of values',
      lines(
        'version: 1',
        'extends: [builtin:resilience, builtin:resilience]',
        ...rule,
        '    when: { to: [] }',
      ),
      [
        at('2:31', '`extends` lists the string `builtin:resilience` twice (entries 1 and 2); remove one'),
        at('7:17', '`rules[0].when.to` must list at least one entry'),
      ],
    ],
    [
      'when conditions of the wrong type',
      lines('version: 1', ...rule, '    when: { change: [edited], to: false, above: [1] }'),
      [
        at(
          '6:22',
          `\`rules[0].when.change[0]\` must be one of \`added\`, \`removed\`, \`changed\`, not the string \`edited\``,
        ),
        at('6:35', '`rules[0].when.to` must be a list, not `false`'),
        at('6:49', '`rules[0].when.above` must be a string or a number, not a list'),
      ],
    ],
  ])('%s', async (_name, text, expected) => {
    expect(await problems(text)).toEqual(expected);
  });
});

describe('checks beyond the schema', () => {
  test.each([
    [
      'undefined requirements in levels and requires',
      lines(
        'version: 1',
        'levels:',
        '  high: [backend-reviw]',
        ...rule,
        '    requires: [nope]',
        'requirements:',
        '  backend-review: { review: { users: [a] } }',
      ),
      [
        at('3:10', 'unknown requirement `backend-reviw`; did you mean `backend-review`?'),
        at('8:16', 'unknown requirement `nope`; define it under `requirements:` (defined: `backend-review`)'),
      ],
    ],
    [
      'a requirement when none is defined',
      lines('version: 1', 'levels: { critical: [load-test] }'),
      [at('2:22', 'unknown requirement `load-test`; define it under `requirements:` (none is defined)')],
    ],
    [
      'unknown teams in review.teams; `by` takes logins too, but not a near-miss of an inline team',
      lines(
        'version: 1',
        'teams:',
        '  backend: [x]',
        'requirements:',
        '  review: { review: { teams: [backnd, acme/backend, a/b/c] } }',
        '  signoff: { label: { name: x, by: [sre-oncall, backnd] } }',
        'waivers:',
        '  label: w',
        '  by: [backend, ops, x/y/z]',
      ),
      [
        at('5:31', 'unknown team `backnd`; did you mean `backend`?'),
        at('5:53', 'unknown team `a/b/c`; an org team is written `org/slug`'),
        at('6:49', 'unknown team `backnd`; did you mean `backend`?'),
        at('9:22', 'unknown team `x/y/z`; an org team is written `org/slug`'),
      ],
    ],
    [
      'a duplicate rule id',
      lines('version: 1', ...rule, '  - id: hb', "    keys: ['b']", '    risk: low'),
      [
        at(
          '6:9',
          'duplicate rule id `hb`: already used at .github/riskgate.yml:3:9; rule ids must be unique across the policy and the files it extends',
        ),
      ],
    ],
    [
      'a rule id that a pack already uses',
      lines(
        'version: 1',
        'extends: [builtin:realtime-clients]',
        'rules:',
        '  - id: realtime-ping-interval',
        "    keys: ['b']",
        '    risk: low',
      ),
      [
        expect.stringMatching(
          /^\.github\/riskgate\.yml:4:9: duplicate rule id `realtime-ping-interval`: already used at builtin:realtime-clients:\d+:9;/,
        ),
      ],
    ],
    [
      'unknown packs and unreadable extends',
      lines(
        'version: 1',
        'extends:',
        '  - builtin:realtime-client',
        '  - builtin:nope',
        '  - ./missing.yml',
        '  - ../up.yml',
        '  - https://example.com/p.yml',
      ),
      [
        at(
          '3:5',
          'unknown built-in pack `builtin:realtime-client`; did you mean `builtin:realtime-clients`?',
        ),
        at(
          '4:5',
          'unknown built-in pack `builtin:nope`; built-in packs: `builtin:realtime-clients`, `builtin:resilience`',
        ),
        at(
          '5:5',
          'cannot find `missing.yml` (`extends` takes `builtin:<pack>` or a path relative to the repository root)',
        ),
        at(
          '6:5',
          '`../up.yml` is outside the repository; `extends` paths are relative to the repository root',
        ),
        at(
          '7:5',
          '`https://example.com/p.yml`: remote policies are not supported; copy the file into the repository',
        ),
      ],
    ],
    [
      'unsafe and invalid line patterns',
      lines(
        'version: 1',
        'rules:',
        '  - id: r',
        "    lines: ['(a+)+$', '([a-z', 'fullSync\\s*[:=]\\s*true']",
        '    risk: low',
      ),
      [
        at(
          '4:13',
          'line pattern `(a+)+$` may take exponential time on some lines (catastrophic backtracking): `(a+)` inside the repeated `(a+)+` can match the same text in many ways; rewrite it so that each character can be matched only one way, e.g. `(a+)+` → `a+`',
        ),
        at('4:23', 'line pattern `([a-z` is not a valid regular expression: Unterminated character class'),
      ],
    ],
    [
      'invalid key globs and file globs',
      lines(
        'version: 1',
        'redact: ["a..b"]',
        'config_files: ["/etc/**", { glob: "./x/**" }]',
        'rules:',
        '  - id: r',
        "    files: ['config\\client\\**', 'a/{b,c']",
        "    keys: ['**heartbeat', 'servers[0].port']",
        '    risk: low',
      ),
      [
        at('2:10', 'key glob `a..b` has an empty segment (a leading, trailing or doubled `.`)'),
        at(
          '3:16',
          'file glob `/etc/**` is absolute; globs are relative to the repository root, so drop the leading `/`',
        ),
        at(
          '3:35',
          'file glob `./x/**` starts with `./`; globs are relative to the repository root, so drop it',
        ),
        at(
          '6:13',
          'file glob `config\\client\\**` uses `\\` between folders; use `/` (a `\\` escapes the next character)',
        ),
        at('6:33', 'file glob `a/{b,c` has an unclosed `{`'),
        at(
          '7:12',
          'key glob `**heartbeat` has `**` inside the segment `**heartbeat`; `**` must be a whole segment, use `*` inside one (`*interval*`)',
        ),
        at(
          '7:27',
          'key glob `servers[0].port` addresses a list element as `[0]`; write `.0` (key paths are dotted)',
        ),
      ],
    ],
    [
      'values with units, load units and escalation steps',
      lines(
        'version: 1',
        'rules:',
        '  - id: r',
        "    keys: ['a']",
        '    when: { below: 10 parsecs, factor_at_least: 2 }',
        '    risk: high',
        '  - id: s',
        "    keys: ['b']",
        '    load: { scales: inverse, unit: sec }',
        '    risk: high',
        '    escalate: [{ factor: 2, risk: medium }]',
      ),
      [
        at(
          '5:20',
          '`below` must be a number or a value with a unit such as `10s`, `1MiB` or `5%`, not `10 parsecs`',
        ),
        at(
          '5:49',
          '`factor_at_least` needs `load` in the same rule (the load factor comes from `load.scales`)',
        ),
        at('9:36', 'unknown unit `sec`; use ms, s, m, h, d, B, KB, KiB, MB, MiB, GB, GiB or %'),
        at(
          '11:35',
          "escalation to `medium` never applies: the rule's risk is already `high`; escalate to a higher risk",
        ),
      ],
    ],
    [
      'fleet-relative thresholds without a fleet',
      lines(
        'version: 1',
        'requirements:',
        '  lt:',
        '    load_test: { min_fleet_fraction: 0.1, min_rps: expected }',
      ),
      [
        at('4:38', '`min_fleet_fraction` needs `fleet.clients` (the number of clients in production)'),
        at('4:52', '`min_rps: expected` needs `fleet.clients` (the number of clients in production)'),
      ],
    ],
  ])('%s', async (_name, text, expected) => {
    expect(await problems(text)).toEqual(expected);
  });
});
