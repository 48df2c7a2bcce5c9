/**
 * The metrics ccsim reports: key (as in JSON), label, unit and definition. The README's
 * metric table, the KPI table and the report's footnotes all read from here.
 */
export type Unit = 'count' | 'rate' | 'seconds' | 'hours';

export interface MetricDefinition {
  key: string;
  label: string;
  unit: Unit;
  definition: string;
}

/** Contact metrics, per channel, per interval and in total, in output order. */
export const CONTACT_METRICS: readonly MetricDefinition[] = [
  { key: 'offered', label: 'offered', unit: 'count', definition: 'contacts that entered a queue (arrived at or after warm-up); short abandons excluded when a threshold is set' },
  { key: 'answered', label: 'answered', unit: 'count', definition: 'offered contacts that reached an agent' },
  { key: 'abandoned', label: 'abandoned', unit: 'count', definition: 'offered contacts that left the queue before an agent' },
  { key: 'answerRate', label: 'answer rate', unit: 'rate', definition: 'answered ÷ offered' },
  { key: 'abandonRate', label: 'abandon rate', unit: 'rate', definition: 'abandoned ÷ offered' },
  { key: 'serviceLevel', label: 'service level', unit: 'rate', definition: 'answered within the threshold T ÷ offered (or the variant named by serviceLevelFormula)' },
  { key: 'asaSeconds', label: 'ASA', unit: 'seconds', definition: 'mean wait of answered contacts (queue entry → answer)' },
  { key: 'avgWaitSeconds', label: 'avg wait', unit: 'seconds', definition: 'mean wait of answered and abandoned contacts (to answer or to abandon)' },
  { key: 'p90WaitSeconds', label: 'p90 wait', unit: 'seconds', definition: '90th percentile of the same waits (nearest rank)' },
  { key: 'ahtSeconds', label: 'AHT', unit: 'seconds', definition: 'mean handle time (talk + wrap-up) of handled contacts' },
  { key: 'openEnd', label: 'open at end', unit: 'count', definition: 'offered contacts still waiting or in service at the horizon' },
  { key: 'avgQueueLength', label: 'avg queue length', unit: 'count', definition: 'time-weighted mean number of contacts waiting (contact-seconds in queue ÷ seconds observed)' },
];

/** Agent-group metrics. */
export const GROUP_METRICS: readonly MetricDefinition[] = [
  { key: 'occupancy', label: 'occupancy', unit: 'rate', definition: 'time handling (talk + wrap-up) ÷ time staffed and not on break, after warm-up' },
  { key: 'staffedHours', label: 'staffed hours', unit: 'hours', definition: 'agent-hours logged in after warm-up' },
];

/** Per-interval group metrics. */
export const GROUP_INTERVAL_METRICS: readonly MetricDefinition[] = [
  { key: 'staffedAgents', label: 'agents staffed', unit: 'count', definition: 'mean number of agents logged in during the interval' },
  { key: 'busyAgents', label: 'agents busy', unit: 'count', definition: 'mean number of agents handling a contact (talk or wrap-up) during the interval' },
  { key: 'occupancy', label: 'occupancy', unit: 'rate', definition: 'busy agents ÷ staffed agents (not on break) in the interval' },
];
