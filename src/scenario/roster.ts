/**
 * A roster of shifts → one working period per agent and day (`AgentShift`), with breaks placed.
 *
 * t = 0 is clock `startClockSec` on weekday `startWeekday`. For every calendar day the horizon
 * touches, and the day before t = 0 (a night shift that started then still runs), each shift
 * whose `days` include that weekday gives `agents` AgentShifts from that day's clock `start`
 * for `length`, clipped to [0, horizon]; empty ones are dropped. Pure: no I/O, no randomness.
 */
import { MSG } from '../messages.js';
import { SECONDS_PER_DAY as DAY, formatDuration } from './duration.js';
import type { AgentShift } from './types.js';

/** A break at a fixed clock time. */
export interface FixedBreak {
  at: number;
  length: number;
}
/** A break placed inside a clock window, staggered across the shift's agents. */
export interface WindowBreak {
  within: { fromSec: number; toSec: number };
  length: number;
}
export type RosterBreak = FixedBreak | WindowBreak;

/** One line of a roster: clock start, length (≤ 1 day), weekdays (on[w], 0 Monday), head-count, breaks. */
export interface RosterShift {
  start: number;
  length: number;
  days: boolean[];
  agents: number;
  breaks: RosterBreak[];
}

/** Seconds from the shift's start to clock time `clockSec` (shifts may cross midnight). */
function sinceStart(shift: RosterShift, clockSec: number): number {
  return (((clockSec - shift.start) % DAY) + DAY) % DAY;
}

/** A window's position in shift-relative time: [from, to), its length taken round the clock. */
function windowOf(shift: RosterShift, b: WindowBreak): { from: number; to: number } {
  const from = sinceStart(shift, b.within.fromSec);
  const length = (((b.within.toSec - b.within.fromSec) % DAY) + DAY) % DAY;
  return { from, to: from + length };
}

/**
 * Where agent k (0-based) of the shift's n agents takes each break, in shift-relative seconds,
 * in the order the breaks are listed.
 *
 * A fixed break is the same for everyone. A window break is staggered evenly so that the floor
 * never empties: agent k starts it at windowStart + k·(windowLength − breakLength)/(n − 1),
 * rounded to the whole minute (and kept inside the window), so the first agent goes at the
 * window's start and the last finishes at its end. A lone agent goes at the window's start.
 * The same agent is early (or late) in every window and on every day.
 */
export function breakOffsets(shift: RosterShift, k: number, n: number): [number, number][] {
  return shift.breaks.map((b) => {
    if ('at' in b) {
      const from = sinceStart(shift, b.at);
      return [from, from + b.length];
    }
    const w = windowOf(shift, b);
    const slack = w.to - w.from - b.length;
    const shiftBy = n <= 1 ? 0 : Math.min(slack, Math.round((k * slack) / (n - 1) / 60) * 60);
    return [w.from + shiftBy, w.from + shiftBy + b.length];
  });
}

/** A problem with one shift: its field (relative path) and the catalogue entry. */
export interface ShiftProblem {
  path: (string | number)[];
  entry: { what: string; fix: string };
}

/**
 * The first problem with a shift's breaks: a break (or window) not inside the shift, a window
 * shorter than its break, or two breaks of one agent overlapping (checked for every agent, as
 * window breaks move with the agent). Undefined when the shift is sound.
 */
export function checkShift(shift: RosterShift): ShiftProblem | undefined {
  const span = shiftSpan(shift);
  for (const [j, b] of shift.breaks.entries()) {
    const path = ['breaks', j];
    if ('at' in b) {
      const from = sinceStart(shift, b.at);
      if (from + b.length > shift.length) return { path, entry: MSG.breakOutsideShift(describeBreak(b), span) };
    } else {
      const w = windowOf(shift, b);
      if (w.to === w.from) return { path, entry: MSG.breakWindowTooShort(describeBreak(b), 'empty') };
      if (w.to > shift.length) return { path, entry: MSG.breakOutsideShift(describeBreak(b), span) };
      if (w.to - w.from < b.length) {
        return { path, entry: MSG.breakWindowTooShort(describeBreak(b), `only ${formatDuration(w.to - w.from)} long`) };
      }
    }
  }
  const n = Math.max(1, shift.agents);
  for (let k = 0; k < n; k++) {
    const placed = breakOffsets(shift, k, shift.agents)
      .map(([from, to], j) => ({ from, to, j }))
      .sort((a, b) => a.from - b.from || a.j - b.j);
    for (let i = 1; i < placed.length; i++) {
      const [a, b] = [placed[i - 1], placed[i]] as [(typeof placed)[number], (typeof placed)[number]];
      if (b.from < a.to) {
        const [first, second] = a.j < b.j ? [a, b] : [b, a];
        const moving = 'within' in (shift.breaks[first.j] as RosterBreak) || 'within' in (shift.breaks[second.j] as RosterBreak);
        const who = moving && shift.agents > 1 ? ` for agent ${k + 1} of ${shift.agents}` : '';
        const at = (p: { from: number; to: number }) => `${formatClock(shift.start + p.from)}-${formatClock(shift.start + p.to)}`;
        return {
          path: ['breaks', second.j],
          entry: MSG.breaksOverlap(
            `breaks[${first.j}] (${at(first)})`,
            `breaks[${second.j}] (${at(second)})`,
            who,
          ),
        };
      }
    }
  }
  return undefined;
}

/** Every agent's working periods over the horizon, sorted by start, then by the shift's line in the roster. */
export function expandRoster(
  shifts: readonly RosterShift[],
  startClockSec: number,
  startWeekday: number,
  horizonSec: number,
): AgentShift[] {
  const offsets = shifts.map((shift) => Array.from({ length: shift.agents }, (_, k) => breakOffsets(shift, k, shift.agents)));
  const lastDay = Math.ceil((startClockSec + horizonSec) / DAY - 1e-9) - 1;
  const out: { shift: AgentShift; line: number }[] = [];
  for (let d = -1; d <= lastDay; d++) {
    const weekday = (((startWeekday + d) % 7) + 7) % 7;
    shifts.forEach((shift, line) => {
      if (!shift.days[weekday]) return;
      const start = d * DAY + shift.start - startClockSec;
      const startSec = Math.max(0, start);
      const endSec = Math.min(horizonSec, start + shift.length);
      if (!(endSec > startSec)) return;
      for (const agentBreaks of offsets[line] as [number, number][][]) {
        const breaks: [number, number][] = [];
        for (const [from, to] of agentBreaks) {
          const b: [number, number] = [Math.max(startSec, start + from), Math.min(endSec, start + to)];
          if (b[1] > b[0]) breaks.push(b);
        }
        breaks.sort((a, b) => a[0] - b[0]);
        out.push({ shift: { startSec, endSec, breaks }, line });
      }
    });
  }
  // Stable: equal starts keep day, then agent, order.
  out.sort((a, b) => a.shift.startSec - b.shift.startSec || a.line - b.line);
  return out.map((o) => o.shift);
}

/** `08:00`, `23:30:15` for seconds after midnight (taken modulo a day). */
export function formatClock(sec: number): string {
  const s = ((sec % DAY) + DAY) % DAY;
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = s % 60;
  return ss ? `${hh}:${mm}:${String(ss).padStart(2, '0')}` : `${hh}:${mm}`;
}

/** `08:00-16:00 (8h)`, `22:00-06:00 the next day (8h)` */
function shiftSpan(shift: RosterShift): string {
  const end = shift.start + shift.length;
  return `${formatClock(shift.start)}-${formatClock(end)}${end > DAY ? ' the next day' : ''} (${formatDuration(shift.length)})`;
}

function describeBreak(b: RosterBreak): string {
  if ('at' in b) return `the ${formatDuration(b.length)} break at ${formatClock(b.at)}`;
  const to = b.within.toSec === DAY ? '24:00' : formatClock(b.within.toSec);
  return `the ${formatDuration(b.length)} break within ${formatClock(b.within.fromSec)}-${to}`;
}
