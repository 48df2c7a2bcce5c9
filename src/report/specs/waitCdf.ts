/**
 * Chart: the wait-time distribution as a CDF per channel, with each channel's SL threshold
 * marked. The CDF counts abandoned contacts at the moment they gave up, so at the threshold
 * it is not the service level (which counts answers only): the target is not drawn on it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { WaitCdfSummary } from '../../metrics/index.js';
import { BAND_MARK, HEIGHT, VL_SCHEMA, WIDTH, colorBy, fields, type Chart, type ChartTargets, type EstimateFields } from './common.js';

export interface CdfRow extends EstimateFields {
  channel: string;
  waitSec: number;
}

export interface ThresholdRow {
  channel: string;
  withinSec: number;
}

/** CDF rows of the study (grid points where no replication had a wait are left out). */
export function cdfRows(cdf: WaitCdfSummary, channels: readonly string[]): CdfRow[] {
  const rows: CdfRow[] = [];
  for (const channel of channels) {
    (cdf.channels[channel] ?? []).forEach((e, k) => {
      if (e) rows.push({ channel, waitSec: cdf.gridSec[k], ...fields(e) });
    });
  }
  return rows;
}

/** One threshold row per channel: the target's threshold, else the one the study measured SL with. */
export function thresholdRows(channels: readonly string[], withinSec: Record<string, number>, targets: ChartTargets): ThresholdRow[] {
  return channels.map((channel) => ({ channel, withinSec: targets[channel]?.withinSec ?? withinSec[channel] }));
}

const WAIT_TICKS_SEC = [0, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600];

/**
 * Where the wait axis can stop: the first tick at or beyond the wait that 99.5 % of every
 * curve's contacts stay within (the grid's end when some curve never gets there), so the
 * interesting part is not squeezed against a long flat tail. A curve is a channel, or
 * whatever `series` names (a channel at one what-if point).
 */
export function cdfAxisEndSec<R extends CdfRow>(rows: readonly R[], gridSec: readonly number[], thresholds: readonly ThresholdRow[], series: (r: R) => string = (r) => r.channel): number {
  const last = gridSec[gridSec.length - 1] ?? 3600;
  // Every threshold stays in view.
  let end = Math.max(0, ...thresholds.map((t) => t.withinSec));
  const reachedAt = new Map<string, number>();
  for (const r of rows) {
    const key = series(r);
    if (!reachedAt.has(key)) reachedAt.set(key, last);
    if (r.mean >= 0.995) reachedAt.set(key, Math.min(reachedAt.get(key)!, r.waitSec));
  }
  for (const v of reachedAt.values()) end = Math.max(end, v);
  return Math.min(last, WAIT_TICKS_SEC.find((t) => t >= end && t > 0) ?? last);
}

/**
 * The CDF layers (band, line, threshold rules) over the named datasets;
 * `filter` (a vega expression) selects rows, e.g. one what-if grid point.
 */
export function cdfLayers(names: { cdf: string; thresholds: string }, channels: readonly string[], maxWaitSec: number, filter?: string) {
  const transform = filter ? [{ filter }] : [];
  const x = {
    field: 'waitSec',
    type: 'quantitative' as const,
    title: 'wait (seconds, log-like scale)',
    scale: { type: 'symlog' as const, constant: 10, domain: [0, maxWaitSec], clamp: true },
    axis: { values: WAIT_TICKS_SEC.filter((t) => t <= maxWaitSec) },
  };
  const y = { field: 'mean', type: 'quantitative' as const, title: 'share waiting at most x', axis: { format: '%' }, scale: { domain: [0, 1] } };
  const color = colorBy('channel', channels, 'channel');
  return [
    { data: { name: names.cdf }, transform, mark: { ...BAND_MARK, clip: true }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color } },
    {
      data: { name: names.cdf },
      transform,
      mark: { type: 'line' as const, clip: true },
      encoding: {
        x,
        y,
        color,
        tooltip: [{ field: 'channel' }, { field: 'waitSec', title: 'wait ≤ (s)' }, { field: 'mean', title: 'share', format: '.1%' }, { field: 'lo', title: '95 % CI from', format: '.1%' }, { field: 'hi', title: '95 % CI to', format: '.1%' }],
      },
    },
    {
      data: { name: names.thresholds },
      transform,
      mark: { type: 'rule' as const, strokeDash: [6, 4] },
      encoding: { x: { ...x, field: 'withinSec' }, color, tooltip: [{ field: 'channel' }, { field: 'withinSec', title: 'SL threshold (s)' }] },
    },
  ];
}

/** The wait-distribution chart of a study. */
export function waitCdfChart(cdf: WaitCdfSummary, channels: readonly string[], withinSec: Record<string, number>, targets: ChartTargets): Chart | undefined {
  const rows = cdfRows(cdf, channels);
  if (rows.length === 0) return undefined;
  const thresholds = thresholdRows(channels, withinSec, targets);
  const spec: TopLevelSpec = {
    $schema: VL_SCHEMA,
    datasets: { cdf: rows, thresholds },
    width: WIDTH,
    height: HEIGHT * 1.3,
    layer: cdfLayers({ cdf: 'cdf', thresholds: 'thresholds' }, channels, cdfAxisEndSec(rows, cdf.gridSec, thresholds)),
  };
  return {
    id: 'wait-cdf',
    title: 'Wait-time distribution',
    caption: "Share of offered contacts that waited at most x seconds (to their answer, or to giving up), with its 95 % band; the dashed line is the channel's SL threshold. Callers who gave up within the threshold count here but not in the service level.",
    spec,
  };
}
