/**
 * The event calendar: a binary min-heap of pending events in typed arrays.
 *
 * Order is (time, priority, sequence number): at equal times the lower named priority
 * runs first, and at equal priority the event scheduled first runs first, so every run
 * is reproducible. An event is four numbers (time, priority·2^44 + seq, kind, target),
 * never an object, so the hot loop allocates nothing. Cancellation is lazy: a cancelled
 * event stays in the heap and is skipped when it reaches the top.
 */

const SEQ_SPAN = 2 ** 44; // room for 1.7e13 events per run; priority·SEQ_SPAN + seq stays an exact integer below 2^53
const MAX_PRIORITY = 2 ** 8;

/** Receives events from `Calendar.run`; a method, not a closure per event. */
export interface EventHandler {
  handle(kind: number, target: number, timeSec: number): void;
}

export class Calendar {
  private times: Float64Array;
  private keys: Float64Array;
  private kinds: Int32Array;
  private targets: Int32Array;
  private size = 0;
  private nextSeq = 0;
  private cancelled: Uint32Array;
  /** Simulated time of the last event taken from the calendar. */
  now = 0;
  /** Kind and target of the last event taken by `next`. */
  kind = 0;
  target = 0;

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity);
    this.times = new Float64Array(n);
    this.keys = new Float64Array(n);
    this.kinds = new Int32Array(n);
    this.targets = new Int32Array(n);
    this.cancelled = new Uint32Array(64);
  }

  /** Number of events in the heap, cancelled ones included. */
  get pending(): number {
    return this.size;
  }

  /** Schedule an event; returns its id (for `cancel`). Time must not be in the past. */
  schedule(timeSec: number, priority: number, kind: number, target: number): number {
    if (!(timeSec >= this.now)) throw new RangeError(`event at ${timeSec} is before now (${this.now})`);
    if (priority < 0 || priority >= MAX_PRIORITY) throw new RangeError(`priority ${priority} out of range`);
    if (this.size === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const key = priority * SEQ_SPAN + seq;
    // Sift up: move parents down until the slot for the new event is found.
    let i = this.size++;
    const times = this.times;
    const keys = this.keys;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p];
      if (pt < timeSec || (pt === timeSec && keys[p] < key)) break;
      this.move(p, i);
      i = p;
    }
    times[i] = timeSec;
    keys[i] = key;
    this.kinds[i] = kind;
    this.targets[i] = target;
    return seq;
  }

  /** Cancel a scheduled event by id; it will be skipped. Cancelling twice is harmless. */
  cancel(id: number): void {
    const word = id >>> 5;
    if (word >= this.cancelled.length) {
      let n = this.cancelled.length;
      while (n <= word) n *= 2;
      const next = new Uint32Array(n);
      next.set(this.cancelled);
      this.cancelled = next;
    }
    this.cancelled[word] |= 1 << (id & 31);
  }

  /**
   * Take the next live event with time ≤ untilSec: sets `now`, `kind`, `target` and
   * returns true; returns false (leaving it queued) when there is none.
   */
  next(untilSec: number): boolean {
    return this.nextBefore(Infinity, MAX_PRIORITY, untilSec);
  }

  /**
   * Like `next`, but only takes an event that comes before (timeSec, priority): earlier,
   * or at the same time with a lower priority. Lets a caller merge its own stream of
   * events (kept outside the heap) with the calendar in the same order.
   */
  nextBefore(timeSec: number, priority: number, untilSec: number): boolean {
    const limitKey = priority * SEQ_SPAN;
    while (this.size > 0) {
      const t = this.times[0];
      if (t > untilSec || t > timeSec || (t === timeSec && this.keys[0] >= limitKey)) return false;
      const seq = this.keys[0] % SEQ_SPAN;
      this.kind = this.kinds[0];
      this.target = this.targets[0];
      this.popTop();
      const word = seq >>> 5;
      if (word < this.cancelled.length && (this.cancelled[word] & (1 << (seq & 31))) !== 0) continue;
      this.now = t;
      return true;
    }
    return false;
  }

  /** Move the clock forward to `timeSec` for an event handled outside the heap. */
  advanceTo(timeSec: number): void {
    if (!(timeSec >= this.now)) throw new RangeError(`cannot go back from ${this.now} to ${timeSec}`);
    this.now = timeSec;
  }

  /** Run every event up to and including `untilSec`, then set the clock there. */
  run(untilSec: number, handler: EventHandler): void {
    while (this.next(untilSec)) handler.handle(this.kind, this.target, this.now);
    if (untilSec > this.now && Number.isFinite(untilSec)) this.now = untilSec;
  }

  private popTop(): void {
    const last = --this.size;
    if (last === 0) return;
    const times = this.times;
    const keys = this.keys;
    const t = times[last];
    const k = keys[last];
    const kind = this.kinds[last];
    const target = this.targets[last];
    // Sift down the last event from the root.
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      const r = c + 1;
      if (r < last && (times[r] < times[c] || (times[r] === times[c] && keys[r] < keys[c]))) c = r;
      if (times[c] > t || (times[c] === t && keys[c] > k)) break;
      this.move(c, i);
      i = c;
    }
    times[i] = t;
    keys[i] = k;
    this.kinds[i] = kind;
    this.targets[i] = target;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from];
    this.keys[to] = this.keys[from];
    this.kinds[to] = this.kinds[from];
    this.targets[to] = this.targets[from];
  }

  private grow(): void {
    const n = this.times.length * 2;
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.times = grow64(this.times);
    this.keys = grow64(this.keys);
    this.kinds = grow32(this.kinds);
    this.targets = grow32(this.targets);
  }
}
