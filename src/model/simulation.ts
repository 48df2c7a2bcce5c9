/**
 * One replication of a scenario: arrivals → routing → queues → agents, written to a
 * contact log. The model touches the log only by appending and filling rows.
 *
 *   arrivals (per channel) ─┐
 *   staffing timeline ──────┼─▶ loop (merged by time and PRIORITY) ─▶ handlers ─▶ LegTable / AgentStateTable
 *   calendar (heap) ────────┘
 *
 * Routing: a new contact goes to the least-loaded eligible agent among the groups that
 * serve its channel: an idle one if any (the longest idle; ties: the group listed
 * first), else, for chats, one with a free chat slot. A freed agent takes, among its
 * queues, live ones first (calls, chats; highest priority, then the oldest contact) and
 * emails only when no live contact waits for it (blending).
 */
import { Calendar, RngStreams, makeSampler, sampleGamma, type Rng, type Sampler } from '../engine/index.js';
import { AgentStateTable } from '../logs/agentTable.js';
import { AGENT_STATE, OUTCOME } from '../logs/codes.js';
import type { ContactLog } from '../logs/contactLog.js';
import { LegTable } from '../logs/legTable.js';
import type { Channel, Scenario } from '../scenario/types.js';
import { ACTIVE, AgentPool, BREAK, IDLE, OFFLINE } from './agentPool.js';
import { ArrivalProcess, ScriptedArrivals, type ArrivalSource } from './arrivals.js';
import { DAY_SEC, OpeningSchedule, dayIndex } from './clock.js';
import { EVENT, PRIORITY } from './events.js';
import { ACTION, staffingPlan, type StaffingPlan } from './staffingPlan.js';
import { WaitQueues } from './waitQueues.js';

export interface SimulateOptions {
  /** Master seed; default the scenario's. */
  seed?: number;
}

/** Simulate replication `replication` (0-based) of the scenario and return its contact log. */
export function simulate(scenario: Scenario, replication: number, options: SimulateOptions = {}): ContactLog {
  return new Simulation(scenario, replication, options.seed ?? scenario.seed).run();
}

const KIND_CALL = 0;
const KIND_CHAT = 1;
const KIND_EMAIL = 2;

class Simulation {
  private readonly H: number;
  private readonly cal = new Calendar(4096);
  private readonly legs: LegTable;
  private readonly states: AgentStateTable;
  private readonly pool: AgentPool;
  private readonly queues: WaitQueues;
  private readonly plan: StaffingPlan;
  private readonly channels: Channel[];
  private readonly groupIds: string[];
  private readonly kind: Uint8Array;
  private readonly arrivals: ArrivalSource[];
  private readonly talk: Sampler[];
  private readonly talkRng: Rng[];
  private readonly wrap: (Sampler | undefined)[];
  private readonly wrapRng: Rng[];
  private readonly patience: (Sampler | undefined)[];
  private readonly patienceRng: Rng[];
  private readonly open: (OpeningSchedule | undefined)[];
  private readonly queuePriority: Float64Array;
  /** Groups serving each channel, in file order. */
  private readonly servingGroups: Int32Array[];
  /** Queues of each group: live ones by priority (file order among equals), then emails by priority. */
  private readonly groupQueues: Int32Array[];
  private readonly groupLiveQueues: Int32Array[];
  private readonly slowdown: Float64Array;
  private readonly mix: Uint8Array;
  /** Per agent: a break waiting for the current contacts to end, a logout waiting likewise. */
  private readonly pendingBreakSec: Float64Array;
  private readonly breakSince: Float64Array;
  private readonly logoutPending: Uint8Array;
  private readonly shiftEndedAt: Float64Array;
  private readonly activeSince: Float64Array;
  private readonly nextArrival: Float64Array;
  private nextAction = 0;
  private nextContact = 0;
  private readonly stillWaiting = (row: number): boolean => Number.isNaN(this.legs.abandon[row]);

  constructor(
    private readonly scenario: Scenario,
    private readonly replication: number,
    seed: number,
  ) {
    this.H = scenario.horizonSec;
    const streams = new RngStreams(seed, replication);
    const channels = Object.values(scenario.channels);
    const groups = Object.values(scenario.groups);
    this.channels = channels;
    this.groupIds = groups.map((g) => g.id);
    const index = new Map(channels.map((c, i) => [c.id, i]));
    this.kind = Uint8Array.from(channels, (c) => (c.kind === 'chat' ? KIND_CHAT : c.kind === 'email' ? KIND_EMAIL : KIND_CALL));

    this.arrivals = channels.map((c) => {
      if (c.arrivalTimesSec) return new ScriptedArrivals(c.arrivalTimesSec);
      const days = c.forecastErrorCv ? forecastFactors(c, scenario, streams.stream(`forecast:${c.id}`)) : undefined;
      return new ArrivalProcess(c.arrivals, streams.stream(`arrivals:${c.id}`), days);
    });
    this.talk = channels.map((c) => makeSampler(c.handle));
    this.talkRng = channels.map((c) => streams.stream(`handle:${c.id}`));
    this.wrap = channels.map((c) => (c.wrapup ? makeSampler(c.wrapup) : undefined));
    this.wrapRng = channels.map((c) => streams.stream(`wrapup:${c.id}`));
    // Emails never abandon: the customer is not waiting on the line.
    this.patience = channels.map((c) => (c.patience && c.kind !== 'email' ? makeSampler(c.patience) : undefined));
    this.patienceRng = channels.map((c) => streams.stream(`patience:${c.id}`));
    this.open = channels.map((c) => (c.open ? new OpeningSchedule(c.open, scenario.startClockSec, scenario.startWeekday) : undefined));
    this.queuePriority = Float64Array.from(channels, (c) => c.priority);

    this.servingGroups = channels.map((c) => Int32Array.from(groups.flatMap((g, gi) => (g.skills.includes(c.id) ? [gi] : []))));
    const byPriority = (qs: number[]) =>
      qs.map((q, i) => ({ q, i })).sort((a, b) => this.queuePriority[b.q] - this.queuePriority[a.q] || a.i - b.i).map((o) => o.q);
    this.groupLiveQueues = groups.map((g) => Int32Array.from(byPriority(g.skills.map((id) => index.get(id)!).filter((q) => this.kind[q] !== KIND_EMAIL))));
    this.groupQueues = groups.map((g, gi) => {
      const email = byPriority(g.skills.map((id) => index.get(id)!).filter((q) => this.kind[q] === KIND_EMAIL));
      return Int32Array.from([...this.groupLiveQueues[gi], ...email]);
    });
    this.slowdown = Float64Array.from(groups, (g) => g.chatSlowdown);
    this.mix = Uint8Array.from(groups, (g) => (g.mixChatAndCalls ? 1 : 0));

    this.plan = staffingPlan(scenario, streams);
    this.pool = new AgentPool(
      this.plan.groupSize,
      groups.map((g) => g.chatConcurrency),
      this.plan.byCount.map((b) => !b),
    );
    const n = this.pool.count;
    this.pendingBreakSec = new Float64Array(n);
    this.breakSince = new Float64Array(n);
    this.logoutPending = new Uint8Array(n);
    this.shiftEndedAt = new Float64Array(n).fill(NaN);
    this.activeSince = new Float64Array(n);
    this.queues = new WaitQueues(channels.length);
    this.nextArrival = new Float64Array(channels.length).fill(Infinity);

    const expected = channels.reduce(
      (sum, c) => sum + (c.arrivalTimesSec?.length ?? expectedArrivals(c.arrivals, this.H)) + (c.initialBacklog?.count ?? 0),
      0,
    );
    this.legs = new LegTable(expected * 1.02 + 6 * Math.sqrt(expected) + 256);
    this.states = new AgentStateTable(expected * (channels.some((c) => c.wrapup) ? 2 : 1) * 1.02 + 1024);
    this.seedBacklog(streams);
  }

  run(): ContactLog {
    for (let c = 0; c < this.channels.length; c++) this.nextArrival[c] = this.arrivals[c].next(0);
    this.loop();
    this.close();
    return {
      replication: this.replication,
      horizonSec: this.H,
      channels: this.channels.map((c) => c.id),
      channelKinds: this.channels.map((c) => c.kind),
      queues: this.channels.map((c) => c.id),
      groups: this.groupIds,
      agents: Array.from({ length: this.pool.count }, (_, a) => {
        const g = this.pool.group[a];
        return `${this.groupIds[g]}-${a - this.pool.firstAgent[g] + 1}`;
      }),
      agentGroup: this.pool.group,
      legs: this.legs,
      agentStates: this.states,
    };
  }

  /**
   * The event loop. Arrivals (one pending per channel) and the staffing timeline are
   * kept out of the heap and merged with it in PRIORITY order: that saves a heap push
   * and pop for about half of all events, the largest single cost in the benchmark.
   * Same-time arrivals of different channels come in channel order.
   */
  private loop(): void {
    const H = this.H;
    const next = this.nextArrival;
    const n = next.length;
    const plan = this.plan;
    for (;;) {
      let c = -1;
      let ta = Infinity;
      for (let k = 0; k < n; k++) {
        if (next[k] < ta) {
          ta = next[k];
          c = k;
        }
      }
      const tt = this.nextAction < plan.times.length ? plan.times[this.nextAction] : Infinity;
      const staffingFirst = tt <= ta;
      if (this.cal.nextBefore(staffingFirst ? tt : ta, staffingFirst ? PRIORITY.STAFFING : PRIORITY.ARRIVAL, H)) {
        this.handle(this.cal.kind, this.cal.target, this.cal.now);
        continue;
      }
      if (staffingFirst && tt <= H) {
        this.cal.advanceTo(tt);
        this.act(this.nextAction++, tt);
        continue;
      }
      if (c < 0 || !(ta < H)) break;
      this.cal.advanceTo(ta);
      next[c] = this.arrivals[c].next(ta);
      this.arrive(c, ta);
    }
  }

  private handle(kind: number, target: number, t: number): void {
    switch (kind) {
      case EVENT.ABANDON:
        return this.abandon(target, t);
      case EVENT.TALK_END:
        return this.talkEnd(target, t);
      case EVENT.WRAP_END:
        return this.finish(target, t);
      case EVENT.BREAK_END:
        return this.endBreak(target, t);
    }
  }

  // ---------------------------------------------------------------------------
  // Contacts
  // ---------------------------------------------------------------------------

  private arrive(c: number, t: number): void {
    const legs = this.legs;
    const row = legs.add(this.nextContact++, c, c, t);
    // Every contact draws its work and patience on arrival, whether it waits, is blocked or
    // not, so the k-th customer of a channel brings the same numbers to every scenario
    // (common random numbers).
    const talkSec = this.talk[c].sample(this.talkRng[c]);
    const wrapSampler = this.wrap[c];
    const wrapSec = wrapSampler ? wrapSampler.sample(this.wrapRng[c]) : 0;
    const patienceSampler = this.patience[c];
    const patienceSec = patienceSampler ? patienceSampler.sample(this.patienceRng[c]) : Infinity;
    const open = this.open[c];
    if (open && this.kind[c] !== KIND_EMAIL && !open.isOpen(t)) {
      legs.outcome[row] = OUTCOME.blocked;
      return;
    }
    legs.queueEntry[row] = t;
    const a = this.findAgent(c);
    if (a >= 0) {
      this.startService(a, c, row, talkSec, wrapSec, t);
      return;
    }
    const timer = patienceSec < Infinity ? this.cal.schedule(t + patienceSec, PRIORITY.ABANDON, EVENT.ABANDON, row) : -1;
    this.queues.push(c, row, talkSec, wrapSec, timer);
  }

  /** The least-loaded agent that may take a contact of channel c now, or −1. */
  private findAgent(c: number): number {
    const groups = this.servingGroups[c];
    const pool = this.pool;
    let best = -1;
    for (let i = 0; i < groups.length; i++) {
      const a = pool.peekIdle(groups[i]);
      if (a >= 0 && (best < 0 || pool.idleSince[a] < pool.idleSince[best])) best = a;
    }
    if (best >= 0) {
      // An email only when no live contact waits for this agent (blending).
      if (this.kind[c] === KIND_EMAIL && this.liveWaiting(pool.group[best])) return -1;
      return best;
    }
    // No idle agent: a chat (or, where mixing is allowed, a call) may join an agent holding chats.
    if (this.kind[c] === KIND_EMAIL) return -1;
    let fewest = Infinity;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (this.kind[c] === KIND_CALL && !this.mix[g]) continue;
      const list = pool.partial[g];
      for (let k = 0; k < pool.partialLength[g]; k++) {
        const a = list[k];
        if (this.canTake(a, c) && pool.used[a] < fewest) {
          fewest = pool.used[a];
          best = a;
        }
      }
    }
    return best;
  }

  /** Whether agent a (logged in, available) can take a contact of channel c on top of what it holds. */
  private canTake(a: number, c: number): boolean {
    const pool = this.pool;
    if (pool.state[a] !== IDLE && pool.state[a] !== ACTIVE) return false;
    if (this.pendingBreakSec[a] > 0 || this.logoutPending[a]) return false;
    const used = pool.used[a];
    if (used >= pool.cap[a] || pool.callHeld[a]) return used < pool.cap[a] && this.kind[c] === KIND_CHAT && this.mix[pool.group[a]] === 1;
    if (this.kind[c] === KIND_CHAT) return true;
    return used === 0 || this.mix[pool.group[a]] === 1;
  }

  private liveWaiting(g: number): boolean {
    const qs = this.groupLiveQueues[g];
    for (let i = 0; i < qs.length; i++) if (this.queues.waiting[qs[i]] > 0) return true;
    return false;
  }

  private startService(a: number, c: number, row: number, talkSec: number, wrapSec: number, t: number): void {
    const pool = this.pool;
    const g = pool.group[a];
    const cap = pool.cap[a];
    const chat = this.kind[c] === KIND_CHAT;
    // A call or email takes the whole agent unless the group mixes chats and calls.
    const weight = chat || this.mix[g] ? 1 : cap;
    const wasUsed = pool.used[a];
    if (pool.state[a] === IDLE) pool.leaveIdle(a, ACTIVE);
    pool.used[a] = wasUsed + weight;
    if (!chat) pool.callHeld[a] = 1;
    let slot = a * pool.maxCap;
    while (pool.slotRow[slot] >= 0) slot++;
    pool.slotRow[slot] = row;
    pool.slotWrap[slot] = wrapSec;
    pool.slotWeight[slot] = weight;
    pool.updatePartial(a);
    const held = chat ? pool.used[a] : 1;
    const legs = this.legs;
    legs.answer[row] = t;
    legs.agent[row] = a;
    legs.group[row] = g;
    legs.concurrency[row] = held;
    const end = t + (chat && held > 1 ? talkSec * Math.pow(this.slowdown[g], held - 1) : talkSec);
    this.cal.schedule(end, PRIORITY.RELEASE, EVENT.TALK_END, slot);
    if (cap === 1) this.states.add(a, AGENT_STATE.busy, t, Math.min(end, this.H));
    else if (wasUsed === 0) this.activeSince[a] = t;
  }

  private talkEnd(slot: number, t: number): void {
    const pool = this.pool;
    this.legs.talkEnd[pool.slotRow[slot]] = t;
    const wrapSec = pool.slotWrap[slot];
    if (wrapSec > 0) {
      const end = t + wrapSec;
      this.cal.schedule(end, PRIORITY.RELEASE, EVENT.WRAP_END, slot);
      const a = (slot / pool.maxCap) | 0;
      if (pool.cap[a] === 1) this.states.add(a, AGENT_STATE.wrapup, t, Math.min(end, this.H));
    } else {
      this.finish(slot, t);
    }
  }

  private finish(slot: number, t: number): void {
    const pool = this.pool;
    const row = pool.slotRow[slot];
    this.legs.wrapEnd[row] = t;
    this.legs.outcome[row] = OUTCOME.handled;
    const a = (slot / pool.maxCap) | 0;
    pool.slotRow[slot] = -1;
    pool.used[a] -= pool.slotWeight[slot];
    if (this.kind[this.legs.channel[row]] !== KIND_CHAT) pool.callHeld[a] = 0;
    pool.updatePartial(a);
    if (pool.used[a] === 0 && pool.cap[a] > 1) this.states.add(a, AGENT_STATE.busy, this.activeSince[a], t);
    this.agentFree(a, t);
  }

  private abandon(row: number, t: number): void {
    const legs = this.legs;
    legs.abandon[row] = t;
    legs.outcome[row] = OUTCOME.abandoned;
    this.queues.markGone(legs.queue[row]);
  }

  // ---------------------------------------------------------------------------
  // Agents
  // ---------------------------------------------------------------------------

  /** Agent a has freed capacity at t: go home or on break if due (once empty), else take work or idle. */
  private agentFree(a: number, t: number): void {
    const pool = this.pool;
    if (pool.used[a] === 0) {
      const g = pool.group[a];
      if (this.logoutPending[a] || (this.plan.byCount[g] && pool.staffed[g] > pool.wanted[g])) return this.logOut(a, t);
      if (this.pendingBreakSec[a] > 0) return this.startBreak(a, t, this.pendingBreakSec[a]);
    } else if (this.logoutPending[a] || this.pendingBreakSec[a] > 0) {
      return; // winding down: no new chats
    }
    this.fill(a, t);
  }

  /** Give agent a waiting work while it has room; an agent left with nothing goes idle. */
  private fill(a: number, t: number): void {
    const pool = this.pool;
    for (;;) {
      const q = this.nextQueue(a);
      if (q < 0) break;
      const row = this.queues.shift(q);
      const timer = this.queues.takenTimer;
      if (timer >= 0) this.cal.cancel(timer);
      this.startService(a, q, row, this.queues.takenTalkSec, this.queues.takenWrapSec, t);
      if (pool.used[a] >= pool.cap[a]) return;
    }
    if (pool.used[a] === 0) pool.pushIdle(a, t);
  }

  /** The queue agent a serves next, or −1: live queues by priority then age, emails only when no live contact waits. */
  private nextQueue(a: number): number {
    const g = this.pool.group[a];
    const qs = this.groupQueues[g];
    let best = -1;
    let bestSince = Infinity;
    let liveWaits = false;
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i];
      if (this.queues.waiting[q] === 0) continue;
      const email = this.kind[q] === KIND_EMAIL;
      if (!email) liveWaits = true;
      if (best >= 0 && (email !== (this.kind[best] === KIND_EMAIL) || this.queuePriority[q] < this.queuePriority[best])) break;
      if (email && liveWaits) break;
      if (!this.canTake(a, q)) continue;
      this.queues.purge(q, this.stillWaiting);
      const since = this.legs.queueEntry[this.queues.headRow(q)];
      if (since < bestSince) {
        best = q;
        bestSince = since;
      }
    }
    return best;
  }

  /** Apply staffing timeline entry i at t. */
  private act(i: number, t: number): void {
    const plan = this.plan;
    const g = plan.groups[i];
    const pool = this.pool;
    switch (plan.actions[i]) {
      case ACTION.SET:
        return this.setStaffing(g, plan.values[i], t);
      case ACTION.SHIFT_START: {
        const a = pool.firstAgent[g] + plan.values[i];
        if (pool.state[a] !== OFFLINE) {
          // Back from an absence before the previous part ended its last contact.
          this.logoutPending[a] = 0;
          return;
        }
        pool.logInAgent(a, t);
        this.logoutPending[a] = 0;
        this.shiftEndedAt[a] = NaN;
        return this.fill(a, t);
      }
      case ACTION.SHIFT_END: {
        const a = pool.firstAgent[g] + plan.values[i];
        this.pendingBreakSec[a] = 0;
        if (plan.shiftEnds[i]) this.shiftEndedAt[a] = t;
        if (pool.state[a] === BREAK) this.closeBreak(a, t);
        if (pool.state[a] === IDLE) return this.logOut(a, t);
        if (pool.state[a] === ACTIVE) this.logoutPending[a] = 1;
        return;
      }
      case ACTION.BREAK_START: {
        const a = pool.firstAgent[g] + plan.breakAgent[plan.values[i]];
        const len = plan.breakLenSec[plan.values[i]];
        if (pool.state[a] === IDLE) return this.startBreak(a, t, len);
        // Busy: the break starts, at full length, when the current contacts end.
        if (pool.state[a] === ACTIVE) this.pendingBreakSec[a] = len;
        return;
      }
    }
  }

  private startBreak(a: number, t: number, lenSec: number): void {
    this.pendingBreakSec[a] = 0;
    this.pool.leaveIdle(a, BREAK);
    this.breakSince[a] = t;
    this.cal.schedule(t + lenSec, PRIORITY.RELEASE, EVENT.BREAK_END, a);
  }

  private closeBreak(a: number, t: number): void {
    this.states.add(a, AGENT_STATE.break, this.breakSince[a], Math.min(t, this.H));
    this.pool.state[a] = IDLE;
  }

  private endBreak(a: number, t: number): void {
    // A shift end during the break already closed it.
    if (this.pool.state[a] !== BREAK) return;
    this.closeBreak(a, t);
    this.fill(a, t);
  }

  private setStaffing(g: number, agents: number, t: number): void {
    const pool = this.pool;
    pool.wanted[g] = agents;
    while (pool.staffed[g] < agents) {
      const a = pool.logIn(g, t);
      this.logoutPending[a] = 0;
      this.fill(a, t);
    }
    while (pool.staffed[g] > agents) {
      const a = pool.popNewestIdle(g);
      if (a < 0) break; // the rest go home when they finish their current contact
      this.logOut(a, t);
    }
  }

  private logOut(a: number, t: number): void {
    this.states.add(a, AGENT_STATE.staffed, this.pool.staffedSince[a], t);
    const ended = this.shiftEndedAt[a];
    if (this.logoutPending[a] && ended < t) this.states.add(a, AGENT_STATE.overtime, ended, t);
    this.logoutPending[a] = 0;
    this.pool.logOut(a);
  }

  // ---------------------------------------------------------------------------
  // Start and end of the run
  // ---------------------------------------------------------------------------

  /** Emails already waiting at t = 0, oldest first; their ages and work come from `backlog:<channel>`. */
  private seedBacklog(streams: RngStreams): void {
    this.channels.forEach((ch, c) => {
      const b = ch.initialBacklog;
      if (!b || b.count <= 0) return;
      const rng = streams.stream(`backlog:${ch.id}`);
      const age = makeSampler(b.age);
      const ages = Array.from({ length: b.count }, () => age.sample(rng)).sort((x, y) => y - x);
      for (const ageSec of ages) {
        const row = this.legs.add(this.nextContact++, c, c, -ageSec);
        this.legs.queueEntry[row] = -ageSec;
        const talkSec = this.talk[c].sample(rng);
        const wrapSec = this.wrap[c] ? this.wrap[c]!.sample(rng) : 0;
        this.queues.push(c, row, talkSec, wrapSec, -1);
      }
    });
  }

  /** At the horizon: close open agent intervals and mark every undecided leg open. */
  private close(): void {
    const H = this.H;
    const pool = this.pool;
    for (let a = 0; a < pool.count; a++) {
      if (pool.state[a] === OFFLINE) continue;
      if (pool.state[a] === BREAK) this.states.add(a, AGENT_STATE.break, this.breakSince[a], H);
      if (pool.cap[a] > 1 && pool.used[a] > 0) this.states.add(a, AGENT_STATE.busy, this.activeSince[a], H);
      if (this.logoutPending[a] && this.shiftEndedAt[a] < H) this.states.add(a, AGENT_STATE.overtime, this.shiftEndedAt[a], H);
      this.states.add(a, AGENT_STATE.staffed, pool.staffedSince[a], H);
    }
    const out = this.legs.outcome;
    for (let r = 0; r < this.legs.length; r++) if (out[r] === OUTCOME.none) out[r] = OUTCOME.open;
  }
}

/** Day-level forecast-error multipliers: gamma with mean 1 and the channel's cv, one per calendar day. */
function forecastFactors(c: Channel, s: Scenario, rng: Rng) {
  const cv = c.forecastErrorCv!;
  const days = dayIndex(s.horizonSec, s.startClockSec) + 1;
  const shape = 1 / (cv * cv);
  return { startClockSec: s.startClockSec, factors: Float64Array.from({ length: days }, () => sampleGamma(shape, 1 / shape, rng)) };
}

function expectedArrivals(rates: { intervalSec: number; ratesPerSec: number[] }, horizonSec: number): number {
  let n = 0;
  for (let i = 0; i < rates.ratesPerSec.length; i++) {
    const from = i * rates.intervalSec;
    if (from >= horizonSec) break;
    const to = i === rates.ratesPerSec.length - 1 ? horizonSec : Math.min(horizonSec, from + rates.intervalSec);
    n += rates.ratesPerSec[i] * (to - from);
  }
  return n;
}

export { DAY_SEC };
