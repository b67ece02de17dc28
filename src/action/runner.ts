/** What the runner tells every step through its environment (pure on an env object). */
import { tmpdir } from 'node:os';
import { InputError } from './inputs.js';

export interface Runner {
  eventName: string;
  eventPath: string | null;
  apiUrl: string;
  serverUrl: string;
  owner: string;
  repo: string;
  runId: string | null;
  /** GITHUB_WORKFLOW: the running workflow's name. */
  workflow: string | null;
  temp: string;
}

type Env = Record<string, string | undefined>;

const value = (env: Env, name: string): string | null => {
  const text = env[name]?.trim();
  return text ? text : null;
};

export function readRunner(env: Env): Runner {
  const repository = value(env, 'GITHUB_REPOSITORY') ?? '';
  const [owner, repo, ...rest] = repository.split('/');
  if (!owner || !repo || rest.length > 0) {
    throw new InputError(
      `GITHUB_REPOSITORY must be "owner/repo", got "${repository}": run riskgate as a workflow step`,
    );
  }
  return {
    eventName: value(env, 'GITHUB_EVENT_NAME') ?? '',
    eventPath: value(env, 'GITHUB_EVENT_PATH'),
    apiUrl: (value(env, 'GITHUB_API_URL') ?? 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (value(env, 'GITHUB_SERVER_URL') ?? 'https://github.com').replace(/\/+$/, ''),
    owner,
    repo,
    runId: value(env, 'GITHUB_RUN_ID'),
    workflow: value(env, 'GITHUB_WORKFLOW'),
    temp: value(env, 'RUNNER_TEMP') ?? tmpdir(),
  };
}

/** The link on the status and in the summary. */
export const runUrl = (runner: Runner): string | null =>
  runner.runId === null
    ? null
    : `${runner.serverUrl}/${runner.owner}/${runner.repo}/actions/runs/${runner.runId}`;
