/**
 * KPI paths and target expressions, shared by `staff` (targets), `check` (expectations,
 * baselines), `sweep` and `compare` (column names).
 *
 * A KPI path names one number of a study: `<channel>.<kpi>` (`voice.serviceLevel`),
 * `total.<kpi>`, or `<group>.<kpi>` (`team.occupancy`). Where a channel and a group share
 * an id, `channels.<id>.<kpi>` and `groups.<id>.<kpi>` say which. The KPI names are those
 * of the `--json` output (metrics/definitions.ts).
 *
 * A target is a KPI path, a comparison and a number: `voice.serviceLevel>=0.8`,
 * `chat.asaSeconds<=30s`, `voice.abandonRate<=5%`.
 */
import { MSG, inputError } from '../messages.js';
import { nearest } from '../nearest.js';
import { CONTACT_METRICS, GROUP_METRICS, type MetricDefinition, type Unit } from '../metrics/definitions.js';
import type { Estimate, EstimateRecord, KpiRecord, Summary } from '../metrics/index.js';
import { parseDuration } from '../scenario/index.js';
import type { Scenario } from '../scenario/types.js';

/** Where a KPI lives in a summary or a replication's KPIs. */
export interface KpiPath {
  /** As the user wrote it (used in output). */
  text: string;
  scope: 'channels' | 'groups' | 'total';
  /** Channel or group id; 'total' for the total. */
  id: string;
  key: string;
  unit: Unit;
}

export type Comparison = '>=' | '<=' | '>' | '<';

/** A parsed target expression. */
export interface Target {
  text: string;
  path: KpiPath;
  op: Comparison;
  value: number;
}

/** Where an error is reported: a file and field (`expect.voice.serviceLevel`) or a flag (`--target`). */
export interface Where {
  file?: string;
  path?: string;
}

const CONTACT_KEYS = new Map(CONTACT_METRICS.map((m) => [m.key, m]));
const GROUP_KEYS = new Map(GROUP_METRICS.map((m) => [m.key, m]));

/** Resolve `voice.serviceLevel`, `total.asaSeconds`, `team.occupancy` (or `channels.x.y`, `groups.x.y`) against a scenario. */
export function resolveKpiPath(text: string, s: Scenario, where: Where): KpiPath {
  const parts = text.trim().split('.');
  let scope: KpiPath['scope'] | undefined;
  let id: string | undefined;
  let key: string | undefined;
  if (parts.length === 3 && (parts[0] === 'channels' || parts[0] === 'groups')) {
    [, id, key] = parts as [string, string, string];
    scope = parts[0] === 'channels' ? 'channels' : 'groups';
  } else if (parts.length === 2) {
    [id, key] = parts as [string, string];
    if (id === 'total') scope = 'total';
    else if (Object.hasOwn(s.channels, id)) scope = 'channels';
    else if (Object.hasOwn(s.groups, id)) scope = 'groups';
  }
  const scopes = [...Object.keys(s.channels), 'total', ...Object.keys(s.groups)];
  if (id === undefined || key === undefined || scope === undefined || (scope !== 'total' && !Object.hasOwn(scope === 'channels' ? s.channels : s.groups, id))) {
    const guess = id === undefined ? undefined : nearest(id, scopes);
    throw inputError(MSG.unknownKpiScope(text, scopes, guess && key ? `${guess}.${key}` : undefined), where);
  }
  const defs = scope === 'groups' ? GROUP_KEYS : CONTACT_KEYS;
  const def = defs.get(key);
  if (!def) {
    const guess = nearest(key, [...defs.keys()]);
    throw inputError(MSG.unknownKpi(text, scope === 'groups' ? `group '${id}'` : id === 'total' ? 'the total' : `channel '${id}'`, [...defs.keys()], guess ? `${id}.${guess}` : undefined), where);
  }
  return { text: text.trim(), scope, id, key, unit: def.unit };
}

/** Parse `PATH>=VALUE` (also `<=`, `>`, `<`; VALUE may end in % or a duration unit). */
export function parseTarget(expr: string, s: Scenario, where: Where): Target {
  const m = /^\s*([^<>=\s]+)\s*(>=|<=|=>|=<|>|<)\s*(\S+)\s*$/.exec(expr);
  if (!m) throw inputError(MSG.badTarget(expr), where);
  const [, pathText, rawOp, valueText] = m as unknown as [string, string, string, string];
  const op = ({ '=>': '>=', '=<': '<=' } as Record<string, Comparison>)[rawOp] ?? (rawOp as Comparison);
  const path = resolveKpiPath(pathText, s, where);
  const value = parseNumber(valueText, path.unit);
  if (value === undefined) throw inputError(MSG.badTargetValue(expr, valueText), where);
  return { text: `${path.text}${op}${valueText}`, path, op, value };
}

/** A number as written in a target: `0.8`, `80%`, or for seconds also `30s`, `2m`. */
function parseNumber(text: string, unit: Unit): number | undefined {
  const n = parseRate(text);
  if (n !== undefined) return n;
  if (unit === 'seconds') return parseDuration(text);
  return undefined;
}

/**
 * A rate or share as people write it, `0.8` or `80%` (also `80 %`), as a fraction; undefined
 * when it is neither. The one percentage parser: targets and command-line flags both use it.
 */
export function parseRate(text: string): number | undefined {
  const t = text.trim();
  const percent = /^(-?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/.exec(t);
  if (percent) return Number(percent[1]) / 100;
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : undefined;
}

/** Whether `value` satisfies the comparison. */
export function compares(value: number, op: Comparison, bound: number): boolean {
  switch (op) {
    case '>=':
      return value >= bound;
    case '<=':
      return value <= bound;
    case '>':
      return value > bound;
    case '<':
      return value < bound;
  }
}

/** The estimate at a path in a summary (undefined when the KPI does not apply there). */
export function estimateAt(s: Summary, p: KpiPath): Estimate | undefined {
  return recordOf(s, p)?.[p.key];
}

/** The value at a path in one replication's (or one interval's) KPIs. */
export function valueAt(r: { channels: Record<string, KpiRecord>; groups: Record<string, KpiRecord>; total?: KpiRecord }, p: KpiPath): number | undefined {
  const rec = p.scope === 'total' ? r.total : p.scope === 'channels' ? r.channels[p.id] : r.groups[p.id];
  const v = rec?.[p.key];
  return v === undefined || !Number.isFinite(v) ? undefined : v;
}

function recordOf(s: Summary, p: KpiPath): EstimateRecord | undefined {
  return p.scope === 'total' ? s.total : p.scope === 'channels' ? s.channels[p.id] : s.groups[p.id];
}

/** Every KPI path of a summary, channels first, then total, then groups (the order of `--json`). */
export function kpiPathsOf(s: Summary): KpiPath[] {
  const out: KpiPath[] = [];
  const add = (scope: KpiPath['scope'], id: string, rec: EstimateRecord, defs: readonly MetricDefinition[]) => {
    for (const d of defs) if (rec[d.key]) out.push({ text: `${id}.${d.key}`, scope, id, key: d.key, unit: d.unit });
  };
  for (const [id, rec] of Object.entries(s.channels)) add('channels', id, rec, CONTACT_METRICS);
  add('total', 'total', s.total, CONTACT_METRICS);
  for (const [id, rec] of Object.entries(s.groups)) add('groups', id, rec, GROUP_METRICS);
  return out;
}

/** A number for a table cell: rates as fractions with 4 decimals, seconds and counts with up to 4 significant digits. */
export function formatNumber(x: number, unit: Unit): string {
  if (!Number.isFinite(x)) return String(x);
  if (unit === 'rate') return x.toFixed(4);
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a >= 100) return x.toFixed(1);
  if (a >= 10) return x.toFixed(2);
  return x.toFixed(3);
}

/** `mean [lo, hi]`. */
export function formatEstimate(e: Estimate, unit: Unit): string {
  return `${formatNumber(e.mean, unit)} [${formatNumber(e.lo, unit)}, ${formatNumber(e.hi, unit)}]`;
}

/** `mean ± half-width`, as the KPI table prints it. */
export function formatPlusMinus(e: Estimate, unit: Unit): string {
  const half = (e.hi - e.lo) / 2;
  return half > 0 ? `${formatNumber(e.mean, unit)} ± ${formatNumber(half, unit)}` : formatNumber(e.mean, unit);
}

/** Left-align the first column, right-align the others, two spaces apart. */
export function alignColumns(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd());
}

