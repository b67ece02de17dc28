import { Ajv } from 'ajv';
import { policySchema } from '../../src/policy/schema.js';

type Node = Record<string, unknown>;

/** Every schema node with the JSON path that leads to it. */
function* nodes(node: unknown, path = '#'): Generator<[string, Node]> {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) yield* nodes(item, `${path}/${index}`);
    return;
  }
  yield [path, node as Node];
  for (const [key, value] of Object.entries(node)) {
    if (!['enum', 'const', 'required'].includes(key)) yield* nodes(value, `${path}/${key}`);
  }
}

describe('policies/policy.schema.json', () => {
  test('is a valid draft-07 schema', () => {
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema(policySchema)).toBe(true);
    expect(policySchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  test('every property has a title and a description for editors', () => {
    const missing: string[] = [];
    for (const [path, node] of nodes(policySchema)) {
      for (const [name, property] of Object.entries((node.properties as Record<string, Node>) ?? {})) {
        if (!path.includes('/if') && (!property.title || !property.description))
          missing.push(`${path}/${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('every mapping with named keys rejects unknown keys', () => {
    const open = [...nodes(policySchema)]
      .filter(
        ([path, node]) => node.properties && !path.includes('/if') && node.additionalProperties !== false,
      )
      .map(([path]) => path);
    expect(open).toEqual([]);
  });

  test('a rule id must match ^[a-z0-9][a-z0-9-]*$', () => {
    const rule = (policySchema.definitions as Record<string, Node>).rule;
    expect(((rule.properties as Record<string, Node>).id as Node).pattern).toBe('^[a-z0-9][a-z0-9-]*$');
  });
});
