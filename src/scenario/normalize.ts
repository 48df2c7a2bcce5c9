/**
 * A validated, cross-checked scenario file → the normalized `Scenario` the model runs:
 * ids filled in, defaults applied, arrivals turned into piecewise-constant rates per
 * second covering the horizon, staffing into a constant, a table or one working period per
 * agent (a roster expanded over the horizon, see roster.ts). Pure apart from
 * the CSV reader it is handed for empirical distributions given as a file column.
 */
import { SECONDS_PER_DAY, intervalCount } from './duration.js';
import { expandRoster } from './roster.js';
import type { ParsedAgents, ParsedArrivals, ParsedDistribution, ScenarioFile } from './schema.js';
import type { ArrivalRates, Channel, DistSpec, Group, IvrNode, IvrTree, Queue, Scenario, Staffing } from './types.js';
import { weekdayIndex } from './weekdays.js';

/** Reads the values of an empirical distribution's CSV column; `path` is the distribution's field path. */
export type ColumnReader = (csv: string, column: string, path: string) => number[];

/** Reporting interval when neither the file nor any table gives one. */
export const DEFAULT_INTERVAL_SEC = 1_800;
/** Service-level threshold for channels without a target (the industry's 80/20 default). */
export const DEFAULT_WITHIN_SEC = 20;

/** Build the normalized scenario; assumes `checkReferences` has passed. Never mutates its input. */
export function normalizeScenario(s: ScenarioFile, readColumn: ColumnReader): Scenario {
  const startWeekday = weekdayIndex(s.startDay) ?? 0;
  const channels: Record<string, Channel> = {};
  for (const [id, c] of Object.entries(s.channels)) {
    const dist = (field: string, d: ParsedDistribution) => distSpec(d, `channels.${id}.${field}`, readColumn);
    channels[id] = {
      id,
      kind: c.kind,
      priority: c.priority,
      arrivals: arrivalRates(c.arrivals, s.horizon, s.start, startWeekday),
      ...('times' in c.arrivals ? { arrivalTimesSec: [...c.arrivals.times] } : {}),
      handle: dist('handle', c.handle),
      ...(c.wrapup ? { wrapup: dist('wrapup', c.wrapup) } : {}),
      ...(c.patience ? { patience: dist('patience', c.patience) } : {}),
      ...(c.target ? { target: { serviceLevel: c.target.serviceLevel, withinSec: c.target.within } } : {}),
      ...(c.open ? { open: { days: c.open.days.map((periods) => periods.map(([a, b]): [number, number] => [a, b])) } } : {}),
      ...(c.initialBacklog
        ? { initialBacklog: { count: c.initialBacklog.count, age: dist('initialBacklog.age', c.initialBacklog.age) } }
        : {}),
      ...(c.forecastError ? { forecastErrorCv: c.forecastError.cv } : {}),
      ...queueBehaviour(c),
      ...(c.ivr ? { ivr: ivrTree(c.ivr, (field, d) => dist(`ivr.${field}`, d)) } : {}),
      ...(c.repeat
        ? {
            repeat: {
              probability: c.repeat.probability,
              delay: dist('repeat.delay', c.repeat.delay),
              channels: Object.entries(c.repeat.channels ?? {}).map(([cid, share]) => ({ id: cid, share })),
            },
          }
        : {}),
      ...(c.retrial ? { retrial: { probability: c.retrial.probability, delay: dist('retrial.delay', c.retrial.delay) } } : {}),
      ...(c.waitingRoom !== undefined ? { waitingRoom: c.waitingRoom } : {}),
      ...(c.callback
        ? {
            callback: {
              thresholdSec: c.callback.threshold,
              acceptance: c.callback.acceptance,
              priority: c.callback.priority,
              success: c.callback.success,
              retries: c.callback.retries,
              retryDelay: dist('callback.retryDelay', c.callback.retryDelay),
              dialSec: c.callback.dialTime,
            },
          }
        : {}),
    };
  }
  const groups: Record<string, Group> = {};
  for (const [id, g] of Object.entries(s.groups)) {
    groups[id] = {
      id,
      staffing: staffing(g.agents, s.start, startWeekday, s.horizon),
      skills: [...g.skills],
      chatConcurrency: g.chatConcurrency,
      chatSlowdown: g.chatSlowdown,
      mixChatAndCalls: g.mixChatAndCalls,
      ...(g.shrinkage ? { shrinkage: { share: g.shrinkage.share, mode: g.shrinkage.mode } } : {}),
      ...(g.skillLevels ? { skillLevels: { ...g.skillLevels } } : {}),
      ...(g.resolution !== undefined ? { resolution: g.resolution } : {}),
      ...(g.hourlyCost !== undefined || s.hourlyCost !== undefined ? { hourlyCost: g.hourlyCost ?? s.hourlyCost } : {}),
    };
  }
  return {
    name: s.name,
    ...(s.description !== undefined ? { description: s.description } : {}),
    seed: s.seed,
    replications: s.replications,
    horizonSec: s.horizon,
    startClockSec: s.start,
    startWeekday,
    metrics: {
      warmupSec: s.warmup,
      intervalSec: s.interval ?? firstTableInterval(s) ?? DEFAULT_INTERVAL_SEC,
      serviceLevelFormula: s.serviceLevelFormula,
      shortAbandonSec: s.shortAbandon,
      fcrWindowSec: s.fcrWindow,
      defaultWithinSec: DEFAULT_WITHIN_SEC,
    },
    channels,
    groups,
    ...(s.queues && Object.keys(s.queues).length > 0 ? { queues: extraQueues(s.queues, readColumn) } : {}),
    ...(s.routing !== 'longestIdle' ? { routing: s.routing } : {}),
    ...(s.expect ? { expect: Object.fromEntries(Object.entries(s.expect).map(([path, e]) => [path, { ...e }])) } : {}),
  };
}

/**
 * Piecewise-constant rates per second from t = 0:
 * - perHour: one interval as long as the horizon;
 * - volumes: volume ÷ interval length, one rate per table entry;
 * - times (scripted): the mean rate over the horizon;
 * - daily + profile: daily × weight ÷ Σweights ÷ interval, slot i of simulated time taking
 *   the profile slot of clock time start + i·interval (wrapping at midnight), with the daily
 *   volume and the weights of its weekday (t = 0 falls on `startWeekday`, 0 Monday).
 *   A day without volume (0, or not given and not reached) gets rate 0.
 */
export function arrivalRates(
  a: ParsedArrivals,
  horizonSec: number,
  startClockSec: number,
  startWeekday = 0,
): ArrivalRates {
  if ('perHour' in a) return { intervalSec: horizonSec, ratesPerSec: [a.perHour / 3600] };
  // Scripted times: the mean rate over the horizon (for first guesses; the model uses the times).
  if ('times' in a) return { intervalSec: horizonSec, ratesPerSec: [a.times.filter((t) => t < horizonSec).length / horizonSec] };
  if ('volumes' in a) return { intervalSec: a.interval, ratesPerSec: a.volumes.map((v) => v / a.interval) };
  const { interval, weights } = a.profile;
  const slotsPerDay = Math.round(SECONDS_PER_DAY / interval);
  const totals = weights.days.map((list) => (list ? list.reduce((x, y) => x + y, 0) : 0));
  const offset = Math.round(startClockSec / interval);
  const ratesPerSec = Array.from({ length: intervalCount(horizonSec, interval) }, (_, i) => {
    const slot = offset + i;
    const weekday = (startWeekday + Math.floor(slot / slotsPerDay)) % 7;
    const daily = a.daily.days[weekday] ?? 0;
    const list = weights.days[weekday];
    if (!(daily > 0) || !list) return 0;
    return (daily * (list[slot % slotsPerDay] as number)) / (totals[weekday] as number) / interval;
  });
  return { intervalSec: interval, ratesPerSec };
}

function staffing(agents: ParsedAgents, startClockSec: number, startWeekday: number, horizonSec: number): Staffing {
  if (typeof agents === 'number') return { kind: 'constant', agents };
  if ('counts' in agents) return { kind: 'table', intervalSec: agents.interval, agents: [...agents.counts] };
  return { kind: 'shifts', shifts: expandRoster(agents.shifts, startClockSec, startWeekday, horizonSec) };
}

function distSpec(d: ParsedDistribution, path: string, readColumn: ColumnReader): DistSpec {
  switch (d.dist) {
    case 'fixed':
      return { dist: 'fixed', value: d.value };
    case 'exponential':
      return { dist: 'exponential', mean: d.mean };
    case 'lognormal':
      return { dist: 'lognormal', mean: d.mean, cv: d.cv };
    case 'gamma':
      return { dist: 'gamma', mean: d.mean, cv: d.cv };
    case 'uniform':
      return { dist: 'uniform', min: d.min, max: d.max };
    case 'empirical':
      return {
        dist: 'empirical',
        values: d.values ? [...d.values] : readColumn(d.csv as string, d.column as string, path),
      };
  }
}

/** The interval of the first arrival table or profile, else of the first staffing table. */
function firstTableInterval(s: ScenarioFile): number | undefined {
  for (const c of Object.values(s.channels)) {
    if ('volumes' in c.arrivals) return c.arrivals.interval;
    if ('daily' in c.arrivals) return c.arrivals.profile.interval;
  }
  for (const g of Object.values(s.groups)) {
    if (typeof g.agents !== 'number' && 'counts' in g.agents) return g.agents.interval;
  }
  return undefined;
}

type QueueFile = NonNullable<ScenarioFile['queues']>[string];
type BehaviourFile = Pick<QueueFile, 'resolution' | 'unresolved' | 'escalation' | 'overflow'>;

/** Resolution, escalation and overflow of a queue (or a channel's own queue), only where given. */
function queueBehaviour(b: BehaviourFile): Partial<Queue> {
  return {
    ...(b.resolution !== undefined ? { resolution: b.resolution } : {}),
    ...(b.unresolved === 'callback' ? { unresolved: 'callback' as const } : {}),
    ...(b.escalation ? { escalation: { probability: b.escalation.probability, to: b.escalation.to, mode: b.escalation.mode } } : {}),
    ...(b.overflow ? { overflow: { afterSec: b.overflow.after, groups: [...b.overflow.groups] } } : {}),
  };
}

function extraQueues(queues: NonNullable<ScenarioFile['queues']>, readColumn: ColumnReader): Record<string, Queue> {
  const out: Record<string, Queue> = {};
  for (const [id, q] of Object.entries(queues)) {
    const dist = (field: string, d: ParsedDistribution) => distSpec(d, `queues.${id}.${field}`, readColumn);
    out[id] = {
      id,
      channel: q.channel,
      priority: q.priority,
      ...(q.handle ? { handle: dist('handle', q.handle) } : {}),
      ...(q.wrapup ? { wrapup: dist('wrapup', q.wrapup) } : {}),
      ...queueBehaviour(q),
    };
  }
  return out;
}

type IvrFile = NonNullable<ScenarioFile['channels'][string]['ivr']>;

function ivrTree(ivr: IvrFile, dist: (field: string, d: ParsedDistribution) => DistSpec): IvrTree {
  const nodes: Record<string, IvrNode> = {};
  for (const [id, n] of Object.entries(ivr.nodes)) {
    nodes[id] = {
      id,
      ...(n.time ? { time: dist(`nodes.${id}.time`, n.time) } : {}),
      abandon: n.abandon,
      contain: n.contain,
      branches: Object.entries(n.branches ?? {}).map(([to, probability]) => ({ to, probability })),
      ...(n.queue !== undefined ? { queue: n.queue } : {}),
      ...(n.misroute
        ? { misroute: { share: n.misroute.share, queue: n.misroute.queue, handle: dist(`nodes.${id}.misroute.handle`, n.misroute.handle) } }
        : {}),
    };
  }
  return { start: ivr.start, nodes };
}
