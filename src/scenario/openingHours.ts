/**
 * Opening hours as a scenario file writes them → the weekly `OpeningHours` the model reads.
 *
 *   open: 24/7                                        always open (the same as no `open`)
 *   open: { mon-fri: "08:00-20:00", sat: "09:00-13:00" }   a day no key names is closed
 *   open: { daily: ["08:00-12:00", "13:00-17:00"] }     several periods a day
 *   open: { fri: "22:00-06:00", sat: closed }           an end before the start runs past
 *                                                     midnight into the next weekday
 *
 * Periods are [from, to) clock times; `to` may be 24:00. Periods that touch are merged;
 * periods that overlap on a day, including the part of a period spilling over from the
 * day before, are an error naming the day and both periods.
 */
import { MSG } from '../messages.js';
import { parseClockTime, SECONDS_PER_DAY } from './duration.js';
import type { OpeningHours } from './types.js';
import { readWeekMap, weekdayName, type Report } from './weekdays.js';

const CLOCK = '([01]?\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?';
/** What a clock range looks like: `HH:MM-HH:MM`, the end may be 24:00. */
export const CLOCK_RANGE_PATTERN = `^\\s*${CLOCK}\\s*-\\s*(${CLOCK}|24:00(:00)?)\\s*$`;
/** A day's opening value: a clock range or `closed`. */
export const DAY_HOURS_PATTERN = `^(closed|${CLOCK_RANGE_PATTERN.slice(1, -1)})$`;

/** The literal that means "always open". */
export const ALWAYS_OPEN = '24/7';

/**
 * `HH:MM-HH:MM` → seconds after midnight of both ends (`to` is 86400 for 24:00); the ends are
 * not compared. Undefined when the text is not a clock range.
 */
export function parseClockRange(text: string): { fromSec: number; toSec: number } | undefined {
  const m = /^\s*([0-9:]+)\s*-\s*([0-9:]+)\s*$/.exec(text);
  if (!m) return undefined;
  const fromSec = parseClockTime(m[1]);
  const toSec = m[2] === '24:00' || m[2] === '24:00:00' ? SECONDS_PER_DAY : parseClockTime(m[2]);
  return fromSec === undefined || toSec === undefined ? undefined : { fromSec, toSec };
}

/** Where a period came from, for messages and error paths. */
interface Source {
  key: string;
  /** Position in the key's list; undefined for a single string. */
  index: number | undefined;
  text: string;
  /** Order in the file (keys, then list entries): the later of two clashing periods is reported. */
  order: number;
}

interface Segment {
  from: number;
  to: number;
  source: Source;
  /** True for the part of an overnight period that falls on the next weekday. */
  spill: boolean;
}

/**
 * Read an `open` value. Returns the weekly hours, or undefined for 24/7 (always open);
 * problems go to `report` with paths relative to the `open` field, and the result is then
 * meaningless.
 */
export function readOpeningHours(value: string | Record<string, string | string[]>, report: Report): OpeningHours | undefined {
  if (typeof value === 'string') {
    if (value.trim() !== ALWAYS_OPEN) report(MSG.badOpeningHours(`'${value}'`), []);
    return undefined;
  }
  const byDay = readWeekMap(value, report);
  if (!byDay) return { days: [[], [], [], [], [], [], []] };

  const segments: Segment[][] = [[], [], [], [], [], [], []];
  let order = 0;
  let failed = false;
  for (const [key, hours] of Object.entries(value)) {
    const days = byDay.keys.flatMap((k, w) => (k === key ? [w] : []));
    const items = typeof hours === 'string' ? [hours] : hours;
    items.forEach((text, i) => {
      const source: Source = { key, index: typeof hours === 'string' ? undefined : i, text, order: order++ };
      const path = source.index === undefined ? [key] : [key, source.index];
      if (text.trim() === 'closed' && typeof hours === 'string') return;
      const range = parseClockRange(text);
      if (!range) {
        failed = true;
        return report(MSG.badOpeningPeriod(text), path);
      }
      const { fromSec, toSec } = range;
      if (fromSec === toSec) {
        failed = true;
        return report(MSG.emptyOpeningPeriod(text), path);
      }
      for (const w of days) {
        if (toSec > fromSec) {
          segments[w]?.push({ from: fromSec, to: toSec, source, spill: false });
        } else {
          segments[w]?.push({ from: fromSec, to: SECONDS_PER_DAY, source, spill: false });
          if (toSec > 0) segments[(w + 1) % 7]?.push({ from: 0, to: toSec, source, spill: true });
        }
      }
    });
  }
  if (failed) return { days: [[], [], [], [], [], [], []] };

  const days: [number, number][][] = [];
  for (let w = 0; w < 7; w++) {
    const list = (segments[w] as Segment[]).sort((a, b) => a.from - b.from || a.source.order - b.source.order);
    const merged: [number, number][] = [];
    let reaching: Segment | undefined; // the segment reaching furthest so far
    for (const seg of list) {
      if (reaching && seg.from < reaching.to) {
        const [first, second] = seg.source.order < reaching.source.order ? [seg, reaching] : [reaching, seg];
        const { key, index } = second.source;
        report(MSG.overlappingHours(weekdayName(w), describe(first, w), describe(second, w)), index === undefined ? [key] : [key, index]);
        return { days: [[], [], [], [], [], [], []] };
      }
      const last = merged[merged.length - 1];
      if (last && last[1] === seg.from) last[1] = seg.to;
      else merged.push([seg.from, seg.to]);
      if (!reaching || seg.to > reaching.to) reaching = seg;
    }
    days.push(merged);
  }
  return { days };
}

/** `"08:00-20:00" (mon-fri)`, `"22:00-02:00" (fri, past midnight)`, `"22:00-02:00" (mon-fri, from wed past midnight)` */
function describe(seg: Segment, w: number): string {
  const { key, text } = seg.source;
  if (!seg.spill) return `"${text}" (${key})`;
  const from = weekdayName(w - 1);
  return `"${text}" (${key === from ? `${key},` : `${key}, from ${from}`} past midnight)`;
}
