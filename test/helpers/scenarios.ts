/** Hand-built normalized scenarios for model and metric tests (no file loading involved). */
import type { AgentShift, Channel, ChannelKind, DistSpec, Group, OpeningHours, Queue, RoutingPolicy, Scenario, Shrinkage } from '../../src/scenario/types.js';

export const fixed = (value: number): DistSpec => ({ dist: 'fixed', value });
export const expo = (mean: number): DistSpec => ({ dist: 'exponential', mean });

/** Issue-4 features of a channel, passed through unchanged. */
export type ChannelFeatures = Pick<Channel, 'resolution' | 'escalation' | 'overflow' | 'ivr' | 'repeat' | 'retrial' | 'waitingRoom' | 'callback' | 'unresolved'>;

export interface ChannelInput extends Partial<ChannelFeatures> {
  kind?: ChannelKind;
  open?: OpeningHours;
  initialBacklog?: { count: number; age: DistSpec };
  forecastErrorCv?: number;
  perHour?: number;
  /** Per-interval volumes from t = 0 (replaces perHour). */
  volumes?: { intervalSec: number; counts: number[] };
  times?: number[];
  handle: DistSpec;
  wrapup?: DistSpec;
  patience?: DistSpec;
  priority?: number;
  withinSec?: number;
}

export interface GroupInput extends Partial<Pick<Group, 'skillLevels' | 'resolution'>> {
  agents: number | { intervalSec: number; agents: number[] } | AgentShift[];
  skills: string[];
  chatConcurrency?: number;
  chatSlowdown?: number;
  mixChatAndCalls?: boolean;
  shrinkage?: Shrinkage;
}

/** A scenario from compact channel and group descriptions. */
export function scenario(
  channels: Record<string, ChannelInput>,
  groups: Record<string, GroupInput>,
  opts: {
    horizonSec?: number;
    warmupSec?: number;
    seed?: number;
    intervalSec?: number;
    startClockSec?: number;
    startWeekday?: number;
    /** Extra queues (id → queue without its id). */
    queues?: Record<string, Omit<Queue, 'id' | 'priority'> & { priority?: number }>;
    routing?: RoutingPolicy;
  } = {},
): Scenario {
  const horizonSec = opts.horizonSec ?? 3600;
  const ch: Record<string, Channel> = {};
  for (const [id, c] of Object.entries(channels)) {
    ch[id] = {
      id,
      kind: c.kind ?? 'call',
      priority: c.priority ?? 0,
      arrivals: c.volumes
        ? { intervalSec: c.volumes.intervalSec, ratesPerSec: c.volumes.counts.map((v) => v / c.volumes!.intervalSec) }
        : { intervalSec: horizonSec, ratesPerSec: [(c.perHour ?? 0) / 3600] },
      open: c.open,
      initialBacklog: c.initialBacklog,
      forecastErrorCv: c.forecastErrorCv,
      arrivalTimesSec: c.times,
      handle: c.handle,
      wrapup: c.wrapup,
      patience: c.patience,
      target: c.withinSec !== undefined ? { serviceLevel: 0.8, withinSec: c.withinSec } : undefined,
      ...pick(c, ['resolution', 'escalation', 'overflow', 'ivr', 'repeat', 'retrial', 'waitingRoom', 'callback', 'unresolved']),
    };
  }
  const gr: Record<string, Group> = {};
  for (const [id, g] of Object.entries(groups)) {
    gr[id] = {
      id,
      skills: g.skills,
      chatConcurrency: g.chatConcurrency ?? 1,
      chatSlowdown: g.chatSlowdown ?? 1,
      mixChatAndCalls: g.mixChatAndCalls ?? false,
      shrinkage: g.shrinkage,
      ...pick(g, ['skillLevels', 'resolution']),
      staffing:
        typeof g.agents === 'number'
          ? { kind: 'constant', agents: g.agents }
          : Array.isArray(g.agents)
            ? { kind: 'shifts', shifts: g.agents }
            : { kind: 'table', ...g.agents },
    };
  }
  return {
    name: 'test',
    seed: opts.seed ?? 1,
    replications: 1,
    horizonSec,
    startClockSec: opts.startClockSec ?? 0,
    startWeekday: opts.startWeekday ?? 0,
    metrics: {
      warmupSec: opts.warmupSec ?? 0,
      intervalSec: opts.intervalSec ?? 1800,
      serviceLevelFormula: 'offered',
      shortAbandonSec: 0,
      fcrWindowSec: 7 * 86400,
      defaultWithinSec: 20,
    },
    channels: ch,
    groups: gr,
    ...(opts.queues
      ? { queues: Object.fromEntries(Object.entries(opts.queues).map(([id, q]) => [id, { id, priority: 0, ...q }])) }
      : {}),
    ...(opts.routing ? { routing: opts.routing } : {}),
  };
}

/** The keys of `o` among `keys` that are set. */
function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
