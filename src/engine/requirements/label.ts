import type { Snapshot } from '../../model/snapshot.js';
import type { People } from './people.js';

export type LabelVerdict = { ok: true; by: string } | { ok: false; detail: string };

/** The label is present and the login that applied it last is listed (or a member of a listed team). */
export function labelAppliedBy(
  snapshot: Snapshot,
  people: People,
  name: string,
  by: string[] | undefined,
): LabelVerdict {
  const label = snapshot.pr.labels.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  const who = by?.length ? ` by ${people.describe(by)}` : '';
  if (!label) return { ok: false, detail: `needs the label "${name}" applied${who}` };
  if (!by?.length) return { ok: true, by: label.by ?? 'unknown' };
  if (label.by && people.entryOf(label.by, by)) return { ok: true, by: label.by };
  const actor = label.by ? `was applied by ${label.by}, who is not authorised` : 'has no known actor';
  return { ok: false, detail: `label "${name}" ${actor}; it must be applied${who}` };
}
