/** `riskgate evaluate`: a scenario or a local git range → the engine → a reporter. No decisions here. */
import { Command, Option } from 'commander';
import { gatherGitRange } from '../context/git.js';
import { withLocalFacts } from '../context/local-facts.js';
import { loadScenario } from '../context/scenario.js';
import { evaluate } from '../engine/index.js';
import type { Policy } from '../model/policy.js';
import type { Snapshot } from '../model/snapshot.js';
import { CliError } from './errors.js';
import { emit, resolveFrom, type Io } from './io.js';
import {
  addLocalFactOptions,
  formatOption,
  localFacts,
  outputOption,
  REPORT_FORMATS,
  type LocalFactOptions,
  type ReportFormatName,
} from './options.js';
import { exitCodeOf, renderReport } from './render.js';

interface EvaluateOptions extends LocalFactOptions {
  scenario?: string;
  repo?: string;
  base?: string;
  head?: string;
  format: ReportFormatName;
  output?: string;
}

export function evaluateCommand(io: Io, done: (code: number) => void): Command {
  const command = new Command('evaluate')
    .description('evaluate a scenario file or a local git range (exit 0 passed, 1 blocked, 2 error)')
    .addOption(
      new Option('--scenario <file>', 'a scenario file (docs/scenarios.md)').conflicts([
        'repo',
        'base',
        'head',
      ]),
    )
    .option('--repo <dir>', 'a folder inside the git repository (default: the current folder)')
    .option('--base <ref>', 'the base branch, tag or commit; the change is base...head, as on GitHub')
    .option('--head <ref>', 'the head branch, tag or commit (default: HEAD)')
    .addOption(formatOption(REPORT_FORMATS))
    .addOption(outputOption());
  return addLocalFactOptions(command).action(async (options: EvaluateOptions) =>
    done(await run(options, io)),
  );
}

async function run(options: EvaluateOptions, io: Io): Promise<number> {
  const { policy, snapshot } = await gather(options, io);
  const report = evaluate(policy, await withLocalFacts(snapshot, policy, localFacts(options, io)));
  await emit(io, renderReport(report, options.format, io.color && !options.output), options.output);
  return exitCodeOf(report);
}

function gather(options: EvaluateOptions, io: Io): Promise<{ policy: Policy; snapshot: Snapshot }> {
  const policyFile = options.policy === undefined ? undefined : resolveFrom(io, options.policy);
  if (options.scenario !== undefined) {
    return loadScenario(resolveFrom(io, options.scenario), { policyFile, cwd: io.cwd });
  }
  if (options.base === undefined) {
    throw new CliError(
      'evaluate needs --scenario FILE, or --base REF for a git range (see riskgate evaluate --help)',
    );
  }
  return gatherGitRange({
    repo: resolveFrom(io, options.repo ?? '.'),
    base: options.base,
    head: options.head ?? 'HEAD',
    ...(policyFile ? { policyPath: policyFile } : {}),
  });
}
