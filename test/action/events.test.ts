import { resolveEvent, type EventOptions } from '../../src/action/events.js';
import {
  completionEvent,
  dispatchEvent,
  mergeGroupEvent,
  otherEvent,
  pullRequestEvent,
  statusEvent,
  webhookExample,
} from './helpers/webhooks.js';

const at = { owner: 'acme', repo: 'realtime', number: 34, headSha: 'a'.repeat(40) };
const options: EventOptions = { checkName: 'riskgate', pullRequest: null, workflowName: 'riskgate' };
const pullTarget = { kind: 'targets', targets: [{ kind: 'pull', number: 34, eventSha: at.headSha }] };

describe('pull request events', () => {
  test.each(['opened', 'synchronize', 'reopened', 'edited', 'labeled', 'unlabeled', 'ready_for_review'])(
    'pull_request %s evaluates the pull request',
    (action) => {
      const payload = pullRequestEvent('pull_request', 'opened', at);
      payload.action = action;
      expect(resolveEvent('pull_request', payload, options)).toEqual(pullTarget);
    },
  );

  test('pull_request_target is handled like pull_request', () => {
    const payload = pullRequestEvent('pull_request_target', 'synchronize', at);
    expect(resolveEvent('pull_request_target', payload, options)).toEqual(pullTarget);
  });

  test('actions that do not change the evaluation are skipped', () => {
    const payload = pullRequestEvent('pull_request', 'assigned', at);
    expect(resolveEvent('pull_request', payload, options)).toMatchObject({ kind: 'skip' });
  });

  test('a closed pull request is skipped', () => {
    const payload = pullRequestEvent('pull_request', 'edited', at);
    payload.pull_request.state = 'closed';
    expect(resolveEvent('pull_request', payload, options)).toMatchObject({ kind: 'skip' });
  });

  test("riskgate's own risk label does not trigger another evaluation, other labels do", () => {
    const payload = pullRequestEvent('pull_request', 'labeled', at);
    payload.label = { name: 'riskgate:risk-high' };
    expect(resolveEvent('pull_request', payload, options)).toMatchObject({ kind: 'skip' });
    payload.label = { name: 'riskgate:waive' };
    expect(resolveEvent('pull_request', payload, options)).toEqual(pullTarget);
  });

  test.each(['submitted', 'edited', 'dismissed'])('pull_request_review %s re-evaluates', (action) => {
    const payload = pullRequestEvent('pull_request_review', 'submitted', at);
    payload.action = action;
    expect(resolveEvent('pull_request_review', payload, options)).toEqual(pullTarget);
  });
});

describe('completions re-evaluate the pull requests of their head commit', () => {
  test.each(['check_run', 'check_suite', 'workflow_run'] as const)('%s lists the pull request', (event) => {
    const payload = completionEvent(event, at, { name: 'load-test / k6' });
    expect(resolveEvent(event, payload, options)).toEqual(pullTarget);
  });

  test('without listed pull requests (forks) the head commit is looked up', () => {
    const payload = completionEvent('check_suite', at, { listPulls: false });
    expect(resolveEvent('check_suite', payload, options)).toMatchObject({ kind: 'commit', sha: at.headSha });
  });

  test('a finished commit status is looked up by its commit', () => {
    expect(resolveEvent('status', statusEvent(at, 'load-test'), options)).toMatchObject({
      kind: 'commit',
      sha: at.headSha,
    });
  });

  test("riskgate's own status, check run and workflow do not loop", () => {
    expect(resolveEvent('status', statusEvent(at, 'riskgate'), options)).toMatchObject({ kind: 'skip' });
    const check = completionEvent('check_run', at, { name: 'riskgate' });
    expect(resolveEvent('check_run', check, options)).toMatchObject({ kind: 'skip' });
    const run = completionEvent('workflow_run', at, { name: 'riskgate' });
    expect(resolveEvent('workflow_run', run, options)).toMatchObject({ kind: 'skip' });
  });

  test('pending statuses and unfinished checks are skipped', () => {
    expect(resolveEvent('status', statusEvent(at, 'load-test', 'pending'), options)).toMatchObject({
      kind: 'skip',
    });
    const created = webhookExample('check_run', 'created');
    expect(resolveEvent('check_run', created, options)).toMatchObject({ kind: 'skip' });
  });
});

describe('merge queue and manual runs', () => {
  test('merge_group reports on the group commit for the queued pull request', () => {
    const payload = mergeGroupEvent(at, 'b'.repeat(40));
    expect(resolveEvent('merge_group', payload, options)).toEqual({
      kind: 'targets',
      targets: [{ kind: 'merge-group', number: 34, pullSha: at.headSha, groupSha: 'b'.repeat(40) }],
    });
  });

  test('the webhook example itself names pull request 104', () => {
    const plan = resolveEvent('merge_group', webhookExample('merge_group'), options);
    expect(plan).toMatchObject({ kind: 'targets', targets: [{ kind: 'merge-group', number: 104 }] });
  });

  test('workflow_dispatch takes the pull-request input, or the dispatch input of that name', () => {
    const payload = dispatchEvent(at);
    expect(resolveEvent('workflow_dispatch', payload, { ...options, pullRequest: 7 })).toEqual({
      kind: 'targets',
      targets: [{ kind: 'pull', number: 7, eventSha: null }],
    });
    expect(
      resolveEvent('workflow_dispatch', dispatchEvent(at, { 'pull-request': '8' }), options),
    ).toMatchObject({
      targets: [{ number: 8 }],
    });
    expect(resolveEvent('workflow_dispatch', payload, options)).toMatchObject({ kind: 'unsupported' });
  });

  test('any other event is unsupported with a message naming the supported ones', () => {
    const plan = resolveEvent('push', otherEvent('push', at), options);
    expect(plan).toMatchObject({ kind: 'unsupported' });
    expect(plan.kind === 'unsupported' && plan.reason).toMatch(/"push".*pull_request, .*merge_group/);
  });
});
