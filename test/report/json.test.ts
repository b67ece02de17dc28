import { renderJson } from '../../src/report/index.js';
import { aFinding, aFullReport, aReport } from './factories.js';

describe('renderJson', () => {
  test('round-trips: parsing the output gives the report back', () => {
    const report = aFullReport();
    expect(JSON.parse(renderJson(report))).toEqual(report);
  });

  test('keys follow the contract order whatever order the report was built in', () => {
    const report = aFullReport();
    const shuffled = Object.fromEntries(Object.entries(report).reverse()) as typeof report;
    shuffled.findings = report.findings.map(
      (finding) => Object.fromEntries(Object.entries(finding).reverse()) as typeof finding,
    );
    const parsed = JSON.parse(renderJson(shuffled));
    expect(Object.keys(parsed)).toEqual([
      'schemaVersion',
      'decision',
      'risk',
      'releaseTrack',
      'findings',
      'requirements',
      'reviewers',
      'errors',
    ]);
    expect(Object.keys(parsed.findings[1])).toEqual([
      'file',
      'document',
      'key',
      'change',
      'before',
      'after',
      'line',
      'loadFactor',
      'risk',
      'rules',
      'why',
      'note',
    ]);
    expect(Object.keys(parsed.requirements[2])).toEqual([
      'id',
      'kind',
      'status',
      'detail',
      'requiredBy',
      'waivedBy',
    ]);
    expect(Object.keys(parsed.reviewers)).toEqual(['users', 'teams']);
    expect(renderJson(shuffled)).toBe(renderJson(report));
  });

  test('2-space indent and a trailing newline', () => {
    const json = renderJson(aReport());
    expect(json.startsWith('{\n  "schemaVersion": 1,\n  "decision": "blocked",')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
  });

  test('an absent side of an added key is left out, a null value is kept', () => {
    const parsed = JSON.parse(
      renderJson(aReport({ findings: [aFinding({ change: 'added', before: undefined, after: null })] })),
    );
    expect('before' in parsed.findings[0]).toBe(false);
    expect(parsed.findings[0].after).toBeNull();
  });

  test('unrounded factors and unicode values are kept exactly', () => {
    const report = aReport({ findings: [aFinding({ loadFactor: 10 / 3, after: 'ü\n"<x>"' })] });
    expect(JSON.parse(renderJson(report)).findings[0]).toMatchObject({
      loadFactor: 10 / 3,
      after: 'ü\n"<x>"',
    });
  });
});
