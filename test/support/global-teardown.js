import { rmSync } from 'node:fs';

export default function teardown() {
  if (process.env.RISKGATE_TEST_TMP) rmSync(process.env.RISKGATE_TEST_TMP, { recursive: true, force: true });
}
