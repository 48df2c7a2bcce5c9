/**
 * Poisson arrivals with a piecewise-constant rate.
 *
 * Inside an interval, gaps are exponential at that interval's rate. A gap that would
 * cross the interval's end is discarded and drawn again from the boundary at the new
 * rate: by memorylessness this is exact, and a rate change takes effect exactly there.
 */
import type { Rng } from '../engine/index.js';
import type { ArrivalRates } from '../scenario/types.js';
import { DAY_SEC } from './clock.js';

/** Yields a channel's arrival times in order. */
export interface ArrivalSource {
  /** The next arrival at or after the previous one (`fromSec` is the previous arrival), or Infinity. */
  next(fromSec: number): number;
}

/** Arrivals at given times, in order; equal times arrive one after another at that instant. */
export class ScriptedArrivals implements ArrivalSource {
  private i = 0;
  constructor(private readonly timesSec: readonly number[]) {}
  next(): number {
    return this.i < this.timesSec.length ? this.timesSec[this.i++] : Infinity;
  }
}

/** Day-level multipliers of the rates (forecast error), by calendar day from the start day. */
export interface DayMultipliers {
  startClockSec: number;
  factors: Float64Array;
}

export class ArrivalProcess implements ArrivalSource {
  private readonly intervalSec: number;
  private readonly rates: Float64Array;

  constructor(
    rates: ArrivalRates,
    private readonly rng: Rng,
    private readonly days?: DayMultipliers,
  ) {
    this.intervalSec = rates.intervalSec;
    this.rates = Float64Array.from(rates.ratesPerSec);
  }

  /** The first arrival strictly after `fromSec`, or Infinity when the rate stays 0. */
  next(fromSec: number): number {
    const n = this.rates.length;
    let t = fromSec;
    let k = Math.min(n - 1, Math.floor(t / this.intervalSec));
    for (;;) {
      // The last interval extends forever: the horizon, not the table, stops arrivals.
      let end = k === n - 1 ? Infinity : (k + 1) * this.intervalSec;
      let rate = this.rates[k];
      if (this.days) {
        // Forecast error changes the rate at each midnight too, up to the last planned day.
        const d = Math.floor((this.days.startClockSec + t) / DAY_SEC);
        const last = this.days.factors.length - 1;
        rate *= this.days.factors[Math.min(d, last)];
        if (d < last) end = Math.min(end, (d + 1) * DAY_SEC - this.days.startClockSec);
      }
      if (rate > 0) {
        const cand = t - Math.log(1 - this.rng.next()) / rate;
        if (cand < end) return cand;
      }
      if (end === Infinity) return Infinity;
      if (end >= (k + 1) * this.intervalSec) k = Math.min(n - 1, k + 1);
      t = end;
    }
  }
}
