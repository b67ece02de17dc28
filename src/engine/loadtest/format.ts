/** Numbers and durations as people read them in a PR comment: `12,000`, `23.74`, `22.85%`, `15m`, `4.2s`. */

export function formatNumber(value: number): string {
  if (Math.abs(value) >= 1000)
    return Math.round(value)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return String(Number(value.toPrecision(4)));
}

export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100)}%`;
}

/** Go-style, as durations are written in the policy: `1.6ms`, `4.2s`, `15m`, `1m55s`, `1h0m20s`. */
export function formatDuration(seconds: number): string {
  if (seconds < 1) return `${formatNumber(seconds * 1000)}ms`;
  if (seconds < 60) return `${formatNumber(seconds)}s`;
  const total = Math.round(seconds);
  const [hours, minutes, rest] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  let text = hours > 0 ? `${hours}h` : '';
  if (minutes > 0 || (hours > 0 && rest > 0)) text += `${minutes}m`;
  return rest > 0 ? `${text}${rest}s` : text;
}
