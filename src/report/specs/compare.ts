/**
 * Charts of `ccsim compare`: each KPI per scenario as bars with 95 % CI whiskers, and the
 * paired differences against the first scenario with their CIs (zero marked).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../metrics/index.js';
import type { CompareResult } from '../../plan/results.js';
import { VL_SCHEMA, fields, type Chart, type EstimateFields, type LayerItem, type SubSpec } from './common.js';
import { PLAN_METRICS, axisFormat, type PlanMetric } from './plan.js';

export interface CompareRow extends EstimateFields {
  scenario: string;
  /** Channel id, `total` or group id. */
  id: string;
  metric: string;
}

type Scoped = Pick<Summary, 'channels' | 'groups' | 'total'>;

/** Rows of the plan metrics of one summary (or difference record), labelled with `scenario`. */
export function planRows(scenario: string, s: Scoped): CompareRow[] {
  const rows: CompareRow[] = [];
  for (const m of PLAN_METRICS) {
    const records = m.scope === 'groups' ? Object.entries(s.groups) : [...Object.entries(s.channels), ['total', s.total] as const];
    for (const [id, rec] of records) {
      const e = rec[m.key];
      if (e) rows.push({ scenario, id, metric: m.key, ...fields(e) });
    }
  }
  return rows;
}

const CELL = { width: 150, height: 150 };

/** One KPI's row of panels, one per channel (and total) or group: `inner` drawn in each. */
function metricRow(data: string, m: PlanMetric, ids: string[], inner: LayerItem[], title: string): SubSpec {
  return {
    title: { text: title, anchor: 'start' as const, fontSize: 12 },
    data: { name: data },
    transform: [{ filter: `datum.metric === '${m.key}'` }],
    facet: { column: { field: 'id', type: 'nominal' as const, title: null, sort: ids } },
    spec: { ...CELL, layer: inner },
    resolve: { scale: { y: 'shared' as const } },
  };
}

/** The bars-with-whiskers chart of a comparison. */
export function compareKpisChart(r: CompareResult): Chart {
  const names = r.scenarios.map((s) => s.name);
  const rows = r.scenarios.flatMap((s) => planRows(s.name, s.summary));
  const metrics = PLAN_METRICS.filter((m) => rows.some((x) => x.metric === m.key));
  const x = { field: 'scenario', type: 'nominal' as const, title: null, sort: names, axis: { labelAngle: -30 } };
  const color = { field: 'scenario', type: 'nominal' as const, title: 'scenario', scale: { domain: names }, sort: names };
  const spec: TopLevelSpec = {
    $schema: VL_SCHEMA,
    datasets: { kpis: rows },
    vconcat: metrics.map((m) => {
      const y = { field: 'mean', type: 'quantitative' as const, title: m.label, axis: { format: axisFormat(m) } };
      const tooltip = [{ field: 'scenario' }, { field: 'id', title: m.scope === 'groups' ? 'group' : 'channel' }, { field: 'mean', title: m.label, format: m.format }, { field: 'lo', title: '95 % CI from', format: m.format }, { field: 'hi', title: '95 % CI to', format: m.format }];
      const ids = idsOf(rows, m);
      return metricRow('kpis', m, ids, [
        { mark: { type: 'bar', opacity: 0.85 }, encoding: { x, y, color, tooltip } },
        { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color: { value: 'black' } } },
      ], `${m.label}: mean and 95 % CI`);
    }),
  };
  return {
    id: 'compare-kpis',
    title: 'KPIs per scenario',
    caption: 'Each bar is the mean over the replications; the whisker is its 95 % confidence interval. All scenarios ran with the same seeds (common random numbers).',
    spec,
  };
}

/** The paired-differences chart of a comparison (each scenario minus the first). */
export function compareDifferencesChart(r: CompareResult): Chart | undefined {
  if (r.differences.length === 0) return undefined;
  const base = r.scenarios[0]?.name ?? 'first';
  const labels = r.differences.map((d) => `${d.name} − ${base}`);
  const rows = r.differences.flatMap((d, i) => planRows(labels[i], d));
  const metrics = PLAN_METRICS.filter((m) => rows.some((x) => x.metric === m.key));
  const x = { field: 'scenario', type: 'nominal' as const, title: null, sort: labels, axis: { labelAngle: -30 } };
  const spec: TopLevelSpec = {
    $schema: VL_SCHEMA,
    datasets: { differences: rows },
    vconcat: metrics.map((m) => {
      const y = { field: 'mean', type: 'quantitative' as const, title: `Δ ${m.label}`, axis: { format: axisFormat(m) } };
      const tooltip = [{ field: 'scenario', title: 'difference' }, { field: 'id' }, { field: 'mean', title: `Δ ${m.label}`, format: m.format }, { field: 'lo', title: '95 % CI from', format: m.format }, { field: 'hi', title: '95 % CI to', format: m.format }];
      return metricRow('differences', m, idsOf(rows, m), [
        { mark: { type: 'rule', color: '#888' }, encoding: { y: { datum: 0 } } },
        { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' } } },
        { mark: { type: 'point', filled: true, size: 60 }, encoding: { x, y, tooltip } },
      ], `Difference in ${m.label} against ${base}, 95 % CI`);
    }),
  };
  return {
    id: 'compare-differences',
    title: `Differences against ${base}`,
    caption: 'Paired per replication (same seeds in every scenario), so the interval is much narrower than the two scenarios’ own intervals suggest. An interval that does not cross zero is a real difference at 95 %.',
    spec,
  };
}

function idsOf(rows: readonly CompareRow[], m: PlanMetric): string[] {
  return [...new Set(rows.filter((x) => x.metric === m.key).map((x) => x.id))];
}
