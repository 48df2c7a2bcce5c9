/**
 * Chart: the mean number of contacts waiting per interval, per channel. Backlog over days
 * for deferred channels (email) belongs here too once the simulator has them.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { IntervalSummary } from '../../metrics/index.js';
import { HEIGHT, VL_SCHEMA, WIDTH, bandLayer, colorBy, meanLine, meanY, timeX, type Chart, type TimeAxis } from './common.js';
import { intervalRows } from './service.js';

/** The queue-length chart of a run's intervals; undefined when no interval has a queue length. */
export function queueChart(intervals: readonly IntervalSummary[], channels: readonly string[], ax: TimeAxis): Chart | undefined {
  const rows = intervalRows(intervals, channels, 'avgQueueLength', ax);
  if (rows.length === 0) return undefined;
  const x = timeX(ax);
  const y = meanY('contacts waiting (time-weighted mean)', ',.1f');
  const color = colorBy('channel', channels, 'channel');
  const spec: TopLevelSpec = {
    $schema: VL_SCHEMA,
    datasets: { queue: rows },
    data: { name: 'queue' },
    width: WIDTH,
    height: HEIGHT,
    layer: [bandLayer(x, y, color), meanLine(x, y, color, [{ field: 'channel' }, { field: 'clock', title: 'interval' }, { field: 'mean', title: 'waiting', format: ',.2f' }])],
  };
  return {
    id: 'queue',
    title: 'Queue length per interval',
    caption: 'Time-weighted mean number of contacts waiting in each interval, with its 95 % confidence band.',
    spec,
  };
}
