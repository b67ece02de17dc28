/**
 * Lines added by a change: head lines beyond the number of times the same text occurs in the base.
 * A multiset difference rather than a full LCS diff: linear, and a moved line is not "added".
 */
export function addedLines(base: string | null, head: string): { line: number; text: string }[] {
  const remaining = new Map<string, number>();
  for (const text of (base ?? '').split(/\r?\n/)) remaining.set(text, (remaining.get(text) ?? 0) + 1);
  const added: { line: number; text: string }[] = [];
  head.split(/\r?\n/).forEach((text, index) => {
    const left = remaining.get(text) ?? 0;
    if (left > 0) remaining.set(text, left - 1);
    else added.push({ line: index + 1, text });
  });
  return added;
}
