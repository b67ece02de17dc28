/**
 * Secret values never appear in any output (contracts §4). The secrets scenarios assert "[redacted]" on the
 * findings; this test renders every output of those scenarios and looks for the secret values themselves.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/context/scenario.js';
import { evaluate } from '../../src/engine/index.js';
import { escapeMarkdown } from '../../src/report/escape.js';
import {
  renderAnnotations,
  renderJson,
  renderMarkdown,
  renderSarif,
  renderText,
} from '../../src/report/index.js';

const secretsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../scenarios/secrets');

/** Each scenario with the secret values written in its files. */
const cases: [string, string[]][] = [
  ['password-key-value-redacted.yml', ['hunter2-old', 'hunter2-new']],
  ['api-key-env-value-redacted.yml', ['sk_live_old_4242', 'sk_live_new_4242']],
  ['token-key-value-redacted.yml', ['rt-secret-value']],
  [
    'secret-and-credential-keys-redacted.yml',
    ['old-secret', 'new-secret', 'old-credentials', 'new-credentials', 'old-key', 'new-key'],
  ],
  ['redact-glob-value-redacted.yml', ['https://old@', 'https://new@', 'o1.ingest.sentry.io']],
];

test.each(cases)('%s: no output shows a secret value', async (file, secrets) => {
  const { policy, snapshot } = await loadScenario(path.join(secretsDir, file));
  const report = evaluate(policy, snapshot);
  expect(report.findings.length).toBeGreaterThan(0);
  const outputs = {
    report: JSON.stringify(report),
    json: renderJson(report),
    text: renderText(report, { color: false }),
    markdown: renderMarkdown(report),
    sarif: renderSarif(report),
    annotations: JSON.stringify(renderAnnotations(report)),
  };
  for (const [name, output] of Object.entries(outputs)) {
    for (const secret of secrets) {
      const leaks = output.includes(secret) || output.includes(escapeMarkdown(secret));
      expect({ output: name, secret, leaks }).toEqual({ output: name, secret, leaks: false });
    }
  }
  expect(outputs.json).toContain('[redacted]');
});
