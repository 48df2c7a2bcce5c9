/**
 * Weekdays as scenario files name them, and maps keyed by them.
 *
 * A day key is a weekday (`mon` … `sun`), a range of weekdays (`mon-fri`; a range may
 * wrap round the week: `fri-mon` is fri, sat, sun, mon) or `daily`. In a map keyed by
 * days each weekday may be named once, so `{ daily: …, sun: … }` is an error rather than
 * a silent override. Weekday numbers are 0 Monday … 6 Sunday.
 */
import { MSG } from '../messages.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

const DAY = '(mon|tue|wed|thu|fri|sat|sun)';
/** What a day key looks like (also published in the JSON Schema). */
export const DAY_KEY_PATTERN = `^(daily|${DAY}(-${DAY})?)$`;

/** A problem at a path relative to the value being read. */
export type Report = (entry: { what: string; fix: string }, path: (string | number)[]) => void;

/**
 * A value per weekday read from a map keyed by days: `days[w]` is the value for weekday w
 * (undefined when no key names it) and `keys[w]` the key that named it.
 */
export interface WeekMap<T> {
  days: (T | undefined)[];
  keys: (string | undefined)[];
}

/** The same value on every weekday, named by no key (the single-value form of a field). */
export function everyDay<T>(value: T): WeekMap<T> {
  return { days: WEEKDAYS.map(() => value), keys: WEEKDAYS.map(() => undefined) };
}

/** The weekday number of a name (`mon` → 0), or undefined. */
export function weekdayIndex(name: string): number | undefined {
  const i = (WEEKDAYS as readonly string[]).indexOf(name);
  return i < 0 ? undefined : i;
}

/** Name of weekday w (any integer, taken modulo 7). */
export function weekdayName(w: number): WeekdayName {
  return WEEKDAYS[((w % 7) + 7) % 7] as WeekdayName;
}

/** The weekdays a key names, in week order from its first day; undefined when it is not a day key. */
export function parseDayKey(key: string): number[] | undefined {
  if (key === 'daily') return [0, 1, 2, 3, 4, 5, 6];
  const [from, to, ...rest] = key.split('-');
  if (rest.length > 0 || from === undefined) return undefined;
  const a = weekdayIndex(from);
  const b = to === undefined ? a : weekdayIndex(to);
  if (a === undefined || b === undefined) return undefined;
  const days: number[] = [];
  for (let w = a; ; w = (w + 1) % 7) {
    days.push(w);
    if (w === b) return days;
  }
}

/** The catalogue entry for a text that is not a day key. */
export function unknownWeekday(text: string) {
  const lower = text.trim().toLowerCase();
  // `Mon`, `monday`, `Tues-Thurs`: the three-letter names the user probably meant.
  const short = lower === 'daily' ? lower : lower.split(/\s*-\s*/).map((t) => t.slice(0, 3)).join('-');
  return MSG.unknownWeekday(text, parseDayKey(short) ? short : undefined);
}

/**
 * Read a map keyed by days into a WeekMap, reporting an unknown key at [key] and a day
 * named by two keys at the second key. Undefined when anything was reported.
 */
export function readWeekMap<T>(map: Record<string, T>, report: Report): WeekMap<T> | undefined {
  const out: WeekMap<T> = { days: WEEKDAYS.map(() => undefined), keys: WEEKDAYS.map(() => undefined) };
  let ok = true;
  for (const [key, value] of Object.entries(map)) {
    const days = parseDayKey(key);
    if (!days) {
      report(unknownWeekday(key), [key]);
      ok = false;
      continue;
    }
    for (const w of days) {
      const first = out.keys[w];
      if (first !== undefined) {
        report(MSG.dayNamedTwice(weekdayName(w), first, key), [key]);
        ok = false;
        break;
      }
      out.days[w] = value;
      out.keys[w] = key;
    }
  }
  return ok ? out : undefined;
}

/**
 * Read a `days` value (a day key, or a list of them) into a set of weekdays (on[w]), reporting
 * an unknown name at [] (single value) or [i] (list entry). Naming a day twice is harmless.
 */
export function readDayList(value: string | string[], report: Report): boolean[] | undefined {
  const on = WEEKDAYS.map(() => false);
  const items = typeof value === 'string' ? [value] : value;
  let ok = true;
  items.forEach((item, i) => {
    const path = typeof value === 'string' ? [] : [i];
    const days = parseDayKey(item);
    if (!days) {
      report(unknownWeekday(item), path);
      ok = false;
      return;
    }
    for (const w of days) on[w] = true;
  });
  return ok ? on : undefined;
}

/**
 * Calendar days the horizon touches, as weekday numbers in order: day 0 is the weekday of
 * t = 0, and the last day is the one holding the last instant before the horizon.
 */
export function weekdaysTouched(startWeekday: number, startClockSec: number, horizonSec: number): number[] {
  const days = Math.max(1, Math.ceil((startClockSec + horizonSec) / 86_400 - 1e-9));
  return Array.from({ length: days }, (_, d) => (startWeekday + d) % 7);
}
