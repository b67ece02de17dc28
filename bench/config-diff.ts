/**
 * Micro-benchmark of the YAML structural diff against its floor, js-yaml merely loading base and
 * head. Plain node script (not a jest test):
 *   npx tsc -p tsconfig.tools.json && node --expose-gc build/bench/config-diff.js [pairs=300] [lines=2000]
 * Two workloads of 2,000-line file pairs: the engine benchmark's service configs (./synthetic.ts)
 * and a values-file shape with anchors, merge keys, flow collections and named lists. Variants run
 * interleaved, best of several rounds, so a busy machine skews them alike.
 */
import { load } from 'js-yaml';
import { diffConfig } from '../src/engine/config/index.js';
import { yamlConfig } from './synthetic.js';

const PAIRS = Number(process.argv[2] ?? 300);
const LINES = Number(process.argv[3] ?? 2000);
const ROUNDS = 5;

type Pair = readonly [string, string];

/** Services that merge shared defaults; `changed` services differ in three values. */
function valuesFile(lines: number, changed: ReadonlySet<number>): string {
  const out = ['# generated', 'defaults: &defaults', '  timeout: 30s', '  retries: 3', ''];
  for (let service = 0; out.length < lines; service += 1) {
    const touched = changed.has(service);
    out.push(
      `service_${service}:`,
      '  <<: *defaults',
      `  enabled: ${service % 2 === 0}`,
      `  replicas: ${(service % 7) + (touched ? 1 : 0)}`,
      `  image: "registry.example.com/app-${service}:1.0.${service}"`,
      '  client:',
      `    heartbeat_interval: ${touched ? 5 : 30}s  # how often clients ping`,
      `    reconnect: { delay: ${touched ? 100 : 1000}, max_attempts: 10 }`,
      '  containers:',
    );
    for (let container = 0; container < 2; container += 1) {
      out.push(
        `    - name: c${container}`,
        `      port: ${8000 + container}`,
        '      env:',
        '        - { name: LOG_LEVEL, value: info }',
        '        - name: RATIO',
        `          value: '0.${container}5'`,
      );
    }
    out.push('  description: >-', '    folded text line one', '    and line two', '');
  }
  return `${out.join('\n')}\n`;
}

function workloads(): Record<string, Pair[]> {
  const engine: Pair[] = [];
  const values: Pair[] = [];
  for (let file = 0; file < PAIRS; file += 1) {
    engine.push([yamlConfig(LINES, file, 0), yamlConfig(LINES, file, 1)]);
    values.push([valuesFile(LINES, new Set()), valuesFile(LINES, new Set([file % 40, 20 + (file % 13)]))]);
  }
  return { 'engine synthetic (bench/synthetic.ts)': engine, 'anchors, merges, flow, named lists': values };
}

const VARIANTS: Record<string, (pair: Pair) => unknown> = {
  'js-yaml load base+head (floor)': ([base, head]) => [load(base), load(head)],
  "diffConfig('yaml', base, head)": ([base, head]) => diffConfig('yaml', base, head),
  "diffConfig('yaml', null, head)": ([, head]) => diffConfig('yaml', null, head),
};

function measure(pairs: readonly Pair[]): Record<string, number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const best: Record<string, number> = {};
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, run] of Object.entries(VARIANTS)) {
      gc?.();
      const start = performance.now();
      for (const pair of pairs) run(pair);
      best[name] = Math.min(best[name] ?? Infinity, (performance.now() - start) / pairs.length);
    }
  }
  return best;
}

function heapOfOneDiff([base, head]: Pair): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const result = diffConfig('yaml', base, head);
  const after = process.memoryUsage().heapUsed;
  return result.ok ? (after - before) / 1024 / 1024 : NaN;
}

function main(): void {
  for (const [workload, pairs] of Object.entries(workloads())) {
    const [first] = pairs;
    if (first === undefined) continue;
    const diff = diffConfig('yaml', first[0], first[1]);
    const changed = diff.ok ? diff.changes.length : 'error';
    console.log(
      `\n${workload}: ${pairs.length} pairs of ${first[0].split('\n').length - 1} lines, ${changed} changed keys in the first`,
    );
    const best = measure(pairs);
    const floor = best['js-yaml load base+head (floor)'] ?? NaN;
    for (const [name, ms] of Object.entries(best)) {
      console.log(
        `  ${name.padEnd(32)} ${ms.toFixed(2)} ms/pair  ${(ms / 2).toFixed(2)} ms/file  ${(ms / floor).toFixed(2)}× floor`,
      );
    }
    console.log(`  heap allocated by one diff        ${heapOfOneDiff(first).toFixed(1)} MB (before any GC)`);
  }
  const identical = diffConfig('yaml', 'a: 1\n', 'a: 1\n');
  console.log(`\nidentical texts are not parsed: ${identical.ok && identical.changes.length === 0}`);
}

main();
