/** A fact about the pull request could not be read from GitHub (after retries); the evaluation cannot be completed. */
export class GatherError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GatherError';
  }
}

/** The HTTP status of a failed Octokit request, or undefined for anything else (network failure, timeout). */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

/** `what` failed: names the request's outcome (status and GitHub's message) and never the request headers. */
export function apiFailure(what: string, error: unknown): GatherError {
  if (error instanceof GatherError) return error;
  const status = statusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  // Octokit reports network failures and timeouts as status 500 too, but without a response.
  const answered = status !== undefined && (error as { response?: unknown }).response !== undefined;
  const answer = answered ? `GitHub answered ${status}: ${message}` : message;
  return new GatherError(`could not ${what}: ${answer}`, { cause: error });
}

/** Runs one API read; failures become a GatherError naming what was being read. */
export async function reading<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw apiFailure(what, error);
  }
}
