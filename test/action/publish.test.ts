import { readInputs } from '../../src/action/inputs.js';
import { splitAnnotations, freshBudget } from '../../src/publish/annotations.js';
import { commentMarker, nextBody, resolvedBody } from '../../src/publish/comment.js';
import { isDeniedWrite } from '../../src/publish/denied.js';
import { riskLabelChange } from '../../src/publish/labels.js';
import { planReviewRequest } from '../../src/publish/reviewers.js';
import { gateFor, gateForFailure, MAX_DESCRIPTION } from '../../src/publish/status.js';
import { summaryMarkdown, MAX_SUMMARY_BYTES, type TargetSummary } from '../../src/publish/summary.js';
import type { Annotation } from '../../src/report/index.js';
import { aFinding, aReport, aRequirement } from '../report/factories.js';

describe('gate status', () => {
  test('blocked names the unmet requirements; passed is a success', () => {
    expect(gateFor(aReport(), false)).toEqual({
      state: 'failure',
      description: 'blocked · risk critical · unmet: backend-review',
    });
    const passed = aReport({ decision: 'passed', requirements: [aRequirement({ status: 'met' })] });
    expect(gateFor(passed, false)).toEqual({
      state: 'success',
      description: 'passed · risk critical · 1 requirement done',
    });
  });

  test('advisory mode never fails but says it would block', () => {
    expect(gateFor(aReport(), true)).toEqual({
      state: 'success',
      description: 'advisory: would block · blocked · risk critical · unmet: backend-review',
    });
    expect(gateForFailure('GitHub API answered 500', true).state).toBe('success');
  });

  test('an incomplete evaluation fails closed with its reason, within 140 characters', () => {
    const report = aReport({ errors: [`cannot read teams: ${'x'.repeat(300)}`] });
    const gate = gateFor(report, false);
    expect(gate.state).toBe('failure');
    expect(gate.description).toMatch(/^could not complete the evaluation: cannot read teams/);
    expect(gate.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    expect(gateForFailure('line one\nline two', false)).toEqual({
      state: 'failure',
      description: 'could not evaluate: line one line two',
    });
  });
});

describe('risk label', () => {
  test('replaces the old risk label and leaves other labels alone', () => {
    expect(riskLabelChange(['bug', 'riskgate:risk-medium'], 'critical')).toEqual({
      add: 'riskgate:risk-critical',
      remove: ['riskgate:risk-medium'],
    });
    expect(riskLabelChange(['riskgate:risk-high'], 'high')).toEqual({ add: null, remove: [] });
  });

  test('risk none carries no label', () => {
    expect(riskLabelChange(['riskgate:risk-low'], 'none')).toEqual({
      add: null,
      remove: ['riskgate:risk-low'],
    });
  });
});

describe('review requests', () => {
  const state = {
    owner: 'acme',
    author: 'pr-author',
    requestedUsers: ['Backend-Dev'],
    requestedTeams: ['sre'],
    reviewedBy: ['backend-lead'],
  };

  test('never the author, never twice, never someone who reviewed the head', () => {
    const plan = planReviewRequest(
      {
        users: ['pr-author', 'backend-dev', 'backend-lead', 'sre-oncall'],
        teams: ['acme/backend', 'acme/sre'],
      },
      state,
    );
    expect(plan).toEqual({ users: ['sre-oncall'], teams: ['backend'], notes: [] });
  });

  test('teams of another organization cannot be requested and say so', () => {
    const plan = planReviewRequest({ users: [], teams: ['other/backend'] }, state);
    expect(plan.teams).toEqual([]);
    expect(plan.notes).toEqual([expect.stringContaining('other/backend is not a team of acme')]);
  });
});

describe('sticky comment', () => {
  const marker = commentMarker('riskgate');
  const existing = { id: 1, body: `${marker}\nold` };

  test('no comment while nothing was ever risky', () => {
    expect(nextBody({ existing: null, risky: false, report: 'r', resolved: 'done' })).toBeNull();
  });

  test('risky: the report; once resolved: the resolved text in the same comment', () => {
    expect(nextBody({ existing: null, risky: true, report: 'r', resolved: 'done' })).toBe('r');
    expect(nextBody({ existing, risky: false, report: 'r', resolved: 'done' })).toBe('done');
  });

  test('markers differ per check name and stay an HTML comment', () => {
    expect(commentMarker('riskgate')).toBe('<!-- riskgate:comment riskgate -->');
    expect(commentMarker('gate-->x')).toBe('<!-- riskgate:comment gate-x -->');
    expect(resolvedBody(marker)).toMatch(/^<!-- riskgate:comment riskgate -->\n### riskgate: ✅ resolved/);
  });
});

describe('annotations', () => {
  const annotation = (level: Annotation['level'], line: number): Annotation => ({
    path: 'config/a.yml',
    line,
    level,
    title: 't',
    message: 'm',
  });

  test('at most 10 per level; the rest overflow to the summary', () => {
    const many = [
      ...Array.from({ length: 12 }, (_, i) => annotation('failure', i)),
      annotation('warning', 99),
    ];
    const { shown, overflow } = splitAnnotations(many, freshBudget());
    expect(shown).toHaveLength(11);
    expect(overflow.map((a) => a.line)).toEqual([10, 11]);
  });
});

describe('job summary', () => {
  const section = (overrides: Partial<TargetSummary> = {}): TargetSummary => ({
    title: 'riskgate · pull request #34',
    report: aReport(),
    failure: null,
    advisory: false,
    denied: [],
    overflow: [],
    notes: [],
    runUrl: 'https://github.com/acme/realtime/actions/runs/1',
    ...overrides,
  });

  test('says which writes the token was denied, and advisory mode', () => {
    const text = summaryMarkdown(
      section({ advisory: true, denied: [{ write: 'commit status', permission: 'statuses: write' }] }),
      MAX_SUMMARY_BYTES,
    );
    expect(text).toContain('> Advisory mode');
    expect(text).toContain('Not written: the token may not write the commit status: add `statuses: write`');
  });

  test('stays within its byte budget with thousands of findings', () => {
    const findings = Array.from({ length: 5000 }, (_, i) =>
      aFinding({ key: `client.k${i}`, why: '多'.repeat(200) }),
    );
    const text = summaryMarkdown(section({ report: aReport({ findings }) }), 100_000);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(100_000);
    expect(text).toContain('more findings');
  });

  test('a failed evaluation shows its reason', () => {
    const text = summaryMarkdown(
      section({ report: null, failure: 'could not read pull request #34: 500' }),
      10_000,
    );
    expect(text).toContain('### riskgate · pull request #34: 🔴 could not evaluate');
  });
});

describe('inputs and denied writes', () => {
  const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  test('defaults apply when the runner passes nothing', () => {
    expect(readInputs(reader({ token: 't' }))).toMatchObject({
      policy: '.github/riskgate.yml',
      mode: 'enforce',
      checkName: 'riskgate',
      comment: true,
      pullRequest: null,
      teamsToken: null,
    });
  });

  test('bad values are clear errors', () => {
    expect(() => readInputs(reader({ token: 't', mode: 'strict' }))).toThrow(
      'input "mode" must be enforce or advisory',
    );
    expect(() => readInputs(reader({ token: 't', comment: 'yes' }))).toThrow(
      'input "comment" must be true or false',
    );
    expect(() => readInputs(reader({ token: 't', 'pull-request': 'abc' }))).toThrow('pull request number');
    expect(() => readInputs(reader({}))).toThrow('input "token" is empty');
  });

  test('only "Resource not accessible" 403s degrade; a secondary rate limit does not', () => {
    expect(isDeniedWrite({ status: 403, message: 'Resource not accessible by integration' })).toBe(true);
    expect(isDeniedWrite({ status: 403, message: 'You have exceeded a secondary rate limit' })).toBe(false);
    expect(isDeniedWrite({ status: 404, message: 'Resource not accessible by integration' })).toBe(false);
  });
});
