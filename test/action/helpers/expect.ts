/** Checks every end-to-end run shares: GitHub's API description holds, and the token never leaks. */
import type { GitHubSim } from '../../../tools/github-sim/server.js';
import { bundleBuilt, TOKEN, type ActionRun } from './run-action.js';

export function expectClean(sim: GitHubSim, run: ActionRun): void {
  expect(sim.violations).toEqual([]);
  const everything = [
    run.stdout.replace(`::add-mask::${TOKEN}`, ''),
    run.stderr,
    run.summary,
    JSON.stringify(run.outputs),
    JSON.stringify(run.report),
    JSON.stringify(sim.writes),
  ].join('\n');
  expect(everything).not.toContain(TOKEN);
  expect(run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack traces
}

/** The suite runs the built bundle; without it, it says how to get one instead of failing. */
export const e2e = (name: string, body: () => void): void =>
  bundleBuilt
    ? describe(name, body)
    : describe.skip(`${name} — skipped: dist/index.js is missing (run \`npm run build\` first)`, body);
