/**
 * `npm run bench`: engine time and memory for large synthetic pull requests against the js-yaml floor, and the
 * GitHub context's API requests and wall time through the loopback simulator. Numbers, not assertions.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchEngine, type EngineBenchRow } from './engine.js';

const self = fileURLToPath(import.meta.url);

function engineRowInChild(scale: number): EngineBenchRow {
  const out = execFileSync(process.execPath, ['--expose-gc', self, '--engine-scale', String(scale)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as EngineBenchRow;
}

async function main(): Promise<void> {
  const scaleArg = process.argv.indexOf('--engine-scale');
  if (scaleArg > 0) {
    process.stdout.write(JSON.stringify(benchEngine(Number(process.argv[scaleArg + 1]))));
    return;
  }
  console.log('engine: synthetic PR (YAML files of 2,000 lines, base and head) against a 200-rule policy');
  const rows = [0.5, 1, 2].map(engineRowInChild);
  console.table(rows);
  const [half, full, double] = rows;
  console.log(
    `growth: ×${(full.engineMs / half.engineMs).toFixed(2)} from half to full size, ×${(double.engineMs / full.engineMs).toFixed(2)} from full to double (linear = ×2)`,
  );
  try {
    const { runGitHubBench } = await import('./github.js');
    console.log(
      '\ngithub: 3,000-file PR with 300 config files through the loopback simulator, 50 ms per request',
    );
    console.table([await runGitHubBench()]);
  } catch (error) {
    console.log(`github bench unavailable: ${(error as Error).message}`);
  }
}

await main();
