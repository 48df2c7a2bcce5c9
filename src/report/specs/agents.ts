/** Chart: agents staffed against agents busy per interval, and the occupancy that results, per group. */
import type { TopLevelSpec } from 'vega-lite';
import type { IntervalSummary } from '../../metrics/index.js';
import { HEIGHT, VL_SCHEMA, WIDTH, bandLayer, colorBy, fields, intervalTimeMs, meanLine, meanY, timeX, type Chart, type EstimateFields, type TimeAxis } from './common.js';

export const AGENT_MEASURES = ['staffed', 'busy'] as const;

export interface AgentRow {
  group: string;
  clock: string;
  t: number;
  measure: (typeof AGENT_MEASURES)[number];
  mean: number;
}

export interface OccupancyRow extends EstimateFields {
  group: string;
  clock: string;
  t: number;
}

/** The staffing chart of a run's intervals; undefined when the study has no agent data (a log without agent states). */
export function agentsChart(intervals: readonly IntervalSummary[], groups: readonly string[], ax: TimeAxis): Chart | undefined {
  const agents: AgentRow[] = [];
  const occupancy: OccupancyRow[] = [];
  for (const iv of intervals) {
    for (const group of groups) {
      const g = iv.groups[group];
      if (!g) continue;
      const t = intervalTimeMs(iv.startSec, ax);
      if (g.staffedAgents) agents.push({ group, clock: iv.clock, t, measure: 'staffed', mean: g.staffedAgents.mean });
      if (g.busyAgents) agents.push({ group, clock: iv.clock, t, measure: 'busy', mean: g.busyAgents.mean });
      if (g.occupancy) occupancy.push({ group, clock: iv.clock, t, ...fields(g.occupancy) });
    }
  }
  if (agents.length === 0) return undefined;
  const x = timeX(ax);
  const color = colorBy('group', groups, 'group');
  const occY = meanY('occupancy', '%', true);
  const spec: TopLevelSpec = {
    $schema: VL_SCHEMA,
    datasets: { agents, occupancy },
    vconcat: [
      {
        title: { text: 'Agents staffed (dashed) and busy (solid)', anchor: 'start', fontSize: 12 },
        data: { name: 'agents' },
        width: WIDTH,
        height: HEIGHT,
        mark: { type: 'line' },
        encoding: {
          x,
          y: { field: 'mean', type: 'quantitative', title: 'agents (mean)' },
          color,
          strokeDash: { field: 'measure', type: 'nominal', title: null, scale: { domain: ['busy', 'staffed'], range: [[1, 0], [6, 4]] } },
          tooltip: [{ field: 'group' }, { field: 'clock', title: 'interval' }, { field: 'measure' }, { field: 'mean', title: 'agents', format: ',.1f' }],
        },
      },
      {
        title: { text: 'Occupancy: busy ÷ staffed', anchor: 'start', fontSize: 12 },
        data: { name: 'occupancy' },
        width: WIDTH,
        height: HEIGHT * 0.7,
        layer: [
          bandLayer(x, occY, color),
          meanLine(x, occY, color, [{ field: 'group' }, { field: 'clock', title: 'interval' }, { field: 'mean', title: 'occupancy', format: '.1%' }]),
        ],
      },
    ],
  };
  return {
    id: 'agents',
    title: 'Agents staffed and busy, and occupancy',
    caption: 'Mean agents logged in and mean agents handling a contact (talk or wrap-up) in each interval; occupancy is their ratio, with its 95 % confidence band.',
    spec,
  };
}
