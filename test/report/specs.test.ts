/** Every chart spec compiles with vega-lite without a warning, and its data has the documented shape. */
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/plan/study.js';
import type { Chart } from '../../src/report/specs/common.js';
import { compareDifferencesChart, compareKpisChart } from '../../src/report/specs/compare.js';
import { runCharts } from '../../src/report/specs/run.js';
import { sweepChart } from '../../src/report/specs/sweep.js';
import { whatIfChart } from '../../src/report/specs/whatif.js';
import { compileSpec } from '../../src/report/svg.js';
import { loadScenario } from '../../src/scenario/index.js';
import { TARGETS, tinyCompare, tinyStudy, tinySweep, tinyWhatIf } from './fixtures.js';

/** Every chart the report layer can draw, from the tiny hand-built results. */
export function allTinyCharts(): Chart[] {
  const c = tinyCompare();
  return [...runCharts(tinyStudy(), TARGETS), compareKpisChart(c), compareDifferencesChart(c)!, sweepChart(tinySweep()), whatIfChart(tinyWhatIf())];
}

function warningsOf(chart: Chart): string[] {
  const warnings: string[] = [];
  compileSpec(chart.spec, (w) => warnings.push(w));
  return warnings;
}

/** Mark types in spec order (layers, concatenations and facets walked). */
function markTypes(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => markTypes(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.mark) out.push(typeof o.mark === 'string' ? o.mark : String((o.mark as { type: string }).type));
    for (const k of ['layer', 'vconcat', 'hconcat', 'concat', 'spec']) if (o[k]) markTypes(o[k], out);
  }
  return out;
}

/** What a chart's data looks like: each dataset's row count and fields, and the marks drawn from it. */
function shape(c: Chart) {
  const datasets = (c.spec as { datasets?: Record<string, Record<string, unknown>[]> }).datasets ?? {};
  return {
    id: c.id,
    datasets: Object.fromEntries(Object.entries(datasets).map(([name, rows]) => [name, { rows: rows.length, fields: [...new Set(rows.flatMap((r) => Object.keys(r)))].sort() }])),
    marks: markTypes(c.spec),
  };
}

describe('chart specs', () => {
  const charts = allTinyCharts();

  it('cover every chart of issue 6', () => {
    expect(charts.map((c) => c.id)).toEqual(['volumes', 'service', 'agents', 'queue', 'wait-cdf', 'compare-kpis', 'compare-differences', 'sweep', 'whatif']);
  });

  for (const c of allTinyCharts()) {
    it(`${c.id} compiles with vega-lite without warnings`, () => {
      expect(warningsOf(c)).toEqual([]);
    });
    it(`${c.id} keeps its data shape`, () => {
      expect(shape(c)).toMatchSnapshot();
    });
  }

  it('specs are plain data (JSON round trip) with inline datasets only', () => {
    for (const c of charts) {
      expect(JSON.parse(JSON.stringify(c.spec))).toEqual(c.spec);
      expect(JSON.stringify(c.spec)).not.toMatch(/"url"\s*:/);
    }
  });

  it("the default scenario's charts compile without warnings too", () => {
    const s = loadScenario('scenarios/retail-bank-day.yaml');
    const study = runStudy(s, { replications: 2, seed: 1 });
    const targets = Object.fromEntries(Object.values(s.channels).map((c) => [c.id, c.target]));
    const real = runCharts(study, targets);
    expect(real.map((c) => c.id)).toEqual(['volumes', 'service', 'agents', 'queue', 'wait-cdf']);
    for (const c of real) expect(warningsOf(c), c.id).toEqual([]);
  });

  it('draws the backlog of deferred channels (email) when a run has one', () => {
    const s = loadScenario('scenarios/backoffice-backlog.yaml');
    const study = runStudy(s, { replications: 2, seed: 1 });
    const real = runCharts(study, {});
    expect(real.map((c) => c.id)).toContain('backlog');
    const backlog = real.find((c) => c.id === 'backlog')!;
    expect(warningsOf(backlog)).toEqual([]);
    const rows = (backlog.spec as { datasets: { backlog: { channel: string; mean: number }[] } }).datasets.backlog;
    expect(rows).toHaveLength(120); // 5 days of hourly intervals, one channel
    expect(rows[0].mean).toBeGreaterThan(1900); // the 2,000 emails waiting at the start
  });

  it('leaves out the charts with nothing to draw (a log without agent states)', () => {
    const study = tinyStudy();
    for (const iv of study.intervals) iv.groups = {};
    study.summary.groups = {};
    expect(runCharts(study, TARGETS).map((c) => c.id)).toEqual(['volumes', 'service', 'queue', 'wait-cdf']);
  });

  it('the what-if sliders start mid-range and use a drop-down for uneven values', () => {
    const r = tinyWhatIf();
    r.varies[1] = { path: 'channels.sales.volume', values: [0.9, 1, 1.5] };
    r.points = r.points.flatMap((p) => (p.values[1] === 1 ? [p, { ...p, values: [p.values[0], 1.5] }] : [p]));
    const params = (whatIfChart(r).spec as { params: { name: string; value: number; bind: { input: string; min?: number; max?: number; step?: number } }[] }).params;
    expect(params).toEqual([
      { name: 'p0', value: 11, bind: { input: 'range', min: 10, max: 12, step: 1, name: 'agents in team' } },
      { name: 'p1', value: 1, bind: { input: 'select', options: [0.9, 1, 1.5], name: 'sales volume ×' } },
    ]);
    expect(warningsOf(whatIfChart(r))).toEqual([]);
  });
});
