/** A policy problem, positioned in the file that holds it (line and column are 1-based; 0 when there is no position). */
export interface PolicyProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** "file:line:col: message", or "file: message" for problems without a position (a file that is not there). */
export function formatProblem(problem: PolicyProblem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  return `${where}: ${problem.message}`;
}

export class PolicyError extends Error {
  constructor(readonly problems: PolicyProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'PolicyError';
  }
}

const byPosition = (a: PolicyProblem, b: PolicyProblem): number =>
  a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

/** Problems sorted by position, each once (a value reached through several aliases is reported once). */
export function sortedProblems(problems: PolicyProblem[]): PolicyProblem[] {
  const unique = new Map(problems.map((p) => [formatProblem(p), p]));
  return [...unique.values()].sort(byPosition);
}
