/**
 * Chart of the trainer's what-if page: one vega-lite view over a precomputed grid, whose
 * sliders (params p0, p1 … bound to inputs) pick the grid point that every panel shows:
 * SL, ASA, abandonment and occupancy with CIs, SL across the first parameter, and the wait CDF.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Summary, WaitCdfSummary } from '../../metrics/index.js';
import type { Vary } from '../../plan/vary.js';
import { formatEstimate } from '../format.js';
import { BAND_MARK, VL_SCHEMA, WIDTH, colorBy, fields, type Chart, type ChartTargets, type EstimateFields, type LayerItem, type SubSpec } from './common.js';
import { PLAN_METRICS, axisFormat, type PlanMetric } from './plan.js';
import { cdfAxisEndSec, cdfLayers, cdfRows, thresholdRows, type CdfRow, type ThresholdRow } from './waitCdf.js';

/** One simulated grid point: the varied values (in --vary order) and what the study measured there. */
export interface WhatIfPoint {
  values: number[];
  summary: Summary;
  waitCdf: WaitCdfSummary;
  targets: ChartTargets;
  withinSec: Record<string, number>;
}

/** The precomputed grid: every combination of the varied values, all run with one seed. */
export interface WhatIfResult {
  scenario: string;
  file: string;
  seed: number;
  replications: number;
  varies: Vary[];
  channels: string[];
  groups: string[];
  points: WhatIfPoint[];
}

/** The varied values of a row: v0, v1 … in --vary order. */
type Coords = Record<`v${number}`, number>;

export type KpiRow = Coords & EstimateFields & { id: string; metric: string; text: string; status: 'met' | 'missed' | 'none' };
export type TargetRow = Coords & { id: string; value: number };

const UNIT = { serviceLevel: 'rate', asaSeconds: 'seconds', abandonRate: 'rate', occupancy: 'rate' } as const;
const PANEL_WIDTH = 250;

/** A slider's label: "agents in team", "voice volume ×", else the path. */
export function varyLabel(path: string): string {
  const p = path.split('.');
  if (p.length === 3 && p[0] === 'groups' && p[2] === 'agents') return `agents in ${p[1]}`;
  if (p.length === 3 && p[0] === 'channels' && p[2] === 'volume') return `${p[1]} volume ×`;
  return path;
}

/** The value a slider starts at: the middle of its range (the scenario as written is often there). */
export function startIndex(values: readonly number[]): number {
  return Math.floor((values.length - 1) / 2);
}

/** The what-if chart. */
export function whatIfChart(r: WhatIfResult): Chart {
  const coords = (values: number[]): Coords => Object.fromEntries(values.map((v, i) => [`v${i}`, v]));
  const kpis: KpiRow[] = [];
  const targets: TargetRow[] = [];
  const cdf: (CdfRow & Coords)[] = [];
  const thresholds: (ThresholdRow & Coords)[] = [];
  for (const p of r.points) {
    const at = coords(p.values);
    for (const m of PLAN_METRICS) {
      for (const id of m.scope === 'groups' ? r.groups : r.channels) {
        const e = p.summary[m.scope][id]?.[m.key];
        if (!e) continue;
        const target = m.key === 'serviceLevel' ? p.targets[id]?.serviceLevel : undefined;
        const status = target === undefined ? 'none' : e.mean >= target ? 'met' : 'missed';
        kpis.push({ ...at, id, metric: m.key, ...fields(e), text: formatEstimate(e, UNIT[m.key as keyof typeof UNIT]), status });
        if (target !== undefined) targets.push({ ...at, id, value: target });
      }
    }
    for (const row of cdfRows(p.waitCdf, r.channels)) cdf.push({ ...at, ...row });
    for (const row of thresholdRows(r.channels, p.withinSec, p.targets)) thresholds.push({ ...at, ...row });
  }

  // A row belongs to the slider position when each coordinate is within half a step of it.
  const tolerance = r.varies.map((v) => halfGap(v.values));
  const match = (except?: number) =>
    r.varies.map((_, i) => (i === except ? '' : `abs(datum.v${i} - p${i}) < ${tolerance[i]}`)).filter(Boolean).join(' && ') || 'true';

  const params = r.varies.map((v, i) => {
    const step = evenStep(v.values);
    const name = varyLabel(v.path);
    const bind = step !== undefined && v.values.length > 1
      ? { input: 'range' as const, min: v.values[0], max: v.values[v.values.length - 1], step, name }
      : { input: 'select' as const, options: v.values, name };
    return { name: `p${i}`, value: v.values[startIndex(v.values)], bind };
  });

  const metricPanel = (m: PlanMetric): SubSpec => {
    const ids = m.scope === 'groups' ? r.groups : r.channels;
    const rows = kpis.filter((k) => k.metric === m.key);
    const max = m.key === 'serviceLevel' || m.key === 'occupancy' ? 1 : Math.max(1e-9, ...rows.map((k) => k.hi));
    const only = [{ filter: match() }, { filter: `datum.metric === '${m.key}'` }];
    const y = { field: 'id', type: 'nominal' as const, sort: ids, title: null };
    const x = { field: 'mean', type: 'quantitative' as const, title: null, scale: { domain: [0, max] }, axis: { format: axisFormat(m), tickCount: 4 } };
    const layers: LayerItem[] = [
      {
        data: { name: 'kpis' },
        transform: only,
        mark: { type: 'bar', height: { band: 0.6 } },
        encoding: {
          y,
          x,
          color: { field: 'status', type: 'nominal', legend: null, scale: { domain: ['met', 'missed', 'none'], range: ['#54a24b', '#e45756', '#4c78a8'] } },
          tooltip: [{ field: 'id' }, { field: 'text', title: m.label }],
        },
      },
      { data: { name: 'kpis' }, transform: only, mark: { type: 'rule' }, encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' } } },
      { data: { name: 'kpis' }, transform: only, mark: { type: 'text', align: 'left', dx: 6, fontSize: 12, fontWeight: 'bold' }, encoding: { y, x: { value: PANEL_WIDTH }, text: { field: 'text' } } },
    ];
    if (m.key === 'serviceLevel' && targets.length) {
      layers.push({
        data: { name: 'targets' },
        transform: [{ filter: match() }],
        mark: { type: 'tick', color: 'black', thickness: 2 },
        encoding: { y, x: { ...x, field: 'value' }, tooltip: [{ field: 'id' }, { field: 'value', title: 'SL target', format: '.0%' }] },
      });
    }
    return {
      title: { text: m.key === 'serviceLevel' && targets.length ? `${m.label} (tick: target)` : m.label, anchor: 'start', fontSize: 13 },
      width: PANEL_WIDTH,
      height: { step: 26 },
      layer: layers,
    };
  };

  const panels = PLAN_METRICS.filter((m) => kpis.some((k) => k.metric === m.key)).map(metricPanel);
  const rowsOfTwo: SubSpec[] = [];
  for (let i = 0; i < panels.length; i += 2) rowsOfTwo.push({ hconcat: panels.slice(i, i + 2), spacing: 130, resolve: { scale: { color: 'independent' } } });

  const slColor = colorBy('id', r.channels, 'channel');
  const v0 = r.varies[0];
  const curve: SubSpec[] = v0 && v0.values.length > 1 ? [curvePanel(v0, slColor, match)] : [];
  const cdfEnd = cdfAxisEndSec(cdf, r.points[0]?.waitCdf.gridSec ?? [3600], thresholds, (row) => `${row.channel} ${r.varies.map((_, i) => row[`v${i}`]).join(' ')}`);
  const spec: TopLevelSpec = {
    $schema: VL_SCHEMA,
    params,
    datasets: { kpis, targets, cdf, thresholds },
    vconcat: [
      ...rowsOfTwo,
      ...curve,
      {
        title: { text: 'Wait-time distribution at this point (dashed: SL threshold)', anchor: 'start', fontSize: 13 },
        width: WIDTH,
        height: 200,
        layer: cdfLayers({ cdf: 'cdf', thresholds: 'thresholds' }, r.channels, cdfEnd, match()),
      },
    ],
    spacing: 28,
    // Bars are coloured by target status, lines by channel: separate colour scales.
    resolve: { scale: { color: 'independent' } },
  };
  return {
    id: 'whatif',
    title: 'What if…',
    controls: true,
    caption: `Each slider position is one simulated point (${r.replications} replications, seed ${r.seed}, the same callers at every point). Bars are means, whiskers 95 % confidence intervals; green meets the SL target, red misses it.`,
    spec,
  };
}

/** Service level across the first parameter at the other sliders' values, the current point marked. */
function curvePanel(v0: Vary, color: object, match: (except?: number) => string): SubSpec {
  const x = { field: 'v0', type: 'quantitative' as const, title: varyLabel(v0.path), scale: { zero: false } };
  const y = { field: 'mean', type: 'quantitative' as const, title: 'service level', axis: { format: '%' }, scale: { zero: false, domainMax: 1 } };
  const sl = { filter: "datum.metric === 'serviceLevel'" };
  return {
    title: { text: `Service level across ${varyLabel(v0.path)} (dot: this point; dashed: target)`, anchor: 'start', fontSize: 13 },
    width: WIDTH,
    height: 170,
    layer: [
      { data: { name: 'kpis' }, transform: [{ filter: match(0) }, sl], mark: BAND_MARK, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color } },
      { data: { name: 'kpis' }, transform: [{ filter: match(0) }, sl], mark: { type: 'line' }, encoding: { x, y, color, tooltip: [{ field: 'id', title: 'channel' }, { field: 'v0', title: varyLabel(v0.path) }, { field: 'text', title: 'service level' }] } },
      { data: { name: 'targets' }, transform: [{ filter: match() }], mark: { type: 'rule', strokeDash: [6, 4] }, encoding: { y: { ...y, field: 'value' }, color } },
      { data: { name: 'kpis' }, transform: [{ filter: match() }, sl], mark: { type: 'point', filled: true, size: 90, opacity: 1 }, encoding: { x, y, color } },
    ],
  };
}

/** The step between evenly spaced values, or undefined (then the input is a drop-down). */
export function evenStep(values: readonly number[]): number | undefined {
  if (values.length < 2) return undefined;
  const step = values[1] - values[0];
  const even = values.every((v, i) => Math.abs(v - (values[0] + i * step)) < 1e-9 * Math.max(1, Math.abs(v)));
  return even && step > 0 ? Math.round(step * 1e9) / 1e9 : undefined;
}

/** Half the smallest gap between values: any slider position within it is that value. */
function halfGap(values: readonly number[]): number {
  let gap = Infinity;
  for (let i = 1; i < values.length; i++) gap = Math.min(gap, Math.abs(values[i] - values[i - 1]));
  return Number.isFinite(gap) && gap > 0 ? gap / 2 : 0.5;
}
