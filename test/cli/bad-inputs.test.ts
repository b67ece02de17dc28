/**
 * Bad inputs end to end through `riskgate evaluate`: each gives a clear finding or error, never a crash, a
 * stack trace or a pass. The policy blocks any unparseable config file (defaults.unparseable: high → review).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '../../src/model/report.js';
import { SMALL_POLICY, writeTree } from '../context/tree.js';
import { runCli } from './run-cli.js';

const GOOD_YAML = 'client:\n  heartbeat_interval: 30s\n';

interface Case {
  name: string;
  path: string;
  head: string | Buffer;
  base?: string | Buffer;
  binary?: boolean;
  /** What the finding's note must say. */
  says?: RegExp;
}

const deepYaml = (depth: number) =>
  `${'a:\n'.replace(/\n$/, '')}${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`;
const aliasBomb = [
  'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]',
].join('\n');

const UNPARSEABLE: Case[] = [
  {
    name: 'malformed YAML',
    path: 'config/client.yml',
    head: 'client:\n  heartbeat_interval: [5s\n',
    says: /head version does not parse as yaml at line \d+/,
  },
  {
    name: 'malformed JSON',
    path: 'config/client.json',
    head: '{"client": {"heartbeat_interval": "5s",',
    says: /does not parse as json at line 1, column \d+/,
  },
  {
    name: 'malformed TOML',
    path: 'config/client.toml',
    head: '[client\nheartbeat_interval = "5s"\n',
    says: /does not parse as toml at line 1/,
  },
  {
    name: 'malformed INI',
    path: 'config/client.ini',
    head: '[client\nheartbeat_interval = 5s\n',
    says: /does not parse as ini at line 1/,
  },
  {
    name: 'a binary file where config is expected',
    path: 'config/client.yml',
    head: '',
    binary: true,
    says: /binary/,
  },
  {
    name: 'nesting 10,000 levels deep',
    path: 'config/deep.json',
    head: `${'['.repeat(10000)}${']'.repeat(10000)}`,
    says: /nested too deeply/,
  },
  {
    name: 'YAML nesting 10,000 levels deep',
    path: 'config/deep.yml',
    head: deepYaml(10000),
    says: /nested too deeply/,
  },
  { name: 'an alias bomb', path: 'config/bomb.yml', head: aliasBomb, says: /alias|too many/i },
];

const PARSED: Case[] = [
  { name: 'a byte-order mark', path: 'config/client.yml', head: '\uFEFFclient:\n  heartbeat_interval: 5s\n' },
  { name: 'CRLF line ends', path: 'config/client.yml', head: 'client:\r\n  heartbeat_interval: 5s\r\n' },
  {
    name: 'invalid UTF-8 in a value',
    path: 'config/client.yml',
    head: Buffer.concat([
      Buffer.from('client:\n  name: "'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"\n  heartbeat_interval: 5s\n'),
    ]),
  },
  {
    name: '__proto__ and constructor keys',
    path: 'config/client.json',
    base: '{"client": {"heartbeat_interval": "30s"}}',
    head: '{"__proto__": {"polluted": 1}, "constructor": {"prototype": 1}, "client": {"heartbeat_interval": "5s"}}',
  },
  {
    name: 'a 10 MB file',
    path: 'config/client.yml',
    head: `client:\n  heartbeat_interval: 5s\n${Array.from({ length: 250_000 }, (_, i) => `k${i}: value-${i}-padding-pad\n`).join('')}`,
  },
];

async function evaluateCase(testCase: Case) {
  const root = writeTree({ '.github/riskgate.yml': SMALL_POLICY });
  const base =
    testCase.base ??
    (testCase.path.endsWith('.json') ? '{"client": {"heartbeat_interval": "30s"}}' : GOOD_YAML);
  writeFileSync(path.join(root, 'base.txt'), base);
  writeFileSync(path.join(root, 'head.txt'), testCase.head);
  const file = testCase.binary
    ? `{ path: ${testCase.path}, binary: true }`
    : `{ path: ${testCase.path}, base_file: base.txt, head_file: head.txt }`;
  writeFileSync(
    path.join(root, 'case.yml'),
    `policy: .github/riskgate.yml\npr: { author: dev }\nfiles:\n  - ${file}\n`,
  );
  const run = await runCli(['evaluate', '--scenario', 'case.yml', '--format', 'json'], root);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toMatch(/internal error/);
  return { run, report: run.stdout ? (JSON.parse(run.stdout) as Report) : null };
}

describe('bad config inputs never pass', () => {
  test.each(UNPARSEABLE.map((c) => [c.name, c] as const))(
    '%s → unparseable finding, blocked',
    async (_name, testCase) => {
      const { run, report } = await evaluateCase(testCase);
      expect(run.code).toBe(1);
      const finding = report!.findings.find((candidate) => candidate.rules.includes('riskgate:unparseable'));
      expect(finding).toMatchObject({ file: testCase.path, risk: 'high' });
      expect(finding!.note).toMatch(testCase.says!);
      expect(report!.decision).toBe('blocked');
    },
  );

  test.each(PARSED.map((c) => [c.name, c] as const))(
    '%s → read correctly, the heartbeat change found',
    async (_name, testCase) => {
      const { run, report } = await evaluateCase(testCase);
      expect(run.code).toBe(1);
      expect(report!.findings).toContainEqual(
        expect.objectContaining({
          key: 'client.heartbeat_interval',
          before: '30s',
          after: '5s',
          loadFactor: 6,
        }),
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  test('an empty head file removes every key: a finding, not an error', async () => {
    const { run, report } = await evaluateCase({ name: 'empty', path: 'config/client.yml', head: '' });
    expect(run.code).not.toBe(2);
    expect(report!.findings).toContainEqual(
      expect.objectContaining({ key: 'client.heartbeat_interval', change: 'removed', before: '30s' }),
    );
  });
});

describe('bad policies never pass', () => {
  test.each([
    ['malformed YAML', 'version: 1\nrules: [\n'],
    ['an unknown key', 'version: 1\nrulez: []\n'],
    ['an undefined requirement', 'version: 1\nlevels: { high: [nope] }\n'],
    ['a catastrophic regex', "version: 1\nrules:\n  - { id: r, lines: ['(a+)+$'], risk: high }\n"],
  ])('%s → exit 2 with file:line:col', async (_name, policy) => {
    const root = writeTree({
      '.github/riskgate.yml': policy,
      'case.yml': `policy: .github/riskgate.yml\nfiles:\n  - { path: a.yml, base: "a: 1\\n", head: "a: 2\\n" }\n`,
    });
    const run = await runCli(['evaluate', '--scenario', 'case.yml'], root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^riskgate: .*riskgate\.yml:\d+:\d+: /m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
