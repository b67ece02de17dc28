/**
 * docs/load-testing.md promises workflows whose uploaded report riskgate picks up: each policy snippet is
 * a valid policy, and each workflow uploads the artifact that the snippet after it names.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { schemaProblems } from '../../../src/policy/schema.js';

const page = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/load-testing.md');
const blocks = [...readFileSync(page, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) =>
  parse(match[1]),
);

type Workflow = {
  jobs: Record<string, { name: string; steps: { uses?: string; with?: { name?: string } }[] }>;
};
type Snippet = {
  requirements: Record<string, { load_test: { check: string; report: { artifact?: string } } }>;
};

const workflows = blocks.filter((block): block is Workflow => 'jobs' in block);
const snippets = blocks.filter((block): block is Snippet => 'requirements' in block);

test('the page shows a k6, a Locust and an Artillery workflow, each followed by its policy', () => {
  expect(workflows.map((workflow) => Object.keys(workflow.jobs)[0])).toEqual(['k6', 'locust', 'artillery']);
  expect(snippets.length).toBe(workflows.length + 1);
});

test.each(snippets.map((snippet, index) => [index, snippet]))(
  'policy snippet %i is valid',
  (_index, snippet) => {
    const policy = {
      version: 1,
      fleet: { clients: 200000 },
      levels: { critical: ['load-test'] },
      ...(snippet as Snippet),
    };
    expect(schemaProblems(policy)).toEqual([]);
  },
);

test.each(workflows.map((workflow, index) => [Object.keys(workflow.jobs)[0], workflow, snippets[index + 1]]))(
  '%s: the job is the check the policy names, and it uploads the artifact the policy reads',
  (_tool, workflow, snippet) => {
    const job = Object.values((workflow as Workflow).jobs)[0];
    const spec = (snippet as Snippet).requirements['load-test'].load_test;
    const upload = job.steps.find((step) => step.uses === 'actions/upload-artifact@v4');
    expect(upload?.with?.name).toBe(spec.report.artifact);
    expect(job.name.startsWith(spec.check.replace(/\*$/, ''))).toBe(true);
  },
);
