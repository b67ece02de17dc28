/**
 * Runs the built action the way a runner does: `node dist/index.js` with the runner's environment,
 * inputs as INPUT_<NAME> (defaults from action.yml, as the runner fills them), and file commands.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const repoRoot = resolve(import.meta.dirname, '../../..');
/** RISKGATE_E2E_BUNDLE: a privately built bundle, to iterate before dist/ is rebuilt. */
export const bundle = process.env.RISKGATE_E2E_BUNDLE ?? join(repoRoot, 'dist/index.js');
/** RISKGATE_E2E_NODE: the Node binary that runs the bundle (CI uses Node 24, the Actions runtime). */
const nodeBinary = process.env.RISKGATE_E2E_NODE ?? process.execPath;
export const bundleBuilt = existsSync(bundle);

/** Looks like a real installation token, so a leak would be found by a plain search. */
export const TOKEN = 'ghs_riskgateE2eToken0123456789abcdefABCDEF';

interface ActionYml {
  inputs: Record<string, { default?: string }>;
}

function defaultInputs(): Record<string, string> {
  const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as ActionYml;
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [
      name,
      (input.default ?? '').replace('${{ github.token }}', TOKEN),
    ]),
  );
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error`, `::warning`, `::notice` lines. */
  annotations: WorkflowCommand[];
  /** The JSON report the `report` output points to, when there is one. */
  report: Record<string, unknown> | null;
  reportFiles: string[];
}

export interface RunOptions {
  apiUrl: string;
  event: string;
  payload: object;
  repository: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

/** `name<<delimiter\nvalue\ndelimiter` blocks written by core.setOutput. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]] = match[3];
  return outputs;
}

const unescapeData = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (text: string) => unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');

function parseCommands(stdout: string): WorkflowCommand[] {
  return [...stdout.matchAll(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm)].map((match) => ({
    command: match[1],
    properties: Object.fromEntries(
      (match[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map((pair) => {
          const at = pair.indexOf('=');
          return [pair.slice(0, at), unescapeProperty(pair.slice(at + 1))];
        }),
    ),
    message: unescapeData(match[3]),
  }));
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'riskgate-action-'));
  const files = {
    event: join(dir, 'event.json'),
    output: join(dir, 'output.txt'),
    summary: join(dir, 'summary.md'),
    temp: join(dir, 'runner-temp'),
  };
  await writeFile(files.event, JSON.stringify(options.payload));
  await writeFile(files.output, '');
  await writeFile(files.summary, '');
  const inputs = { ...defaultInputs(), ...options.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: options.repository,
    GITHUB_RUN_ID: '4242',
    GITHUB_WORKFLOW: 'riskgate',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: files.temp,
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
    ...options.env,
  };
  const { exitCode, stdout, stderr } = await spawnNode(env);
  const outputs = parseOutputs(await readFile(files.output, 'utf8'));
  const reportDir = join(files.temp, 'riskgate');
  const reportFiles = existsSync(reportDir)
    ? (await readdir(reportDir)).map((name) => join(reportDir, name))
    : [];
  return {
    exitCode,
    stdout,
    stderr,
    outputs,
    summary: await readFile(files.summary, 'utf8'),
    annotations: parseCommands(stdout),
    report:
      outputs.report && existsSync(outputs.report)
        ? JSON.parse(await readFile(outputs.report, 'utf8'))
        : null,
    reportFiles,
  };
}

function spawnNode(
  env: Record<string, string>,
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(nodeBinary, [bundle], {
      env,
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => resolvePromise({ exitCode, stdout, stderr }));
  });
}
