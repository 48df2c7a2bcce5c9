/**
 * One replication of a scenario: arrivals → routing → queues → agents, written to a
 * contact log. The model touches the log only by appending and filling rows.
 *
 * Routing (today): a new contact goes to the longest-idle agent among the groups that
 * serve its channel (ties: the group listed first). A freed agent takes, among the
 * queues it serves, the highest-priority queue with contacts waiting, and there the
 * oldest contact (ties across queues of equal priority: the one listed first).
 */
import { Calendar, RngStreams, makeSampler, type Rng, type Sampler } from '../engine/index.js';
import { AgentStateTable } from '../logs/agentTable.js';
import { AGENT_STATE, OUTCOME } from '../logs/codes.js';
import type { ContactLog } from '../logs/contactLog.js';
import { LegTable } from '../logs/legTable.js';
import type { Scenario } from '../scenario/types.js';
import { AgentPool, BUSY, WRAPUP } from './agentPool.js';
import { ArrivalProcess, ScriptedArrivals, type ArrivalSource } from './arrivals.js';
import { EVENT, PRIORITY } from './events.js';
import { WaitQueues } from './waitQueues.js';

export interface SimulateOptions {
  /** Master seed; default the scenario's. */
  seed?: number;
}

/** Simulate replication `replication` (0-based) of the scenario and return its contact log. */
export function simulate(scenario: Scenario, replication: number, options: SimulateOptions = {}): ContactLog {
  const sim = new Simulation(scenario, replication, options.seed ?? scenario.seed);
  return sim.run();
}

class Simulation {
  private readonly horizonSec: number;
  private readonly cal = new Calendar(4096);
  private readonly legs: LegTable;
  private readonly states: AgentStateTable;
  private readonly pool: AgentPool;
  private readonly queues: WaitQueues;
  private readonly channelIds: string[];
  private readonly groupIds: string[];
  private readonly arrivals: ArrivalSource[];
  private readonly talk: Sampler[];
  private readonly talkRng: Rng[];
  private readonly wrap: (Sampler | undefined)[];
  private readonly wrapRng: Rng[];
  private readonly patience: (Sampler | undefined)[];
  private readonly patienceRng: Rng[];
  private readonly queuePriority: Float64Array;
  /** Groups serving each channel, in file order. */
  private readonly servingGroups: Int32Array[];
  /** Queues of each group, highest priority first (file order among equals). */
  private readonly groupQueues: Int32Array[];
  private readonly staffingTables: ({ intervalSec: number; agents: number[] } | undefined)[];
  private nextContact = 0;
  /** Time of each channel's next arrival (Infinity when none is left). */
  private readonly nextArrival: Float64Array;
  private readonly stillWaiting = (row: number): boolean => Number.isNaN(this.legs.abandon[row]);

  constructor(
    private readonly scenario: Scenario,
    private readonly replication: number,
    seed: number,
  ) {
    this.horizonSec = scenario.horizonSec;
    const streams = new RngStreams(seed, replication);
    const channels = Object.values(scenario.channels);
    const groups = Object.values(scenario.groups);
    this.channelIds = channels.map((c) => c.id);
    this.groupIds = groups.map((g) => g.id);
    const index = new Map(this.channelIds.map((id, i) => [id, i]));

    this.arrivals = channels.map((c) =>
      c.arrivalTimesSec ? new ScriptedArrivals(c.arrivalTimesSec) : new ArrivalProcess(c.arrivals, streams.stream(`arrivals:${c.id}`)),
    );
    this.talk = channels.map((c) => makeSampler(c.handle));
    this.talkRng = channels.map((c) => streams.stream(`handle:${c.id}`));
    this.wrap = channels.map((c) => (c.wrapup ? makeSampler(c.wrapup) : undefined));
    this.wrapRng = channels.map((c) => streams.stream(`wrapup:${c.id}`));
    this.patience = channels.map((c) => (c.patience ? makeSampler(c.patience) : undefined));
    this.patienceRng = channels.map((c) => streams.stream(`patience:${c.id}`));
    this.queuePriority = Float64Array.from(channels, (c) => c.priority);

    this.servingGroups = channels.map((c) =>
      Int32Array.from(groups.flatMap((g, gi) => (g.skills.includes(c.id) ? [gi] : []))),
    );
    this.groupQueues = groups.map((g) => {
      const qs = g.skills.map((id) => index.get(id)!);
      const order = qs.map((q, i) => ({ q, i })).sort((a, b) => this.queuePriority[b.q] - this.queuePriority[a.q] || a.i - b.i);
      return Int32Array.from(order, (o) => o.q);
    });
    this.staffingTables = groups.map((g) => (g.staffing.kind === 'table' ? g.staffing : undefined));
    this.pool = new AgentPool(
      groups.map((g) => (g.staffing.kind === 'constant' ? g.staffing.agents : Math.max(0, ...g.staffing.agents))),
    );
    this.queues = new WaitQueues(channels.length);
    this.nextArrival = new Float64Array(channels.length).fill(Infinity);

    const expected = channels.reduce((sum, c) => sum + (c.arrivalTimesSec?.length ?? expectedArrivals(c.arrivals, this.horizonSec)), 0);
    this.legs = new LegTable(expected * 1.02 + 6 * Math.sqrt(expected) + 256);
    this.states = new AgentStateTable(expected * (channels.some((c) => c.wrapup) ? 2 : 1) * 1.02 + 1024);
  }

  run(): ContactLog {
    const H = this.horizonSec;
    for (let g = 0; g < this.groupIds.length; g++) {
      const table = this.staffingTables[g];
      this.setStaffing(g, table ? table.agents[0] : this.pool.groupSize[g], 0);
      if (table) {
        for (let i = 1; i < table.agents.length && i * table.intervalSec < H; i++) {
          if (table.agents[i] !== table.agents[i - 1]) this.cal.schedule(i * table.intervalSec, PRIORITY.STAFFING, EVENT.STAFFING, g);
        }
      }
    }
    for (let c = 0; c < this.channelIds.length; c++) this.nextArrival[c] = this.arrivals[c].next(0);
    this.loop();
    this.close();
    return {
      replication: this.replication,
      horizonSec: H,
      channels: this.channelIds,
      channelKinds: Object.values(this.scenario.channels).map((c) => c.kind),
      queues: this.channelIds,
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
   * The event loop. Arrivals are kept out of the heap (one pending arrival per channel in
   * `nextArrival`) and merged with it in PRIORITY order: that saves a heap push and pop
   * for about half of all events, the largest single cost in the benchmark. Same-time
   * arrivals of different channels come in channel order.
   */
  private loop(): void {
    const H = this.horizonSec;
    const next = this.nextArrival;
    const n = next.length;
    for (;;) {
      let c = -1;
      let ta = Infinity;
      for (let k = 0; k < n; k++) {
        if (next[k] < ta) {
          ta = next[k];
          c = k;
        }
      }
      if (this.cal.nextBefore(ta, PRIORITY.ARRIVAL, H)) {
        this.handle(this.cal.kind, this.cal.target, this.cal.now);
        continue;
      }
      if (c < 0 || !(ta < H)) break;
      this.cal.advanceTo(ta);
      next[c] = this.arrivals[c].next(ta);
      this.arrive(c, ta);
    }
  }

  handle(kind: number, target: number, t: number): void {
    switch (kind) {
      case EVENT.ABANDON:
        return this.abandon(target, t);
      case EVENT.TALK_END:
        return this.talkEnd(target, t);
      case EVENT.WRAP_END:
        return this.finish(target, t);
      case EVENT.STAFFING: {
        const table = this.staffingTables[target]!;
        return this.setStaffing(target, table.agents[Math.round(t / table.intervalSec)], t);
      }
    }
  }

  private arrive(c: number, t: number): void {
    const legs = this.legs;
    const row = legs.add(this.nextContact++, c, c, t);
    legs.queueEntry[row] = t;
    // Every contact draws its work and patience on arrival, whether it waits or not, so the
    // k-th customer of a channel brings the same numbers to every scenario (common random numbers).
    const talkSec = this.talk[c].sample(this.talkRng[c]);
    const wrapSampler = this.wrap[c];
    const wrapSec = wrapSampler ? wrapSampler.sample(this.wrapRng[c]) : 0;
    const patienceSampler = this.patience[c];
    const patienceSec = patienceSampler ? patienceSampler.sample(this.patienceRng[c]) : Infinity;

    const a = this.longestIdleAgent(c);
    if (a >= 0) {
      this.pool.leaveIdle(a, BUSY);
      this.startService(a, row, talkSec, wrapSec, t);
      return;
    }
    const timer = patienceSec < Infinity ? this.cal.schedule(t + patienceSec, PRIORITY.ABANDON, EVENT.ABANDON, row) : -1;
    this.queues.push(c, row, talkSec, wrapSec, timer);
  }

  private longestIdleAgent(c: number): number {
    const groups = this.servingGroups[c];
    let best = -1;
    for (let i = 0; i < groups.length; i++) {
      const a = this.pool.peekIdle(groups[i]);
      if (a >= 0 && (best < 0 || this.pool.idleSince[a] < this.pool.idleSince[best])) best = a;
    }
    return best;
  }

  private startService(a: number, row: number, talkSec: number, wrapSec: number, t: number): void {
    const legs = this.legs;
    legs.answer[row] = t;
    legs.agent[row] = a;
    legs.group[row] = this.pool.group[a];
    legs.concurrency[row] = 1;
    this.pool.state[a] = BUSY;
    this.pool.row[a] = row;
    this.pool.wrapSec[a] = wrapSec;
    const end = t + talkSec;
    this.cal.schedule(end, PRIORITY.RELEASE, EVENT.TALK_END, a);
    this.states.add(a, AGENT_STATE.busy, t, Math.min(end, this.horizonSec));
  }

  private talkEnd(a: number, t: number): void {
    this.legs.talkEnd[this.pool.row[a]] = t;
    const wrapSec = this.pool.wrapSec[a];
    if (wrapSec > 0) {
      this.pool.state[a] = WRAPUP;
      this.cal.schedule(t + wrapSec, PRIORITY.RELEASE, EVENT.WRAP_END, a);
      this.states.add(a, AGENT_STATE.wrapup, t, Math.min(t + wrapSec, this.horizonSec));
    } else {
      this.finish(a, t);
    }
  }

  private finish(a: number, t: number): void {
    const row = this.pool.row[a];
    this.legs.wrapEnd[row] = t;
    this.legs.outcome[row] = OUTCOME.handled;
    this.pool.row[a] = -1;
    this.agentFree(a, t);
  }

  private abandon(row: number, t: number): void {
    const legs = this.legs;
    legs.abandon[row] = t;
    legs.outcome[row] = OUTCOME.abandoned;
    this.queues.markGone(legs.queue[row]);
  }

  /** Agent a is free at t: go home if the group is over its headcount, else take work or idle. */
  private agentFree(a: number, t: number): void {
    const g = this.pool.group[a];
    if (this.pool.staffed[g] > this.pool.wanted[g]) {
      this.logOut(a, t);
      return;
    }
    const q = this.nextQueue(g);
    if (q < 0) {
      this.pool.pushIdle(a, t);
      return;
    }
    const row = this.queues.shift(q);
    const timer = this.queues.takenTimer;
    if (timer >= 0) this.cal.cancel(timer);
    this.pool.leaveIdle(a, BUSY);
    this.startService(a, row, this.queues.takenTalkSec, this.queues.takenWrapSec, t);
  }

  /** The queue a free agent of group g serves next, or −1 when none of its queues has anyone waiting. */
  private nextQueue(g: number): number {
    const qs = this.groupQueues[g];
    let best = -1;
    let bestSince = Infinity;
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i];
      if (this.queues.waiting[q] === 0) continue;
      if (best >= 0 && this.queuePriority[q] < this.queuePriority[best]) break;
      this.queues.purge(q, this.stillWaiting);
      const since = this.legs.queueEntry[this.queues.headRow(q)];
      if (since < bestSince) {
        best = q;
        bestSince = since;
      }
    }
    return best;
  }

  private setStaffing(g: number, agents: number, t: number): void {
    const pool = this.pool;
    pool.wanted[g] = agents;
    while (pool.staffed[g] < agents) this.agentFree(pool.logIn(g, t), t);
    while (pool.staffed[g] > agents) {
      const a = pool.popNewestIdle(g);
      if (a < 0) break; // the rest go home when they finish their current contact
      this.logOut(a, t);
    }
  }

  private logOut(a: number, t: number): void {
    this.states.add(a, AGENT_STATE.staffed, this.pool.staffedSince[a], t);
    this.pool.logOut(a);
  }

  /** At the horizon: close staffed intervals and mark every undecided leg open. */
  private close(): void {
    const H = this.horizonSec;
    for (let a = 0; a < this.pool.count; a++) {
      if (this.pool.state[a] !== 0) this.states.add(a, AGENT_STATE.staffed, this.pool.staffedSince[a], H);
    }
    const out = this.legs.outcome;
    for (let r = 0; r < this.legs.length; r++) if (out[r] === OUTCOME.none) out[r] = OUTCOME.open;
  }
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
