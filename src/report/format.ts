/**
 * Numbers and text as the HTML reports print them: rates as percents, counts grouped,
 * seconds to a tenth, an estimate as "mean ± half-width" of its 95 % CI, and HTML escaping.
 */
import type { Unit } from '../metrics/definitions.js';
import type { Estimate } from '../metrics/index.js';

/** One value in its unit. */
export function formatValue(v: number, unit: Unit): string {
  switch (unit) {
    case 'rate':
      return `${(v * 100).toFixed(1)}%`;
    case 'count':
      return Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : trimZero(v.toFixed(1));
    case 'seconds':
      return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} s`;
    case 'hours':
      return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} h`;
  }
}

/** "mean ± half-width" (just the mean when the interval has no width: one replication). */
export function formatEstimate(e: Estimate, unit: Unit): string {
  const half = (e.hi - e.lo) / 2;
  if (!(half > 1e-9 * Math.abs(e.mean))) return formatValue(e.mean, unit);
  // The unit is said once, after the half-width: "12.3 ± 0.4 s".
  const bare = (v: number) => formatValue(v, unit).replace(/ [sh]$/, '');
  const suffix = unit === 'seconds' ? ' s' : unit === 'hours' ? ' h' : '';
  return `${bare(e.mean)} ± ${bare(half)}${suffix}`;
}

/** Text made safe for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function trimZero(s: string): string {
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}
