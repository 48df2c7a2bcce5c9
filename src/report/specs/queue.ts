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
  return perChannelLine(intervals, channels, ax, {
    id: 'queue',
    metric: 'avgQueueLength',
    yTitle: 'contacts waiting (time-weighted mean)',
    yFormat: ',.1f',
    tip: { clock: 'interval', mean: 'waiting', format: ',.2f' },
    title: 'Queue length per interval',
    caption: 'Time-weighted mean number of contacts waiting in each interval, with its 95 % confidence band.',
  });
}

/** The backlog chart of the deferred channels; undefined when the run has none. */
export function backlogChart(intervals: readonly IntervalSummary[], channels: readonly string[], ax: TimeAxis): Chart | undefined {
  return perChannelLine(intervals, channels, ax, {
    id: 'backlog',
    metric: 'backlog',
    yTitle: 'open items at the interval end (mean)',
    yFormat: ',.0f',
    tip: { clock: 'interval end', mean: 'backlog', format: ',.0f' },
    title: 'Backlog of deferred work',
    caption:
      'Emails arrived (or waiting at the start) and not yet answered, at the end of each interval, with its 95 % confidence band: it carries over nights and weekends.',
  });
}

interface LineChartText {
  id: string;
  metric: string;
  yTitle: string;
  yFormat: string;
  tip: { clock: string; mean: string; format: string };
  title: string;
  caption: string;
}

/** One interval metric as a line per channel with its CI band; only channels that have the metric. */
function perChannelLine(intervals: readonly IntervalSummary[], channels: readonly string[], ax: TimeAxis, c: LineChartText): Chart | undefined {
  const rows = intervalRows(intervals, channels, c.metric, ax);
  if (rows.length === 0) return undefined;
  const shown = channels.filter((ch) => rows.some((r) => r.channel === ch));
  const x = timeX(ax);
  const y = meanY(c.yTitle, c.yFormat);
  const color = colorBy('channel', shown, 'channel');
  const spec: TopLevelSpec = {
    $schema: VL_SCHEMA,
    datasets: { [c.id]: rows },
    data: { name: c.id },
    width: WIDTH,
    height: HEIGHT,
    layer: [
      bandLayer(x, y, color),
      meanLine(x, y, color, [{ field: 'channel' }, { field: 'clock', title: c.tip.clock }, { field: 'mean', title: c.tip.mean, format: c.tip.format }]),
    ],
  };
  return { id: c.id, title: c.title, caption: c.caption, spec };
}
