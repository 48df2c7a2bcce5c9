/**
 * The sizes ccsim accepts, in one table (the README's "Limits" lists the same), and the
 * checks that apply them: to a parsed scenario before it is normalized (so a 1e308-hour
 * horizon or a 1 ms table interval never reaches an allocation), and to a study before it
 * runs (expected contacts per replication, replications).
 *
 * The limits are generous for real centers: five years of horizon, 100,000 agents in a
 * group, a million calls an hour. What they stop is a typo that would run for days or
 * exhaust memory, with a message that names the figure and the way out.
 */
import { MSG, inputError } from '../messages.js';
import type { ArrivalRates, Scenario } from './types.js';

const YEAR_SEC = 365 * 86_400;

export const LIMITS = {
  /** Simulated time of one replication. */
  horizonSec: 5 * YEAR_SEC,
  /** Shortest interval of any table, profile or report. */
  intervalSec: 60,
  /** Reporting intervals over the horizon (each is a row of every per-interval table). */
  reportIntervals: 100_000,
  /** Agents in one group, in one table cell, or on one shift. */
  agents: 100_000,
  /** A constant arrival rate. */
  perHour: 1_000_000,
  /** Expected contacts in one table interval, or on one day. */
  volume: 10_000_000,
  /** Replications of one study (flag or scenario field). */
  replications: 10_000,
  /** Expected contacts of one replication; `--max-contacts N` raises it. */
  contactsPerReplication: 20_000_000,
  /** Nesting levels of a scenario file. */
  nestingDepth: 64,
} as const;

type Path = (string | number)[];

/** Every number at or beneath `key` anywhere in `data`, with its path. */
function* numbersUnder(data: unknown, key: string, path: Path = [], inside = false): Generator<[number, Path]> {
  if (typeof data === 'number' && inside) yield [data, path];
  if (data === null || typeof data !== 'object') return;
  for (const [k, v] of Object.entries(data)) {
    const child = [...path, Array.isArray(data) ? Number(k) : k];
    yield* numbersUnder(v, key, child, inside || k === key);
  }
}

/** Numbers that are directly the value of `key` (or the elements of an array there). */
function* valuesOf(data: unknown, key: string, path: Path = []): Generator<[number, Path]> {
  if (data === null || typeof data !== 'object') return;
  for (const [k, v] of Object.entries(data)) {
    const child = [...path, Array.isArray(data) ? Number(k) : k];
    if (k === key && typeof v === 'number') yield [v, child];
    else if (k === key && Array.isArray(v)) {
      for (const [i, x] of v.entries()) if (typeof x === 'number') yield [x, [...child, i]];
    }
    yield* valuesOf(v, key, child);
  }
}

interface Rule {
  numbers: (d: unknown) => Iterable<[number, Path]>;
  ok: (v: number) => boolean;
  entry: (v: number) => { what: string; fix: string };
}

/** Fields by name wherever they appear (channels, groups, shifts, profiles). Durations are seconds here. */
const RULES: Rule[] = [
  { numbers: (d) => valuesOf(d, 'horizon'), ok: (v) => v <= LIMITS.horizonSec, entry: (v) => MSG.overLimit(`a horizon of ${fmt(v / 86_400)} days`, 'horizon', `${LIMITS.horizonSec / YEAR_SEC} years`, 'simulate a shorter period, e.g. horizon: 1w') },
  { numbers: (d) => valuesOf(d, 'interval'), ok: (v) => v >= LIMITS.intervalSec, entry: (v) => MSG.underLimit(`an interval of ${fmt(v)} s`, `${LIMITS.intervalSec} s`, 'use intervals of whole minutes, e.g. interval: 15m') },
  { numbers: (d) => valuesOf(d, 'perHour'), ok: (v) => v <= LIMITS.perHour, entry: (v) => MSG.overLimit(`${fmt(v)} contacts an hour`, 'perHour', fmt(LIMITS.perHour), 'check the rate: perHour counts contacts per hour') },
  { numbers: (d) => numbersUnder(d, 'volumes'), ok: (v) => v <= LIMITS.volume, entry: (v) => MSG.overLimit(`${fmt(v)} contacts in one interval`, 'volume', fmt(LIMITS.volume), 'check the table: each value is the expected contacts of one interval') },
  { numbers: (d) => numbersUnder(d, 'daily'), ok: (v) => v <= LIMITS.volume, entry: (v) => MSG.overLimit(`${fmt(v)} contacts in one day`, 'daily volume', fmt(LIMITS.volume), 'check the daily volume') },
  { numbers: (d) => valuesOf(d, 'agents'), ok: (v) => v <= LIMITS.agents, entry: (v) => MSG.overLimit(`${fmt(v)} agents`, 'agents', fmt(LIMITS.agents), 'check the count; split a larger center into groups') },
  { numbers: (d) => valuesOf(d, 'counts'), ok: (v) => v <= LIMITS.agents, entry: (v) => MSG.overLimit(`${fmt(v)} agents`, 'agents', fmt(LIMITS.agents), 'check the table; split a larger center into groups') },
  { numbers: (d) => valuesOf(d, 'replications'), ok: (v) => v <= LIMITS.replications, entry: (v) => MSG.overLimit(`${fmt(v)} replications`, 'replications', fmt(LIMITS.replications), 'use fewer replications; a CI half as wide needs four times as many') },
];

const fmt = (v: number) => (Math.abs(v) < 1e15 ? v.toLocaleString('en-US', { maximumFractionDigits: 3 }) : v.toExponential(2));

/** Refuse a parsed scenario (durations already in seconds) with a size beyond LIMITS. */
export function checkLimits(parsed: unknown, file: string): void {
  for (const rule of RULES) {
    for (const [v, path] of rule.numbers(parsed)) {
      if (!Number.isFinite(v) || !rule.ok(v)) throw inputError(rule.entry(v), { file, path: path.join('.') });
    }
  }
  const p = parsed as { horizon?: number; interval?: number };
  if (typeof p.horizon === 'number' && typeof p.interval === 'number' && p.horizon / p.interval > LIMITS.reportIntervals) {
    throw inputError(MSG.tooManyIntervals(Math.ceil(p.horizon / p.interval), LIMITS.reportIntervals), { file, path: 'interval' });
  }
}

/** Expected arrivals of a piecewise-constant rate over [0, horizon) (the last interval extends to the horizon). */
export function expectedArrivals(rates: ArrivalRates, horizonSec: number): number {
  let n = 0;
  for (let i = 0; i < rates.ratesPerSec.length; i++) {
    const from = i * rates.intervalSec;
    if (from >= horizonSec) break;
    const to = i === rates.ratesPerSec.length - 1 ? horizonSec : Math.min(horizonSec, from + rates.intervalSec);
    n += rates.ratesPerSec[i] * (to - from);
  }
  return n;
}

/** Expected contacts of one replication: arrivals over the horizon (scripted times counted) plus any initial backlog. */
export function expectedContacts(s: Scenario): number {
  let n = 0;
  for (const c of Object.values(s.channels)) {
    n += (c.arrivalTimesSec?.length ?? expectedArrivals(c.arrivals, s.horizonSec)) + (c.initialBacklog?.count ?? 0);
  }
  return n;
}

/** Refuse a study that could not finish in reasonable time or memory, before any simulation starts. */
export function checkStudySize(s: Scenario, replications: number, maxContacts: number = LIMITS.contactsPerReplication, where: { file?: string } = {}): void {
  if (replications > LIMITS.replications) throw inputError(MSG.overLimit(`${fmt(replications)} replications`, 'replications', fmt(LIMITS.replications), 'use fewer replications, or split the study with --shard i/n and ccsim merge'), { path: '--replications' });
  const contacts = expectedContacts(s);
  if (!(contacts <= maxContacts)) throw inputError(MSG.tooManyContacts(fmt(Math.round(contacts)), fmt(maxContacts)), { ...where, path: 'horizon' });
}
