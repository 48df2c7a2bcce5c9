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
}

/** Headcount of a group: constant, or per interval starting at time 0. */
export type Staffing =
  | { kind: 'constant'; agents: number }
  | { kind: 'table'; intervalSec: number; agents: number[] };

export interface Group {
  id: string;
  staffing: Staffing;
  /** Channel ids this group serves, in the file's order. */
  skills: string[];
}

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
  /** Clock time of day at t = 0, in seconds after midnight; only for labels. */
  startClockSec: number;
  metrics: MetricOptions;
  channels: Record<string, Channel>;
  groups: Record<string, Group>;
}
