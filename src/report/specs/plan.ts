/** The KPIs the planner charts (compare, sweep, what-if) draw, with their scope, label and axis format. */
import { CONTACT_METRICS, GROUP_METRICS, type MetricDefinition } from '../../metrics/definitions.js';

export interface PlanMetric {
  key: string;
  /** Channels (and the total) or agent groups. */
  scope: 'channels' | 'groups';
  label: string;
  /** d3 format of the axis and tooltips. */
  format: string;
  definition: string;
}

function metric(defs: readonly MetricDefinition[], key: string, scope: PlanMetric['scope'], format: string, label?: string): PlanMetric {
  const d = defs.find((m) => m.key === key);
  if (!d) throw new Error(`no metric definition for ${key}`);
  return { key, scope, label: label ?? d.label, format, definition: d.definition };
}

/** Service level, ASA, abandonment and occupancy: what a planner trades against staffing. */
export const PLAN_METRICS: readonly PlanMetric[] = [
  metric(CONTACT_METRICS, 'serviceLevel', 'channels', '.1%'),
  metric(CONTACT_METRICS, 'asaSeconds', 'channels', ',.1f', 'ASA (s)'),
  metric(CONTACT_METRICS, 'abandonRate', 'channels', '.1%'),
  metric(GROUP_METRICS, 'occupancy', 'groups', '.1%'),
];

/** Axis format: whole percents and seconds, tooltips keep one decimal. */
export function axisFormat(m: PlanMetric): string {
  return m.format === '.1%' ? '%' : ',.0f';
}
