/**
 * Charts of work waiting: the mean number of live contacts waiting per interval, and the
 * backlog of deferred channels (email) at each interval's end, over the days of the run.
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

/** The backlog chart of the deferred channels; undefined when the run has none. */
export function backlogChart(intervals: readonly IntervalSummary[], channels: readonly string[], ax: TimeAxis): Chart | undefined {
  const rows = intervalRows(intervals, channels, 'backlog', ax);
  if (rows.length === 0) return undefined;
  const deferred = channels.filter((c) => rows.some((r) => r.channel === c));
  const x = timeX(ax);
  const y = meanY('open items at the interval end (mean)', ',.0f');
  const color = colorBy('channel', deferred, 'channel');
  const spec: TopLevelSpec = {
    $schema: VL_SCHEMA,
    datasets: { backlog: rows },
    data: { name: 'backlog' },
    width: WIDTH,
    height: HEIGHT,
    layer: [bandLayer(x, y, color), meanLine(x, y, color, [{ field: 'channel' }, { field: 'clock', title: 'interval end' }, { field: 'mean', title: 'backlog', format: ',.0f' }])],
  };
  return {
    id: 'backlog',
    title: 'Backlog of deferred work',
    caption: 'Emails arrived (or waiting at the start) and not yet answered, at the end of each interval, with its 95 % confidence band: it carries over nights and weekends.',
    spec,
  };
}
