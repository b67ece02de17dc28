import { DEFAULT_MARKER, MAX_COMMENT_LENGTH, renderMarkdown } from '../../src/report/index.js';
import { aFinding, aFullReport, aReport, aRequirement } from './factories.js';

describe('renderMarkdown', () => {
  test('a load factor is explained in backend terms', () => {
    const up = renderMarkdown(aReport({ findings: [aFinding({ loadFactor: 6 })] }));
    expect(up).toContain('Load factor: ×6 — this change multiplies the backend load this key drives by 6');
    const down = renderMarkdown(
      aReport({ findings: [aFinding({ before: '5s', after: '20s', loadFactor: 0.25 })] }),
    );
    expect(down).toContain('Load factor: ×0.25 — this change divides the backend load this key drives by 4');
  });

  test('starts with the sticky-comment marker, then the headline', () => {
    const lines = renderMarkdown(aReport()).split('\n');
    expect(lines[0]).toBe('<!-- riskgate:comment -->');
    expect(DEFAULT_MARKER).toBe('<!-- riskgate:comment -->');
    expect(lines[1]).toBe('### riskgate: 🔴 blocked');
    expect(renderMarkdown(aReport())).toContain('**Risk:** 🔴 critical · **Release track:** standard');
    expect(renderMarkdown(aReport({ decision: 'passed', risk: 'low', releaseTrack: 'low-risk' }))).toMatch(
      /### riskgate: ✅ passed\n\n\*\*Risk:\*\* 🟢 low · \*\*Release track:\*\* low-risk/,
    );
  });

  test('the marker and title can be overridden; a bare marker is wrapped in an HTML comment', () => {
    expect(renderMarkdown(aReport(), { marker: '<!-- riskgate:comment:prod -->' }).split('\n')[0]).toBe(
      '<!-- riskgate:comment:prod -->',
    );
    expect(renderMarkdown(aReport(), { marker: 'riskgate:gate-2' }).split('\n')[0]).toBe(
      '<!-- riskgate:gate-2 -->',
    );
    expect(renderMarkdown(aReport(), { marker: 'x --> <b>y</b>' }).split('\n')[0]).not.toMatch(/-->.*-->/);
    expect(renderMarkdown(aReport(), { title: 'Config risk' })).toContain('### Config risk: 🔴 blocked');
  });

  test('every field of a full report appears', () => {
    const markdown = renderMarkdown(aFullReport(), { runUrl: 'https://github.com/acme/app/actions/runs/42' });
    for (const expected of [
      '#### Findings (3)',
      '**config/client/realtime.yml** (line 2) — 🔴 **critical**',
      '- Key: <code>client.heartbeat\\_interval</code>',
      '- Change: changed, <code>30s</code> → <code>5s</code>',
      '- Load factor: ×6',
      '- Rules: client-heartbeat',
      '- Why: Every connected client sends one heartbeat per interval; shorter intervals multiply backend load.',
      '**k8s/api.yml** (line 14) · document Deployment/api — 🟡 **medium**',
      '- Load factor: unknown: not a duration: 500m',
      '- Rules: cpu-limits, k8s-resources',
      '**.github/riskgate.yml** — 🔴 **critical**',
      '- Rules: riskgate:self-protection',
      '#### Requirements',
      '- [x] **backend-review** (review) — met: approved by backend-lead (acme/backend) _(required by client-heartbeat)_',
      '- [ ] **load-test** (load_test) — unmet: no successful check matching load-test\\*',
      '- [x] **rollback-plan** (body) — waived by sre-oncall: add a &quot;Rollback plan&quot; section to the PR description',
      '#### Reviewers requested\n- Teams: acme/backend\n- Users: backend-lead',
      '#### Errors',
      '- could not read team acme/sre: the token needs Members: read',
      '[Workflow run](https://github.com/acme/app/actions/runs/42)',
    ]) {
      expect(markdown).toContain(expected);
    }
  });

  test('a file-level finding shows its change kind and its note', () => {
    const markdown = renderMarkdown(
      aReport({
        findings: [
          aFinding({
            key: null,
            before: undefined,
            after: undefined,
            loadFactor: null,
            note: 'line 3: bad indentation',
          }),
        ],
      }),
    );
    expect(markdown).toContain('- Change: changed\n');
    expect(markdown).toContain('- Note: line 3: bad indentation');
    expect(markdown).not.toContain('Key:');
  });

  test('no findings reads as no risky changes; a run URL that is not http(s) is left out', () => {
    const markdown = renderMarkdown(aReport({ findings: [], decision: 'passed', risk: 'none' }), {
      runUrl: 'javascript:alert(1)',
    });
    expect(markdown).toContain('No risky changes.');
    expect(markdown).not.toContain('javascript');
  });

  describe('untrusted values are inert', () => {
    const hostile =
      '@admin `rm -rf` | col <img src=x onerror=alert(1)> [click](https://evil.example) #12 www.evil.example *b* $x$ ~~s~~ \\';
    const markdown = renderMarkdown(
      aReport({
        findings: [
          aFinding({
            file: 'cfg/@team.yml',
            key: 'a.`b`.c',
            before: hostile,
            after: 'line1\n\n# heading\n<!-- x -->',
            why: hostile,
            note: hostile,
          }),
        ],
        requirements: [aRequirement({ id: 'r', detail: hostile, waivedBy: '@someone', status: 'waived' })],
        reviewers: { users: ['@ghost'], teams: ['acme/<b>'] },
        errors: [hostile],
      }),
    );
    const body = markdown.split('\n').slice(1).join('\n'); // past our own marker

    test('no mention, HTML, link, autolink or issue reference survives', () => {
      expect(body).not.toMatch(/@\w/);
      expect(body).not.toMatch(/<(?!\/?code>)[a-z!/]/i);
      expect(body).not.toContain('](https://evil');
      expect(body).not.toContain('https://evil');
      expect(body).not.toContain('www.evil');
      expect(body).not.toMatch(/(?<!&)#\d/);
    });

    test('backticks, pipes, emphasis, math and backslashes are escaped', () => {
      expect(body).not.toMatch(/(?<!\\)`/);
      expect(body).not.toMatch(/(?<!\\)\|/);
      expect(body).toContain('\\*b\\*');
      expect(body).toContain('\\$x\\$');
      expect(body).toContain('\\~\\~s\\~\\~');
    });

    test('a multi-line value stays on its line', () => {
      expect(body).not.toMatch(/^# heading/m);
      expect(body).toContain('<code>line1\\\\n\\\\n# heading\\\\n&lt;\\!-- x --&gt;</code>');
    });
  });

  describe('length limit', () => {
    const findings = Array.from({ length: 3000 }, (_, index) =>
      aFinding({
        key: `clients.c${index}.heartbeat_interval`,
        before: 'x'.repeat(500),
        after: 'y'.repeat(500),
        line: index + 1,
      }),
    );
    const report = aReport({ findings, errors: ['one error'] });

    test('stays under the GitHub comment limit and says how many findings were left out', () => {
      const markdown = renderMarkdown(report);
      expect(markdown.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
      expect(MAX_COMMENT_LENGTH).toBeLessThan(65_535);
      const shown = markdown.match(/^\*\*config\/client\/realtime\.yml\*\*/gm)!.length;
      expect(markdown).toContain(
        `…and ${3000 - shown} more findings (see the job summary / report artifact)`,
      );
      expect(shown).toBeGreaterThan(10);
    });

    test('requirements, reviewers and errors survive the cut', () => {
      const markdown = renderMarkdown(report);
      expect(markdown).toContain('- [ ] **backend-review**');
      expect(markdown).toContain('- Teams: acme/backend');
      expect(markdown).toContain('- one error');
    });

    test('a larger limit (job summary) shows more; a small report is never cut', () => {
      const summary = renderMarkdown(report, { maxLength: 1_000_000 });
      expect(summary.length).toBeLessThanOrEqual(1_000_000);
      expect(summary.match(/^\*\*config/gm)!.length).toBeGreaterThan(
        renderMarkdown(report).match(/^\*\*config/gm)!.length,
      );
      expect(renderMarkdown(aFullReport())).not.toContain('more findings');
    });

    test('very long single values are shortened, many errors are counted', () => {
      const markdown = renderMarkdown(
        aReport({
          findings: [aFinding({ after: 'z'.repeat(100_000) })],
          errors: Array.from({ length: 50 }, (_, i) => `error ${i}`),
        }),
      );
      expect(markdown.length).toBeLessThan(10_000);
      expect(markdown).toContain('…and 30 more errors');
    });
  });
});
