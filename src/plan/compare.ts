/**
 * `ccsim compare`: several scenarios under common random numbers, and each one's paired
 * differences against the first.
 *
 *   scenario k, replication r (same seed for all) ─▶ KPIs ─┬─▶ summary per scenario
 *                                                          └─▶ (k − first) per replication ─▶ estimate
 *
 * Common random numbers: replication r of seed s draws from the streams (s, r, purpose),
 * and each contact draws its handle time and patience on arrival, so customer j of
 * replication r brings the same arrival time, handle time and patience to every scenario
 * that has its channel. The difference then measures the change, not the luck; the CI of
 * the mean per-replication difference is far narrower than with independent seeds.
 */
import { CONTACT_METRICS, GROUP_METRICS, type MetricDefinition, type Unit } from '../metrics/definitions.js';
import { estimate, type EstimateRecord, type KpiRecord, type ReplicationKpis } from '../metrics/index.js';
import type { Scenario } from '../scenario/types.js';
import type { CompareResult } from './results.js';
import { runStudyWith, type ReplicationRunner } from './study.js';
import { alignColumns, formatPlusMinus, kpiPathsOf, estimateAt } from './targets.js';

/** One scenario to compare. */
export interface CompareInput {
  file: string;
  scenario: Scenario;
}

export interface CompareOptions {
  replications: number;
  seed: number;
  /** Run scenario k with seed + k instead (to show what common random numbers gain). */
  independent?: boolean;
  /** Scenario k (0-based) has finished `done` of its replications. */
  onProgress?: (scenario: number, done: number, total: number) => void;
}

/** Run every scenario with the same seed and replications; differences against the first. */
export async function compareScenarios(runner: ReplicationRunner, inputs: readonly CompareInput[], o: CompareOptions): Promise<CompareResult> {
  const runs: { input: CompareInput; reps: ReplicationKpis[]; summary: CompareResult['scenarios'][number]['summary'] }[] = [];
  for (const [k, input] of inputs.entries()) {
    const seed = o.independent ? o.seed + k : o.seed;
    const study = await runStudyWith(runner, input.scenario, {
      replications: o.replications,
      seed,
      onProgress: (d, t) => o.onProgress?.(k, d, t),
    });
    runs.push({ input, reps: study.perReplication, summary: study.summary });
  }
  const [first, ...rest] = runs;
  return {
    seed: o.seed,
    replications: o.replications,
    scenarios: runs.map((r) => ({ name: r.input.scenario.name, file: r.input.file, summary: r.summary })),
    differences: rest.map((r) => ({
      name: r.input.scenario.name,
      file: r.input.file,
      channels: pairedByKey(first.reps, r.reps, (x) => x.channels, CONTACT_METRICS),
      groups: pairedByKey(first.reps, r.reps, (x) => x.groups, GROUP_METRICS),
      total: paired(first.reps.map((x) => x.total), r.reps.map((x) => x.total), CONTACT_METRICS),
    })),
  };
}

/** Paired differences for every id the two scenarios share (channels or groups). */
function pairedByKey(
  a: readonly ReplicationKpis[],
  b: readonly ReplicationKpis[],
  pick: (r: ReplicationKpis) => Record<string, KpiRecord>,
  defs: readonly MetricDefinition[],
): Record<string, EstimateRecord> {
  const out: Record<string, EstimateRecord> = {};
  for (const id of Object.keys(pick(b[0]))) {
    if (!(id in pick(a[0]))) continue;
    out[id] = paired(a.map((r) => pick(r)[id]), b.map((r) => pick(r)[id]), defs);
  }
  return out;
}

/** Mean and 95 % CI of (b − a) over the replications where both have the KPI. */
function paired(a: readonly KpiRecord[], b: readonly KpiRecord[], defs: readonly MetricDefinition[]): EstimateRecord {
  const out: EstimateRecord = {};
  for (const { key } of defs) {
    const diffs: number[] = [];
    for (let r = 0; r < a.length; r++) {
      const x = a[r]?.[key];
      const y = b[r]?.[key];
      if (x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) diffs.push(y - x);
    }
    const e = estimate(diffs);
    if (e) out[key] = e;
  }
  return out;
}

/**
 * The comparison as a text table: one row per KPI path, one column per scenario
 * (mean ± half-width), then one column per later scenario with its difference against
 * the first; `*` marks a difference whose 95 % CI excludes 0.
 */
export function renderCompare(r: CompareResult, independent = false): string {
  const names = r.scenarios.map((s) => s.name);
  const header = ['', ...names, ...r.differences.map((d) => `${d.name} − ${names[0]}`)];
  const rows: string[][] = [header];
  const paths = kpiPathsOf(r.scenarios[0].summary);
  for (const s of r.scenarios.slice(1)) for (const p of kpiPathsOf(s.summary)) if (!paths.some((q) => q.text === p.text)) paths.push(p);
  // One channel everywhere: its total repeats it. A KPI that is 0 everywhere (blocked, overtime) says nothing.
  const oneChannel = r.scenarios.every((s) => Object.keys(s.summary.channels).length === 1);
  const zero = (e?: { mean: number; lo: number; hi: number }) => !e || (e.mean === 0 && e.lo === 0 && e.hi === 0);
  for (const p of paths) {
    if (oneChannel && p.scope === 'total') continue;
    if (r.scenarios.every((s) => zero(estimateAt(s.summary, p)))) continue;
    const cells = r.scenarios.map((s) => cell(estimateAt(s.summary, p), p.unit));
    const diffs = r.differences.map((d) => {
      const rec = p.scope === 'total' ? d.total : p.scope === 'channels' ? d.channels[p.id] : d.groups[p.id];
      const e = rec?.[p.key];
      if (!e) return '–';
      if (e.mean === 0 && e.lo === 0 && e.hi === 0) return '0  '; // the same in every replication
      const significant = e.lo > 0 || e.hi < 0;
      return `${e.mean >= 0 ? '+' : ''}${formatPlusMinus(e, p.unit)}${significant ? ' *' : '  '}`;
    });
    rows.push([p.text, ...cells, ...diffs]);
  }
  const seeds = independent ? `independent seeds ${r.seed}…${r.seed + names.length - 1}` : `seed ${r.seed} for every scenario (common random numbers)`;
  return [
    `compare: ${r.replications} replication${r.replications === 1 ? '' : 's'}, ${seeds}; mean ± 95 % CI half-width`,
    '',
    ...alignColumns(rows),
    '',
    `differences are paired per replication against ${names[0]}; * = the 95 % CI excludes 0`,
  ].join('\n') + '\n';
}

function cell(e: { mean: number; lo: number; hi: number } | undefined, unit: Unit): string {
  return e ? formatPlusMinus(e, unit) : '–';
}
