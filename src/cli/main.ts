/** The `riskgate` command line: parse, run one command, and turn every outcome into an exit code (contracts §3). */
import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { userErrorLines } from './errors.js';
import { evaluateCommand } from './evaluate.js';
import { processIo, type Io } from './io.js';
import { testCommand } from './test-command.js';
import { validateCommand } from './validate.js';

const ISSUES_URL = 'https://github.com/riskgate/riskgate/issues';

/** Runs the CLI on `argv` (as in `process.argv`) and returns the exit code; never exits the process itself. */
export async function main(argv: string[], io: Partial<Io> = {}): Promise<number> {
  const cli: Io = { ...processIo(), ...io };
  let code = 0;
  const done = (exitCode: number) => {
    code = exitCode;
  };
  try {
    await program(cli, done).parseAsync(argv);
    return code;
  } catch (error) {
    return failed(error, cli);
  }
}

function program(io: Io, done: (code: number) => void): Command {
  const root = new Command('riskgate')
    .description('Release-process policy engine for configuration changes')
    .version(packageJson.version, '--version', 'print the version')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (message, write) => write(`riskgate: ${message.replace(/^error: /, '')}`),
    })
    .showSuggestionAfterError();
  // `addCommand` does not pass the output and exit settings on by itself.
  for (const make of [evaluateCommand, validateCommand, testCommand]) {
    root.addCommand(make(io, done).copyInheritedSettings(root));
  }
  return root;
}

function failed(error: unknown, io: Io): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  const lines = userErrorLines(error);
  if (lines) {
    io.stderr(lines.map((line) => `riskgate: ${line}\n`).join(''));
    return 2;
  }
  const detail = process.env.RISKGATE_DEBUG ? `\n${(error as Error)?.stack ?? ''}` : '';
  io.stderr(
    `riskgate: internal error: ${(error as Error)?.message ?? String(error)}${detail}\n` +
      `This is a bug in riskgate; please report it at ${ISSUES_URL} with the command you ran` +
      `${detail ? '' : ' (RISKGATE_DEBUG=1 adds the stack trace)'}.\n`,
  );
  return 2;
}
