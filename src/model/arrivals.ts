/**
 * Poisson arrivals with a piecewise-constant rate.
 *
 * Inside an interval, gaps are exponential at that interval's rate. A gap that would
 * cross the interval's end is discarded and drawn again from the boundary at the new
 * rate: by memorylessness this is exact, and a rate change takes effect exactly there.
 */
import type { Rng } from '../engine/index.js';
import type { ArrivalRates } from '../scenario/types.js';

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

export class ArrivalProcess implements ArrivalSource {
  private readonly intervalSec: number;
  private readonly rates: Float64Array;

  constructor(
    rates: ArrivalRates,
    private readonly rng: Rng,
    /** Multiplies every rate (volume what-ifs, forecast error). */
    scale = 1,
  ) {
    this.intervalSec = rates.intervalSec;
    this.rates = Float64Array.from(rates.ratesPerSec, (r) => r * scale);
  }

  /** The first arrival strictly after `fromSec`, or Infinity when the rate stays 0. */
  next(fromSec: number): number {
    const n = this.rates.length;
    let t = fromSec;
    let k = Math.min(n - 1, Math.floor(t / this.intervalSec));
    for (;;) {
      const rate = this.rates[k];
      // The last interval extends forever: the horizon, not the table, stops arrivals.
      const end = k === n - 1 ? Infinity : (k + 1) * this.intervalSec;
      if (rate > 0) {
        const cand = t - Math.log(1 - this.rng.next()) / rate;
        if (cand < end) return cand;
      }
      if (end === Infinity) return Infinity;
      t = end;
      k++;
    }
  }
}
