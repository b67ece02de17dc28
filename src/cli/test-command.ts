/** `riskgate test [PATH…]`: runs the `expect` of scenario files; the last line is always `N passed, N failed`. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { displayPath } from '../context/context-error.js';
import { withLocalFacts } from '../context/local-facts.js';
import { loadScenario, looksLikeScenario } from '../context/scenario.js';
import { evaluate } from '../engine/index.js';
import { CliError, userErrorLines } from './errors.js';
import { differences } from './expectations.js';
import { emit, resolveFrom, type Io } from './io.js';
import {
  addLocalFactOptions,
  formatOption,
  localFacts,
  outputOption,
  type LocalFactOptions,
} from './options.js';

interface TestOptions extends LocalFactOptions {
  format: 'text' | 'json';
  output?: string;
}

interface Outcome {
  file: string;
  name: string;
  status: 'passed' | 'failed' | 'error';
  /** What differed from `expect`, or the error's messages. */
  messages: string[];
}

export function testCommand(io: Io, done: (code: number) => void): Command {
  const command = new Command('test')
    .description('check the `expect` of scenario files (exit 0 all pass, 1 any fails, 2 error)')
    .argument('[paths...]', 'scenario files, or folders searched for them (default: the current folder)')
    .addOption(formatOption(['text', 'json']))
    .addOption(outputOption());
  return addLocalFactOptions(command).action(async (paths: string[], options: TestOptions) =>
    done(await run(paths.length ? paths : ['.'], options, io)),
  );
}

async function run(paths: string[], options: TestOptions, io: Io): Promise<number> {
  const files = await scenarioFiles(paths, io);
  const outcomes = await Promise.all(files.map((file) => runScenario(file, options, io)));
  for (const outcome of outcomes.filter(({ status }) => status === 'error')) {
    io.stderr(outcome.messages.map((message) => `riskgate: ${message}\n`).join(''));
  }
  const passed = outcomes.filter(({ status }) => status === 'passed').length;
  const tally = `${passed} passed, ${outcomes.length - passed} failed`;
  const text =
    options.format === 'json'
      ? `${JSON.stringify({ passed, failed: outcomes.length - passed, scenarios: outcomes }, null, 2)}\n`
      : `${[...outcomes.map(line), tally].join('\n')}\n`;
  await emit(io, text, options.output);
  if (outcomes.some(({ status }) => status === 'error')) return 2;
  return passed === outcomes.length ? 0 : 1;
}

async function runScenario(file: string, options: TestOptions, io: Io): Promise<Outcome> {
  const shown = displayPath(file, io.cwd);
  try {
    const policyFile = options.policy === undefined ? undefined : resolveFrom(io, options.policy);
    const scenario = await loadScenario(file, { policyFile, cwd: io.cwd });
    const outcome = { file: shown, name: scenario.name };
    if (!scenario.expect)
      return { ...outcome, status: 'failed', messages: ['no `expect:` block, so nothing is tested'] };
    const snapshot = await withLocalFacts(scenario.snapshot, scenario.policy, localFacts(options, io));
    const messages = differences(scenario.expect, evaluate(scenario.policy, snapshot));
    return { ...outcome, status: messages.length ? 'failed' : 'passed', messages };
  } catch (error) {
    const messages = userErrorLines(error);
    if (!messages) throw error;
    return { file: shown, name: path.basename(file), status: 'error', messages };
  }
}

function line({ file, status, messages }: Outcome): string {
  if (status === 'error') {
    // A problem inside the scenario already starts with its path: "file:line:col: message".
    const [first, ...more] = messages;
    const where = first.startsWith(`${file}:`) ? first : `${file}: ${first}`;
    return `ERROR ${where}${more.length ? ` (and ${more.length} more problems)` : ''}`;
  }
  const label = status === 'passed' ? 'PASS ' : 'FAIL ';
  return `${label} ${file}${messages.length ? `: ${messages.join('; ')}` : ''}`;
}

/** Named files as they are; folders searched (hidden folders and node_modules skipped) for scenario files. */
async function scenarioFiles(paths: string[], io: Io): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const target = resolveFrom(io, given);
    const info = await stat(target).catch(() => null);
    if (!info) throw new CliError(`test: ${given}: no such file or folder`);
    files.push(...(info.isDirectory() ? await scenariosUnder(target) : [target]));
  }
  const unique = [...new Set(files)];
  if (unique.length === 0) {
    throw new CliError(
      `test: no scenario files in ${paths.join(', ')} (a scenario is a .yml/.yaml file with a top-level \`policy:\` key)`,
    );
  }
  return unique;
}

async function scenariosUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
      found.push(...(await scenariosUnder(full)));
    } else if (
      entry.isFile() &&
      /\.ya?ml$/.test(entry.name) &&
      looksLikeScenario(await readFile(full, 'utf8'))
    ) {
      found.push(full);
    }
  }
  return found;
}
