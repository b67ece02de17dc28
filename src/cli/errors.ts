import { ContextError } from '../context/context-error.js';
import { formatProblem, PolicyError } from '../policy/problem.js';

/** A mistake on the command line (a missing option, a file that cannot be written). */
export class CliError extends Error {
  override name = 'CliError';
}

/** What to print for a user error, one message per line; null when the error is a bug. */
export function userErrorLines(error: unknown): string[] | null {
  if (error instanceof PolicyError || (error instanceof ContextError && error.problems.length > 0)) {
    return error.problems.map(formatProblem);
  }
  if (error instanceof ContextError || error instanceof CliError) return error.message.split('\n');
  return null;
}
