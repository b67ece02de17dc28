/**
 * Micro-benchmark of the YAML structural diff against its floor: js-yaml merely loading base and
 * head. Plain node script (not a jest test):
 *   npx tsc -p tsconfig.tools.json && node --expose-gc build/bench/config-diff.js [files=300] [lines=2000]
 * Prints ms per file pair for each variant and the heap growth of one diff.
 */
import { load, loadAll } from 'js-yaml';
import { diffConfig } from '../src/engine/config/index.js';

const FILES = Number(process.argv[2] ?? 300);
const LINES = Number(process.argv[3] ?? 2000);
const ROUNDS = 3;

/** A values-file-like YAML of about `lines` lines: nested mappings, named lists, flow collections, anchors. */
function generate(lines: number, seed: number, changed: ReadonlySet<number>): string {
  const out = ['# generated', 'defaults: &defaults', '  timeout: 30s', '  retries: 3', ''];
  for (let service = 0; out.length < lines; service += 1) {
    const touched = changed.has(service);
    out.push(
      `service_${service}:`,
      '  <<: *defaults',
      `  enabled: ${service % 2 === 0}`,
      `  replicas: ${(service % 7) + (touched ? 1 : 0)}`,
      `  image: "registry.example.com/app-${service}:1.${seed}.${service}"`,
      '  client:',
      `    heartbeat_interval: ${touched ? 5 : 30}s  # how often clients ping`,
      '    reconnect: { delay: 1000, max_attempts: 10 }',
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

function timePerPair(pairs: readonly [string, string][], run: (base: string, head: string) => void): number {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = performance.now();
    for (const [base, head] of pairs) run(base, head);
    best = Math.min(best, (performance.now() - start) / pairs.length);
  }
  return best;
}

function heapGrowth(run: () => unknown): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = run();
  const after = process.memoryUsage().heapUsed;
  if (kept === undefined) throw new Error('unreachable');
  return (after - before) / 1024 / 1024;
}

function main(): void {
  const pairs: [string, string][] = [];
  for (let file = 0; file < FILES; file += 1) {
    const changed = new Set([file % 40, (file * 7) % 40, 20 + (file % 13)]);
    pairs.push([generate(LINES, 0, new Set()), generate(LINES, file % 3 === 0 ? 1 : 0, changed)]);
  }
  const identical = pairs.map(([base]) => [base, `${base}`] as [string, string]);
  const floor = timePerPair(pairs, (base, head) => {
    load(base);
    load(head);
  });
  const floorAll = timePerPair(pairs, (base, head) => {
    loadAll(base);
    loadAll(head);
  });
  let changes = 0;
  const ours = timePerPair(pairs, (base, head) => {
    const result = diffConfig('yaml', base, head);
    if (!result.ok) throw new Error(result.message);
    changes += result.changes.length;
  });
  const added = timePerPair(pairs, (_base, head) => void diffConfig('yaml', null, head));
  const same = timePerPair(identical, (base, head) => void diffConfig('yaml', base, head));
  const [sample] = pairs;
  const heap = sample === undefined ? 0 : heapGrowth(() => diffConfig('yaml', sample[0], sample[1]));

  const lines = sample?.[0].split('\n').length ?? 0;
  console.log(
    `${FILES} file pairs of ${lines} lines, ${changes / ROUNDS / FILES} changed keys per pair on average`,
  );
  console.log(`js-yaml load base+head (floor)   ${floor.toFixed(2)} ms/pair`);
  console.log(`js-yaml loadAll base+head        ${floorAll.toFixed(2)} ms/pair`);
  console.log(
    `diffConfig('yaml', base, head)   ${ours.toFixed(2)} ms/pair  = ${(ours / floor).toFixed(2)}× floor`,
  );
  console.log(`diffConfig('yaml', null, head)   ${added.toFixed(2)} ms/pair (every key added)`);
  console.log(`diffConfig, identical texts      ${same.toFixed(3)} ms/pair`);
  console.log(`heap growth of one diff          ${heap.toFixed(1)} MB`);
}

main();
