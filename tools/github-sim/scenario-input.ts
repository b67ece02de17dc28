/** A scenario file (contracts §2) as the simulator serves it: the loaded scenario plus the policy files' own text. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, parseDocument, stringify } from 'yaml';
import { locatePolicy } from '../../src/context/policy-file.js';
import { loadScenario, type Scenario } from '../../src/context/scenario.js';
import type { Policy } from '../../src/model/policy.js';
import type { SimScenario } from './world.js';

export async function loadSimScenario(file: string): Promise<SimScenario> {
  const scenario = await loadScenario(file);
  const dir = path.dirname(path.resolve(file));
  const field = parseDocument(await readFile(file, 'utf8')).get('policy', true);
  if (isScalar(field) && typeof field.value === 'string') {
    const absolute = path.resolve(dir, field.value);
    const { root } = locatePolicy(absolute, dir);
    return {
      ...fromLoaded(scenario),
      policyText: await readFile(absolute, 'utf8'),
      extraFiles: await extendedFiles(scenario.policy, root),
    };
  }
  // An inline policy, as written (its `extends` included); its repository root is the scenario's folder.
  const policyText = isMap(field) ? stringify(field.toJSON()) : policyAsYaml(scenario.policy);
  return { ...fromLoaded(scenario), policyText, extraFiles: await extendedFiles(scenario.policy, dir) };
}

/** A loaded scenario; the policy file's text is the resolved policy written back as YAML (extends already merged). */
export function fromLoaded(scenario: Scenario): SimScenario {
  return {
    name: scenario.name,
    policy: scenario.policy,
    snapshot: scenario.snapshot,
    policyText: policyAsYaml(scenario.policy),
  };
}

export function policyAsYaml(policy: Policy): string {
  const file = Object.fromEntries(
    Object.entries(policy).filter(([key]) => key !== 'path' && key !== 'sources'),
  );
  return stringify(file);
}

async function extendedFiles(policy: Policy, root: string): Promise<Record<string, string>> {
  const extended = policy.sources.filter((source) => source !== policy.path);
  const texts = await Promise.all(
    extended.map((source) => readFile(path.join(root, ...source.split('/')), 'utf8')),
  );
  return Object.fromEntries(extended.map((source, index) => [source, texts[index]]));
}
