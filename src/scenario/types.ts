/**
 * The normalized scenario: what `loadScenario` returns and the model consumes.
 *
 * Everything here is already validated, defaulted and in seconds. Durations are
 * numbers of seconds, rates are per second. Maps keep the file's key order, which is
 * the order channels and groups appear in every output.
 */

/** A distribution of a non-negative duration, in seconds (defined with the engine's samplers). */
import type { DistSpec } from '../engine/distributions.js';
export type { DistSpec };

/**
 * A piecewise-constant arrival rate covering the horizon: interval i spans
 * [i·intervalSec, (i+1)·intervalSec) and has rate ratesPerSec[i]. The last interval
 * may extend past the horizon; arrivals stop at the horizon.
 */
export interface ArrivalRates {
  intervalSec: number;
  ratesPerSec: number[];
}

/** Service-level target of a channel: `serviceLevel` share answered within `withinSec`. */
export interface ServiceTarget {
  serviceLevel: number;
  withinSec: number;
}

export type ChannelKind = 'call' | 'chat' | 'email';

export interface Channel {
  id: string;
  kind: ChannelKind;
  /** Queue priority: a freed agent serves the highest first (larger = served first). Default 0. */
  priority: number;
  arrivals: ArrivalRates;
  /**
   * Scripted arrivals: exact arrival times (ascending), replacing the Poisson process.
   * For exact-trace tests and classroom walk-throughs (`arrivals: { times: [...] }`).
   */
  arrivalTimesSec?: number[];
  /** Talk time (customer present). */
  handle: DistSpec;
  /** After-contact work; agent busy, customer gone. Absent = no wrap-up. */
  wrapup?: DistSpec;
  /** Time a waiting customer is willing to wait. Absent = never abandons (Erlang C). */
  patience?: DistSpec;
  target?: ServiceTarget;
  /**
   * Opening hours; absent = always open. A call or chat arriving while closed is blocked
   * (logged, not offered); emails arrive and wait whatever the hours.
   */
  open?: OpeningHours;
  /** Work already waiting at t = 0 (emails): `count` items whose ages are drawn from `age`. */
  initialBacklog?: { count: number; age: DistSpec };
  /**
   * Day-level forecast error: each simulated day (of the horizon, from t = 0) the channel's
   * rates are multiplied by a gamma draw with mean 1 and this coefficient of variation.
   * Absent or 0 = no forecast error.
   */
  forecastErrorCv?: number;
  /** What happens after handling in this channel's default queue (resolution, escalation, overflow). */
  resolution?: number;
  /** An issue this queue could not resolve: stays open (default) or goes back to the customer as a callback. */
  unresolved?: 'open' | 'callback';
  escalation?: Escalation;
  overflow?: Overflow;
  /** IVR (calls) or bot (chats) menu tree walked before the queue; absent = straight to the default queue. */
  ivr?: IvrTree;
  /** Unresolved issues come back as repeat contacts. */
  repeat?: RepeatContacts;
  /** Abandoned (and blocked) callers redial. */
  retrial?: Retrial;
  /** Most contacts waiting in each of this channel's queues; one more is blocked (busy signal). Absent = unlimited. */
  waitingRoom?: number;
  /** Callbacks (virtual hold) offered to callers of this call channel's queues. */
  callback?: CallbackOffer;
}

/**
 * When the predicted wait exceeds `thresholdSec`, the caller is offered a callback and
 * accepts with `acceptance`; the callback waits in a hidden queue at `priority`, is
 * dialled by a free agent, reaches the customer with `success`, and a failed dial (which
 * costs the agent `dialSec`) is retried after `retryDelay` up to `retries` times.
 */
export interface CallbackOffer {
  thresholdSec: number;
  acceptance: number;
  priority: number;
  success: number;
  retries: number;
  retryDelay: DistSpec;
  dialSec: number;
}

/** Escalation after handling: with `probability` the contact goes to queue `to` (warm: a second live leg; ticket: a follow-up contact). */
export interface Escalation {
  probability: number;
  to: string;
  mode: 'warm' | 'ticket';
}

/** After `afterSec` in the queue, a waiting contact is also offered to `groups`. */
export interface Overflow {
  afterSec: number;
  groups: string[];
}

/** A queue other than a channel's default one (IVR leaves, tier 2, ticket backlogs). */
export interface Queue {
  id: string;
  channel: string;
  priority: number;
  /** Talk and wrap-up of legs in this queue; absent = the channel's. */
  handle?: DistSpec;
  wrapup?: DistSpec;
  resolution?: number;
  unresolved?: 'open' | 'callback';
  escalation?: Escalation;
  overflow?: Overflow;
}

export interface IvrNode {
  id: string;
  /** Time spent at the node; absent = 0. */
  time?: DistSpec;
  /** Probabilities, in this order, of leaving the IVR here (abandon) and of being resolved here (contained). */
  abandon: number;
  contain: number;
  /** Next nodes with probabilities summing to 1 (non-leaf nodes). */
  branches: { to: string; probability: number }[];
  /** Leaf: the queue the contact is routed to. */
  queue?: string;
  /** Leaf: a share routed to the wrong queue; that agent transfers the contact on after `handle`. */
  misroute?: { share: number; queue: string; handle: DistSpec };
}

export interface IvrTree {
  start: string;
  nodes: Record<string, IvrNode>;
}

export interface RepeatContacts {
  /** Probability that an unresolved issue comes back (default 1). */
  probability: number;
  delay: DistSpec;
  /** Channel mix of the repeat contact (shares summing to 1); default the same channel. */
  channels: { id: string; share: number }[];
}

export interface Retrial {
  probability: number;
  delay: DistSpec;
}

/**
 * Weekly opening hours: `days[w]` (w = 0 Monday … 6 Sunday) lists the open periods of that
 * weekday as [fromSec, toSec) seconds after midnight, sorted and not overlapping. A period
 * may end at 86400 (midnight); an empty list means closed all day.
 */
export interface OpeningHours {
  days: [number, number][][];
}

/** One agent's working period, in seconds since t = 0, with its breaks inside it. */
export interface AgentShift {
  startSec: number;
  endSec: number;
  /** Breaks (lunch included) as [startSec, endSec), sorted, inside the shift. */
  breaks: [number, number][];
}

/** Shrinkage: the share of scheduled capacity not available (absence, training, meetings). */
export interface Shrinkage {
  share: number;
  /**
   * interval: in each staffing interval each scheduled agent is absent with probability
   * `share` (capacity per interval; the default, as planners count shrinkage);
   * day: each agent is absent for a whole day with probability `share`.
   */
  mode: 'interval' | 'day';
}

/**
 * Headcount of a group: constant, per interval from t = 0, or a roster expanded into one
 * working period per agent (shifts × agents × days, with breaks placed).
 */
export type Staffing =
  | { kind: 'constant'; agents: number }
  | { kind: 'table'; intervalSec: number; agents: number[] }
  | { kind: 'shifts'; shifts: AgentShift[] };

export interface Group {
  id: string;
  staffing: Staffing;
  /** Channel ids this group serves, in the file's order. */
  skills: string[];
  /** Most chats an agent holds at once (default 1). */
  chatConcurrency: number;
  /**
   * Handle-time stretch per extra chat: a chat answered while the agent then holds k chats
   * takes its drawn handle time × chatSlowdown^(k−1). 1 = no slowdown (default).
   */
  chatSlowdown: number;
  /** Whether an agent holding chats may also take a call (default false). */
  mixChatAndCalls: boolean;
  shrinkage?: Shrinkage;
  /** Cost of one agent-hour (the group's, else the scenario's `hourlyCost`); absent = not given. */
  hourlyCost?: number;
  /** Skill level per queue id (higher = better); used by the skillThenLongestIdle policy. Default 1. */
  skillLevels?: Record<string, number>;
  /** Resolution probability of contacts this group handles, overriding the queue's. */
  resolution?: number;
}

/** How a new contact picks among idle eligible agents. */
export type RoutingPolicy = 'longestIdle' | 'skillThenLongestIdle';

export type ServiceLevelFormula =
  | 'offered' // answered within T / offered (default)
  | 'answered' // answered within T / answered
  | 'offeredMinusShortAbandons' // answered within T / (offered − abandoned within T)
  | 'answeredPlusLateAbandons'; // answered within T / (answered + abandoned after T)

/** Measurement settings: how the log is turned into KPIs. */
export interface MetricOptions {
  /** Contacts arriving before this are not counted. */
  warmupSec: number;
  /** Length of the reporting intervals. */
  intervalSec: number;
  serviceLevelFormula: ServiceLevelFormula;
  /** Abandons that waited less than this are left out of offered and abandoned. Default 0. */
  shortAbandonSec: number;
  /** FCR window: a repeat within it after the first handled contact counts against FCR. */
  fcrWindowSec: number;
  /** Default SL threshold for channels without a target. */
  defaultWithinSec: number;
}

export interface Scenario {
  name: string;
  description?: string;
  seed: number;
  /** Default replication count for `ccsim run`. */
  replications: number;
  horizonSec: number;
  /** Clock time of day at t = 0, in seconds after midnight (labels, profiles, opening hours). */
  startClockSec: number;
  /** Weekday at t = 0: 0 Monday … 6 Sunday (default 0). */
  startWeekday: number;
  metrics: MetricOptions;
  channels: Record<string, Channel>;
  groups: Record<string, Group>;
  /** What `ccsim check` expects, by KPI path (`voice.serviceLevel`); absent = no expectations. */
  expect?: Record<string, Expectation>;
  /** Queues beyond each channel's default one (whose id is the channel id). */
  queues?: Record<string, Queue>;
  /** Default longestIdle. */
  routing?: RoutingPolicy;
}

/** Bounds on the mean of one KPI over the replications; `tolerance` is relative to `approx`. */
export interface Expectation {
  min?: number;
  max?: number;
  approx?: number;
  tolerance?: number;
}
