/**
 * Round trip: every scenario of the project, served by the simulator and read back by the GitHub context, must
 * decide as the scenario itself does — the simulator and the gatherer together lose and invent nothing the
 * engine looks at.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createGitHubClient, gatherPullRequest } from '../../../src/context/github/index.js';
import { looksLikeScenario, loadScenario } from '../../../src/context/scenario.js';
import { evaluate } from '../../../src/engine/index.js';
import type { Report } from '../../../src/model/report.js';
import { createGitHubSim } from '../../../tools/github-sim/server.js';
import { recordingLogger, repoRoot } from '../../fixtures/github/factory.js';

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return scenarioFiles(file);
    return /\.ya?ml$/.test(name) && looksLikeScenario(readFileSync(file, 'utf8')) ? [file] : [];
  });
}

/** Scenario facts GitHub cannot hold: a context's own errors (`errors:`). */
function servable(text: string): boolean {
  return !/^errors\s*:/m.test(text);
}

const files = [path.join(repoRoot, 'test/scenarios'), path.join(repoRoot, 'examples')]
  .flatMap(scenarioFiles)
  .filter((file) => servable(readFileSync(file, 'utf8')));

/** What the decision rests on; `detail` texts may name where a report came from, which differs by context. */
const decisionOf = (report: Report) => ({
  decision: report.decision,
  risk: report.risk,
  releaseTrack: report.releaseTrack,
  findings: report.findings,
  requirements: Object.fromEntries(
    report.requirements.map((requirement) => [requirement.id, requirement.status]),
  ),
  errors: report.errors,
});

test.each(files.map((file) => [path.relative(repoRoot, file), file]))(
  '%s decides the same through GitHub',
  async (_name, file) => {
    const scenario = await loadScenario(file);
    const sim = await createGitHubSim({ scenario: file, strict: true });
    const log = recordingLogger();
    try {
      const gh = createGitHubClient({ token: `token-${file}`, baseUrl: sim.url, log });
      const gathered = await gatherPullRequest(
        gh,
        { owner: 'acme', repo: 'app', number: scenario.snapshot.pr.number },
        { policyPath: scenario.policy.path, log },
      );
      expect(decisionOf(evaluate(gathered.policy, gathered.snapshot))).toEqual(
        decisionOf(evaluate(scenario.policy, scenario.snapshot)),
      );
      expect(sim.violations).toEqual([]);
    } finally {
      await sim.close();
    }
  },
);
