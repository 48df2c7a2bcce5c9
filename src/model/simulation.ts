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
 *
 * Queues: each channel feeds its own default queue (index = channel index, id = channel
 * id); `scenario.queues` adds more (IVR leaves, tier 2, ticket backlogs), and every queue
 * with an overflow rule gets a hidden twin queue served by the overflow groups. Features a
 * scenario does not use cost one flag test each (see `post`, `ivr`, `room`), so a plain
 * scenario runs as fast, and draws exactly the same numbers, as before they existed.
 */
import { Calendar, RngStreams, makeSampler, sampleGamma, type Rng, type Sampler } from '../engine/index.js';
import { AgentStateTable } from '../logs/agentTable.js';
import { AGENT_STATE, IVR_OUTCOME, OUTCOME } from '../logs/codes.js';
import type { ContactLog } from '../logs/contactLog.js';
import { LegTable } from '../logs/legTable.js';
import type { Channel, Escalation, Scenario } from '../scenario/types.js';
import { expectedContacts } from '../scenario/limits.js';
import { ACTIVE, AgentPool, BREAK, IDLE, OFFLINE } from './agentPool.js';
import { ArrivalProcess, ScriptedArrivals, type ArrivalSource } from './arrivals.js';
import { OpeningSchedule, dayIndex } from './clock.js';
import { EVENT, PRIORITY } from './events.js';
import { CompiledIvr, IVR_ABANDONED, IVR_CONTAINED } from './ivr.js';
import { ACTION, staffingPlan, type StaffingPlan } from './staffingPlan.js';
import { KIND_CALL, KIND_CHAT, KIND_EMAIL, layoutQueues } from './queueLayout.js';
import { WaitQueues } from './waitQueues.js';

export interface SimulateOptions {
  /** Master seed; default the scenario's. */
  seed?: number;
}

/** Simulate replication `replication` (0-based) of the scenario and return its contact log. */
export function simulate(scenario: Scenario, replication: number, options: SimulateOptions = {}): ContactLog {
  return new Simulation(scenario, replication, options.seed ?? scenario.seed).run();
}


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
  /** Kind per queue (the kind of its channel); for q < channels, per channel too. */
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
  // A row taken through its overflow twin is still in its first queue's ring: skip it there too.
  private readonly stillWaiting = (row: number): boolean =>
    Number.isNaN(this.legs.abandon[row]) && Number.isNaN(this.legs.answer[row]);

  // --- Queues beyond the channels' own, and the features of issue 4 ---------------------
  private readonly queueIds: string[];
  /** Channel of each queue (twins included). */
  private readonly queueChannel: Int32Array;
  /** Most contacts waiting per queue (Infinity = unlimited). */
  private readonly room: Float64Array;
  /** Per channel: its IVR or bot tree. */
  private readonly ivr: (CompiledIvr | undefined)[];
  private readonly ivrRng: Rng[];
  /** Whether anything happens after handling (resolution, escalation, misroute): one flag for the hot path. */
  private readonly post: boolean;
  private readonly queueResolution: Float64Array;
  private readonly groupResolution: Float64Array;
  private readonly escalation: (Escalation | undefined)[];
  private readonly escalationTo: Int32Array;
  /** Per queue: its overflow twin (−1 none) and the wait before overflowing; per twin: its queue. */
  private readonly twin: Int32Array;
  private readonly overflowAfter: Float64Array;
  private readonly primary: Int32Array;
  /** Per leg row waiting in a queue with a twin: its work, patience timer and whether it overflowed. */
  private readonly waitingWork = new Map<number, [number, number, number]>();
  private readonly overflowed = new Set<number>();
  /** Work of a contact in the IVR, until it reaches its queue. */
  private readonly ivrWork = new Map<number, [number, number, number]>();
  /** A misrouted leg: the right queue and the contact's real work, for the leg after the transfer. */
  private readonly misrouted = new Map<number, [number, number, number, number]>();
  /** Skill-based routing: per group × queue the skill level. */
  private readonly bySkill: boolean;
  private readonly level: Float64Array;
  private readonly queueCount: number;
  /** Names of all queues, hidden ones as `<queue>-overflow`, `<queue>-callback` (those appear in the log). */
  private readonly queueNames: string[];
  /** Per call queue: its callback queue (−1 none); per queue: whether it is a callback queue. */
  private readonly callbackQueue: Int32Array;
  private readonly isCallback: Uint8Array;
  /** Per queue: whether an issue it cannot resolve goes back to the customer as a callback. */
  private readonly callsBack: Uint8Array;
  /** Per callback leg: the customer's work and the dial number (1 = first dial). */
  private readonly callbackWork = new Map<number, [number, number, number]>();
  /** Callback legs whose dial fails (decided when an agent dials). */
  private readonly failedDial = new Set<number>();
  private readonly streams: RngStreams;
  /** Named streams and samplers of the feature paths, made on first use. */
  private readonly lazyRng = new Map<string, Rng[]>();
  private readonly repeatDelay: (Sampler | undefined)[];
  private readonly retrialDelay: (Sampler | undefined)[];
  /** Work of legs that do not arrive from outside (transfers, escalations, repeats, retrials), per queue. */
  private readonly workTalk: Sampler[];
  private readonly workWrap: (Sampler | undefined)[];
  private readonly workPatience: (Sampler | undefined)[];
  /** Contacts waiting to (re)enter at a later time: channel, issue, customer, attempt. */
  private readonly pending: number[] = [];

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
    this.streams = streams;
    // Queues: the channels' own, the scenario's extra ones, then hidden overflow and callback queues.
    const layout = layoutQueues(scenario);
    const { named: nq, index: qIndex, spec, extra } = layout;
    const nQ = layout.queueCount;
    this.queueIds = layout.queueIds;
    this.queueCount = nQ;
    this.queueChannel = layout.queueChannel;
    this.twin = layout.twin;
    this.primary = layout.primary;
    this.overflowAfter = layout.overflowAfter;
    this.callbackQueue = layout.callbackQueue;
    this.isCallback = layout.isCallback;
    this.queueNames = layout.queueNames;
    this.kind = layout.kind;
    this.queuePriority = layout.queuePriority;
    this.room = layout.room;
    this.servingGroups = layout.servingGroups;
    this.groupLiveQueues = layout.groupLiveQueues;
    this.groupQueues = layout.groupQueues;

    this.ivr = channels.map((c) => (c.ivr ? new CompiledIvr(c.ivr, (id) => qIndex.get(id)!) : undefined));
    this.ivrRng = channels.map((c) => (c.ivr ? streams.stream(`ivr:${c.id}`) : (undefined as unknown as Rng)));
    this.queueResolution = Float64Array.from({ length: nQ }, (_, q) => spec(q < nq ? q : this.primary[q]).resolution ?? NaN);
    this.groupResolution = Float64Array.from(groups, (g) => g.resolution ?? NaN);
    this.escalation = Array.from({ length: nQ }, (_, q) => spec(q < nq ? q : this.primary[q]).escalation);
    this.escalationTo = Int32Array.from(this.escalation, (e) => (e ? qIndex.get(e.to)! : -1));
    this.callsBack = Uint8Array.from({ length: nQ }, (_, q) => (q < nq && spec(q).unresolved === 'callback' ? 1 : 0));
    this.post =
      this.ivr.some((t, c) => t && Object.values(channels[c].ivr!.nodes).some((n) => n.misroute)) ||
      this.escalation.some(Boolean) ||
      this.queueResolution.some((r) => !Number.isNaN(r)) ||
      this.groupResolution.some((r) => !Number.isNaN(r)) ||
      this.isCallback.some((x) => x === 1);
    this.bySkill = scenario.routing === 'skillThenLongestIdle';
    this.level = new Float64Array(groups.length * nQ).fill(1);
    groups.forEach((g, gi) => {
      for (const [id, lvl] of Object.entries(g.skillLevels ?? {})) {
        const q = qIndex.get(id);
        if (q !== undefined) this.level[gi * nQ + q] = lvl;
      }
    });
    this.workTalk = Array.from({ length: nQ }, (_, q) => makeSampler((q < nq && q >= channels.length ? extra[q - channels.length].handle : undefined) ?? channels[this.queueChannel[q]].handle));
    this.workWrap = Array.from({ length: nQ }, (_, q) => {
      const w = (q < nq && q >= channels.length ? extra[q - channels.length].wrapup : undefined) ?? channels[this.queueChannel[q]].wrapup;
      return w ? makeSampler(w) : undefined;
    });
    this.workPatience = Array.from({ length: nQ }, (_, q) => this.patience[this.queueChannel[q]]);
    this.repeatDelay = channels.map((c) => (c.repeat ? makeSampler(c.repeat.delay) : undefined));
    this.retrialDelay = channels.map((c) => (c.retrial ? makeSampler(c.retrial.delay) : undefined));
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
    this.queues = new WaitQueues(this.queueCount);
    this.nextArrival = new Float64Array(channels.length).fill(Infinity);

    const expected = expectedContacts(scenario);
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
      queues: this.queueNames,
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
      case EVENT.IVR_EXIT:
        return this.ivrExit(target, t);
      case EVENT.NEW_CONTACT:
        return this.newContact(target, t);
      case EVENT.OVERFLOW:
        return this.overflow(target, t);
      case EVENT.CALLBACK_RETRY:
        return this.redial(target, t);
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
    this.admit(c, row, talkSec, wrapSec, patienceSec, t);
  }

  /** A contact (leg `row`) of channel c reaches the center at t: closed, IVR, or its channel's queue. */
  private admit(c: number, row: number, talkSec: number, wrapSec: number, patienceSec: number, t: number): void {
    const open = this.open[c];
    if (open && this.kind[c] !== KIND_EMAIL && !open.isOpen(t)) {
      this.legs.outcome[row] = OUTCOME.blocked;
      return;
    }
    if (this.ivr[c] !== undefined) return this.startIvr(c, row, talkSec, wrapSec, patienceSec, t);
    this.enterQueue(c, row, talkSec, wrapSec, patienceSec, t);
  }

  /** Leg `row` joins queue q at t: an agent now, a busy signal when the waiting room is full, or the line. */
  private enterQueue(q: number, row: number, talkSec: number, wrapSec: number, patienceSec: number, t: number): void {
    const legs = this.legs;
    const a = this.findAgent(q);
    if (a >= 0) {
      legs.queueEntry[row] = t;
      this.startService(a, q, row, talkSec, wrapSec, t);
      return;
    }
    if (this.queues.waiting[q] >= this.room[q]) {
      legs.outcome[row] = OUTCOME.blocked;
      this.retry(row, t);
      return;
    }
    if (this.callbackQueue[q] >= 0 && this.offerCallback(q, row, talkSec, wrapSec, t)) return;
    legs.queueEntry[row] = t;
    const timer = patienceSec < Infinity ? this.cal.schedule(t + patienceSec, PRIORITY.ABANDON, EVENT.ABANDON, row) : -1;
    this.queues.push(q, row, talkSec, wrapSec, timer);
    if (this.twin[q] >= 0) {
      this.waitingWork.set(row, [talkSec, wrapSec, timer]);
      this.cal.schedule(t + this.overflowAfter[q], PRIORITY.OVERFLOW, EVENT.OVERFLOW, row);
    }
  }

  // ---------------------------------------------------------------------------
  // IVR, transfers, escalation, resolution, repeat contacts, retrials, overflow
  // ---------------------------------------------------------------------------

  /** Walk the channel's IVR now (all draws from `ivr:<channel>`); the outcome is logged at the IVR exit. */
  private startIvr(c: number, row: number, talkSec: number, wrapSec: number, patienceSec: number, t: number): void {
    const ivr = this.ivr[c]!;
    ivr.walk(this.ivrRng[c]);
    const exit = t + ivr.timeSec;
    if (!(exit < this.H)) return; // still in the IVR at the horizon: open
    const legs = this.legs;
    if (ivr.outcome === IVR_CONTAINED || ivr.outcome === IVR_ABANDONED) {
      legs.ivrExit[row] = exit;
      const contained = ivr.outcome === IVR_CONTAINED;
      legs.ivrOutcome[row] = contained ? IVR_OUTCOME.contained : IVR_OUTCOME.abandoned;
      legs.outcome[row] = contained ? OUTCOME.contained : OUTCOME.ivrAbandoned;
      if (contained) legs.resolved[row] = 1;
      return;
    }
    legs.queue[row] = ivr.queueIndex;
    if (ivr.rightQueue >= 0) {
      this.misrouted.set(row, [ivr.rightQueue, talkSec, wrapSec, patienceSec]);
      this.ivrWork.set(row, [ivr.misrouteTalkSec, 0, patienceSec]);
    } else this.ivrWork.set(row, [talkSec, wrapSec, patienceSec]);
    this.cal.schedule(exit, PRIORITY.QUEUE_ENTRY, EVENT.IVR_EXIT, row);
  }

  private ivrExit(row: number, t: number): void {
    const legs = this.legs;
    legs.ivrExit[row] = t;
    legs.ivrOutcome[row] = IVR_OUTCOME.routed;
    const w = this.ivrWork.get(row)!;
    this.ivrWork.delete(row);
    this.enterQueue(legs.queue[row], row, w[0], w[1], w[2], t);
  }

  /** A handled leg: transfer a misrouted contact, escalate, or decide whether its issue is resolved. */
  private afterHandling(row: number, t: number): void {
    const legs = this.legs;
    if (this.failedDial.size > 0 && this.failedDial.has(row)) return this.dialFailed(row, t);
    const mis = this.misrouted.get(row);
    if (mis) {
      this.misrouted.delete(row);
      legs.outcome[row] = OUTCOME.transferred;
      const next = this.nextLeg(row, legs.contact[row], mis[0], legs.attempt[row], t);
      this.enterQueue(mis[0], next, mis[1], mis[2], mis[3], t);
      return;
    }
    const q = legs.queue[row];
    const esc = this.escalation[q];
    if (esc && this.rng('escalation', q, this.queueIds[q]).next() < esc.probability) {
      legs.outcome[row] = OUTCOME.escalated;
      legs.resolved[row] = 0;
      const to = this.escalationTo[q];
      const ticket = esc.mode === 'ticket';
      // Warm: the same contact, a second leg; ticket: a follow-up contact of the same issue.
      const next = ticket
        ? this.nextLeg(row, this.nextContact++, to, legs.attempt[row] + 1, t)
        : this.nextLeg(row, legs.contact[row], to, legs.attempt[row], t);
      this.enterWork(to, next, t, ticket);
      return;
    }
    const g = legs.group[row];
    const p = Number.isNaN(this.groupResolution[g]) ? this.queueResolution[q] : this.groupResolution[g];
    if (Number.isNaN(p)) return;
    const resolved = this.rng('resolution', q, this.queueIds[q]).next() < p;
    legs.resolved[row] = resolved ? 1 : 0;
    if (resolved) return;
    const base = this.primary[q] >= 0 ? this.primary[q] : q;
    if (this.callsBack[base]) this.callBack(row, base, t);
    else this.repeatLater(row, t);
  }

  /** A new leg for `row`'s issue in queue q at t (same contact: next leg number; another contact: leg 1). */
  private nextLeg(row: number, contact: number, q: number, attempt: number, t: number): number {
    const legs = this.legs;
    const next = legs.add(contact, this.queueChannel[q], q, t);
    legs.leg[next] = contact === legs.contact[row] ? legs.leg[row] + 1 : 1;
    legs.issue[next] = legs.issue[row];
    legs.customer[next] = legs.customer[row];
    legs.attempt[next] = attempt;
    return next;
  }

  /** Leg `row` enters queue q with work drawn from `work:<queue>` (a ticket never abandons). */
  private enterWork(q: number, row: number, t: number, deferred: boolean): void {
    const rng = this.rng('work', q, this.queueIds[q]);
    const talkSec = this.workTalk[q].sample(rng);
    const wrapSec = this.workWrap[q] ? this.workWrap[q]!.sample(rng) : 0;
    const pat = this.workPatience[q];
    const patienceSec = pat && !deferred && this.kind[q] !== KIND_EMAIL ? pat.sample(rng) : Infinity;
    this.enterQueue(q, row, talkSec, wrapSec, patienceSec, t);
  }

  /** An unresolved issue comes back later, on the channel mix of the channel it was handled on. */
  private repeatLater(row: number, t: number): void {
    const legs = this.legs;
    const ch = this.channels[legs.channel[row]];
    const rep = ch.repeat;
    if (!rep) return;
    const rng = this.rng('repeat', legs.channel[row], ch.id);
    if (!(rng.next() < rep.probability)) return;
    const delay = this.repeatDelay[legs.channel[row]]!.sample(rng);
    let c = legs.channel[row];
    if (rep.channels.length > 0) {
      const u = rng.next();
      let cum = 0;
      let k = 0;
      while (k < rep.channels.length - 1 && u >= (cum += rep.channels[k].share)) k++;
      c = this.channelIndex(rep.channels[k].id);
    }
    this.schedule(t + delay, c, legs.issue[row], legs.customer[row], legs.attempt[row] + 1);
  }

  /** An abandoned or blocked caller redials, with the channel's retrial probability and delay. */
  private retry(row: number, t: number): void {
    const legs = this.legs;
    const ch = this.channels[legs.channel[row]];
    const r = ch.retrial;
    if (!r || this.kind[legs.channel[row]] === KIND_EMAIL) return;
    const rng = this.rng('retrial', legs.channel[row], ch.id);
    if (!(rng.next() < r.probability)) return;
    this.schedule(t + this.retrialDelay[legs.channel[row]]!.sample(rng), legs.channel[row], legs.issue[row], legs.customer[row], legs.attempt[row] + 1);
  }

  private schedule(at: number, c: number, issue: number, customer: number, attempt: number): void {
    if (!(at < this.H)) return;
    const k = this.pending.length;
    this.pending.push(c, issue, customer, attempt);
    this.cal.schedule(at, PRIORITY.QUEUE_ENTRY, EVENT.NEW_CONTACT, k);
  }

  /** Stream `<purpose>:<id>` of a feature path, by queue or channel index (the name is built once). */
  private rng(purpose: string, i: number, id: string): Rng {
    let list = this.lazyRng.get(purpose);
    if (!list) this.lazyRng.set(purpose, (list = []));
    return list[i] ?? (list[i] = this.streams.stream(`${purpose}:${id}`));
  }

  private channelIndex(id: string): number {
    return this.channels.findIndex((c) => c.id === id);
  }

  /** A repeat contact or retrial arrives: a new contact of the same issue and customer, work from `work:<channel>`. */
  private newContact(k: number, t: number): void {
    const p = this.pending;
    const c = p[k];
    const legs = this.legs;
    const row = legs.add(this.nextContact++, c, c, t);
    legs.issue[row] = p[k + 1];
    legs.customer[row] = p[k + 2];
    legs.attempt[row] = p[k + 3];
    const rng = this.rng('work', c, this.queueIds[c]);
    const talkSec = this.workTalk[c].sample(rng);
    const wrapSec = this.workWrap[c] ? this.workWrap[c]!.sample(rng) : 0;
    const pat = this.patience[c];
    const patienceSec = pat ? pat.sample(rng) : Infinity;
    this.admit(c, row, talkSec, wrapSec, patienceSec, t);
  }

  /** Leg `row` has waited its overflow time: offer it to the overflow groups too (its twin queue). */
  private overflow(row: number, t: number): void {
    if (!this.stillWaiting(row)) return;
    const q = this.legs.queue[row];
    const v = this.twin[q];
    const w = this.waitingWork.get(row)!;
    this.overflowed.add(row);
    const a = this.findAgent(v);
    if (a >= 0) {
      this.queues.markGone(q);
      if (w[2] >= 0) this.cal.cancel(w[2]);
      this.taken(row);
      this.startService(a, v, row, w[0], w[1], t);
      return;
    }
    this.queues.push(v, row, w[0], w[1], w[2]);
  }

  /**
   * Offer a callback when the predicted wait — (contacts waiting + 1) × mean work ÷ agents
   * staffed for the queue — exceeds the threshold. An accepting caller hangs up: the leg
   * ends `transferred` without a queue entry, and a callback leg of the same contact
   * waits in the hidden `<queue>-callback` queue (no patience).
   */
  private offerCallback(q: number, row: number, talkSec: number, wrapSec: number, t: number): boolean {
    const c = this.queueChannel[q];
    const cb = this.channels[c].callback ?? DEFAULT_CALLBACK;
    const groups = this.servingGroups[q];
    let staffed = 0;
    for (let i = 0; i < groups.length; i++) staffed += this.pool.staffed[groups[i]];
    const workSec = this.workTalk[q].mean + (this.workWrap[q]?.mean ?? 0);
    const predictedSec = ((this.queues.waiting[q] + 1) * workSec) / Math.max(1, staffed);
    if (!(predictedSec > cb.thresholdSec)) return false;
    const legs = this.legs;
    const accepted = this.rng('callback', c, this.channels[c].id).next() < cb.acceptance;
    legs.callbackOffer[row] = accepted ? 1 : 0;
    if (!accepted) return false;
    legs.outcome[row] = OUTCOME.transferred;
    const v = this.callbackQueue[q];
    const next = this.nextLeg(row, legs.contact[row], v, legs.attempt[row], t);
    this.callbackWork.set(next, [talkSec, wrapSec, 1]);
    this.queueCallback(v, next, t);
    return true;
  }

  /** Queue q could not resolve leg `row`'s issue: its agents call the customer back (a new contact, next attempt). */
  private callBack(row: number, q: number, t: number): void {
    const v = this.callbackQueue[q];
    const legs = this.legs;
    const next = this.nextLeg(row, this.nextContact++, v, legs.attempt[row] + 1, t);
    const rng = this.rng('work', q, this.queueIds[q]);
    const talkSec = this.workTalk[q].sample(rng);
    const wrapSec = this.workWrap[q] ? this.workWrap[q]!.sample(rng) : 0;
    this.callbackWork.set(next, [talkSec, wrapSec, 1]);
    this.queueCallback(v, next, t);
  }

  private queueCallback(v: number, row: number, t: number): void {
    this.legs.queueEntry[row] = t;
    const a = this.findAgent(v);
    if (a >= 0) return this.dial(a, v, row, t);
    const w = this.callbackWork.get(row)!;
    this.queues.push(v, row, w[0], w[1], -1);
  }

  /** Agent a dials callback leg `row`: it reaches the customer with the channel's success probability. */
  private dial(a: number, v: number, row: number, t: number): void {
    const c = this.queueChannel[v];
    const cb = this.channels[c].callback ?? DEFAULT_CALLBACK;
    const w = this.callbackWork.get(row)!;
    if (this.rng('callback', c, this.channels[c].id).next() < cb.success) {
      this.callbackWork.delete(row);
      this.startService(a, v, row, w[0], w[1], t);
      return;
    }
    this.failedDial.add(row);
    this.startService(a, v, row, cb.dialSec, 0, t);
  }

  /**
   * A dial that did not reach the customer: the leg ends `abandoned` at the end of the
   * dial, with no queue entry or answer (queue KPIs skip it; the agent's busy time is in
   * the agent table), and is retried after the delay while retries remain.
   */
  private dialFailed(row: number, t: number): void {
    this.failedDial.delete(row);
    const legs = this.legs;
    legs.queueEntry[row] = NaN;
    legs.answer[row] = NaN;
    legs.talkEnd[row] = NaN;
    legs.wrapEnd[row] = NaN;
    legs.abandon[row] = t;
    legs.outcome[row] = OUTCOME.abandoned;
    const v = legs.queue[row];
    const c = this.queueChannel[v];
    const cb = this.channels[c].callback ?? DEFAULT_CALLBACK;
    const w = this.callbackWork.get(row)!;
    if (w[2] > cb.retries) return void this.callbackWork.delete(row);
    const at = t + makeSampler(cb.retryDelay).sample(this.rng('callback', c, this.channels[c].id));
    if (!(at < this.H)) return void this.callbackWork.delete(row);
    this.cal.schedule(at, PRIORITY.QUEUE_ENTRY, EVENT.CALLBACK_RETRY, row);
  }

  private redial(failed: number, t: number): void {
    const legs = this.legs;
    const w = this.callbackWork.get(failed)!;
    this.callbackWork.delete(failed);
    const next = this.nextLeg(failed, legs.contact[failed], legs.queue[failed], legs.attempt[failed], t);
    this.callbackWork.set(next, [w[0], w[1], w[2] + 1]);
    this.queueCallback(legs.queue[failed], next, t);
  }

  /** Bookkeeping when a row waiting in a queue with a twin leaves it (answered or abandoned). */
  private taken(row: number): void {
    this.waitingWork.delete(row);
    this.overflowed.delete(row);
  }

  /** The least-loaded agent that may take a contact of channel c now, or −1. */
  private findAgent(c: number): number {
    const groups = this.servingGroups[c];
    const pool = this.pool;
    let best = -1;
    if (this.bySkill) best = this.bestSkilledIdle(c);
    else {
      for (let i = 0; i < groups.length; i++) {
        const a = pool.peekIdle(groups[i]);
        if (a >= 0 && (best < 0 || pool.idleSince[a] < pool.idleSince[best])) best = a;
      }
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

  /** skillThenLongestIdle: the idle agent with the highest skill level for queue q, then the longest idle. */
  private bestSkilledIdle(q: number): number {
    const groups = this.servingGroups[q];
    const pool = this.pool;
    const nQ = this.queueCount;
    let best = -1;
    let bestLevel = -Infinity;
    for (let i = 0; i < groups.length; i++) {
      const a = pool.peekIdle(groups[i]);
      if (a < 0) continue;
      const lvl = this.level[groups[i] * nQ + (this.primary[q] >= 0 ? this.primary[q] : q)];
      if (best < 0 || lvl > bestLevel || (lvl === bestLevel && pool.idleSince[a] < pool.idleSince[best])) {
        best = a;
        bestLevel = lvl;
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
    if (this.post) this.afterHandling(row, t);
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
    const q = legs.queue[row];
    this.queues.markGone(q);
    if (this.twin[q] >= 0) {
      if (this.overflowed.has(row)) this.queues.markGone(this.twin[q]);
      this.taken(row);
    }
    if (this.channels[legs.channel[row]].retrial) this.retry(row, t);
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
      if (this.waitingWork.size > 0 && this.waitingWork.has(row)) this.leaveTwin(q, row);
      if (this.isCallback[q]) this.dial(a, q, row, t);
      else this.startService(a, q, row, this.queues.takenTalkSec, this.queues.takenWrapSec, t);
      if (pool.used[a] >= pool.cap[a]) return;
    }
    if (pool.used[a] === 0) pool.pushIdle(a, t);
  }

  /** A row taken from q (a queue or its twin) no longer waits in the other one. */
  private leaveTwin(q: number, row: number): void {
    const p = this.primary[q];
    if (p >= 0) this.queues.markGone(p);
    else if (this.overflowed.has(row)) this.queues.markGone(this.twin[q]);
    this.taken(row);
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


/** Dialling of callbacks on a channel without callback settings (tier-2 callbacks): always reached. */
const DEFAULT_CALLBACK = { thresholdSec: Infinity, acceptance: 0, priority: 0, success: 1, retries: 0, retryDelay: { dist: 'fixed', value: 600 }, dialSec: 30 } as const;

