/**
 * Key globs (contracts §1.2): segments separated by `.`; `*` is one segment, `**` zero or more, wildcards may
 * appear inside a segment. Segments compare normalized: lower-cased with `_` and `-` removed.
 */
export type KeyMatcher = (segments: readonly string[]) => boolean;

export const normalizeSegment = (segment: string): string => segment.toLowerCase().replace(/[_-]/g, '');

/** Normalized matching segments of a key; a segment that itself contains `.` (a YAML key "a.b") splits further. */
export const matchSegments = (segments: readonly string[]): string[] =>
  segments.flatMap((segment) => segment.split('.')).map(normalizeSegment);

type SegmentPattern = '**' | RegExp | string;

function compileSegment(segment: string): SegmentPattern {
  if (segment === '**') return '**';
  const normalized = normalizeSegment(segment);
  if (!normalized.includes('*') && !normalized.includes('?')) return normalized;
  const body = normalized
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

const segmentMatches = (pattern: SegmentPattern, segment: string): boolean =>
  typeof pattern === 'string' ? pattern === segment : (pattern as RegExp).test(segment);

export function compileKeyGlob(glob: string): KeyMatcher {
  const patterns = glob.split('.').map(compileSegment);
  const last = patterns[patterns.length - 1];
  return (segments) => {
    // Most globs end in a concrete segment: reject on it before the full match.
    if (last !== '**' && (!segments.length || !segmentMatches(last, segments[segments.length - 1])))
      return false;
    // reachable[j]: the patterns so far can consume the first j segments.
    let reachable = new Array<boolean>(segments.length + 1).fill(false);
    reachable[0] = true;
    for (const pattern of patterns) {
      const next = new Array<boolean>(segments.length + 1).fill(false);
      for (let j = 0; j <= segments.length; j++) {
        if (pattern === '**') next[j] = reachable[j] || (j > 0 && next[j - 1]);
        else next[j] = j > 0 && reachable[j - 1] && segmentMatches(pattern, segments[j - 1]);
      }
      reachable = next;
    }
    return reachable[segments.length];
  };
}

/** True when the key matches any of the globs. */
export function compileKeyGlobs(globs: readonly string[]): KeyMatcher {
  const matchers = globs.map(compileKeyGlob);
  return (segments) => matchers.some((match) => match(segments));
}

const SECRET_WORDS = ['password', 'secret', 'token', 'apikey', 'credential', 'privatekey'];

/** A key is secret when a normalized segment contains a secret word, or it matches one of the policy's `redact` globs. */
export function compileSecretTest(redact: readonly string[]): KeyMatcher {
  const redacted = compileKeyGlobs(redact);
  return (segments) =>
    segments.some((segment) => SECRET_WORDS.some((word) => segment.includes(word))) || redacted(segments);
}
