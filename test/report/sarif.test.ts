import { renderSarif } from '../../src/report/index.js';
import type { Report } from '../../src/model/report.js';
import { aFinding, aFullReport, aReport } from './factories.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The SARIF 2.1.0 schema's required properties and enums for what riskgate emits. */
function sarifProblems(log: Json): string[] {
  const problems: string[] = [];
  const need = (condition: boolean, what: string) => condition || problems.push(what);
  need(log.version === '2.1.0', 'version must be "2.1.0"');
  need(Array.isArray(log.runs), 'runs must be an array');
  for (const run of log.runs ?? []) {
    need(typeof run.tool?.driver?.name === 'string', 'run.tool.driver.name is required');
    const rules: Json[] = run.tool?.driver?.rules ?? [];
    rules.forEach((rule) => need(typeof rule.id === 'string', 'reportingDescriptor.id is required'));
    need(new Set(rules.map((rule) => rule.id)).size === rules.length, 'rule ids are unique');
    for (const invocation of run.invocations ?? []) {
      need(typeof invocation.executionSuccessful === 'boolean', 'invocation.executionSuccessful is required');
    }
    for (const result of run.results ?? []) {
      need(typeof result.message?.text === 'string', 'result.message.text is required');
      need(
        ['none', 'note', 'warning', 'error'].includes(result.level),
        `result.level ${result.level} is not a SARIF level`,
      );
      need(
        rules[result.ruleIndex]?.id === result.ruleId,
        `ruleIndex ${result.ruleIndex} must point at ${result.ruleId}`,
      );
      for (const location of result.locations ?? []) {
        const physical = location.physicalLocation;
        need(
          typeof physical?.artifactLocation?.uri === 'string',
          'physicalLocation.artifactLocation.uri is required',
        );
        if (physical?.region)
          need(
            Number.isInteger(physical.region.startLine) && physical.region.startLine >= 1,
            'region.startLine >= 1',
          );
      }
    }
  }
  return problems;
}

const parse = (report: Report): Json => JSON.parse(renderSarif(report));

describe('renderSarif', () => {
  test('is structurally valid SARIF 2.1.0', () => {
    expect(sarifProblems(parse(aFullReport()))).toEqual([]);
    expect(sarifProblems(parse(aReport({ findings: [], errors: [] })))).toEqual([]);
    expect(parse(aReport()).$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
  });

  test('one rule per policy rule id and pseudo rule, described by its why', () => {
    const rules = parse(aFullReport()).runs[0].tool.driver.rules;
    expect(rules.map((rule: Json) => rule.id)).toEqual([
      'client-heartbeat',
      'cpu-limits',
      'k8s-resources',
      'riskgate:self-protection',
    ]);
    expect(rules[0].shortDescription.text).toBe(aFinding().why);
    expect(rules[3].shortDescription.text).toMatch(/change to the gate itself/);
  });

  test('results sit at file and line with a level from the risk', () => {
    const results = parse(aFullReport()).runs[0].results;
    expect(results.map((result: Json) => [result.ruleId, result.level])).toEqual([
      ['client-heartbeat', 'error'],
      ['cpu-limits', 'warning'],
      ['riskgate:self-protection', 'error'],
    ]);
    expect(results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'config/client/realtime.yml' },
      region: { startLine: 2 },
    });
    expect(results[2].locations[0].physicalLocation.region).toBeUndefined();
    expect(results[0].message.text).toContain('client.heartbeat_interval: 30s → 5s, load factor ×6');
    expect(results[1].properties.rules).toEqual(['cpu-limits', 'k8s-resources']);
  });

  test.each([
    ['critical', 'error'],
    ['high', 'error'],
    ['medium', 'warning'],
    ['low', 'note'],
  ] as const)('%s risk → level %s', (risk, level) => {
    expect(parse(aReport({ findings: [aFinding({ risk })] })).runs[0].results[0].level).toBe(level);
  });

  test('file paths become URI references', () => {
    const uri = parse(aReport({ findings: [aFinding({ file: 'config/my app/100%.yml' })] })).runs[0]
      .results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toBe('config/my%20app/100%25.yml');
  });

  test('errors mark the invocation unsuccessful', () => {
    const [invocation] = parse(aFullReport()).runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications[0].message.text).toContain('Members: read');
    expect(parse(aReport()).runs[0].invocations[0].executionSuccessful).toBe(true);
  });
});
