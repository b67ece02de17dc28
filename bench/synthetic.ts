import type { Policy, Rule } from '../src/model/policy.js';
import type { ChangedFile, Snapshot } from '../src/model/snapshot.js';

/** A YAML service config of about `lines` lines; `variant` changes a few keys per service block. */
export function yamlConfig(lines: number, seed: number, variant: number): string {
  const out: string[] = [];
  for (let block = 0; out.length < lines; block++) {
    const changed = variant > 0 && block % 20 === seed % 20;
    out.push(
      `service_${block}:`,
      `  name: svc-${seed}-${block}`,
      `  client:`,
      `    heartbeat_interval: ${changed ? 5 : 30}s`,
      `    reconnect:`,
      `      strategy: ${changed ? 'immediate' : 'exponential'}`,
      `      max_attempts: ${changed ? 10 : 3}`,
      `      jitter: true`,
      `  pool:`,
      `    size: ${10 + (block % 7)}`,
      `    timeout: ${changed && block % 40 === 0 ? '2s' : '5s'}`,
      `  tags: [a${block}, b${block}]`,
      `  replicas:`,
      `    - name: primary`,
      `      port: ${8000 + block}`,
      `    - name: replica`,
      `      port: ${9000 + block}`,
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

function sourceFile(seed: number, variant: number): string {
  const lines = Array.from({ length: 50 }, (_, i) => `export const value${i} = ${seed + i};`);
  if (variant)
    lines[25] = seed % 97 === 0 ? 'const fullSyncOnReconnect = true;' : `export const value25 = ${seed + 1};`;
  return lines.join('\n') + '\n';
}

export interface SyntheticPr {
  snapshot: Snapshot;
  yamlVersions: string[];
}

export function syntheticPr(totalFiles: number, yamlFiles: number, yamlLines: number): SyntheticPr {
  const files: ChangedFile[] = [];
  const yamlVersions: string[] = [];
  for (let i = 0; i < totalFiles; i++) {
    if (i < yamlFiles) {
      const base = yamlConfig(yamlLines, i, 0);
      const head = yamlConfig(yamlLines, i, 1);
      yamlVersions.push(base, head);
      files.push({ path: `config/services/svc-${i}.yml`, base, head });
    } else {
      files.push({ path: `src/module-${i}/index.ts`, base: sourceFile(i, 0), head: sourceFile(i, 1) });
    }
  }
  const snapshot: Snapshot = {
    pr: { number: 1, author: 'author', body: '## Rollback plan\nRevert.\n', labels: [] },
    files,
    reviews: [{ user: 'backend-lead', state: 'APPROVED' }],
    checks: [],
    members: {},
    permissions: {},
    evidence: {},
    errors: [],
  };
  return { snapshot, yamlVersions };
}

/** A policy of `count` rules: a realistic core plus generated rules that mostly do not match. */
export function syntheticPolicy(count: number): Policy {
  const core: Rule[] = [
    {
      id: 'heartbeat',
      keys: ['**.heartbeat_interval'],
      load: { scales: 'inverse' },
      risk: 'medium',
      escalate: [{ factor: 4, risk: 'critical' }],
    },
    { id: 'reconnect', keys: ['**.reconnect.strategy'], when: { to: ['immediate'] }, risk: 'critical' },
    { id: 'attempts', keys: ['**.max_attempts'], load: { scales: 'linear' }, risk: 'medium' },
    { id: 'timeouts', keys: ['**.*timeout*'], when: { decreased: true }, risk: 'high' },
    { id: 'full-sync', files: ['src/**/*.ts'], lines: ['fullSyncOnReconnect\\s*[:=]\\s*true'], risk: 'high' },
  ];
  const generated: Rule[] = Array.from({ length: count - core.length }, (_, i) => ({
    id: `generated-${i}`,
    files: [`config/**/*.{yml,yaml}`],
    keys: [`**.feature_${i}_*`, `service_${i % 50}.pool.size`],
    when: { increased: true },
    risk: 'low',
  }));
  return {
    version: 1,
    path: '.github/riskgate.yml',
    sources: ['.github/riskgate.yml'],
    config_files: [{ glob: '**/*.{yml,yaml,json,jsonc,toml,ini,properties,env}' }, { glob: '**/.env*' }],
    defaults: { unmatched: 'none', unparseable: 'high' },
    levels: { high: ['backend-review'], critical: ['backend-review', 'rollback-plan'] },
    release_track: { low_risk_max: 'low' },
    teams: { backend: ['backend-lead'] },
    rules: [...core, ...generated],
    requirements: {
      'backend-review': { review: { teams: ['backend'] } },
      'rollback-plan': { body: { section: 'Rollback plan' } },
    },
    redact: [],
    self_protection: true,
  };
}
