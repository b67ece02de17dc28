/** Event payloads from @octokit/webhooks-examples, patched to the repository and pull request under test. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type Payload = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface ExampleSet {
  name: string;
  examples: Payload[];
}

const examples: ExampleSet[] = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@octokit/webhooks-examples'), 'utf8'),
);

/** A deep copy of the first example of that event (and action), so tests can patch it freely. */
export function webhookExample(event: string, action?: string): Payload {
  const set = examples.find((entry) => entry.name === event);
  const example = set?.examples.find((candidate) => action === undefined || candidate.action === action);
  if (example === undefined) throw new Error(`no webhook example for ${event} ${action ?? ''}`);
  return structuredClone(example);
}

export interface PullCoordinates {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha?: string;
}

function patchRepository(payload: Payload, at: PullCoordinates): void {
  payload.repository.name = at.repo;
  payload.repository.full_name = `${at.owner}/${at.repo}`;
  payload.repository.owner.login = at.owner;
}

function patchPull(pull: Payload, at: PullCoordinates): void {
  pull.number = at.number;
  pull.state = 'open';
  pull.head.sha = at.headSha;
  if (at.baseSha !== undefined) pull.base.sha = at.baseSha;
}

const hasExample = (event: string, action: string): boolean =>
  examples.some(
    (entry) => entry.name === event && entry.examples.some((example) => example.action === action),
  );

/** pull_request / pull_request_target / pull_request_review; actions without an example reuse another's payload. */
export function pullRequestEvent(event: string, action: string, at: PullCoordinates): Payload {
  const name = event === 'pull_request_target' ? 'pull_request' : event;
  const payload = webhookExample(name, hasExample(name, action) ? action : undefined);
  payload.action = action;
  patchRepository(payload, at);
  patchPull(payload.pull_request, at);
  if (payload.number !== undefined) payload.number = at.number;
  return payload;
}

/** check_run / check_suite completed on the head, listing the pull request (or not, as for forks). */
export function completionEvent(
  event: 'check_run' | 'check_suite' | 'workflow_run',
  at: PullCoordinates,
  options: { name?: string; listPulls?: boolean } = {},
): Payload {
  const payload = webhookExample(event, 'completed');
  patchRepository(payload, at);
  const subject = payload[event];
  subject.head_sha = at.headSha;
  if (options.name !== undefined) subject.name = options.name;
  subject.pull_requests =
    options.listPulls === false
      ? []
      : [{ number: at.number, head: { sha: at.headSha }, base: { sha: at.baseSha ?? '0'.repeat(40) } }];
  return payload;
}

export function statusEvent(at: PullCoordinates, context: string, state = 'success'): Payload {
  const payload = webhookExample('status');
  patchRepository(payload, at);
  return { ...payload, sha: at.headSha, context, state };
}

export function mergeGroupEvent(at: PullCoordinates, groupSha: string): Payload {
  const payload = webhookExample('merge_group', 'checks_requested');
  patchRepository(payload, at);
  payload.merge_group.head_sha = groupSha;
  payload.merge_group.head_ref = `refs/heads/gh-readonly-queue/main/pr-${at.number}-${at.headSha}`;
  return payload;
}

export function dispatchEvent(at: PullCoordinates, inputs: Record<string, string> = {}): Payload {
  const payload = webhookExample('workflow_dispatch');
  patchRepository(payload, at);
  return { ...payload, inputs };
}

export function otherEvent(event: string, at: PullCoordinates): Payload {
  const payload = webhookExample(event);
  patchRepository(payload, at);
  return payload;
}
