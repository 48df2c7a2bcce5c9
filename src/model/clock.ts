/**
 * Simulated time to calendar time: t = 0 is clock `startClockSec` on weekday `startWeekday`
 * (0 Monday … 6 Sunday). Calendar days start at midnight, so day 0 is the start day.
 */
import type { OpeningHours } from '../scenario/types.js';

export const DAY_SEC = 86_400;

/** Calendar day index of simulated time t (0 = the start day). */
export function dayIndex(t: number, startClockSec: number): number {
  return Math.floor((startClockSec + t) / DAY_SEC);
}

/** Simulated time at which calendar day d begins (negative for day 0 unless starting at midnight). */
export function dayStart(d: number, startClockSec: number): number {
  return d * DAY_SEC - startClockSec;
}

/** Answers "is the channel open at t?" for weekly opening hours. */
export class OpeningSchedule {
  constructor(
    private readonly hours: OpeningHours,
    private readonly startClockSec: number,
    private readonly startWeekday: number,
  ) {}

  isOpen(t: number): boolean {
    const abs = this.startClockSec + t;
    const d = Math.floor(abs / DAY_SEC);
    const clock = abs - d * DAY_SEC;
    const periods = this.hours.days[(((this.startWeekday + d) % 7) + 7) % 7];
    for (let i = 0; i < periods.length; i++) if (clock >= periods[i][0] && clock < periods[i][1]) return true;
    return false;
  }
}
