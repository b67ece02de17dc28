/**
 * `npm run github-sim -- --scenario FILE [--port N] [--record FILE] …`: serves a scenario as the GitHub API of one
 * repository and pull request on 127.0.0.1 until interrupted (docs/github-sim.md).
 */
import { Command, InvalidArgumentError } from 'commander';
import { createGitHubSim, type GitHubSimOptions } from './server.js';

const integer = (name: string) => (value: string) => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`${name} must be a whole number`);
  return Number(value);
};

const program = new Command('github-sim')
  .description('Serve a riskgate scenario as the GitHub API of one repository and pull request, on loopback.')
  .requiredOption('--scenario <file>', 'scenario file (contracts §2)')
  .option('--port <n>', 'port on 127.0.0.1 (default: a free one)', integer('--port'))
  .option('--record <file>', 'append every accepted write as a JSON line {"method","path","body"}')
  .option('--latency <ms>', 'delay every response', integer('--latency'))
  .option('--repo <owner/name>', 'the repository it serves', 'acme/app')
  .option(
    '--policy-path <path>',
    "where the policy sits in the repository (default: the scenario policy's own path)",
  )
  .option('--fork', 'the pull request comes from a fork')
  .option('--read-only', "every token is read-only, like a fork's GITHUB_TOKEN: writes answer 403")
  .option('--teams-token <token>', 'only this token may read org teams; others get 404, as GITHUB_TOKEN does')
  .option('--strict', "check every request and response against GitHub's OpenAPI description")
  .showHelpAfterError();

async function main(): Promise<void> {
  const flags = program.parse().opts<{
    scenario: string;
    port?: number;
    record?: string;
    latency?: number;
    repo: string;
    policyPath?: string;
    fork?: boolean;
    readOnly?: boolean;
    teamsToken?: string;
    strict?: boolean;
  }>();
  if (!/^[^/\s]+\/[^/\s]+$/.test(flags.repo)) program.error('github-sim: --repo must be owner/name');
  const options: GitHubSimOptions = {
    scenario: flags.scenario,
    port: flags.port,
    record: flags.record,
    latencyMs: flags.latency,
    repository: flags.repo,
    policyPath: flags.policyPath,
    fork: flags.fork,
    strict: flags.strict,
    access: { readOnly: flags.readOnly, teamsToken: flags.teamsToken },
  };
  const sim = await createGitHubSim(options);
  const { world } = sim;
  const lines = [
    `github-sim: ${flags.repo} pull request #${world.number} at ${sim.url}`,
    `  GITHUB_API_URL=${sim.url} GITHUB_REPOSITORY=${flags.repo}`,
    `  head ${world.head.sha} (branch ${world.headRef}), base ${world.base.sha} (main)`,
    ...(flags.record ? [`  recording writes to ${flags.record}`] : []),
    '  Ctrl-C stops it',
  ];
  console.log(lines.join('\n'));
  const stop = async () => {
    await sim.close();
    console.log(`github-sim: served ${sim.requests.length} requests, ${sim.writes.length} writes`);
    if (flags.strict) {
      for (const violation of sim.violations) console.log(`  OpenAPI: ${violation}`);
      console.log(`github-sim: ${sim.violations.length} OpenAPI violations`);
    }
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`github-sim: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
