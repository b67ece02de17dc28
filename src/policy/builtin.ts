/** Built-in policy packs: `policies/<name>.yml`, shipped next to the schema in the package (and the repository). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let folder: string | undefined;

/** The `policies/` folder: found walking up from this module (src/policy/ under jest, dist/ in the bundle). */
export function policiesFolder(): string {
  if (folder) return folder;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    // The schema alone is not enough: `tsc` copies it (imported as JSON) into build/policies without the packs.
    const candidate = join(dir, 'policies');
    if (
      existsSync(join(candidate, 'policy.schema.json')) &&
      existsSync(join(candidate, 'realtime-clients.yml'))
    ) {
      return (folder = candidate);
    }
    if (dirname(dir) === dir)
      throw new Error('riskgate installation is incomplete: policies/policy.schema.json not found');
  }
}

export function builtinPackNames(): string[] {
  return readdirSync(policiesFolder())
    .filter((name) => name.endsWith('.yml'))
    .map((name) => name.slice(0, -'.yml'.length))
    .sort();
}

/** The text of pack `name`, or null when there is no such pack. */
export async function readBuiltinPack(name: string): Promise<string | null> {
  return builtinPackNames().includes(name)
    ? readFileSync(join(policiesFolder(), `${name}.yml`), 'utf8')
    : null;
}
