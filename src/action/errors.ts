/** Turning any failure into one line a user can act on (never a stack trace). */
export class StageError extends Error {
  constructor(stage: string, cause: unknown) {
    super(`could not ${stage}: ${describeError(cause)}`);
    this.name = 'StageError';
  }
}

interface HttpError {
  status?: unknown;
  request?: { method?: string; url?: string };
}

const apiPath = (url: string | undefined): string => {
  if (url === undefined) return '';
  try {
    return ` (${new URL(url).pathname})`;
  } catch {
    return '';
  }
};

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { status, request } = error as HttpError;
  if (typeof status !== 'number') return error.message;
  const method = request?.method ?? '';
  return `GitHub API ${method} answered ${status}${apiPath(request?.url)}: ${error.message}`.replace(
    / {2,}/g,
    ' ',
  );
}

/** Runs one stage; its failure names the stage. */
export async function stage<T>(what: string, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof StageError ? error : new StageError(what, error);
  }
}
