import type { Check } from '../../model/snapshot.js';
import { diffConfig } from '../config/index.js';
import { compileConfigFormat } from '../files.js';
import type { RequirementContext } from './types.js';

const keyId = (document: string | null, key: string | null) => `${document ?? ''}\u0000${key ?? ''}`;

/**
 * Evidence from an older commit still counts when every key that triggered the requirement has the same value
 * at that commit as at the head. Unknown history, a changed file-level finding or an unreadable file: not fresh.
 */
export function unchangedSinceTested(check: Check, context: RequirementContext): boolean {
  if (!check.stale || !check.testedFiles) return false;
  const formatOf = compileConfigFormat(context.policy);
  return check.testedFiles.every(({ path, text }) => {
    const relevant = context.findings.filter((finding) => finding.file === path);
    if (!relevant.length) return true;
    const format = formatOf(path);
    if (!format || relevant.some((finding) => finding.key === null)) return false;
    const head = context.snapshot.files.find((file) => file.path === path)?.head ?? null;
    const diff = diffConfig(format, text, head);
    if (!diff.ok) return false;
    const changed = new Set(diff.changes.map((change) => keyId(change.document, change.key)));
    return relevant.every((finding) => !changed.has(keyId(finding.document, finding.key)));
  });
}
