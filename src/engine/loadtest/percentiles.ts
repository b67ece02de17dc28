/**
 * Percentiles of raw samples, each computed the way the tool itself computes it, so that a report
 * read from raw samples agrees with the tool's own summary of the same run.
 */

function sortedCopy(samples: number[]): number[] {
  return [...samples].sort((a, b) => a - b);
}

/** Linear interpolation between closest ranks (k6 trend metrics; also used for Gatling's text log). */
export function linearPercentile(samples: number[], fraction: number): number | null {
  if (samples.length === 0) return null;
  const sorted = sortedCopy(samples);
  const index = fraction * (sorted.length - 1);
  const lower = Math.floor(index);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (index - lower);
}

/** Apache Commons Math's default estimate at p·(n+1), which JMeter's dashboard uses. */
export function jmeterPercentile(samples: number[], fraction: number): number | null {
  if (samples.length === 0) return null;
  const sorted = sortedCopy(samples);
  const position = fraction * (sorted.length + 1);
  if (position < 1) return sorted[0];
  if (position >= sorted.length) return sorted[sorted.length - 1];
  const lower = Math.floor(position);
  return sorted[lower - 1] + (position - lower) * (sorted[lower] - sorted[lower - 1]);
}

/** Locust's percentile over its rounded response-time buckets (response time → count). */
export function bucketPercentile(buckets: Map<number, number>, fraction: number): number | null {
  let total = 0;
  for (const count of buckets.values()) total += count;
  if (total === 0) return null;
  const wanted = Math.floor(total * fraction);
  let seen = 0;
  for (const time of [...buckets.keys()].sort((a, b) => b - a)) {
    seen += buckets.get(time) ?? 0;
    if (total - seen <= wanted) return time;
  }
  return null;
}
