/**
 * Runs every scenario under test/scenarios (contracts §2) through the engine and checks its `expect:` block,
 * so `npm test` covers the acceptance scenarios that `riskgate test test/scenarios` runs in CI.
 * The expectations are checked here with jest matchers, independently of the CLI's own checker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { looksLikeScenario, loadScenario, type Expectation } from '../src/context/scenario.js';
import { evaluate } from '../src/engine/index.js';
import type { Finding, Report } from '../src/model/report.js';

const scenariosDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scenarios');

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return scenarioFiles(file);
      return /\.ya?ml$/.test(entry.name) && looksLikeScenario(readFileSync(file, 'utf8')) ? [file] : [];
    })
    .sort();
}

type FindingExpectation = NonNullable<Expectation['findings']>[number];

/** A matcher for the finding an expectation describes: listed fields equal, `rule` among its rules, `note` inside its note. */
function findingMatcher(expected: FindingExpectation) {
  const { rule, note, ...fields } = expected;
  return expect.objectContaining({
    ...fields,
    ...(rule === undefined ? {} : { rules: expect.arrayContaining([rule]) }),
    ...(note === undefined ? {} : { note: expect.stringContaining(note) }),
  });
}

function checkExpectation(report: Report, expected: Expectation): void {
  if (expected.decision) expect(report.decision).toBe(expected.decision);
  if (expected.risk) expect(report.risk).toBe(expected.risk);
  if (expected.releaseTrack) expect(report.releaseTrack).toBe(expected.releaseTrack);
  for (const [id, { status, detail }] of Object.entries(expected.requirements ?? {})) {
    const actual = report.requirements.find((requirement) => requirement.id === id);
    if (status === 'absent') {
      expect(actual).toBeUndefined();
      continue;
    }
    expect(actual).toMatchObject({ id, status });
    if (detail !== undefined) expect(actual!.detail).toContain(detail);
  }
  if (expected.findings?.length === 0) expect(report.findings).toEqual<Finding[]>([]);
  for (const finding of expected.findings ?? [])
    expect(report.findings).toContainEqual(findingMatcher(finding));
  if (expected.errors?.length === 0) expect(report.errors).toEqual([]);
  for (const error of expected.errors ?? [])
    expect(report.errors).toContainEqual(expect.stringContaining(error));
}

const files = scenarioFiles(scenariosDir);

test('scenario files are found', () => {
  expect(files.length).toBeGreaterThan(100);
});

test.each(files.map((file) => [path.relative(scenariosDir, file), file]))('%s', async (_name, file) => {
  const scenario = await loadScenario(file);
  expect(scenario.expect).toBeDefined();
  checkExpectation(evaluate(scenario.policy, scenario.snapshot), scenario.expect!);
});
