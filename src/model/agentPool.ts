/**
 * The agents: per-agent state in typed columns, and per group a FIFO of idle agents in
 * the order they became idle, so the longest-idle agent of a group is at its head.
 * Entries are stamped; an entry whose agent has since left idle is stale and skipped.
 */
export const OFFLINE = 0;
export const IDLE = 1;
export const BUSY = 2;
export const WRAPUP = 3;

export class AgentPool {
  readonly count: number;
  readonly group: Int32Array;
  readonly state: Uint8Array;
  readonly idleSince: Float64Array;
  readonly staffedSince: Float64Array;
  /** Leg row the agent is serving, or −1. */
  readonly row: Int32Array;
  /** Wrap-up seconds the current contact brings. */
  readonly wrapSec: Float64Array;
  private readonly stamp: Int32Array;
  /** First agent id of each group; a group's agents are contiguous. */
  readonly firstAgent: Int32Array;
  readonly groupSize: Int32Array;
  /** Agents logged in per group, and how many should be. */
  readonly staffed: Int32Array;
  readonly wanted: Int32Array;
  private readonly idleAgent: Int32Array[];
  private readonly idleStamp: Int32Array[];
  private readonly idleHead: Int32Array;
  private readonly idleTail: Int32Array;
  private readonly offline: Int32Array[];
  private readonly offlineTop: Int32Array;

  /** `sizes[g]` is the most agents group g ever has logged in. */
  constructor(sizes: number[]) {
    const g = sizes.length;
    this.count = sizes.reduce((a, b) => a + b, 0);
    this.group = new Int32Array(this.count);
    this.state = new Uint8Array(this.count);
    this.idleSince = new Float64Array(this.count);
    this.staffedSince = new Float64Array(this.count);
    this.row = new Int32Array(this.count).fill(-1);
    this.wrapSec = new Float64Array(this.count);
    this.stamp = new Int32Array(this.count);
    this.firstAgent = new Int32Array(g);
    this.groupSize = Int32Array.from(sizes);
    this.staffed = new Int32Array(g);
    this.wanted = new Int32Array(g);
    this.idleAgent = [];
    this.idleStamp = [];
    this.offline = [];
    this.idleHead = new Int32Array(g);
    this.idleTail = new Int32Array(g);
    this.offlineTop = new Int32Array(g);
    let a = 0;
    for (let k = 0; k < g; k++) {
      this.firstAgent[k] = a;
      const cap = pow2AtLeast(sizes[k] * 2 + 2);
      this.idleAgent.push(new Int32Array(cap));
      this.idleStamp.push(new Int32Array(cap));
      // Offline stack holds the group's agents; the lowest id is logged in first.
      const off = new Int32Array(Math.max(1, sizes[k]));
      for (let i = 0; i < sizes[k]; i++) off[i] = a + sizes[k] - 1 - i;
      this.offline.push(off);
      this.offlineTop[k] = sizes[k];
      for (let i = 0; i < sizes[k]; i++) this.group[a++] = k;
    }
  }

  /** Take an offline agent of group g and log it in (state idle, not yet in the idle FIFO). */
  logIn(g: number, nowSec: number): number {
    const a = this.offline[g][--this.offlineTop[g]];
    this.staffed[g]++;
    this.staffedSince[a] = nowSec;
    this.state[a] = IDLE;
    return a;
  }

  /** Log agent a out (it must not be serving). */
  logOut(a: number): void {
    const g = this.group[a];
    this.state[a] = OFFLINE;
    this.stamp[a]++;
    this.staffed[g]--;
    this.offline[g][this.offlineTop[g]++] = a;
  }

  /** Agent a becomes idle at nowSec: append it to its group's idle FIFO. */
  pushIdle(a: number, nowSec: number): void {
    const g = this.group[a];
    this.state[a] = IDLE;
    this.idleSince[a] = nowSec;
    const s = ++this.stamp[a];
    const ring = this.idleAgent[g];
    const mask = ring.length - 1;
    if (this.idleTail[g] - this.idleHead[g] === ring.length) this.compact(g);
    const i = this.idleTail[g]++ & mask;
    ring[i] = a;
    this.idleStamp[g][i] = s;
  }

  /** The longest-idle agent of group g, or −1 (stale entries are dropped). */
  peekIdle(g: number): number {
    const ring = this.idleAgent[g];
    const stamps = this.idleStamp[g];
    const mask = ring.length - 1;
    while (this.idleHead[g] < this.idleTail[g]) {
      const i = this.idleHead[g] & mask;
      const a = ring[i];
      if (this.state[a] === IDLE && this.stamp[a] === stamps[i]) return a;
      this.idleHead[g]++;
    }
    return -1;
  }

  /** The most recently idled agent of group g (the one to send home first), or −1. */
  popNewestIdle(g: number): number {
    const ring = this.idleAgent[g];
    const stamps = this.idleStamp[g];
    const mask = ring.length - 1;
    while (this.idleTail[g] > this.idleHead[g]) {
      const i = --this.idleTail[g] & mask;
      const a = ring[i];
      if (this.state[a] === IDLE && this.stamp[a] === stamps[i]) return a;
    }
    return -1;
  }

  /** Mark agent a as no longer idle (it took a contact). */
  leaveIdle(a: number, state: number): void {
    this.state[a] = state;
    this.stamp[a]++;
  }

  /** Drop stale entries so a full ring has room (an agent has at most one live entry). */
  private compact(g: number): void {
    const ring = this.idleAgent[g];
    const stamps = this.idleStamp[g];
    const mask = ring.length - 1;
    const keepA: number[] = [];
    const keepS: number[] = [];
    for (let k = this.idleHead[g]; k < this.idleTail[g]; k++) {
      const a = ring[k & mask];
      if (this.state[a] === IDLE && this.stamp[a] === stamps[k & mask]) {
        keepA.push(a);
        keepS.push(stamps[k & mask]);
      }
    }
    for (let k = 0; k < keepA.length; k++) {
      ring[k] = keepA[k];
      stamps[k] = keepS[k];
    }
    this.idleHead[g] = 0;
    this.idleTail[g] = keepA.length;
  }
}

function pow2AtLeast(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}
