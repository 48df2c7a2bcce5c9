/**
 * The `.meta.json` beside a log, read and checked field by field: a horizon of 1e308 s or
 * an interval of 1e-9 s would make the metrics allocate without bound or divide by
 * nothing, so each field must lie in its documented range (README, "Contact log").
 */
import { existsSync } from 'node:fs';
import { MSG } from '../messages.js';
import { CHANNEL_KINDS } from './codes.js';
import { logError, LogFormatError } from './errors.js';
import { MAX_ABS_TIME_SEC } from './cells.js';
import type { LogMeta } from './files.js';
import { readText } from './rows.js';

/** Shortest reporting interval a log may ask for. */
export const MIN_INTERVAL_SEC = 60;

/** The checked meta file at `metaPath`, or undefined when there is none. */
export function readMeta(metaPath: string): LogMeta | undefined {
  if (!existsSync(metaPath)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readText(metaPath));
  } catch (e) {
    throw new LogFormatError(`the .meta.json side file is not JSON: ${(e as Error).message}`, undefined, metaPath);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new LogFormatError('the .meta.json side file is not a JSON object', undefined, metaPath);
  const m = data as Record<string, unknown>;
  const bad = (field: string, rule: string) => logError(MSG.logBadMeta(field, JSON.stringify(m[field]) ?? String(m[field]), rule), field, metaPath);
  const seconds = (field: string, min: number, rule: string, max = MAX_ABS_TIME_SEC) => {
    const v = m[field];
    if (v !== undefined && !(typeof v === 'number' && v >= min && v <= max)) throw bad(field, rule);
  };
  seconds('horizonSec', Number.MIN_VALUE, 'a number of seconds > 0 and at most 100 years (3,155,760,000)');
  seconds('warmupSec', 0, 'a number of seconds ≥ 0 and below horizonSec', typeof m.horizonSec === 'number' ? m.horizonSec : MAX_ABS_TIME_SEC);
  seconds('intervalSec', MIN_INTERVAL_SEC, `a number of seconds ≥ ${MIN_INTERVAL_SEC} and at most 100 years`);
  seconds('startClockSec', 0, 'a time of day in seconds, 0 ≤ t < 86,400', 86_400 - 1e-6);
  seconds('shortAbandonSec', 0, 'a number of seconds ≥ 0 and at most 100 years');
  seconds('fcrWindowSec', Number.MIN_VALUE, 'a number of seconds > 0 and at most 100 years');
  seconds('defaultWithinSec', 0, 'a number of seconds ≥ 0 and at most 100 years');
  if (m.seed !== undefined && !Number.isSafeInteger(m.seed)) throw bad('seed', 'a whole number');
  if (m.replications !== undefined && !(Number.isSafeInteger(m.replications) && (m.replications as number) >= 1)) throw bad('replications', 'a whole number ≥ 1');
  if (m.scenario !== undefined && typeof m.scenario !== 'string') throw bad('scenario', 'a name (text)');
  if (m.serviceLevelFormula !== undefined && typeof m.serviceLevelFormula !== 'string') throw bad('serviceLevelFormula', 'a formula name (text)');
  // Copied into a map without a prototype: `withinSec.constructor` must not be Object's.
  let withinSec: Record<string, number> | undefined;
  if (m.withinSec !== undefined) {
    const w = m.withinSec;
    const ok = w !== null && typeof w === 'object' && !Array.isArray(w) && Object.values(w).every((x) => typeof x === 'number' && x >= 0 && x <= MAX_ABS_TIME_SEC);
    if (!ok) throw bad('withinSec', 'a map of channel: seconds ≥ 0');
    withinSec = Object.assign(Object.create(null) as Record<string, number>, w);
  }
  const channels = m.channels;
  const channelOk = (c: unknown) => {
    const x = c as { id?: unknown; kind?: unknown } | null;
    return x !== null && typeof x === 'object' && typeof x.id === 'string' && x.id !== '__proto__' && (CHANNEL_KINDS as readonly unknown[]).includes(x.kind);
  };
  if (channels !== undefined && !(Array.isArray(channels) && channels.every(channelOk))) {
    throw bad('channels', `a list of { id, kind } with kind one of ${CHANNEL_KINDS.join(', ')} (and no id '__proto__')`);
  }
  const groups = m.groups;
  if (groups !== undefined && !(Array.isArray(groups) && groups.every((g) => typeof g === 'string' && g !== '__proto__'))) throw bad('groups', "a list of group names (and no '__proto__')");
  return { ...(m as unknown as LogMeta), withinSec };
}
