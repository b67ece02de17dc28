import { renderAnnotations } from '../../src/report/index.js';
import { aFinding, aFullReport, aReport } from './factories.js';

describe('renderAnnotations', () => {
  test('one annotation per finding with a line', () => {
    const annotations = renderAnnotations(aFullReport());
    expect(annotations.map((annotation) => [annotation.path, annotation.line])).toEqual([
      ['config/client/realtime.yml', 2],
      ['k8s/api.yml', 14],
    ]);
  });

  test('title names risk and rules; message explains the change and why', () => {
    const [annotation] = renderAnnotations(aReport());
    expect(annotation).toEqual({
      path: 'config/client/realtime.yml',
      line: 2,
      level: 'failure',
      title: 'riskgate: critical risk (client-heartbeat)',
      message:
        'client.heartbeat_interval: 30s → 5s, load factor ×6\n' +
        'Every connected client sends one heartbeat per interval; shorter intervals multiply backend load.',
    });
    expect(renderAnnotations(aFullReport())[1].message).toContain(
      'load factor unknown: not a duration: 500m',
    );
  });

  test.each([
    ['critical', 'failure'],
    ['high', 'failure'],
    ['medium', 'warning'],
    ['low', 'notice'],
    ['none', 'notice'],
  ] as const)('%s risk → %s', (risk, level) => {
    expect(renderAnnotations(aReport({ findings: [aFinding({ risk })] }))[0].level).toBe(level);
  });

  test('titles stay within GitHub limits', () => {
    const [annotation] = renderAnnotations(
      aReport({ findings: [aFinding({ rules: Array.from({ length: 100 }, (_, i) => `rule-${i}`) })] }),
    );
    expect(annotation.title.length).toBeLessThanOrEqual(255);
  });
});
