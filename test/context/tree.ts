import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh temporary folder holding `files` (relative path → text). */
export function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'riskgate-test-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** A small valid policy: one rule on heartbeat intervals, one review requirement. */
export const SMALL_POLICY = `version: 1
levels:
  high: [backend-review]
teams:
  backend: [backend-lead]
rules:
  - id: client-heartbeat
    keys: ["**.heartbeat_interval"]
    load: { scales: inverse }
    risk: medium
    escalate: [{ factor: 2, risk: high }]
requirements:
  backend-review:
    review: { teams: [backend] }
  load-test:
    load_test: { check: "load-test*", min_vus: 10 }
`;
