/**
 * The KPI table a person reads in the terminal: metrics down, channels (and total)
 * across, each cell "mean ± half-width" of the 95 % CI.
 */
import { CONTACT_METRICS, GROUP_METRICS, type Unit } from '../metrics/definitions.js';
import type { Estimate, Summary } from '../metrics/index.js';
import { formatDuration } from '../scenario/index.js';
import { formatEstimate, formatValue } from './format.js';

export interface TableTargets {
  /** Channel → SL target and threshold, to print "target 80 % in 20s: met/missed". */
  [channel: string]: { serviceLevel: number; withinSec: number } | undefined;
}

export interface TableHeader {
  scenario: string;
  /** Absent for an imported log (no seed to speak of). */
  seed?: number;
  replications: number;
}

/** Render a summary as an aligned text table. */
export function renderKpiTable(h: TableHeader, s: Summary, targets: TableTargets = {}, withinSec: Record<string, number> = {}): string {
  const cols = [...Object.keys(s.channels), 'total'];
  const get = (col: string): Record<string, Estimate> => (col === 'total' ? s.total : s.channels[col]);
  const rows: string[][] = [['', ...cols]];
  for (const m of CONTACT_METRICS) {
    if (m.detail || !cols.some((c) => get(c)[m.key])) continue;
    let label = m.label;
    if (m.key === 'serviceLevel') {
      const ths = new Set(Object.keys(s.channels).map((c) => withinSec[c]).filter((x) => x !== undefined));
      if (ths.size === 1) label = `service level (${formatDuration([...ths][0])})`;
    }
    rows.push([label + unitSuffix(m.unit), ...cols.map((c) => cell(get(c)[m.key], m.unit))]);
  }
  const targetRow = cols.map((c) => {
    const t = targets[c];
    const sl = c === 'total' ? undefined : get(c).serviceLevel;
    if (!t || !sl) return '';
    return `${sl.mean >= t.serviceLevel ? 'met' : 'MISSED'} (${pct(t.serviceLevel)} in ${formatDuration(t.withinSec)})`;
  });
  if (targetRow.some((x) => x)) rows.push(['SL target', ...targetRow]);

  const out: string[] = [];
  const seed = h.seed === undefined ? '' : `seed ${h.seed}, `;
  out.push(`${h.scenario}: ${seed}${h.replications} replication${h.replications === 1 ? '' : 's'}; mean ± 95 % CI half-width`);
  out.push('');
  out.push(...align(rows));
  const groups = Object.keys(s.groups);
  if (groups.length) {
    out.push('');
    // Only the group metrics some group has (no "mean concurrency" column without chats).
    const metrics = GROUP_METRICS.filter((m) => groups.some((id) => s.groups[id][m.key]));
    const g: string[][] = [['group', ...metrics.map((m) => m.label + unitSuffix(m.unit))]];
    for (const id of groups) g.push([id, ...metrics.map((m) => cell(s.groups[id][m.key], m.unit))]);
    out.push(...align(g));
  }
  return out.join('\n') + '\n';
}

function unitSuffix(u: Unit): string {
  return u === 'seconds' ? ' (s)' : '';
}

/** The report's formatting, with the unit left to the row label (the terminal table is narrow). */
function cell(e: Estimate | undefined, unit: Unit): string {
  return e ? formatEstimate(e, unit).replace(/ [sh]$/, '') : '–';
}

function pct(v: number): string {
  return formatValue(v, 'rate');
}

function align(rows: string[][]): string[] {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => (r[j] ?? '').length)));
  return rows.map((r) => r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ').trimEnd());
}
