/**
 * The categorical values of the contact log, and their small-integer codes in memory.
 * The names are what the CSV/NDJSON files carry; the codes are what typed columns hold.
 */

/** How a leg ended. */
export const OUTCOMES = [
  'none', // in memory only: not decided yet (never written; a leg still undecided at the horizon is 'open')
  'handled', // an agent finished it (talk and wrap-up)
  'abandoned', // the customer left the queue before an agent
  'blocked', // refused on arrival (channel closed, no waiting room)
  'contained', // resolved in the IVR or bot, never queued
  'ivrAbandoned', // left while in the IVR or bot
  'transferred', // handled, then sent to another queue as a new leg (misroute, warm transfer)
  'escalated', // handled, then escalated to a higher tier (a new leg or a ticket)
  'open', // still waiting or in service at the horizon
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME = Object.fromEntries(OUTCOMES.map((n, i) => [n, i])) as { [K in Outcome]: number };

/** What happened in the IVR / bot before the queue. */
export const IVR_OUTCOMES = ['', 'routed', 'contained', 'abandoned'] as const;
export type IvrOutcome = (typeof IVR_OUTCOMES)[number];
export const IVR_OUTCOME = { none: 0, routed: 1, contained: 2, abandoned: 3 } as const;

/**
 * Agent states of the agent-state table. The simulation holds staffed, busy, wrap-up,
 * break and overtime intervals; idle (staffed minus busy, wrap-up and break) is derived
 * when the table is written to a file, so the hot loop never records it.
 */
export const AGENT_STATES = ['staffed', 'busy', 'wrapup', 'break', 'overtime', 'idle'] as const;
export type AgentState = (typeof AGENT_STATES)[number];
export const AGENT_STATE = { staffed: 0, busy: 1, wrapup: 2, break: 3, overtime: 4, idle: 5 } as const;

/** Channel kinds: live channels wait in a queue, email is deferred work. */
export const CHANNEL_KINDS = ['call', 'chat', 'email'] as const;
export type ChannelKindName = (typeof CHANNEL_KINDS)[number];

/** A callback offer on a caller's leg, as files write it (index = code + 1). */
export const CALLBACK_OFFERS = ['', 'declined', 'accepted'] as const;
