import { readFileSync } from 'node:fs';
import { builtinPackNames } from '../../src/policy/builtin.js';
import { load, POLICY } from './helpers.js';

const docs = readFileSync(new URL('../../docs/policy.md', import.meta.url), 'utf8');

describe('docs/policy.md', () => {
  test('its complete example is a valid policy', async () => {
    const example = /## A complete example\s+```yaml\n([\s\S]*?)```/.exec(docs)![1];
    const policy = await load({ [POLICY]: example });
    expect(Object.keys(policy.requirements)).toEqual([
      'backend-review',
      'load-test',
      'perf-smoke',
      'rollback-plan',
      'sre-signoff',
    ]);
  });

  test.each(builtinPackNames())('documents every rule of builtin:%s', async (pack) => {
    const policy = await load({ [POLICY]: `version: 1\nextends: [builtin:${pack}]\n` });
    const undocumented = policy.rules.map((rule) => rule.id).filter((id) => !docs.includes(`\`${id}\``));
    expect(undocumented).toEqual([]);
  });
});
