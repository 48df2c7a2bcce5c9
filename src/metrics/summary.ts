/**
 * From logs to the numbers users see: `measure` turns one replication's log into KPI
 * records, `summarize` turns several replications' records into means with 95 % CIs.
 * A KPI with no value in any replication (a ratio with nothing to divide by, FCR
 * without resolution data) is left out, never zero-filled. A replication where a ratio
 * has no denominator (no call answered in an interval: no ASA) does not count towards
 * that KPI's mean. CIs are clipped to the metric's range ([0, 1] for rates, ≥ 0 else).
 */
import type { ContactLog } from '../logs/contactLog.js';
import { estimate, type Estimate } from './confidence.js';
import { WAIT_CDF_GRID_SEC, contactKpis, intervalCount, type KpiRecord } from './contacts.js';
import { CONTACT_METRICS, GROUP_INTERVAL_METRICS, GROUP_METRICS, type MetricDefinition, type Unit } from './definitions.js';
import { groupKpis } from './groups.js';
import { backlogKpis } from './backlog.js';
import { issueKpis } from './fcr.js';
import { ivrKpis } from './ivr.js';
import { callbackKpis } from './callbacks.js';
import type { MeasureOptions } from './options.js';

/** KPIs of one replication. */
export interface ReplicationKpis {
  channels: Record<string, KpiRecord>;
  groups: Record<string, KpiRecord>;
  total: KpiRecord;
  /** Per channel: share of waits ≤ each WAIT_CDF_GRID_SEC value. */
  waitCdf: Record<string, number[]>;
  intervals: { channels: Record<string, KpiRecord>; groups: Record<string, KpiRecord> }[];
}

export type EstimateRecord = Record<string, Estimate>;

/** KPIs across replications, as printed by `--json` (intervals only in summary.json). */
export interface Summary {
  channels: Record<string, EstimateRecord>;
  groups: Record<string, EstimateRecord>;
  total: EstimateRecord;
}

/** The wait-time CDF across replications: for each grid wait, the share of waits at or below it. */
export interface WaitCdfSummary {
  gridSec: readonly number[];
  channels: Record<string, (Estimate | null)[]>;
}

/** Mean and CI of the wait CDF at each grid point (null where no replication had waits). */
export function summarizeWaitCdf(reps: readonly ReplicationKpis[]): WaitCdfSummary {
  const channels: Record<string, (Estimate | null)[]> = {};
  for (const id of Object.keys(reps[0].waitCdf)) {
    channels[id] = WAIT_CDF_GRID_SEC.map((_, k) => {
      const e = estimate(reps.map((r) => r.waitCdf[id][k]).filter(Number.isFinite));
      return e ? clip(e, 'rate') : null;
    });
  }
  return { gridSec: WAIT_CDF_GRID_SEC, channels };
}

export interface IntervalSummary {
  startSec: number;
  /** Clock time of the interval start, "HH:MM" (with "d2 " prefix from the second day on). */
  clock: string;
  channels: Record<string, EstimateRecord>;
  groups: Record<string, EstimateRecord>;
}

/** Measure one replication's log. */
export function measure(log: ContactLog, opts: MeasureOptions): ReplicationKpis {
  const c = contactKpis(log, opts);
  const g = groupKpis(log, opts);
  const b = backlogKpis(log, opts);
  for (const [id, rec] of Object.entries(b.channels)) Object.assign(c.channels[id], rec);
  b.intervals.forEach((row, i) => {
    for (const [id, rec] of Object.entries(row)) Object.assign(c.intervals[i][id], rec);
  });
  // Issue-4 KPIs: only the keys that apply to this log are present.
  for (const extra of [issueKpis(log, opts), ivrKpis(log, opts), callbackKpis(log, opts)]) {
    for (const [id, rec] of Object.entries(extra.channels)) Object.assign(c.channels[id], rec);
    Object.assign(c.total, extra.total);
  }
  return {
    channels: c.channels,
    total: c.total,
    groups: g?.groups ?? {},
    waitCdf: c.waitCdf,
    intervals: c.intervals.map((channels, i) => ({ channels, groups: g?.intervals[i] ?? {} })),
  };
}

/** Means and CIs over replications, for the run as a whole. */
export function summarize(reps: readonly ReplicationKpis[]): Summary {
  const first = reps[0];
  return {
    channels: mapKeys(first.channels, (id) => combine(reps.map((r) => r.channels[id]), CONTACT_METRICS)),
    groups: mapKeys(first.groups, (id) => combine(reps.map((r) => r.groups[id]), GROUP_METRICS)),
    total: combine(reps.map((r) => r.total), CONTACT_METRICS),
  };
}

/** Means and CIs over replications, interval by interval (intervals before warm-up are left out). */
export function summarizeIntervals(reps: readonly ReplicationKpis[], opts: MeasureOptions): IntervalSummary[] {
  const out: IntervalSummary[] = [];
  const n = intervalCount(opts);
  for (let i = 0; i < n; i++) {
    const startSec = i * opts.intervalSec;
    if (startSec + opts.intervalSec <= opts.warmupSec) continue;
    const first = reps[0].intervals[i];
    out.push({
      startSec,
      clock: clockLabel(opts.startClockSec + startSec),
      channels: mapKeys(first.channels, (id) => combine(reps.map((r) => r.intervals[i].channels[id]), CONTACT_METRICS)),
      groups: mapKeys(first.groups, (id) => combine(reps.map((r) => r.intervals[i].groups[id]), GROUP_INTERVAL_METRICS)),
    });
  }
  return out;
}

/** "HH:MM" of a clock time in seconds after midnight of day 1, with "dN " from day 2 on. */
export function clockLabel(sec: number): string {
  const day = Math.floor(sec / 86400);
  const s = sec - day * 86400;
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  return `${day > 0 ? `d${day + 1} ` : ''}${hh}:${mm}`;
}

function combine(records: readonly KpiRecord[], order: readonly MetricDefinition[]): EstimateRecord {
  const out: EstimateRecord = {};
  for (const { key, unit } of order) {
    const values = records.map((r) => r?.[key]).filter((v): v is number => v !== undefined && Number.isFinite(v));
    const e = estimate(values);
    if (e) out[key] = clip(e, unit);
  }
  return out;
}

/** A t interval can leave the metric's range (a rate below 0 with few events); clip it to the range. */
function clip(e: Estimate, unit: Unit): Estimate {
  const hi = unit === 'rate' ? Math.min(1, e.hi) : e.hi;
  return { mean: e.mean, lo: Math.max(0, e.lo), hi };
}

function mapKeys<T, U>(obj: Record<string, T>, fn: (key: string) => U): Record<string, U> {
  const out: Record<string, U> = {};
  for (const k of Object.keys(obj)) out[k] = fn(k);
  return out;
}
