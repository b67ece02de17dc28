/** `riskgate validate [FILE]`: loads the policy as an evaluation would (schema, `extends`, cross-references). */
import { Command } from 'commander';
import { displayPath } from '../context/context-error.js';
import { DEFAULT_POLICY_PATH, policyOnDisk } from '../context/policy-file.js';
import { formatProblem, type PolicyProblem } from '../policy/problem.js';
import { validatePolicyFile } from '../policy/validate.js';
import { emit, resolveFrom, type Io } from './io.js';
import { formatOption, outputOption } from './options.js';

interface ValidateOptions {
  format: 'text' | 'json';
  output?: string;
}

export function validateCommand(io: Io, done: (code: number) => void): Command {
  return new Command('validate')
    .description(`validate a policy file (default ${DEFAULT_POLICY_PATH}; exit 0 valid, 2 invalid)`)
    .argument('[file]', 'the policy file', DEFAULT_POLICY_PATH)
    .addOption(formatOption(['text', 'json']))
    .addOption(outputOption())
    .action(async (file: string, options: ValidateOptions) => done(await run(file, options, io)));
}

async function run(file: string, options: ValidateOptions, io: Io): Promise<number> {
  const shown = displayPath(file, io.cwd);
  const problems = await problemsOf(resolveFrom(io, file), io.cwd);
  if (options.format === 'json') {
    await emit(
      io,
      `${JSON.stringify({ file: shown, valid: problems.length === 0, problems }, null, 2)}\n`,
      options.output,
    );
  } else if (problems.length === 0) {
    await emit(io, `${shown}: valid\n`, options.output);
  } else {
    io.stderr(problems.map((problem) => `riskgate: ${formatProblem(problem)}\n`).join(''));
  }
  return problems.length === 0 ? 0 : 2;
}

async function problemsOf(file: string, cwd: string): Promise<PolicyProblem[]> {
  const { repoPath, read } = await policyOnDisk(file, cwd, cwd);
  return (await validatePolicyFile(repoPath, read)).problems;
}
