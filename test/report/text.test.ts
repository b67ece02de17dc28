import { renderText } from '../../src/report/index.js';
import { aFinding, aFullReport, aReport, aRequirement } from './factories.js';

const ESC = '\u001b';
const ANSI_SGR = new RegExp(`${ESC}\\[\\d+m`, 'g');

describe('renderText', () => {
  test('headline carries decision, risk and release track', () => {
    const text = renderText(aReport(), { color: false });
    expect(text.split('\n')[0]).toBe('riskgate: BLOCKED · risk critical · release track standard');
    expect(
      renderText(
        aReport({
          decision: 'passed',
          risk: 'low',
          releaseTrack: 'low-risk',
          findings: [],
          requirements: [],
          reviewers: { users: [], teams: [] },
        }),
        { color: false },
      ),
    ).toBe('riskgate: PASSED · risk low · release track low-risk\n\nNo risky changes.\n');
  });

  test('a finding reads file:line key before → after ×factor risk rules, then why', () => {
    const text = renderText(aReport(), { color: false });
    expect(text).toMatch(
      /config\/client\/realtime\.yml:2 +client\.heartbeat_interval +30s → 5s +×6 +critical +client-heartbeat/,
    );
    expect(text).toContain('Every connected client sends one heartbeat per interval');
  });

  test('every field of a full report appears', () => {
    const text = renderText(aFullReport(), { color: false });
    for (const expected of [
      'k8s/api.yml:14',
      'Deployment/api › spec.template.spec.containers.api.resources.limits.cpu',
      '500m → 250m',
      'load factor unknown: not a duration: 500m',
      'cpu-limits, k8s-resources',
      '.github/riskgate.yml  ',
      'riskgate:self-protection',
      '✓ backend-review',
      '✗ load-test',
      '~ rollback-plan',
      'waived by sre-oncall',
      'no successful check matching load-test*',
      '(required by k8s-resources)',
      'Reviewers requested: acme/backend (team), backend-lead',
      'Errors (1)',
      'could not read team acme/sre: the token needs Members: read',
    ]) {
      expect(text).toContain(expected);
    }
  });

  test('columns line up across findings', () => {
    const lines = renderText(aFullReport(), { color: false })
      .split('\n')
      .filter((line) => /^ {2}\S/.test(line) && line.includes('critical'));
    const riskColumns = lines.map((line) => line.indexOf('critical'));
    expect(new Set(riskColumns).size).toBe(1);
  });

  test('added and removed keys show (absent); fractional factors read with two decimals', () => {
    const text = renderText(
      aReport({
        findings: [
          aFinding({ change: 'added', before: undefined, after: 3, loadFactor: null }),
          aFinding({ change: 'removed', before: 'x', after: undefined, loadFactor: null }),
          aFinding({ before: 3, after: 10, loadFactor: 10 / 3 }),
          aFinding({ before: '', after: null, loadFactor: null }),
        ],
      }),
      { color: false },
    );
    expect(text).toContain('(absent) → 3');
    expect(text).toContain('x → (absent)');
    expect(text).toMatch(/3 → 10 +×3\.33 /);
    expect(text).toContain('"" → null');
  });

  test('no ANSI escapes without colour; colour marks decision, risk and status with it', () => {
    expect(renderText(aFullReport(), { color: false })).not.toContain(ESC);
    const coloured = renderText(aFullReport(), { color: true });
    expect(coloured).toContain('\u001b[31mBLOCKED\u001b[39m');
    expect(coloured).toContain('\u001b[32m✓\u001b[39m');
    expect(coloured).toContain('\u001b[31m✗\u001b[39m');
    expect(coloured.replace(ANSI_SGR, '')).toBe(renderText(aFullReport(), { color: false }));
  });

  test('control characters in values cannot reach the terminal', () => {
    const text = renderText(
      aReport({
        findings: [aFinding({ key: 'a\u001b[2Jb', after: 'line1\nline2\u0007', why: 'w\rhy' })],
        requirements: [aRequirement({ detail: 'x\u001b]0;title\u0007' })],
        errors: ['e\u009brr'],
      }),
      { color: false },
    );
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(text).toContain('line1\\nline2\\u0007');
  });

  test('passed report without requirements omits empty sections', () => {
    const text = renderText(
      aReport({ decision: 'passed', requirements: [], reviewers: { users: [], teams: [] } }),
      { color: false },
    );
    expect(text).not.toContain('Requirements');
    expect(text).not.toContain('Reviewers');
    expect(text).not.toContain('Errors');
  });
});
