/**
 * The agents: per-agent state in typed columns, and per group a FIFO of idle agents in
 * the order they became idle, so the longest-idle agent of a group is at its head.
 * Entries are stamped; an entry whose agent has since left idle is stale and skipped.
 *
 * Capacity: an agent has `cap` slots (its group's chat concurrency, 1 for voice-only
 * groups). A chat takes one slot; a call or email takes all of them, or one when the
 * group mixes chats and calls. Agents holding some but not all slots are kept in a
 * per-group "partial" list so a new chat can find them.
 */
export const OFFLINE = 0;
export const IDLE = 1;
export const ACTIVE = 2;
export const BREAK = 3;

export class AgentPool {
  readonly count: number;
  readonly maxCap: number;
  readonly group: Int32Array;
  readonly state: Uint8Array;
  readonly idleSince: Float64Array;
  readonly staffedSince: Float64Array;
  /** Slots in use, and whether a call or email is among them. */
  readonly used: Uint8Array;
  readonly callHeld: Uint8Array;
  readonly cap: Uint8Array;
  /** Per slot (agent·maxCap + i): the leg row served (−1 free), its wrap-up, the slots it takes. */
  readonly slotRow: Int32Array;
  readonly slotWrap: Float64Array;
  readonly slotWeight: Uint8Array;
  private readonly stamp: Int32Array;
  /** First agent id of each group; a group's agents are contiguous. */
  readonly firstAgent: Int32Array;
  readonly groupSize: Int32Array;
  /** Agents logged in per group, and how many should be (count-staffed groups). */
  readonly staffed: Int32Array;
  readonly wanted: Int32Array;
  private readonly idleAgent: Int32Array[];
  private readonly idleStamp: Int32Array[];
  private readonly idleHead: Int32Array;
  private readonly idleTail: Int32Array;
  private readonly offline: Int32Array[];
  private readonly offlineTop: Int32Array;
  /** Partially loaded agents per group, with each agent's position (−1 when not listed). */
  readonly partial: Int32Array[];
  readonly partialLength: Int32Array;
  private readonly partialPos: Int32Array;

  private readonly byShift: boolean[];

  /** `sizes[g]` agent ids for group g, each with `caps[g]` slots; `byShift[g]`: agents log in by id. */
  constructor(sizes: number[], caps: number[], byShift: boolean[] = sizes.map(() => false)) {
    this.byShift = byShift;
    const g = sizes.length;
    this.count = sizes.reduce((a, b) => a + b, 0);
    this.maxCap = Math.max(1, ...caps);
    this.group = new Int32Array(this.count);
    this.state = new Uint8Array(this.count);
    this.idleSince = new Float64Array(this.count);
    this.staffedSince = new Float64Array(this.count);
    this.used = new Uint8Array(this.count);
    this.callHeld = new Uint8Array(this.count);
    this.cap = new Uint8Array(this.count);
    this.slotRow = new Int32Array(this.count * this.maxCap).fill(-1);
    this.slotWrap = new Float64Array(this.count * this.maxCap);
    this.slotWeight = new Uint8Array(this.count * this.maxCap);
    this.stamp = new Int32Array(this.count);
    this.firstAgent = new Int32Array(g);
    this.groupSize = Int32Array.from(sizes);
    this.staffed = new Int32Array(g);
    this.wanted = new Int32Array(g);
    this.idleAgent = [];
    this.idleStamp = [];
    this.offline = [];
    this.partial = [];
    this.partialLength = new Int32Array(g);
    this.partialPos = new Int32Array(this.count).fill(-1);
    this.idleHead = new Int32Array(g);
    this.idleTail = new Int32Array(g);
    this.offlineTop = new Int32Array(g);
    let a = 0;
    for (let k = 0; k < g; k++) {
      this.firstAgent[k] = a;
      const ring = pow2AtLeast(sizes[k] * 2 + 2);
      this.idleAgent.push(new Int32Array(ring));
      this.idleStamp.push(new Int32Array(ring));
      this.partial.push(new Int32Array(Math.max(1, sizes[k])));
      // Offline stack holds the group's agents; the lowest id is logged in first.
      const off = new Int32Array(Math.max(1, sizes[k]));
      if (!byShift[k]) {
        for (let i = 0; i < sizes[k]; i++) off[i] = a + sizes[k] - 1 - i;
        this.offlineTop[k] = sizes[k];
      }
      this.offline.push(off);
      for (let i = 0; i < sizes[k]; i++) {
        this.cap[a] = caps[k];
        this.group[a++] = k;
      }
    }
  }

  /** Log in the next offline agent of group g (count staffing); it is idle but not yet in the FIFO. */
  logIn(g: number, nowSec: number): number {
    const a = this.offline[g][--this.offlineTop[g]];
    this.start(a, nowSec);
    return a;
  }

  /** Log in a given agent (shift staffing). */
  logInAgent(a: number, nowSec: number): void {
    this.start(a, nowSec);
  }

  private start(a: number, nowSec: number): void {
    this.staffed[this.group[a]]++;
    this.staffedSince[a] = nowSec;
    this.state[a] = IDLE;
  }

  /** Log agent a out (it must hold no contact). */
  logOut(a: number): void {
    const g = this.group[a];
    this.state[a] = OFFLINE;
    this.stamp[a]++;
    this.staffed[g]--;
    this.dropPartial(a);
    // Count-staffed groups reuse the agent later; shift agents are logged in by id.
    if (!this.byShift[g]) this.offline[g][this.offlineTop[g]++] = a;
  }

  /** Agent a becomes idle at nowSec: append it to its group's idle FIFO. */
  pushIdle(a: number, nowSec: number): void {
    const g = this.group[a];
    this.state[a] = IDLE;
    this.idleSince[a] = nowSec;
    const s = ++this.stamp[a];
    const ring = this.idleAgent[g];
    if (this.idleTail[g] - this.idleHead[g] === ring.length) this.compact(g);
    const i = this.idleTail[g]++ & (ring.length - 1);
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

  /** Mark agent a as no longer idle. */
  leaveIdle(a: number, state: number): void {
    this.state[a] = state;
    this.stamp[a]++;
  }

  /** Keep a listed in its group's partial list exactly when it holds some but not all slots. */
  updatePartial(a: number): void {
    const partial = this.used[a] > 0 && this.used[a] < this.cap[a];
    if (partial && this.partialPos[a] < 0) {
      const g = this.group[a];
      this.partialPos[a] = this.partialLength[g];
      this.partial[g][this.partialLength[g]++] = a;
    } else if (!partial) this.dropPartial(a);
  }

  private dropPartial(a: number): void {
    const pos = this.partialPos[a];
    if (pos < 0) return;
    const g = this.group[a];
    const last = this.partial[g][--this.partialLength[g]];
    this.partial[g][pos] = last;
    this.partialPos[last] = pos;
    this.partialPos[a] = -1;
  }

  /** Drop stale entries so a full ring has room (an agent has at most one live entry). */
  private compact(g: number): void {
    const ring = this.idleAgent[g];
    const stamps = this.idleStamp[g];
    const mask = ring.length - 1;
    let j = 0;
    const keepA = new Int32Array(ring.length);
    const keepS = new Int32Array(ring.length);
    for (let k = this.idleHead[g]; k < this.idleTail[g]; k++) {
      const a = ring[k & mask];
      if (this.state[a] === IDLE && this.stamp[a] === stamps[k & mask]) {
        keepA[j] = a;
        keepS[j++] = stamps[k & mask];
      }
    }
    ring.set(keepA.subarray(0, j));
    stamps.set(keepS.subarray(0, j));
    this.idleHead[g] = 0;
    this.idleTail[g] = j;
  }
}

function pow2AtLeast(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}
