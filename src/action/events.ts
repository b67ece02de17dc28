/**
 * Which pull requests an event asks riskgate to evaluate — pure on (event name, payload).
 * Completions of other producers (checks, statuses, workflow runs) re-evaluate the open pull
 * requests of their head commit, because a load test finishing can satisfy a requirement.
 */
import { RISK_LABEL_PREFIX } from '../publish/labels.js';

export interface PullTarget {
  kind: 'pull';
  number: number;
  /** Head commit named by the event: where a failure status goes when the pull request cannot be read. */
  eventSha: string | null;
}

export interface MergeGroupTarget {
  kind: 'merge-group';
  number: number;
  /** The pull request head that was queued (from the queue branch name). */
  pullSha: string;
  /** The merge group's commit: the required status must be on this commit. */
  groupSha: string;
}

export type Target = PullTarget | MergeGroupTarget;

export type EventPlan =
  | { kind: 'targets'; targets: Target[] }
  /** Re-evaluate the open pull requests whose head is this commit (looked up through the API). */
  | { kind: 'commit'; sha: string; trigger: string }
  | { kind: 'skip'; reason: string }
  | { kind: 'unsupported'; reason: string };

export interface EventOptions {
  checkName: string;
  /** `pull-request` input (workflow_dispatch). */
  pullRequest: number | null;
  /** GITHUB_WORKFLOW: the name of the workflow running riskgate, to ignore its own completions. */
  workflowName: string | null;
}

type Payload = Record<string, unknown>;

export const PULL_REQUEST_ACTIONS = [
  'opened',
  'synchronize',
  'reopened',
  'edited',
  'labeled',
  'unlabeled',
  'ready_for_review',
];
export const REVIEW_ACTIONS = ['submitted', 'edited', 'dismissed'];
export const SUPPORTED_EVENTS = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'check_run',
  'check_suite',
  'status',
  'workflow_run',
  'merge_group',
  'workflow_dispatch',
];

const QUEUE_BRANCH = /gh-readonly-queue\/.+\/pr-(\d+)-([0-9a-f]{40})$/;

const object = (value: unknown): Payload =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Payload) : {};
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const positive = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;

const skip = (reason: string): EventPlan => ({ kind: 'skip', reason });
const single = (target: Target): EventPlan => ({ kind: 'targets', targets: [target] });

function fromPullRequest(eventName: string, payload: Payload, allowed: string[]): EventPlan {
  const action = text(payload.action) ?? '';
  if (!allowed.includes(action)) return skip(`${eventName} "${action}" does not change the evaluation`);
  const pull = object(payload.pull_request);
  const number = positive(pull.number);
  if (number === null)
    return { kind: 'unsupported', reason: `the ${eventName} payload has no pull request number` };
  if (pull.state === 'closed') return skip(`pull request #${number} is closed`);
  const label = text(object(payload.label).name);
  // riskgate's own label writes must not trigger another evaluation
  if (label?.startsWith(RISK_LABEL_PREFIX)) return skip(`label ${label} is riskgate's own`);
  return single({ kind: 'pull', number, eventSha: text(object(pull.head).sha) });
}

/** Pull requests listed in a check/workflow payload; empty for forks, where the API lookup is needed. */
function listedPulls(pulls: unknown, sha: string): Target[] {
  if (!Array.isArray(pulls)) return [];
  return pulls
    .map((pull) => positive(object(pull).number))
    .filter((number): number is number => number !== null)
    .map((number) => ({ kind: 'pull', number, eventSha: sha }));
}

function fromCompletion(trigger: string, sha: string | null, pulls: unknown): EventPlan {
  if (sha === null) return { kind: 'unsupported', reason: `the ${trigger} payload has no head commit` };
  const targets = listedPulls(pulls, sha);
  return targets.length > 0 ? { kind: 'targets', targets } : { kind: 'commit', sha, trigger };
}

function fromCheckRun(payload: Payload, options: EventOptions): EventPlan {
  const run = object(payload.check_run);
  if (payload.action !== 'completed')
    return skip(`check_run "${String(payload.action)}" is not a completion`);
  if (run.name === options.checkName) return skip(`check run ${options.checkName} is riskgate's own`);
  return fromCompletion(`check run ${String(run.name)}`, text(run.head_sha), run.pull_requests);
}

function fromCheckSuite(payload: Payload): EventPlan {
  const suite = object(payload.check_suite);
  if (payload.action !== 'completed')
    return skip(`check_suite "${String(payload.action)}" is not a completion`);
  const app = text(object(suite.app).slug) ?? 'an app';
  return fromCompletion(`check suite of ${app}`, text(suite.head_sha), suite.pull_requests);
}

function fromStatus(payload: Payload, options: EventOptions): EventPlan {
  if (payload.context === options.checkName) return skip(`status ${options.checkName} is riskgate's own`);
  if (payload.state === 'pending') return skip(`status ${String(payload.context)} is still pending`);
  return fromCompletion(`status ${String(payload.context)}`, text(payload.sha), undefined);
}

function fromWorkflowRun(payload: Payload, options: EventOptions): EventPlan {
  const run = object(payload.workflow_run);
  if (payload.action !== 'completed')
    return skip(`workflow_run "${String(payload.action)}" is not a completion`);
  if (options.workflowName !== null && run.name === options.workflowName) {
    return skip(`workflow ${options.workflowName} is the one running riskgate`);
  }
  return fromCompletion(`workflow run ${String(run.name)}`, text(run.head_sha), run.pull_requests);
}

function fromMergeGroup(payload: Payload): EventPlan {
  const group = object(payload.merge_group);
  if (payload.action !== 'checks_requested')
    return skip(`merge_group "${String(payload.action)}" asks for no checks`);
  const ref = text(group.head_ref) ?? '';
  const queued = QUEUE_BRANCH.exec(ref);
  const groupSha = text(group.head_sha);
  if (queued === null || groupSha === null) {
    return { kind: 'unsupported', reason: `merge group ref "${ref}" does not name a pull request` };
  }
  return single({ kind: 'merge-group', number: Number(queued[1]), pullSha: queued[2], groupSha });
}

function fromDispatch(payload: Payload, options: EventOptions): EventPlan {
  const dispatched = object(payload.inputs)['pull-request'];
  const number = options.pullRequest ?? positive(Number(dispatched));
  if (number === null) {
    return {
      kind: 'unsupported',
      reason:
        'workflow_dispatch needs the pull request number: set the `pull-request` input of the riskgate step',
    };
  }
  return single({ kind: 'pull', number, eventSha: null });
}

export function resolveEvent(eventName: string, payload: Payload, options: EventOptions): EventPlan {
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
      return fromPullRequest(eventName, payload, PULL_REQUEST_ACTIONS);
    case 'pull_request_review':
      return fromPullRequest(eventName, payload, REVIEW_ACTIONS);
    case 'check_run':
      return fromCheckRun(payload, options);
    case 'check_suite':
      return fromCheckSuite(payload);
    case 'status':
      return fromStatus(payload, options);
    case 'workflow_run':
      return fromWorkflowRun(payload, options);
    case 'merge_group':
      return fromMergeGroup(payload);
    case 'workflow_dispatch':
      return fromDispatch(payload, options);
    default:
      return {
        kind: 'unsupported',
        reason: `riskgate does not evaluate "${eventName}" events; run it on ${SUPPORTED_EVENTS.join(', ')}`,
      };
  }
}
