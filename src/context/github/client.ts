import { createHash } from 'node:crypto';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Logger } from '../logger.js';

export interface GitHubClientOptions {
  token: string;
  /** `GITHUB_API_URL` of the runner: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  baseUrl: string;
  userAgent?: string;
  log: Logger;
  /** Retries after a rate limit or a server error (default 3). */
  maxRetries?: number;
  /** Abort one HTTP request after this long (default 30 s); a timed-out request is retried like a 5xx. */
  timeoutMs?: number;
  /** Longest rate-limit wait worth sitting out (default 300 s); beyond it the request fails. */
  maxWaitSeconds?: number;
}

const RiskgateOctokit = Octokit.plugin(retry, throttling);

/** Every HTTP request a client sent (retries included), for request budgets and the benchmark. */
const sent = new WeakMap<object, { count: number }>();

export function requestCount(gh: Octokit): number {
  return sent.get(gh)?.count ?? 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Removes the token from any text that might reach a log or an error message. */
export function tokenScrubber(token: string): (text: string) => string {
  return token ? (text) => text.split(token).join('***') : (text) => text;
}

export function createGitHubClient(options: GitHubClientOptions): Octokit {
  const { token, baseUrl, log, maxRetries = 3, timeoutMs = 30_000, maxWaitSeconds = 300 } = options;
  const scrub = tokenScrubber(token);
  const counter = { count: 0 };

  const countedFetch = async (url: string | URL, init: RequestInit = {}): Promise<Response> => {
    counter.count += 1;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const response = await fetch(url, { ...init, signal }).catch((error: unknown) => {
      // Octokit turns this into a 500, which is retried like one; the message says what happened.
      if (timeout.aborted) throw new Error(`GitHub did not answer within ${timeoutMs / 1000} s`);
      throw error;
    });
    if (response.status >= 500)
      log.warning(scrub(`GitHub API ${init.method ?? 'GET'} ${pathOf(url)} answered ${response.status}`));
    return response;
  };

  /** Honours Retry-After (the plugin waits it out) plus a jittered, growing pause so parallel jobs do not retry in step. */
  const onLimit =
    (kind: string) =>
    async (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      const what = `${kind} on ${request.method} ${request.url}`;
      if (retryCount >= maxRetries || retryAfter > maxWaitSeconds) {
        log.warning(
          `${what}: giving up after ${retryCount} ${retryCount === 1 ? 'retry' : 'retries'} (retry after ${retryAfter}s)`,
        );
        return false;
      }
      const jitterMs = Math.round(Math.random() * 250 * 2 ** retryCount);
      log.warning(
        `${what}: waiting ${retryAfter}s + ${jitterMs}ms before retry ${retryCount + 1} of ${maxRetries}`,
      );
      await sleep(jitterMs);
      return true;
    };

  const gh = new RiskgateOctokit({
    auth: token || undefined,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'riskgate',
    request: { fetch: countedFetch },
    retry: { retries: maxRetries },
    throttle: {
      // GitHub limits each token on its own, so each token gets its own queue (never the token itself as the key).
      id: createHash('sha256').update(token).digest('hex').slice(0, 16),
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
    },
    // Octokit's per-request lines are debug detail; its debug calls carry request options (headers included)
    // and are dropped. Extra arguments are never printed.
    log: {
      debug: () => undefined,
      info: (message: string) => log.debug(scrub(message)),
      warn: (message: string) => log.warning(scrub(message)),
      error: (message: string) => log.debug(scrub(message)),
    },
  });
  gh.hook.error('request', (error) => {
    if (error instanceof Error) error.message = scrub(error.message);
    throw error;
  });
  sent.set(gh, counter);
  return gh;
}

function pathOf(url: string | URL): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}
