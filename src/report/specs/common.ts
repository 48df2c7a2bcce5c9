/**
 * What every chart spec shares: the chart record the writers consume, the vega-lite
 * schema and sizes, the clock axis of per-interval charts and the estimate rows.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Estimate } from '../../metrics/index.js';

/** One chart of a report: its spec, and what the page and the SVG file call it. */
export interface Chart {
  /** DOM id and SVG file stem: `volumes` → volumes.svg. */
  id: string;
  title: string;
  /** One or two sentences under the chart: what it shows and how to read it. */
  caption: string;
  spec: TopLevelSpec;
  /** The chart has inputs bound to its params (sliders): the page puts them in a bar above it. */
  controls?: boolean;
}

/** A spec inside a concatenation, and one layer of a layered spec (vega-lite's own types, for checking). */
export type SubSpec = Extract<TopLevelSpec, { vconcat: unknown }>['vconcat'][number];
export type LayerItem = Extract<SubSpec, { layer: unknown }>['layer'][number];

/** Channel → service-level target (and an ASA target, when a scenario has one). */
export type ChartTargets = Record<string, { serviceLevel: number; withinSec: number; asaSeconds?: number } | undefined>;

export const VL_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const WIDTH = 640;
export const HEIGHT = 180;

/** The mean and CI bounds of an estimate, as chart fields. */
export interface EstimateFields {
  mean: number;
  lo: number;
  hi: number;
}

/** An estimate as chart fields (the report draws estimates, it never recomputes them). */
export function fields(e: Estimate): EstimateFields {
  return { mean: e.mean, lo: e.lo, hi: e.hi };
}

/** What the clock axis of a per-interval chart needs to know about the run. */
export interface TimeAxis {
  startClockSec: number;
  intervalSec: number;
  horizonSec: number;
}

/**
 * An interval's midpoint as milliseconds on a UTC clock whose day 1 is 1970-01-01:
 * vega-lite's temporal scales want dates, and the midpoint is where a per-interval mean belongs.
 */
export function intervalTimeMs(startSec: number, ax: TimeAxis): number {
  return (ax.startClockSec + startSec + ax.intervalSec / 2) * 1000;
}

/** The x encoding of per-interval charts: clock time, "d2 08:00" from the second day on (as the CSV's clock column). */
export function timeX(ax: TimeAxis) {
  const day = 'floor(datum.value / 86400000)';
  return {
    field: 't',
    type: 'temporal' as const,
    title: ax.horizonSec > 86400 ? 'day and time' : 'time of day',
    scale: { type: 'utc' as const, domain: [ax.startClockSec * 1000, (ax.startClockSec + ax.horizonSec) * 1000] },
    axis: { labelExpr: `(${day} > 0 ? 'd' + (${day} + 1) + ' ' : '') + utcFormat(datum.value, '%H:%M')`, labelOverlap: true },
  };
}

/** A colour scale with a fixed domain, so an id keeps its colour in every chart of a page; the legend shows strokes (lines). */
export function colorBy(field: string, domain: readonly string[], title: string | null) {
  return { field, type: 'nominal' as const, title, scale: { domain: [...domain] }, sort: [...domain], legend: { symbolType: 'stroke', symbolStrokeWidth: 2 } };
}

/** The band's translucency: fill opacity, not opacity, which vega-lite would copy onto the legend's symbols. */
export const BAND_MARK = { type: 'area' as const, fillOpacity: 0.18 };

/**
 * A quantitative y encoding of the `mean` field, with its title and format; a rate's axis
 * ends at 100 % but starts near the data, where the differences a planner cares about are.
 */
export function meanY(title: string, format: string, rate = false) {
  return {
    field: 'mean',
    type: 'quantitative' as const,
    title,
    axis: { format },
    ...(rate ? { scale: { zero: false, domainMax: 1 } } : {}),
  };
}

/** The translucent 95 % CI band (lo to hi) under a mean line drawn with the same x, y and colour. */
export function bandLayer(x: object, y: ReturnType<typeof meanY>, color: object) {
  return {
    mark: BAND_MARK,
    encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color },
  };
}

/** The mean line over its band. */
export function meanLine(x: object, y: ReturnType<typeof meanY>, color: object, tooltip: object[]) {
  return { mark: { type: 'line' as const }, encoding: { x, y, color, tooltip } };
}
