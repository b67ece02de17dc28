import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ContextError } from '../../src/context/context-error.js';
import { gatherGitRange } from '../../src/context/git.js';
import { evaluate } from '../../src/engine/index.js';
import { BUILTIN_RULE } from '../../src/model/report.js';
import { GitRepo } from './git-repo.js';
import { SMALL_POLICY } from './tree.js';

const POLICY = '.github/riskgate.yml';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]);

let repo: GitRepo;
beforeEach(() => {
  repo = new GitRepo();
});
afterEach(() => repo.remove());

describe('gatherGitRange: the changed files', () => {
  test('added, changed, removed, renamed and binary files, with text only for files the policy reads', async () => {
    repo.commit({
      [POLICY]: SMALL_POLICY,
      'config/client.yml': 'client:\n  heartbeat_interval: 30s\n',
      'config/old-name.yml': 'a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n',
      'config/gone.yml': 'gone: true\n',
      'assets/logo.png': PNG,
      'README.md': 'hello\n',
    });
    repo.branch('feature');
    repo.rename('config/old-name.yml', 'config/new-name.yml');
    repo.commit({
      'config/client.yml': 'client:\n  heartbeat_interval: 5s\n',
      'config/new-name.yml': 'a: 1\nb: 2\nc: 3\nd: 4\ne: 6\n',
      'config/gone.yml': null,
      'config/added.yml': 'added: true\n',
      'assets/logo.png': Buffer.concat([PNG, Buffer.from([1, 2, 3])]),
      'README.md': 'hello again\n',
    });

    const { snapshot } = await gatherGitRange({ repo: repo.dir, base: 'main', head: 'feature' });

    expect([...snapshot.files].sort((a, b) => (a.path < b.path ? -1 : 1))).toEqual([
      { path: 'README.md', base: '', head: '' },
      { path: 'assets/logo.png', base: '', head: '', binary: true },
      { path: 'config/added.yml', base: null, head: 'added: true\n' },
      {
        path: 'config/client.yml',
        base: 'client:\n  heartbeat_interval: 30s\n',
        head: 'client:\n  heartbeat_interval: 5s\n',
      },
      { path: 'config/gone.yml', base: 'gone: true\n', head: null },
      {
        path: 'config/new-name.yml',
        previousPath: 'config/old-name.yml',
        base: 'a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n',
        head: 'a: 1\nb: 2\nc: 3\nd: 4\ne: 6\n',
      },
    ]);
  });

  test('the pull request is local: author, SHAs, nothing GitHub would add', async () => {
    const base = repo.commit({ [POLICY]: SMALL_POLICY });
    repo.branch('feature');
    const head = repo.commit({ 'config/a.yml': 'a: 1\n' });
    const { snapshot } = await gatherGitRange({
      repo: path.join(repo.dir, '.github'),
      base: 'main',
      head: 'feature',
    });
    expect(snapshot.pr).toEqual({
      number: 0,
      author: 'local',
      body: '',
      labels: [],
      baseSha: base,
      headSha: head,
    });
    expect(snapshot).toMatchObject({
      reviews: [],
      checks: [],
      members: {},
      permissions: {},
      evidence: {},
      errors: [],
    });
  });

  test('the change is base...head: commits on the base branch after the branch point are not part of it', async () => {
    repo.commit({ [POLICY]: SMALL_POLICY, 'config/a.yml': 'a: 1\n' });
    repo.branch('feature');
    repo.commit({ 'config/mine.yml': 'mine: 1\n' });
    repo.checkout('main');
    repo.commit({ 'config/a.yml': 'a: 2\n', 'config/theirs.yml': 'theirs: 1\n' });

    const { snapshot } = await gatherGitRange({ repo: repo.dir, base: 'main', head: 'feature' });
    expect(snapshot.files.map((file) => file.path)).toEqual(['config/mine.yml']);
  });

  test('head defaults to HEAD', async () => {
    repo.commit({ [POLICY]: SMALL_POLICY });
    repo.branch('feature');
    repo.commit({ 'config/a.yml': 'a: 1\n' });
    const { snapshot } = await gatherGitRange({ repo: repo.dir, base: 'main' });
    expect(snapshot.files.map((file) => file.path)).toEqual(['config/a.yml']);
  });
});

describe('gatherGitRange: the policy', () => {
  const heartbeat = (interval: string) => `client:\n  heartbeat_interval: ${interval}\n`;

  test('is read from the base commit: a policy weakened in the head has no effect and is itself critical', async () => {
    repo.commit({ [POLICY]: SMALL_POLICY, 'config/client.yml': heartbeat('30s') });
    repo.branch('feature');
    const weakened = SMALL_POLICY.replace('escalate: [{ factor: 2, risk: high }]', 'escalate: []').replace(
      'risk: medium',
      'risk: none',
    );
    repo.commit({ [POLICY]: weakened, 'config/client.yml': heartbeat('5s') });

    const { policy, snapshot } = await gatherGitRange({ repo: repo.dir, base: 'main', head: 'feature' });
    expect(policy.rules[0]).toMatchObject({ risk: 'medium', escalate: [{ factor: 2, risk: 'high' }] });

    const report = evaluate(policy, snapshot);
    expect(report.decision).toBe('blocked');
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: POLICY, risk: 'critical', rules: [BUILTIN_RULE.selfProtection] }),
        expect.objectContaining({ key: 'client.heartbeat_interval', risk: 'high', loadFactor: 6 }),
      ]),
    );
  });

  test('repository files it extends are read from the base commit too', async () => {
    repo.commit({
      [POLICY]: 'version: 1\nextends: [policies/shared.yml]\n',
      'policies/shared.yml': SMALL_POLICY,
    });
    repo.branch('feature');
    repo.commit({ 'policies/shared.yml': 'version: 1\n' });
    const { policy } = await gatherGitRange({ repo: repo.dir, base: 'main', head: 'feature' });
    expect(policy.sources).toEqual([POLICY, 'policies/shared.yml']);
    expect(policy.rules.map((rule) => rule.id)).toEqual(['client-heartbeat']);
  });

  test('--policy reads a working-tree file; inside the repository its path is the guarded policy path', async () => {
    repo.commit({ 'config/a.yml': 'a: 1\n' });
    repo.branch('feature');
    repo.commit({ 'config/a.yml': 'a: 2\n' });
    writeFileSync(path.join(repo.dir, 'candidate.yml'), SMALL_POLICY);
    const { policy } = await gatherGitRange({
      repo: repo.dir,
      base: 'main',
      head: 'feature',
      policyPath: path.join(repo.dir, 'candidate.yml'),
    });
    expect(policy.path).toBe('candidate.yml');
    expect(Object.keys(policy.requirements)).toEqual(['backend-review', 'load-test']);
  });

  test('a base commit without a policy is an error that says what to do', async () => {
    repo.commit({ 'config/a.yml': 'a: 1\n' });
    await expect(gatherGitRange({ repo: repo.dir, base: 'main' })).rejects.toThrow(
      /^no policy at \.github\/riskgate\.yml in main \([0-9a-f]{7}\): commit one to the base branch, or pass --policy FILE$/,
    );
  });
});

describe('gatherGitRange: mistakes are user errors', () => {
  beforeEach(() => repo.commit({ [POLICY]: SMALL_POLICY }));

  test.each([
    [
      'an unknown revision',
      'no-such-branch',
      /^unknown revision `no-such-branch` in .*: no such branch, tag or commit$/,
    ],
    [
      'an option-like revision',
      '--output=/tmp/x',
      /^invalid revision `--output=\/tmp\/x`: give a branch, tag or commit id$/,
    ],
    ['a revision with a newline', 'main\nHEAD', /^invalid revision/],
  ])('%s', async (_, base, message) => {
    const error = await gatherGitRange({ repo: repo.dir, base }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ContextError);
    expect((error as Error).message).toMatch(message);
  });

  test('a folder that is not a repository, and one that does not exist', async () => {
    const outside = path.dirname(repo.dir);
    await expect(gatherGitRange({ repo: path.join(repo.dir, 'nope'), base: 'main' })).rejects.toThrow(
      /^--repo .*nope: no such folder$/,
    );
    const error = await gatherGitRange({ repo: outside, base: 'main' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ContextError);
    expect((error as Error).message).toBe(`${outside} is not inside a git repository`);
  });

  test('ranges without common history', async () => {
    repo.git('checkout', '-q', '--orphan', 'unrelated');
    repo.commit({ 'x.yml': 'x: 1\n' });
    await expect(gatherGitRange({ repo: repo.dir, base: 'main', head: 'unrelated' })).rejects.toThrow(
      'main and unrelated have no common history (no merge base)',
    );
  });
});
