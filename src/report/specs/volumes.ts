/** Chart: contacts offered, answered and abandoned per interval, one panel per channel. */
import type { TopLevelSpec } from 'vega-lite';
import type { IntervalSummary } from '../../metrics/index.js';
import { HEIGHT, VL_SCHEMA, WIDTH, colorBy, intervalTimeMs, timeX, type Chart, type TimeAxis } from './common.js';

export const VOLUME_MEASURES = ['offered', 'answered', 'abandoned'] as const;

export interface VolumeRow {
  channel: string;
  clock: string;
  t: number;
  measure: (typeof VOLUME_MEASURES)[number];
  mean: number;
}

/** The volumes chart of a run's intervals. */
export function volumesChart(intervals: readonly IntervalSummary[], channels: readonly string[], ax: TimeAxis): Chart {
  const rows: VolumeRow[] = [];
  for (const iv of intervals) {
    for (const channel of channels) {
      for (const measure of VOLUME_MEASURES) {
        const e = iv.channels[channel]?.[measure];
        if (e) rows.push({ channel, clock: iv.clock, t: intervalTimeMs(iv.startSec, ax), measure, mean: e.mean });
      }
    }
  }
  const spec: TopLevelSpec = {
    $schema: VL_SCHEMA,
    datasets: { volumes: rows },
    data: { name: 'volumes' },
    facet: { row: { field: 'channel', type: 'nominal', title: null, sort: [...channels], header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top', labelFontWeight: 'bold' } } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: WIDTH,
      height: HEIGHT * 0.7,
      mark: { type: 'line' },
      encoding: {
        x: timeX(ax),
        y: { field: 'mean', type: 'quantitative', title: 'contacts per interval (mean)' },
        color: { ...colorBy('measure', VOLUME_MEASURES, null), scale: { domain: [...VOLUME_MEASURES], range: ['#4c78a8', '#54a24b', '#e45756'] } },
        tooltip: [
          { field: 'channel' },
          { field: 'clock', title: 'interval' },
          { field: 'measure' },
          { field: 'mean', title: 'mean over replications', format: ',.1f' },
        ],
      },
    },
  };
  return {
    id: 'volumes',
    title: 'Offered, answered and abandoned per interval',
    caption: 'Mean contacts per reporting interval over the replications, by the interval they arrived in. The gap between offered and answered is the abandoned (and those still waiting at the end).',
    spec,
  };
}
