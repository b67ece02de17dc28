import jsyaml from 'js-yaml';
import { evaluate } from '../src/engine/index.js';
import { syntheticPolicy, syntheticPr } from './synthetic.js';

export interface EngineBenchRow {
  files: number;
  yamlFiles: number;
  findings: number;
  floorMs: number;
  engineMs: number;
  ratio: number;
  peakRssMb: number;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Best of `runs` wall times, after one warm-up. */
function time(fn: () => void, runs: number): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    gc();
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** One size of the synthetic pull request; run it in its own process so the peak RSS is its own. */
export function benchEngine(scale: number, runs = 3): EngineBenchRow {
  const { snapshot, yamlVersions } = syntheticPr(3000 * scale, 300 * scale, 2000);
  const policy = syntheticPolicy(200);
  const floorMs = time(() => yamlVersions.forEach((text) => jsyaml.load(text)), runs);
  let findings = 0;
  const engineMs = time(() => {
    findings = evaluate(policy, snapshot).findings.length;
  }, runs);
  return {
    files: snapshot.files.length,
    yamlFiles: 300 * scale,
    findings,
    floorMs: Math.round(floorMs),
    engineMs: Math.round(engineMs),
    ratio: Number((engineMs / floorMs).toFixed(2)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
