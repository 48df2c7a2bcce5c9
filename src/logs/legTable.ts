/**
 * The leg table: one row per visit of a contact to a queue, held as typed columns.
 *
 * Rows are appended by the model and updated in place as the leg progresses (answer,
 * talk end …); no object is created per contact. Times are seconds since the run's
 * start, NaN where a step did not happen; ids are −1 where unknown; `resolved` is −1
 * unknown, 0 no, 1 yes.
 */
import { OUTCOME } from './codes.js';


export class LegTable {
  length = 0;
  capacity: number;
  contact!: Int32Array;
  leg!: Uint8Array;
  issue!: Int32Array;
  customer!: Int32Array;
  attempt!: Uint16Array;
  channel!: Uint16Array;
  queue!: Uint16Array;
  arrival!: Float64Array;
  ivrExit!: Float64Array;
  ivrOutcome!: Uint8Array;
  queueEntry!: Float64Array;
  answer!: Float64Array;
  abandon!: Float64Array;
  talkEnd!: Float64Array;
  wrapEnd!: Float64Array;
  agent!: Int32Array;
  group!: Int16Array;
  /** Contacts the agent held at once when this one was answered (1 for calls; chat may be more). */
  concurrency!: Uint8Array;
  outcome!: Uint8Array;
  resolved!: Int8Array;
  /** A callback offered to this caller: −1 none, 0 declined (kept waiting), 1 accepted. */
  callbackOffer!: Int8Array;

  constructor(capacity = 1024) {
    this.capacity = Math.max(16, Math.ceil(capacity));
    this.allocate(this.capacity, undefined);
  }

  /** Append a leg that arrives at `arrivalSec`; returns its row. Other fields start unset. */
  add(contact: number, channel: number, queue: number, arrivalSec: number): number {
    if (this.length === this.capacity) this.grow();
    const r = this.length++;
    this.contact[r] = contact;
    this.leg[r] = 1;
    this.issue[r] = contact;
    this.customer[r] = contact;
    this.attempt[r] = 1;
    this.channel[r] = channel;
    this.queue[r] = queue;
    this.arrival[r] = arrivalSec;
    return r;
  }

  private allocate(n: number, old: LegTable | undefined): void {
    const f64 = (a: Float64Array | undefined) => fill(new Float64Array(n), a, NaN);
    const i32 = (a: Int32Array | undefined, v: number) => fill(new Int32Array(n), a, v);
    this.contact = i32(old?.contact, -1);
    this.leg = fill(new Uint8Array(n), old?.leg, 1);
    this.issue = i32(old?.issue, -1);
    this.customer = i32(old?.customer, -1);
    this.attempt = fill(new Uint16Array(n), old?.attempt, 1);
    this.channel = fill(new Uint16Array(n), old?.channel, 0);
    this.queue = fill(new Uint16Array(n), old?.queue, 0);
    this.arrival = f64(old?.arrival);
    this.ivrExit = f64(old?.ivrExit);
    this.ivrOutcome = fill(new Uint8Array(n), old?.ivrOutcome, 0);
    this.queueEntry = f64(old?.queueEntry);
    this.answer = f64(old?.answer);
    this.abandon = f64(old?.abandon);
    this.talkEnd = f64(old?.talkEnd);
    this.wrapEnd = f64(old?.wrapEnd);
    this.agent = i32(old?.agent, -1);
    this.group = fill(new Int16Array(n), old?.group, -1);
    this.concurrency = fill(new Uint8Array(n), old?.concurrency, 0);
    this.outcome = fill(new Uint8Array(n), old?.outcome, OUTCOME.none);
    this.resolved = fill(new Int8Array(n), old?.resolved, -1);
    this.callbackOffer = fill(new Int8Array(n), old?.callbackOffer, -1);
  }

  private grow(): void {
    const old = { ...this } as LegTable;
    this.capacity *= 2;
    this.allocate(this.capacity, old);
  }
}

type Typed = Float64Array | Int32Array | Uint8Array | Uint16Array | Int16Array | Int8Array;

/** A fresh column: the old values copied in, the rest set to the column's "unset" value. */
function fill<T extends Typed>(fresh: T, old: T | undefined, unset: number): T {
  const from = old ? old.length : 0;
  if (old) fresh.set(old as never);
  if (unset !== 0) fresh.fill(unset, from);
  return fresh;
}
