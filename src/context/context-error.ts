import path from 'node:path';
import { formatProblem, type PolicyProblem } from '../policy/problem.js';

/** A position in a user's file (1-based; 0 when there is none), as the policy loader reports them too. */
export type Problem = PolicyProblem;

/**
 * A user error found while gathering a snapshot: a bad scenario file, an unknown git revision, a missing
 * `--evidence` file. The CLI prints it as `riskgate: <message>` (one line per problem) and exits 2.
 */
export class ContextError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'ContextError';
  }

  static fromProblems(problems: Problem[]): ContextError {
    return new ContextError(problems.map(formatProblem).join('\n'), problems);
  }
}

/** Why a file could not be read, in words ("no such file"), for messages that already name the file. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}

/** How messages show a file: relative to the working folder when inside it, else as an absolute path. */
export function displayPath(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}
