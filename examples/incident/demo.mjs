// The incident demo (`npm run demo`): riskgate judges the pull request that caused the outage, twice —
//   1. as a local git range: a throw-away repository whose `main` has the policy and the old client config,
//      and whose `incident` branch makes the change that took production down;
//   2. as the scenario file next to this script, which is how that pull request looked on GitHub.
// Plain Node, no dependencies: it needs only the built `dist/cli.js` (and git for part 1).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const cli = path.join(repoRoot, 'dist/cli.js');
const BLOCKED = 1;

function banner(title) {
  console.log(`\n${'='.repeat(78)}\n${title}\n${'='.repeat(78)}`);
}

/** Runs the riskgate CLI from the repository root with this Node, output straight to the terminal. */
function riskgate(args) {
  console.log(`$ riskgate ${args.join(' ')}\n`);
  return spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, stdio: 'inherit' }).status;
}

/** A file of this example, as a path from the repository root (where the CLI runs). */
const example = (file) => path.relative(repoRoot, path.join(here, file));

function git(repo, ...args) {
  const result = spawnSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Frontend Dev',
      GIT_AUTHOR_EMAIL: 'frontend-dev@example.com',
      GIT_COMMITTER_NAME: 'Frontend Dev',
      GIT_COMMITTER_EMAIL: 'frontend-dev@example.com',
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr || result.error}`);
}

function place(repo, from, to) {
  mkdirSync(path.dirname(path.join(repo, to)), { recursive: true });
  copyFileSync(path.join(here, from), path.join(repo, to));
}

/** Part 1: the change as two commits of a fresh repository, evaluated with `--base main --head incident`. */
function gitRange() {
  banner('1. The incident as a local git range (policy read from the base commit)');
  if (spawnSync('git', ['--version']).status !== 0) {
    console.log('git is not installed: skipping the git range (the scenario below needs no git).');
    return BLOCKED;
  }
  const repo = mkdtempSync(path.join(tmpdir(), 'riskgate-demo-'));
  try {
    git(repo, 'init', '-q');
    git(repo, 'symbolic-ref', 'HEAD', 'refs/heads/main');
    place(repo, '.github/riskgate.yml', '.github/riskgate.yml');
    place(repo, 'files/realtime.before.yml', 'config/client/realtime.yml');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'Realtime client settings and the riskgate policy');
    git(repo, 'checkout', '-q', '-b', 'incident');
    place(repo, 'files/realtime.after.yml', 'config/client/realtime.yml');
    git(repo, 'commit', '-q', '-am', 'Make the editor feel snappier');
    console.log(
      `A repository in ${repo}: main has the policy and the old config; incident changes the config.`,
    );
    console.log('The frontend engineer approved it, and the load test ran at 100 virtual users.\n');
    return riskgate([
      'evaluate',
      '--repo',
      repo,
      '--base',
      'main',
      '--head',
      'incident',
      '--approved-by',
      'frontend-lead',
      '--evidence',
      `load-test=${example('reports/k6-summary.json')}`,
    ]);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

function scenario() {
  banner('2. The same pull request as a scenario file (what the action sees on GitHub)');
  return riskgate(['evaluate', '--scenario', example('scenario.yml')]);
}

if (!existsSync(cli)) {
  console.error('demo: dist/cli.js is missing; build it with `npm run build`.');
  process.exit(2);
}
const codes = [gitRange(), scenario()];
banner('Result');
if (codes.every((code) => code === BLOCKED)) {
  console.log(
    'riskgate blocked the change that caused the outage (exit code 1), as a git range and as a scenario.',
  );
  console.log(
    'To unblock it: a backend review, a rollback plan in the description, and a load test at realistic scale.',
  );
} else {
  console.log(`Unexpected exit codes ${codes.join(', ')} (expected 1 = blocked for both).`);
  process.exitCode = 1;
}
