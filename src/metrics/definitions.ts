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
  /** A breakdown of another row: in JSON, the HTML report and compare, not in the terminal table. */
  detail?: true;
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
  { key: 'openEnd', label: 'open at end', unit: 'count', definition: 'offered contacts still waiting or in service at the horizon (openWaiting + openInService)' },
  { key: 'openWaiting', label: 'open: waiting', unit: 'count', definition: 'offered contacts still waiting at the horizon (neither answered nor abandoned before it)', detail: true },
  { key: 'openInService', label: 'open: in service', unit: 'count', definition: 'offered contacts answered before the horizon whose handling (talk and wrap-up) had not ended by it', detail: true },
  { key: 'blocked', label: 'blocked', unit: 'count', definition: 'calls and chats that arrived while their channel was closed (not offered)' },
  { key: 'firstResponseSeconds', label: 'first response', unit: 'seconds', definition: 'chat and email: mean time from arrival to the first agent response (answer)' },
  { key: 'p90FirstResponseSeconds', label: 'p90 first response', unit: 'seconds', definition: 'chat and email: 90th percentile of the first response time (nearest rank)' },
  { key: 'backlog', label: 'backlog', unit: 'count', definition: 'per interval: deferred items (emails) arrived and not yet answered at the end of the interval' },
  { key: 'backlogEnd', label: 'backlog at end', unit: 'count', definition: 'deferred items (emails) arrived and not yet answered at the horizon, initial backlog included' },
  { key: 'backlogMax', label: 'max backlog', unit: 'count', definition: 'the largest backlog at any moment after warm-up' },
  { key: 'oldestOpenAgeSeconds', label: 'oldest open item age', unit: 'seconds', definition: 'age at the horizon of the oldest deferred item not yet answered' },
  { key: 'avgQueueLength', label: 'avg queue length', unit: 'count', definition: 'time-weighted mean number of contacts waiting (contact-seconds in queue ÷ seconds observed)' },
  { key: 'fcr', label: 'FCR', unit: 'rate', definition: 'issues resolved by their first handled contact with no repeat contact (same issue id, else same customer) within the window (default 7 days) ÷ issues with a handled first contact' },
  { key: 'repeatContactRate', label: 'repeat contact rate', unit: 'rate', definition: 'issues with a repeat contact within the window after their first handled contact ÷ issues with a handled first contact' },
  { key: 'reopenRate', label: 'reopen rate', unit: 'rate', definition: 'issues marked resolved by their first handled contact that still had a repeat within the window ÷ issues marked resolved by it' },
  { key: 'resolutionTimeSeconds', label: 'resolution time', unit: 'seconds', definition: "mean time from an issue's first contact to the end of the contact that resolved it" },
  { key: 'customerAnswerRate', label: 'answer rate per customer', unit: 'rate', definition: 'customers with at least one answered attempt ÷ customers with at least one attempt offered or blocked (answerRate is per attempt)' },
  { key: 'containmentRate', label: 'IVR containment', unit: 'rate', definition: 'contacts resolved in the IVR or bot ÷ contacts that went through it' },
  { key: 'ivrAbandonRate', label: 'IVR abandon rate', unit: 'rate', definition: 'contacts that hung up in the IVR or bot ÷ contacts that went through it' },
  { key: 'meanIvrSeconds', label: 'mean time in IVR', unit: 'seconds', definition: 'mean time from arrival to IVR exit of contacts that went through it' },
  { key: 'misrouteRate', label: 'misroute rate', unit: 'rate', definition: 'IVR-routed contacts that the agent transferred to another queue ÷ IVR-routed contacts' },
  { key: 'transferRate', label: 'transfer rate', unit: 'rate', definition: 'legs transferred by the agent ÷ legs an agent handled (handled, transferred or escalated)' },
  { key: 'escalationRate', label: 'escalation rate', unit: 'rate', definition: 'legs escalated to tier 2 (warm or ticket) ÷ legs an agent handled' },
  { key: 'callbackRate', label: 'callback rate', unit: 'rate', definition: 'calls that took a callback instead of waiting ÷ calls that reached a queue' },
  { key: 'callbackOfferRate', label: 'callback offer rate', unit: 'rate', definition: 'calls offered a callback (predicted wait above the threshold) ÷ calls that reached a queue' },
  { key: 'callbackAcceptanceRate', label: 'callback acceptance', unit: 'rate', definition: 'callback offers accepted ÷ callback offers' },
  { key: 'callbackSuccessRate', label: 'callback success', unit: 'rate', definition: 'callbacks that reached the customer ÷ callbacks reached or given up' },
  { key: 'callbackDelaySeconds', label: 'callback delay', unit: 'seconds', definition: 'mean time from accepting a callback to being reached' },
];

/** Agent-group metrics. */
export const GROUP_METRICS: readonly MetricDefinition[] = [
  { key: 'occupancy', label: 'occupancy', unit: 'rate', definition: 'time handling (talk + wrap-up) ÷ time staffed and not on break, after warm-up' },
  { key: 'staffedHours', label: 'staffed hours', unit: 'hours', definition: 'agent-hours logged in after warm-up (overtime included)' },
  { key: 'overtimeHours', label: 'overtime hours', unit: 'hours', definition: 'agent-hours worked past the end of a shift to finish a contact' },
  { key: 'meanConcurrency', label: 'mean concurrency', unit: 'count', definition: 'groups handling chats: contact-seconds handled ÷ seconds holding at least one contact' },
];

/** Per-interval group metrics. */
export const GROUP_INTERVAL_METRICS: readonly MetricDefinition[] = [
  { key: 'staffedAgents', label: 'agents staffed', unit: 'count', definition: 'mean number of agents logged in during the interval' },
  { key: 'availableAgents', label: 'agents available', unit: 'count', definition: 'mean number of agents logged in and not on break during the interval' },
  { key: 'busyAgents', label: 'agents busy', unit: 'count', definition: 'mean number of agents handling a contact (talk or wrap-up) during the interval' },
  { key: 'occupancy', label: 'occupancy', unit: 'rate', definition: 'busy agents ÷ staffed agents (not on break) in the interval' },
];
