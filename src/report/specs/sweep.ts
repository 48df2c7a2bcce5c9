/** Chart of `ccsim sweep`: each KPI against the varied parameter with its 95 % band, and the Erlang A curve overlaid. */
import type { TopLevelSpec } from 'vega-lite';
import type { SweepResult } from '../../plan/results.js';
import { BAND_MARK, HEIGHT, VL_SCHEMA, WIDTH, colorBy, type Chart } from './common.js';
import { planRows, type CompareRow } from './compare.js';
import { PLAN_METRICS, axisFormat } from './plan.js';

export interface SweepRow extends Omit<CompareRow, 'scenario'> {
  x: number;
}

export interface ErlangRow {
  x: number;
  metric: string;
  value: number;
}

/** The sweep chart. */
export function sweepChart(r: SweepResult): Chart {
  const rows: SweepRow[] = r.points.flatMap((p) => planRows('', p.summary).filter((row) => row.id !== 'total').map(({ scenario: _, ...row }) => ({ x: p.value, ...row })));
  const erlang: ErlangRow[] = [];
  for (const p of r.points) {
    if (!p.erlangA) continue;
    for (const m of PLAN_METRICS) {
      const v = (p.erlangA as unknown as Record<string, number | undefined>)[m.key];
      if (v !== undefined && Number.isFinite(v)) erlang.push({ x: p.value, metric: m.key, value: v });
    }
  }
  const metrics = PLAN_METRICS.filter((m) => rows.some((x) => x.metric === m.key));
  const ids = [...new Set(rows.map((x) => x.id))];
  const xEnc = { field: 'x', type: 'quantitative' as const, title: r.path, scale: { zero: false } };
  const color = colorBy('id', ids, 'channel / group');
  const spec: TopLevelSpec = {
    $schema: VL_SCHEMA,
    datasets: { points: rows, erlangA: erlang },
    vconcat: metrics.map((m) => {
      const y = { field: 'mean', type: 'quantitative' as const, title: m.label, axis: { format: axisFormat(m) } };
      const only = [{ filter: `datum.metric === '${m.key}'` }];
      const hasErlang = erlang.some((e) => e.metric === m.key);
      return {
        width: WIDTH,
        height: HEIGHT * 0.8,
        layer: [
          { data: { name: 'points' }, transform: only, mark: BAND_MARK, encoding: { x: xEnc, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color } },
          {
            data: { name: 'points' },
            transform: only,
            mark: { type: 'line' as const, point: true },
            encoding: { x: xEnc, y, color, tooltip: [{ field: 'x', title: r.path }, { field: 'id' }, { field: 'mean', title: m.label, format: m.format }, { field: 'lo', title: '95 % CI from', format: m.format }, { field: 'hi', title: '95 % CI to', format: m.format }] },
          },
          ...(hasErlang
            ? [{
                data: { name: 'erlangA' },
                transform: only,
                mark: { type: 'line' as const, color: 'black', strokeDash: [4, 3] },
                encoding: { x: xEnc, y: { ...y, field: 'value' }, tooltip: [{ field: 'x', title: r.path }, { field: 'value', title: `Erlang A ${m.label}`, format: m.format }] },
              }]
            : []),
        ],
      };
    }),
  };
  return {
    id: 'sweep',
    title: `KPIs against ${r.path}`,
    caption: `Simulated mean with its 95 % band at each value of ${r.path} (${r.replications} replications, seed ${r.seed}, the same seeds at every value); the black dashed line is Erlang A where the scenario is a single queue it describes.`,
    spec,
  };
}
