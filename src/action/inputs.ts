/** The action's inputs, read and checked once (names and defaults as in action.yml). */
export type Mode = 'enforce' | 'advisory';

export interface ActionInputs {
  token: string;
  policy: string;
  mode: Mode;
  checkName: string;
  comment: boolean;
  requestReviewers: boolean;
  labels: boolean;
  annotations: boolean;
  /** Pull request number for workflow_dispatch runs. */
  pullRequest: number | null;
  teamsToken: string | null;
}

/** Reads one input as the runner passes it: trimmed, '' when unset. */
export type InputReader = (name: string) => string;

export class InputError extends Error {}

const readBoolean = (read: InputReader, name: string, fallback: boolean): boolean => {
  const value = read(name).toLowerCase();
  if (value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InputError(`input "${name}" must be true or false, got "${read(name)}"`);
};

const readMode = (read: InputReader): Mode => {
  const value = read('mode') || 'enforce';
  if (value === 'enforce' || value === 'advisory') return value;
  throw new InputError(`input "mode" must be enforce or advisory, got "${value}"`);
};

const readPullRequest = (read: InputReader): number | null => {
  const value = read('pull-request').replace(/^#/, '');
  if (value === '') return null;
  if (/^[1-9]\d*$/.test(value)) return Number(value);
  throw new InputError(`input "pull-request" must be a pull request number, got "${value}"`);
};

/** The runner fills defaults from action.yml; the same defaults apply when the action runs without it. */
export function readInputs(read: InputReader): ActionInputs {
  const token = read('token');
  if (token === '')
    throw new InputError('input "token" is empty: pass `token: ${{ github.token }}` or another token');
  return {
    token,
    policy: read('policy') || '.github/riskgate.yml',
    mode: readMode(read),
    checkName: read('check-name') || 'riskgate',
    comment: readBoolean(read, 'comment', true),
    requestReviewers: readBoolean(read, 'request-reviewers', true),
    labels: readBoolean(read, 'labels', true),
    annotations: readBoolean(read, 'annotations', true),
    pullRequest: readPullRequest(read),
    teamsToken: read('teams-token') || null,
  };
}
