/**
 * A write the token may not make (fork pull requests get a read-only token whatever the workflow
 * asks for) is not a failure of the evaluation: the step's exit code and the job summary still gate.
 */
export interface DeniedWrite {
  /** What riskgate tried to write: "commit status", "pull request comment"… */
  write: string;
  /** The workflow permission that allows it: "statuses: write"… */
  permission: string;
}

const NOT_ACCESSIBLE = /Resource not accessible by (integration|personal access token)/i;

export function isDeniedWrite(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { status, message } = error as { status?: unknown; message?: unknown };
  return status === 403 && typeof message === 'string' && NOT_ACCESSIBLE.test(message);
}

/** Runs one write; a denied write is recorded in `denied` and yields undefined, any other error is thrown. */
export async function tryWrite<T>(
  denied: DeniedWrite[],
  what: DeniedWrite,
  write: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await write();
  } catch (error) {
    if (!isDeniedWrite(error)) throw error;
    denied.push(what);
    return undefined;
  }
}

export const describeDenied = ({ write, permission }: DeniedWrite): string =>
  `the token may not write the ${write}: add \`${permission}\` to the job's \`permissions:\` ` +
  '(pull requests from forks always get a read-only token; the exit code and the job summary still gate)';
