/** Where the CLI reads and writes: injected, so that tests run `main` in-process and read what it printed. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError } from '../context/context-error.js';
import { CliError } from './errors.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Folder that relative paths on the command line are relative to. */
  cwd: string;
  /** Whether stdout shows colours (a terminal, and NO_COLOR unset). */
  color: boolean;
}

export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}

/** A path from the command line, made absolute against the CLI's working folder. */
export const resolveFrom = (io: Io, file: string): string => path.resolve(io.cwd, file);

/**
 * Prints `text`, or writes it to `output` atomically: a temporary file in the same folder, renamed over the
 * target, so a reader (a CI step, an editor) never sees half a report.
 */
export async function emit(io: Io, text: string, output: string | undefined): Promise<void> {
  if (output === undefined) return io.stdout(text);
  const target = resolveFrom(io, output);
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`,
  );
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError(`cannot write --output ${output}: ${describeFsError(error)}`);
  }
}
