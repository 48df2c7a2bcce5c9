/**
 * A validated, cross-checked scenario file → the normalized `Scenario` the model runs:
 * ids filled in, defaults applied, arrivals turned into piecewise-constant rates per
 * second covering the horizon, staffing into a constant or a table. Pure apart from
 * the CSV reader it is handed for empirical distributions given as a file column.
 */
import { intervalCount } from './duration.js';
import type { ParsedAgents, ParsedArrivals, ParsedDistribution, ScenarioFile } from './schema.js';
import type { ArrivalRates, Channel, DistSpec, Group, Scenario, Staffing } from './types.js';

/** Reads the values of an empirical distribution's CSV column; `path` is the distribution's field path. */
export type ColumnReader = (csv: string, column: string, path: string) => number[];

/** Reporting interval when neither the file nor any table gives one. */
export const DEFAULT_INTERVAL_SEC = 1_800;
/** Service-level threshold for channels without a target (the industry's 80/20 default). */
export const DEFAULT_WITHIN_SEC = 20;

/** Build the normalized scenario; assumes `checkReferences` has passed. Never mutates its input. */
export function normalizeScenario(s: ScenarioFile, readColumn: ColumnReader): Scenario {
  const channels: Record<string, Channel> = {};
  for (const [id, c] of Object.entries(s.channels)) {
    const dist = (field: string, d: ParsedDistribution) => distSpec(d, `channels.${id}.${field}`, readColumn);
    channels[id] = {
      id,
      kind: c.kind,
      priority: c.priority,
      arrivals: arrivalRates(c.arrivals, s.horizon, s.start),
      ...('times' in c.arrivals ? { arrivalTimesSec: [...c.arrivals.times] } : {}),
      handle: dist('handle', c.handle),
      ...(c.wrapup ? { wrapup: dist('wrapup', c.wrapup) } : {}),
      ...(c.patience ? { patience: dist('patience', c.patience) } : {}),
      ...(c.target ? { target: { serviceLevel: c.target.serviceLevel, withinSec: c.target.within } } : {}),
    };
  }
  const groups: Record<string, Group> = {};
  for (const [id, g] of Object.entries(s.groups)) {
    groups[id] = { id, staffing: staffing(g.agents), skills: [...g.skills], chatConcurrency: 1, chatSlowdown: 1, mixChatAndCalls: false };
  }
  return {
    name: s.name,
    ...(s.description !== undefined ? { description: s.description } : {}),
    seed: s.seed,
    replications: s.replications,
    horizonSec: s.horizon,
    startClockSec: s.start,
    startWeekday: 0,
    metrics: {
      warmupSec: s.warmup,
      intervalSec: s.interval ?? firstTableInterval(s) ?? DEFAULT_INTERVAL_SEC,
      serviceLevelFormula: s.serviceLevelFormula,
      shortAbandonSec: s.shortAbandon,
      defaultWithinSec: DEFAULT_WITHIN_SEC,
    },
    channels,
    groups,
  };
}

/**
 * Piecewise-constant rates per second from t = 0:
 * - perHour: one interval as long as the horizon;
 * - volumes: volume ÷ interval length, one rate per table entry;
 * - times (scripted): the mean rate over the horizon;
 * - daily + profile: daily × weight ÷ Σweights ÷ interval, slot i of simulated time taking
 *   the profile slot of clock time start + i·interval (wrapping at midnight, every day).
 */
export function arrivalRates(a: ParsedArrivals, horizonSec: number, startClockSec: number): ArrivalRates {
  if ('perHour' in a) return { intervalSec: horizonSec, ratesPerSec: [a.perHour / 3600] };
  // Scripted times: the mean rate over the horizon (for first guesses; the model uses the times).
  if ('times' in a) return { intervalSec: horizonSec, ratesPerSec: [a.times.filter((t) => t < horizonSec).length / horizonSec] };
  if ('volumes' in a) return { intervalSec: a.interval, ratesPerSec: a.volumes.map((v) => v / a.interval) };
  const { interval, weights } = a.profile;
  const total = weights.reduce((x, y) => x + y, 0);
  const offset = Math.round(startClockSec / interval);
  const ratesPerSec = Array.from({ length: intervalCount(horizonSec, interval) }, (_, i) => {
    const w = weights[(offset + i) % weights.length] as number;
    return (a.daily * w) / total / interval;
  });
  return { intervalSec: interval, ratesPerSec };
}

function staffing(agents: ParsedAgents): Staffing {
  return typeof agents === 'number'
    ? { kind: 'constant', agents }
    : { kind: 'table', intervalSec: agents.interval, agents: [...agents.counts] };
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
    if (typeof g.agents !== 'number') return g.agents.interval;
  }
  return undefined;
}
