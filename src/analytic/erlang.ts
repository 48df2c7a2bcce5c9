/**
 * Steady-state queue formulas: Erlang B (M/M/c/c), Erlang C (M/M/c), Erlang A (M/M/c+M)
 * and M/M/c/K, all returning the same KPI record.
 *
 * Definitions (domain.md §2, contracts.md `erlang --json`, pinned by reference-cases.json):
 *   serviceLevel   = answered within T / offered
 *   asaSeconds     = mean wait of answered contacts
 *   avgWaitSeconds = mean wait of all offered contacts (answered or abandoned)
 *   abandonRate    = abandoned / offered
 *   pWait          = share of offered contacts that find every agent busy
 *   occupancy      = carried load / agents
 * For the loss models (B, K) a blocked contact is counted apart, as in the contact log:
 * "offered" is the admitted contacts, `blocking` is the share of all arrivals turned away,
 * and offeredLoadErlangs is the Erlang convention λ·AHT over all arrivals.
 *
 * Units: seconds and rates per second; pure functions, no imports.
 */
import { digammaGap, gammaSeriesSums, logAddExp } from './special.js';

/** Which model produced a KPI record: B, C, A or M/M/c/K. */
export type QueueModel = 'b' | 'c' | 'a' | 'k';

/** The KPIs every model reports; the keys are those of `ccsim erlang --json`. */
export interface QueueKpis {
  model: QueueModel;
  agents: number;
  offeredLoadErlangs: number;
  pWait: number;
  serviceLevel: number;
  asaSeconds: number;
  avgWaitSeconds: number;
  abandonRate: number;
  occupancy: number;
  /** Share of arrivals turned away (B and K only). */
  blocking?: number;
}

/** One queue served by identical agents; exponential handle (and patience) times. */
export interface QueueInput {
  arrivalsPerSec: number;
  ahtSec: number;
  agents: number;
  /** Service-level threshold T. */
  withinSec: number;
  /** Mean of the exponential patience (Erlang A only). */
  patienceSec?: number;
  /** M/M/c/K: K = most contacts in the system, in service plus waiting (K ≥ agents). */
  capacity?: number;
}

/** Erlang C when the load is at or above the agents: no steady state, so no KPIs. */
export interface UnstableQueue {
  stable: false;
  model: 'c';
  agents: number;
  offeredLoadErlangs: number;
}

/** Erlang C answer: KPIs, or the statement that the queue is unstable. */
export type ErlangCResult = (QueueKpis & { stable: true }) | UnstableQueue;

/** Erlang B blocking for c agents and load a, by B(k) = a·B(k−1)/(k + a·B(k−1)). */
export function erlangB(agents: number, loadErlangs: number): number {
  checkAgents(agents);
  checkNonNegative('loadErlangs', loadErlangs);
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (loadErlangs * b) / (k + loadErlangs * b);
  return b;
}

/** ln of Erlang B, by the same recursion in logs, so that 1e-400 stays representable. */
export function logErlangB(agents: number, loadErlangs: number): number {
  checkAgents(agents);
  checkNonNegative('loadErlangs', loadErlangs);
  if (loadErlangs === 0) return agents === 0 ? 0 : -Infinity;
  const logLoad = Math.log(loadErlangs);
  let logB = 0;
  for (let k = 1; k <= agents; k++) logB = logLoad + logB - Math.log(k + loadErlangs * Math.exp(logB));
  return logB;
}

/** Erlang C probability of waiting, c·B/(c − a·(1 − B)); undefined (NaN) at a ≥ c. */
export function erlangCProbWait(agents: number, loadErlangs: number): number {
  if (loadErlangs >= agents) return Number.NaN;
  const b = erlangB(agents, loadErlangs);
  return (agents * b) / (agents - loadErlangs * (1 - b));
}

/** Erlang B KPIs (M/M/c/c): nobody waits; `blocking` is the share of arrivals lost. */
export function erlangBKpis(input: QueueInput): QueueKpis {
  checkInput(input);
  const load = input.arrivalsPerSec * input.ahtSec;
  const blocking = erlangB(input.agents, load);
  return {
    ...noWait('b', input.agents, load, (load * (1 - blocking)) / input.agents),
    blocking,
  };
}

/** Erlang C KPIs (M/M/c, no abandonment), or `{stable: false}` when load ≥ agents. */
export function erlangC(input: QueueInput): ErlangCResult {
  checkInput(input);
  const { agents, ahtSec, withinSec } = input;
  const load = input.arrivalsPerSec * ahtSec;
  if (load >= agents) return { stable: false, model: 'c', agents, offeredLoadErlangs: load };
  const pWait = erlangCProbWait(agents, load);
  // Given a wait, it is exponential with rate (c − a)/AHT.
  const meanWaitSec = (pWait * ahtSec) / (agents - load);
  return {
    stable: true,
    model: 'c',
    agents,
    offeredLoadErlangs: load,
    pWait,
    serviceLevel: 1 - pWait * Math.exp((-(agents - load) * withinSec) / ahtSec),
    asaSeconds: meanWaitSec,
    avgWaitSeconds: meanWaitSec,
    abandonRate: 0,
    occupancy: load / agents,
  };
}

/**
 * Erlang A KPIs (M/M/c+M: exponential patience), exact for every load.
 *
 * Notation of Mandelbaum & Zeltyn, "The Palm/Erlang-A queue, with applications to call
 * centers": x = c·μ/θ, y = λ/θ, A(x, y) = x·e^y·y^(−x)·γ(x, y), B = Erlang B(c, a).
 *   P(wait)        = A·B / (1 + (A − 1)·B)
 *   P(ab | wait)   = E[queue | wait]/y            (= 1/(ρA) + 1 − 1/ρ, computed without cancellation)
 *   E[W]           = P(ab)/θ                      (Little on the queue: θ·E[Q] = λ·P(ab))
 *   answered late  = P(wait)·(x/y)·P(x+1, y·e^(−θT)) / P(x, y),  P the regularized lower gamma
 * The last line comes from e^(−θV) ~ Beta(x, j+1) for the offered wait V of an arrival that
 * finds j waiting; mixed over j, the density of Z = e^(−θV) is ∝ z^(x−1)·e^(−yz) on (0, 1),
 * and "served after T" is E[Z; Z < e^(−θT)], an incomplete gamma integral. Written as a ratio
 * of regularized gammas, the e^y and Γ(x+1) scales (e^(10⁵) at 2,000 agents) cancel exactly.
 */
export function erlangA(input: QueueInput & { patienceSec: number }): QueueKpis {
  checkInput(input);
  const { arrivalsPerSec, ahtSec, agents, patienceSec, withinSec } = input;
  if (!(patienceSec > 0) || !Number.isFinite(patienceSec)) {
    throw new RangeError(`patienceSec must be a finite number > 0, got ${patienceSec}`);
  }
  const load = arrivalsPerSec * ahtSec;
  if (load === 0) return noWait('a', agents, 0, 0);
  const x = (agents * patienceSec) / ahtSec;
  const y = arrivalsPerSec * patienceSec;
  const logB = logErlangB(agents, load);
  const { logSum: logA, logP, meanIndex } = gammaSeriesSums(x, y);
  const pWait = 1 / (1 + Math.exp(Math.log1p(-Math.exp(logB)) - logA - logB));
  const abandonRate = (pWait * meanIndex) / y;
  const answered = 1 - abandonRate;
  const logPLate = gammaSeriesSums(x + 1, y * Math.exp(-withinSec / patienceSec)).logP;
  const answeredLate = pWait * (x / y) * Math.exp(logPLate - logP);
  return {
    model: 'a',
    agents,
    offeredLoadErlangs: load,
    pWait,
    serviceLevel: Math.max(0, answered - answeredLate),
    asaSeconds: (pWait * servedWaitPerWaiter(x, y) * patienceSec) / answered,
    avgWaitSeconds: abandonRate * patienceSec,
    abandonRate,
    occupancy: (load * answered) / agents,
  };
}

/**
 * E[V·1{served} | wait]·θ for Erlang A: an arrival that finds j waiting has
 * E[V·e^(−θV)] = (1/θ)·x/(x+j+1)·H_j with H_j = Σ_{i=1..j+1} 1/(x+i); this averages that
 * over j with weights t_j = y^j/((x+1)…(x+j)). No closed form, so the series is summed
 * outwards from its peak at j = ⌊y − x⌋, with weights relative to the peak term: nothing
 * overflows, and the cost is the width of the peak (≈ √y terms), not its distance from 0.
 */
function servedWaitPerWaiter(x: number, y: number): number {
  const peak = Math.max(0, Math.floor(y - x));
  const harmonicAtPeak = harmonicGap(x, peak);
  let total = 0;
  let weighted = 0;
  let weight = 1;
  let harmonic = harmonicAtPeak;
  for (let j = peak; ; j++) {
    total += weight;
    weighted += (weight * x * harmonic) / (x + j + 1);
    weight *= y / (x + j + 1);
    harmonic += 1 / (x + j + 2);
    if (weight <= 1e-17 * total) break;
  }
  weight = 1;
  harmonic = harmonicAtPeak;
  for (let j = peak - 1; j >= 0 && weight > 1e-17 * total; j--) {
    weight *= (x + j + 1) / y;
    harmonic -= 1 / (x + j + 2);
    total += weight;
    weighted += (weight * x * harmonic) / (x + j + 1);
  }
  return weighted / total;
}

/** H_j = Σ_{i=1..j+1} 1/(x+i) = ψ(x+j+2) − ψ(x+1): summed when short, else by digammaGap. */
function harmonicGap(x: number, j: number): number {
  if (j > 100_000) return digammaGap(x + 1, x + j + 2);
  let h = 0;
  for (let i = j + 1; i >= 1; i--) h += 1 / (x + i);
  return h;
}

/**
 * M/M/c/K KPIs, K = most contacts in the system (in service plus waiting), K ≥ c.
 * An arrival that finds K present is blocked; one that finds n ≥ c waits for n − c + 1
 * completions at rate c/AHT, so its wait is Erlang(n − c + 1, c/AHT).
 */
export function mmck(input: QueueInput & { capacity: number }): QueueKpis {
  checkInput(input);
  const { agents, ahtSec, withinSec, capacity } = input;
  if (!Number.isInteger(capacity) || capacity < agents) {
    throw new RangeError(`capacity must be an integer ≥ agents (${agents}), got ${capacity}`);
  }
  const load = input.arrivalsPerSec * ahtSec;
  if (load === 0) return { ...noWait('k', agents, 0, 0), blocking: 0 };
  const places = capacity - agents;
  // Relative to Σ_{n≤c} π_n = 1: π_c = B and π_{c+k} = B·ρ^k.
  const logB = logErlangB(agents, load);
  const logRho = Math.log(load / agents);
  let logTotal = 0;
  for (let k = 1; k <= places; k++) logTotal = logAddExp(logTotal, logB + k * logRho);
  const logBlocked = logB + places * logRho - logTotal;
  const admitted = -Math.expm1(logBlocked);
  const waits = admittedWaits(logB - logTotal, logRho, places, (agents * withinSec) / ahtSec);
  return {
    model: 'k',
    agents,
    offeredLoadErlangs: load,
    pWait: waits.pWait / admitted,
    serviceLevel: 1 - waits.pLate / admitted,
    asaSeconds: (waits.meanPhases * ahtSec) / agents / admitted,
    avgWaitSeconds: (waits.meanPhases * ahtSec) / agents / admitted,
    abandonRate: 0,
    occupancy: (load * admitted) / agents,
    blocking: Math.exp(logBlocked),
  };
}

/**
 * Σ over the admitting waiting states n = c + k (k < places) of π_n, π_n·(k + 1) and
 * π_n·P(Erlang(k + 1) > T), where the Erlang tail is a Poisson(rT) CDF, rT = c·T/AHT.
 */
function admittedWaits(logPiC: number, logRho: number, places: number, rT: number) {
  let pWait = 0;
  let meanPhases = 0;
  let pLate = 0;
  let logPoissonTerm = -rT; // ln P(N = k) for N ~ Poisson(rT)
  let logPoissonCdf = -rT; // ln P(N ≤ k) = ln P(Erlang(k + 1) > T)
  for (let k = 0; k < places; k++) {
    if (k > 0) {
      logPoissonTerm += Math.log(rT) - Math.log(k);
      logPoissonCdf = logAddExp(logPoissonCdf, logPoissonTerm);
    }
    const pi = Math.exp(logPiC + k * logRho);
    pWait += pi;
    meanPhases += pi * (k + 1);
    pLate += Math.exp(logPiC + k * logRho + logPoissonCdf);
  }
  return { pWait, meanPhases, pLate };
}

/** KPIs for `model`, or the unstable marker (Erlang C at load ≥ agents). */
export function queueKpis(model: QueueModel, input: QueueInput): QueueKpis | UnstableQueue {
  switch (model) {
    case 'b':
      return erlangBKpis(input);
    case 'c': {
      const r = erlangC(input);
      if (!r.stable) return r;
      const { stable: _stable, ...kpis } = r;
      return kpis;
    }
    case 'a':
      return erlangA({ ...input, patienceSec: input.patienceSec ?? Number.NaN });
    case 'k':
      return mmck({ ...input, capacity: input.capacity ?? Number.NaN });
  }
}

/** True when `r` is the unstable marker rather than KPIs. */
export function isUnstable(r: QueueKpis | UnstableQueue): r is UnstableQueue {
  return 'stable' in r && r.stable === false;
}

/** KPIs of a queue where nobody waits (no load, or a loss system). */
function noWait(model: QueueModel, agents: number, load: number, occupancy: number): QueueKpis {
  return {
    model,
    agents,
    offeredLoadErlangs: load,
    pWait: 0,
    serviceLevel: 1,
    asaSeconds: 0,
    avgWaitSeconds: 0,
    abandonRate: 0,
    occupancy,
  };
}

function checkAgents(agents: number): void {
  if (!Number.isInteger(agents) || agents < 0) throw new RangeError(`agents must be an integer ≥ 0, got ${agents}`);
}

function checkNonNegative(name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
}

function checkInput(input: QueueInput): void {
  if (!Number.isInteger(input.agents) || input.agents < 1) {
    throw new RangeError(`agents must be an integer ≥ 1, got ${input.agents}`);
  }
  checkNonNegative('arrivalsPerSec', input.arrivalsPerSec);
  checkNonNegative('withinSec', input.withinSec);
  if (!(input.ahtSec > 0) || !Number.isFinite(input.ahtSec)) {
    throw new RangeError(`ahtSec must be a finite number > 0, got ${input.ahtSec}`);
  }
}
