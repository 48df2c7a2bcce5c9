/** Chart: service level and ASA per interval with their 95 % CI bands, against each channel's target line. */
import type { TopLevelSpec } from 'vega-lite';
import type { IntervalSummary } from '../../metrics/index.js';
import {
  HEIGHT,
  VL_SCHEMA,
  WIDTH,
  bandLayer,
  colorBy,
  fields,
  intervalTimeMs,
  meanLine,
  meanY,
  timeX,
  type Chart,
  type ChartTargets,
  type EstimateFields,
  type TimeAxis,
} from './common.js';

export interface IntervalEstimateRow extends EstimateFields {
  channel: string;
  clock: string;
  t: number;
}

export interface TargetRow {
  channel: string;
  value: number;
  label: string;
}

/** Rows of one per-channel metric over the intervals (intervals without a value are left out). */
export function intervalRows(intervals: readonly IntervalSummary[], channels: readonly string[], metric: string, ax: TimeAxis): IntervalEstimateRow[] {
  const rows: IntervalEstimateRow[] = [];
  for (const iv of intervals) {
    for (const channel of channels) {
      const e = iv.channels[channel]?.[metric];
      if (e) rows.push({ channel, clock: iv.clock, t: intervalTimeMs(iv.startSec, ax), ...fields(e) });
    }
  }
  return rows;
}

/** The SL and ASA chart of a run's intervals. */
export function serviceChart(intervals: readonly IntervalSummary[], channels: readonly string[], targets: ChartTargets, ax: TimeAxis): Chart {
  const slTargets: TargetRow[] = [];
  const asaTargets: TargetRow[] = [];
  for (const channel of channels) {
    const t = targets[channel];
    if (t) slTargets.push({ channel, value: t.serviceLevel, label: `target ${Math.round(t.serviceLevel * 1000) / 10}% within ${t.withinSec} s` });
    if (t?.asaSeconds !== undefined) asaTargets.push({ channel, value: t.asaSeconds, label: `target ASA ${t.asaSeconds} s` });
  }
  const x = timeX(ax);
  const color = colorBy('channel', channels, 'channel');
  const tip = (title: string, format: string) => [
    { field: 'channel' },
    { field: 'clock', title: 'interval' },
    { field: 'mean', title, format },
    { field: 'lo', title: '95 % CI from', format },
    { field: 'hi', title: '95 % CI to', format },
  ];
  const slY = meanY('service level', '%', true);
  const asaY = meanY('ASA (seconds)', ',.0f');
  const targetRule = (data: string, y: typeof slY) => ({
    data: { name: data },
    mark: { type: 'rule' as const, strokeDash: [6, 4], strokeWidth: 1.5 },
    encoding: { y: { ...y, field: 'value' }, color, tooltip: [{ field: 'channel' }, { field: 'label', title: 'target' }] },
  });
  const spec: TopLevelSpec = {
    $schema: VL_SCHEMA,
    datasets: { serviceLevel: intervalRows(intervals, channels, 'serviceLevel', ax), asa: intervalRows(intervals, channels, 'asaSeconds', ax), slTargets, asaTargets },
    vconcat: [
      {
        title: { text: 'Service level (dashed: target)', anchor: 'start', fontSize: 12 },
        width: WIDTH,
        height: HEIGHT,
        layer: [
          { data: { name: 'serviceLevel' }, ...bandLayer(x, slY, color) },
          { data: { name: 'serviceLevel' }, ...meanLine(x, slY, color, tip('service level', '.1%')) },
          ...(slTargets.length ? [targetRule('slTargets', slY)] : []),
        ],
      },
      {
        title: { text: asaTargets.length ? 'ASA: mean wait of answered contacts (dashed: target)' : 'ASA: mean wait of answered contacts', anchor: 'start', fontSize: 12 },
        width: WIDTH,
        height: HEIGHT,
        layer: [
          { data: { name: 'asa' }, ...bandLayer(x, asaY, color) },
          { data: { name: 'asa' }, ...meanLine(x, asaY, color, tip('ASA (s)', ',.1f')) },
          ...(asaTargets.length ? [targetRule('asaTargets', asaY)] : []),
        ],
      },
    ],
  };
  return {
    id: 'service',
    title: 'Service level and ASA per interval',
    caption: "Mean over the replications with the 95 % confidence band; the dashed line is the channel's target. An interval with nobody offered (or nobody answered, for ASA) has no point.",
    spec,
  };
}
