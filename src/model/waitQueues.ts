/**
 * The waiting lines: one FIFO ring buffer per queue. An entry carries the leg's row and
 * the work it brings (talk and wrap-up seconds drawn at arrival, so that common random
 * numbers hold across scenarios) and the id of its patience timer. A contact that
 * abandons stays in the ring and is skipped when it reaches the head (lazy removal).
 */
export class WaitQueues {
  private rows: Int32Array[];
  private talk: Float64Array[];
  private wrap: Float64Array[];
  private timer: Float64Array[];
  private head: Int32Array;
  private tail: Int32Array;
  /** Contacts actually waiting in each queue (abandoned entries excluded). */
  readonly waiting: Int32Array;

  constructor(queueCount: number) {
    const n = 64;
    this.rows = Array.from({ length: queueCount }, () => new Int32Array(n));
    this.talk = Array.from({ length: queueCount }, () => new Float64Array(n));
    this.wrap = Array.from({ length: queueCount }, () => new Float64Array(n));
    this.timer = Array.from({ length: queueCount }, () => new Float64Array(n));
    this.head = new Int32Array(queueCount);
    this.tail = new Int32Array(queueCount);
    this.waiting = new Int32Array(queueCount);
  }

  push(q: number, row: number, talkSec: number, wrapSec: number, timerId: number): void {
    const cap = this.rows[q].length;
    if (this.tail[q] - this.head[q] === cap) this.grow(q);
    const mask = this.rows[q].length - 1;
    const i = this.tail[q]++ & mask;
    this.rows[q][i] = row;
    this.talk[q][i] = talkSec;
    this.wrap[q][i] = wrapSec;
    this.timer[q][i] = timerId;
    this.waiting[q]++;
  }

  /** Drop abandoned entries from the head; `isWaiting(row)` says whether a row still waits. */
  purge(q: number, stillWaiting: (row: number) => boolean): void {
    const mask = this.rows[q].length - 1;
    while (this.head[q] < this.tail[q] && !stillWaiting(this.rows[q][this.head[q] & mask])) this.head[q]++;
  }

  /** Row at the head (after `purge`), or −1. */
  headRow(q: number): number {
    if (this.head[q] === this.tail[q]) return -1;
    return this.rows[q][this.head[q] & (this.rows[q].length - 1)];
  }

  /** Remove the head; its talk, wrap and timer are left in `taken*`. */
  shift(q: number): number {
    const i = this.head[q]++ & (this.rows[q].length - 1);
    this.takenTalkSec = this.talk[q][i];
    this.takenWrapSec = this.wrap[q][i];
    this.takenTimer = this.timer[q][i];
    this.waiting[q]--;
    return this.rows[q][i];
  }
  takenTalkSec = 0;
  takenWrapSec = 0;
  takenTimer = -1;

  /** A contact left the queue by abandoning (its entry is skipped later). */
  markGone(q: number): void {
    this.waiting[q]--;
  }

  private grow(q: number): void {
    const old = this.rows[q].length;
    const mask = old - 1;
    const n = old * 2;
    const rows = new Int32Array(n);
    const talk = new Float64Array(n);
    const wrap = new Float64Array(n);
    const timer = new Float64Array(n);
    let j = 0;
    for (let k = this.head[q]; k < this.tail[q]; k++, j++) {
      rows[j] = this.rows[q][k & mask];
      talk[j] = this.talk[q][k & mask];
      wrap[j] = this.wrap[q][k & mask];
      timer[j] = this.timer[q][k & mask];
    }
    this.rows[q] = rows;
    this.talk[q] = talk;
    this.wrap[q] = wrap;
    this.timer[q] = timer;
    this.head[q] = 0;
    this.tail[q] = j;
  }
}
