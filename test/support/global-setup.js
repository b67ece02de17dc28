// Every temporary folder the tests make (theirs and their child processes') goes under one folder that
// the teardown removes, so a test run leaves nothing behind in the system's temp folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup() {
  process.env.RISKGATE_TEST_TMP = mkdtempSync(path.join(tmpdir(), 'riskgate-jest-'));
  process.env.TMPDIR = process.env.RISKGATE_TEST_TMP;
}
