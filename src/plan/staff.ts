/**
 * `ccsim staff`: the least whole agents per group and staffing interval that meet every
 * target in every interval, at the requested confidence.
 *
 *   per interval and channel: Erlang A (C without patience) least agents for its load
 *        ─▶ split over the groups serving the channel ─▶ ÷ (1 − shrinkage) ─▶ first guess
 *        ─▶ simulate (same seed each time: common random numbers, so a change in staffing,
 *           not luck, moves the KPIs) ─▶ per interval: which targets miss?
 *        ─▶ missed: add agents (to the groups just reduced there, else the busiest serving group)
 *           met:    remove an agent from every group there whose count below is not known to miss
 *        ─▶ repeat until nothing moves, or the iteration cap
 *
 * Each (group, interval) keeps the largest count seen to miss and the smallest seen to
 * meet, and bisects between them, so the search does not walk one agent at a time once
 * both are known. Intervals interact (a queue carries over into the next interval), which
 * is why the whole day is simulated at every step. The answer is the staffing with the
 * fewest agent-hours among the iterations that met every target.
 *
 * An interval meets `KPI>=x` when the one-sided lower confidence bound of its mean over
 * the replications is ≥ x (upper bound for `<=`); an interval with no value for the KPI
 * (nobody offered) has nothing to meet.
 */
import { leastAgents, squareRootStaffing, type StaffingTarget } from '../analytic/index.js';
import { distMean } from '../engine/distributions.js';
import { MSG, inputError } from '../messages.js';
import { clockLabel, estimate, type ReplicationKpis } from '../metrics/index.js';
import { intervalCount } from '../scenario/index.js';
import type { ArrivalRates, Channel, Group, Scenario } from '../scenario/types.js';
import { measureOptionsOf, runStudyWith, summarizeStudy, type ReplicationRunner, type StudyResult } from './study.js';
import { compares, type Target, type Where } from './targets.js';

/** KPIs that more agents raise (a target on them is `>=`) and lower (`<=`). */
const RAISED = new Set(['serviceLevel', 'answerRate']);
const LOWERED = new Set(['asaSeconds', 'avgWaitSeconds', 'p90WaitSeconds', 'abandonRate', 'firstResponseSeconds', 'p90FirstResponseSeconds', 'avgQueueLength']);

export interface StaffOptions {
  replications: number;
  seed: number;
  /** One-sided confidence that an interval's mean meets a target, in [0.5, 1). */
  confidence: number;
  maxIterations: number;
  /** Called after each simulation of the search. */
  onIteration?: (it: StaffIteration) => void;
}

export interface StaffIteration {
  iteration: number;
  agentHours: number;
  /** (interval, target) pairs missed. */
  unmet: number;
}

/** One interval of the answer. */
export interface StaffInterval {
  startSec: number;
  clock: string;
  /** Whether the interval is measured (not inside the warm-up). */
  measured: boolean;
  groups: Record<string, { agents: number; erlang: number }>;
  /** By target: mean over replications, the confidence bound compared with the target, and whether it is met. */
  targets: Record<string, { mean: number; bound: number; met: boolean } | null>;
}

export interface StaffResult {
  scenario: string;
  seed: number;
  replications: number;
  confidence: number;
  targets: string[];
  intervalSec: number;
  iterations: number;
  /** The search stopped because nothing more could move (false: it hit the cap). */
  converged: boolean;
  /** Every interval meets every target. */
  met: boolean;
  /** Most agents the search tries per group and interval (ten times the largest first guess, plus 50). */
  maxAgents: number;
  intervals: StaffInterval[];
  agentHours: { simulation: Hours; erlang: Hours };
  /** Targets missed by the answer (when `met` is false). */
  unmet: { clock: string; target: string; mean: number; bound: number }[];
  history: StaffIteration[];
}

export interface Hours {
  total: number;
  groups: Record<string, number>;
}

/** Staff targets for every channel: the ones given, plus each other channel's own service-level target. */
export function staffTargets(given: readonly Target[], s: Scenario, where: Where): Target[] {
  for (const t of given) {
    if (t.path.scope !== 'channels') throw inputError(MSG.targetNotStaffable(t.text, 'staff meets targets channel by channel, interval by interval; name a channel'), where);
    const up = RAISED.has(t.path.key);
    if (!up && !LOWERED.has(t.path.key)) throw inputError(MSG.targetNotStaffable(t.text, `agents do not steer ${t.path.key}`), where);
    if (up !== (t.op === '>=' || t.op === '>')) {
      throw inputError(MSG.targetNotStaffable(t.text, `more agents ${up ? 'raise' : 'lower'} ${t.path.key}, so write ${t.path.text}${up ? '>=' : '<='}${t.value}`), where);
    }
  }
  const out = [...given];
  for (const c of Object.values(s.channels)) {
    if (given.some((t) => t.path.id === c.id)) continue;
    if (!c.target) throw inputError(MSG.noTargetForChannel(c.id), where);
    const text = `${c.id}.serviceLevel>=${c.target.serviceLevel}`;
    out.push({ text, path: { text: `${c.id}.serviceLevel`, scope: 'channels', id: c.id, key: 'serviceLevel', unit: 'rate' }, op: '>=', value: c.target.serviceLevel });
  }
  return out;
}

/** Search the staffing; see the module comment. */
export async function staffScenario(runner: ReplicationRunner, s: Scenario, targets: readonly Target[], o: StaffOptions): Promise<{ result: StaffResult; study: StudyResult; counts: Record<string, number[]> }> {
  const I = s.metrics.intervalSec;
  const n = intervalCount(s.horizonSec, I);
  const groups = Object.values(s.groups);
  const G = groups.length;
  const serving = new Map(Object.values(s.channels).map((c) => [c.id, groups.flatMap((g, gi) => (g.skills.includes(c.id) ? [gi] : []))]));
  const measured = Array.from({ length: n }, (_, i) => (i + 1) * I > s.metrics.warmupSec);
  const hoursOf = (i: number) => (Math.min((i + 1) * I, s.horizonSec) - i * I) / 3600;

  const erlang = firstGuess(s, targets, I, n);
  // A target no staffing meets (abandonment ≤ 0 with impatient callers) must not grow the day without bound.
  const maxAgents = 10 * Math.max(0, ...erlang.flat()) + 50;
  const counts = erlang.map((row) => [...row]);
  const failFloor = counts.map((row) => row.map(() => -1));
  const passCeil: (number | undefined)[][] = counts.map((row) => row.map(() => undefined));
  const step = counts.map((row) => row.map(() => 1));
  const reduced = counts.map((row) => row.map(() => false));
  const history: StaffIteration[] = [];
  let best: { counts: number[][]; hours: number; reps: ReplicationKpis[] } | undefined;
  let last: { reps: ReplicationKpis[] } | undefined;
  let converged = false;

  for (let it = 1; it <= o.maxIterations; it++) {
    const study = await runStudyWith(runner, withStaffing(s, counts, I), { replications: o.replications, seed: o.seed });
    const reps = study.perReplication;
    last = { reps };
    const judged = judge(reps, targets, measured, o.confidence);
    const unmet = judged.reduce((k, row) => k + row.filter((t) => t && !t.met).length, 0);
    const hours = agentHours(counts, hoursOf);
    const record: StaffIteration = { iteration: it, agentHours: hours, unmet };
    history.push(record);
    o.onIteration?.(record);
    if (unmet === 0 && (!best || hours < best.hours)) best = { counts: counts.map((r) => [...r]), hours, reps };

    let changed = false;
    for (let i = 0; i < n; i++) {
      if (!measured[i]) continue;
      const failing = new Set(targets.flatMap((t, k) => (judged[i][k] && !judged[i][k]!.met ? [t.path.id] : [])));
      if (failing.size > 0) {
        const blamed = new Set<number>();
        for (const c of failing) {
          const gs = serving.get(c)!;
          const cut = gs.filter((g) => reduced[g][i]);
          if (cut.length) cut.forEach((g) => blamed.add(g));
          else blamed.add(busiest(gs, reps, i, groups));
        }
        for (const g of blamed) {
          if (counts[g][i] >= maxAgents) continue;
          failFloor[g][i] = Math.max(failFloor[g][i], counts[g][i]);
          const hi = passCeil[g][i];
          if (hi !== undefined && hi > failFloor[g][i]) {
            counts[g][i] = hi - failFloor[g][i] > 1 ? Math.floor((failFloor[g][i] + hi + 1) / 2) : hi;
          } else {
            passCeil[g][i] = undefined; // it met there before, with other neighbours; not any more
            counts[g][i] = Math.min(maxAgents, counts[g][i] + step[g][i]);
            step[g][i] *= 2;
          }
          changed = true;
        }
        for (let g = 0; g < G; g++) reduced[g][i] = false;
      } else {
        for (let g = 0; g < G; g++) {
          reduced[g][i] = false;
          step[g][i] = 1;
          if (counts[g][i] === 0) continue;
          passCeil[g][i] = counts[g][i];
          const lo = failFloor[g][i];
          const next = lo < 0 ? counts[g][i] - 1 : counts[g][i] - lo > 1 ? Math.floor((lo + counts[g][i]) / 2) : counts[g][i];
          if (next < counts[g][i]) {
            counts[g][i] = next;
            reduced[g][i] = true;
            changed = true;
          }
        }
      }
    }
    if (!changed) {
      converged = true;
      break;
    }
  }

  const answer = best ?? { counts, hours: agentHours(counts, hoursOf), reps: last!.reps };
  const judged = judge(answer.reps, targets, measured, o.confidence);
  const ids = groups.map((g) => g.id);
  const intervals: StaffInterval[] = Array.from({ length: n }, (_, i) => ({
    startSec: i * I,
    clock: clockLabel(s.startClockSec + i * I),
    measured: measured[i],
    groups: Object.fromEntries(ids.map((id, g) => [id, { agents: answer.counts[g][i], erlang: erlang[g][i] }])),
    targets: Object.fromEntries(targets.map((t, k) => [t.text, judged[i][k]])),
  }));
  const unmet = intervals.flatMap((iv) =>
    Object.entries(iv.targets).flatMap(([target, v]) => (v && !v.met ? [{ clock: iv.clock, target, mean: v.mean, bound: v.bound }] : [])),
  );
  const result: StaffResult = {
    scenario: s.name,
    seed: o.seed,
    replications: o.replications,
    confidence: o.confidence,
    targets: targets.map((t) => t.text),
    intervalSec: I,
    iterations: history.length,
    converged,
    met: unmet.length === 0,
    maxAgents,
    intervals,
    agentHours: { simulation: hoursByGroup(answer.counts, ids, hoursOf), erlang: hoursByGroup(erlang, ids, hoursOf) },
    unmet,
    history,
  };
  const study = summarizeStudy(s.name, o.seed, answer.reps, measureOptionsOf(withStaffing(s, answer.counts, I)));
  return { result, study, counts: Object.fromEntries(ids.map((id, g) => [id, [...answer.counts[g]]])) };
}

/** How many (interval, target) pairs the scenario's own staffing misses, judged as the search judges. */
export async function missedTargets(runner: ReplicationRunner, s: Scenario, targets: readonly Target[], o: Pick<StaffOptions, 'replications' | 'seed' | 'confidence'>): Promise<number> {
  const n = intervalCount(s.horizonSec, s.metrics.intervalSec);
  const measured = Array.from({ length: n }, (_, i) => (i + 1) * s.metrics.intervalSec > s.metrics.warmupSec);
  const study = await runStudyWith(runner, s, { replications: o.replications, seed: o.seed });
  return judge(study.perReplication, targets, measured, o.confidence).reduce((k, row) => k + row.filter((t) => t && !t.met).length, 0);
}

/**
 * The analytic first guess, per group and interval: for each channel the least agents
 * Erlang A (C without patience) gives for the interval's mean load, split over the groups
 * serving the channel in proportion to their scenario headcount there, divided by
 * (1 − shrinkage) and rounded up. Chats divide by the agents' concurrency; emails are
 * work to get through (load rounded up), not a queue Erlang describes.
 */
function firstGuess(s: Scenario, targets: readonly Target[], I: number, n: number): number[][] {
  const groups = Object.values(s.groups);
  const need = groups.map(() => new Array<number>(n).fill(0));
  for (const c of Object.values(s.channels)) {
    const gs = groups.flatMap((g, gi) => (g.skills.includes(c.id) ? [gi] : []));
    const mine = targets.filter((t) => t.path.id === c.id);
    for (let i = 0; i < n; i++) {
      const rate = meanRate(c.arrivals, i * I, Math.min((i + 1) * I, s.horizonSec));
      const servers = channelNeed(c, rate, mine, s.metrics.defaultWithinSec);
      const weights = gs.map((g) => scheduledAt(groups[g], (i + 0.5) * I));
      const sum = weights.reduce((a, b) => a + b, 0);
      gs.forEach((g, k) => {
        const share = sum > 0 ? weights[k] / sum : 1 / gs.length;
        const concurrency = c.kind === 'chat' ? Math.max(1, groups[g].chatConcurrency) : 1;
        need[g][i] += (servers * share) / concurrency;
      });
    }
  }
  return need.map((row, g) => row.map((x) => Math.ceil(x / (1 - (groups[g].shrinkage?.share ?? 0)) - 1e-9)));
}

/** Least servers for one channel's load in one interval. */
function channelNeed(c: Channel, ratePerSec: number, targets: readonly Target[], defaultWithinSec: number): number {
  if (!(ratePerSec > 0)) return 0;
  const ahtSec = distMean(c.handle) + (c.wrapup ? distMean(c.wrapup) : 0);
  const load = ratePerSec * ahtSec;
  if (c.kind === 'email') return Math.ceil(load);
  const st: StaffingTarget = {};
  for (const t of targets) {
    const v = t.value;
    if (t.path.key === 'serviceLevel' && v > 0 && v < 1) st.minServiceLevel = Math.max(st.minServiceLevel ?? 0, v);
    if (t.path.key === 'answerRate' && v > 0 && v < 1 && c.patience) st.maxAbandonRate = Math.min(st.maxAbandonRate ?? 1, 1 - v);
    if (t.path.key === 'abandonRate' && v > 0 && v < 1 && c.patience) st.maxAbandonRate = Math.min(st.maxAbandonRate ?? 1, v);
    if ((t.path.key === 'asaSeconds' || t.path.key === 'firstResponseSeconds') && v > 0) st.maxAsaSec = Math.min(st.maxAsaSec ?? Infinity, v);
  }
  if (Object.keys(st).length === 0) return squareRootStaffing(load);
  const within = c.target?.withinSec ?? defaultWithinSec;
  const r = leastAgents(c.patience ? 'a' : 'c', { arrivalsPerSec: ratePerSec, ahtSec, withinSec: within, ...(c.patience ? { patienceSec: distMean(c.patience) } : {}) }, st);
  return r.found ? r.agents : squareRootStaffing(load);
}

/** Mean arrival rate over [fromSec, toSec). */
function meanRate(a: ArrivalRates, fromSec: number, toSec: number): number {
  if (!(toSec > fromSec)) return 0;
  let sum = 0;
  for (let k = Math.floor(fromSec / a.intervalSec); k * a.intervalSec < toSec && k < a.ratesPerSec.length; k++) {
    const lo = Math.max(fromSec, k * a.intervalSec);
    const hi = Math.min(toSec, (k + 1) * a.intervalSec);
    if (hi > lo) sum += a.ratesPerSec[k] * (hi - lo);
  }
  return sum / (toSec - fromSec);
}

/** Agents the scenario schedules in a group at time t (its own staffing, for splitting a channel's need). */
function scheduledAt(g: Group, t: number): number {
  const st = g.staffing;
  if (st.kind === 'constant') return st.agents;
  if (st.kind === 'table') return st.agents[Math.min(st.agents.length - 1, Math.floor(t / st.intervalSec))] ?? 0;
  return st.shifts.filter((w) => w.startSec <= t && t < w.endSec).length;
}

/** The scenario with every group staffed by the given table. */
function withStaffing(s: Scenario, counts: readonly number[][], I: number): Scenario {
  const groups: Record<string, Group> = {};
  Object.values(s.groups).forEach((g, gi) => (groups[g.id] = { ...g, staffing: { kind: 'table', intervalSec: I, agents: [...counts[gi]] } }));
  return { ...s, groups };
}

/** Per interval and target: mean, confidence bound, met (null where the KPI has no value). */
function judge(reps: readonly ReplicationKpis[], targets: readonly Target[], measured: readonly boolean[], confidence: number) {
  return measured.map((m, i) =>
    targets.map((t) => {
      if (!m) return null;
      const values = reps.map((r) => r.intervals[i]?.channels[t.path.id]?.[t.path.key]).filter((v): v is number => v !== undefined && Number.isFinite(v));
      // A two-sided interval at 2c − 1 has the one-sided bound at c at each end.
      const e = estimate(values, 2 * confidence - 1);
      if (!e) return null;
      const up = t.op === '>=' || t.op === '>';
      const bound = values.length > 1 ? (up ? e.lo : e.hi) : e.mean;
      return { mean: e.mean, bound, met: compares(bound, t.op, t.value) };
    }),
  );
}

/** The serving group with the highest occupancy in interval i (first listed on ties). */
function busiest(gs: readonly number[], reps: readonly ReplicationKpis[], i: number, groups: readonly Group[]): number {
  let best = gs[0];
  let bestOcc = -1;
  for (const g of gs) {
    const occ = reps.reduce((sum, r) => sum + (r.intervals[i]?.groups[groups[g].id]?.occupancy || 0), 0) / reps.length;
    if (occ > bestOcc) [best, bestOcc] = [g, occ];
  }
  return best;
}

function agentHours(counts: readonly number[][], hoursOf: (i: number) => number): number {
  return counts.reduce((sum, row) => sum + row.reduce((s2, c, i) => s2 + c * hoursOf(i), 0), 0);
}

function hoursByGroup(counts: readonly number[][], ids: readonly string[], hoursOf: (i: number) => number): Hours {
  const groups = Object.fromEntries(ids.map((id, g) => [id, agentHours([counts[g]], hoursOf)]));
  return { total: Object.values(groups).reduce((a, b) => a + b, 0), groups };
}
