/**
 * Least-agents searches: the smallest c whose Erlang C or Erlang A KPIs meet every
 * target at once (service level within T, ASA, abandonment, probability of waiting).
 *
 *   square-root rule guess c₀ = ⌈a + β√a⌉ ─▶ double the step away from c₀ until the
 *   target flips ─▶ bisect ─▶ c meets the target and c − 1 does not
 *
 * The search relies on every KPI improving as agents are added (true of Erlang C and A);
 * it gives up at `maxAgents` instead of looping. Pure functions, no imports outside analytic/.
 */
import { erlangA, erlangC, type QueueInput, type QueueKpis } from './erlang.js';

/** What the staffing must achieve; every target given must hold. */
export interface StaffingTarget {
  /** Least share of offered contacts answered within `withinSec` of the input. */
  minServiceLevel?: number;
  /** Most mean wait of answered contacts. */
  maxAsaSec?: number;
  /** Most share of offered contacts abandoning (Erlang A). */
  maxAbandonRate?: number;
  /** Most share of contacts that wait at all. */
  maxPWait?: number;
}

/** One target, by name (the keys of StaffingTarget without their min/max prefix). */
export type TargetName = 'serviceLevel' | 'asa' | 'abandonRate' | 'pWait';

/** Why c − 1 agents are not enough: a target it misses, or Erlang C having no steady state. */
export type Bound = TargetName | 'stability';

/** Staffing answer: the least agents, their KPIs and what bound them; or that none up to the cap will do. */
export type StaffingResult =
  | { found: true; agents: number; kpis: QueueKpis; boundBy: Bound[]; firstGuess: number }
  | { found: false; maxAgents: number; offeredLoadErlangs: number };

/** Default cap on the search. */
export const MAX_AGENTS = 20_000;

/** Square-root safety rule: ⌈a + β·√a⌉ agents, at least 1 (β ≈ 1 is the usual QED-regime start). */
export function squareRootStaffing(loadErlangs: number, beta = 1): number {
  return Math.max(1, Math.ceil(loadErlangs + beta * Math.sqrt(loadErlangs)));
}

/** The targets these KPIs miss (empty when all are met). */
export function unmetTargets(kpis: QueueKpis, target: StaffingTarget): TargetName[] {
  const unmet: TargetName[] = [];
  if (target.minServiceLevel !== undefined && !(kpis.serviceLevel >= target.minServiceLevel)) unmet.push('serviceLevel');
  if (target.maxAsaSec !== undefined && !(kpis.asaSeconds <= target.maxAsaSec)) unmet.push('asa');
  if (target.maxAbandonRate !== undefined && !(kpis.abandonRate <= target.maxAbandonRate)) unmet.push('abandonRate');
  if (target.maxPWait !== undefined && !(kpis.pWait <= target.maxPWait)) unmet.push('pWait');
  return unmet;
}

/** Least agents meeting `target` under Erlang C ('c') or Erlang A ('a', needs patienceSec). */
export function leastAgents(
  model: 'c' | 'a',
  input: Omit<QueueInput, 'agents'>,
  target: StaffingTarget,
  options: { maxAgents?: number } = {},
): StaffingResult {
  checkTarget(target);
  const maxAgents = options.maxAgents ?? MAX_AGENTS;
  const load = input.arrivalsPerSec * input.ahtSec;
  // Erlang C needs c > a before it has KPIs at all.
  const minAgents = model === 'c' ? Math.floor(load) + 1 : 1;
  const cache = new Map<number, QueueKpis>();
  const kpisAt = (agents: number): QueueKpis => {
    let k = cache.get(agents);
    if (!k) {
      k = evaluate(model, { ...input, agents });
      cache.set(agents, k);
    }
    return k;
  };
  const meets = (agents: number) => unmetTargets(kpisAt(agents), target).length === 0;
  const firstGuess = Math.min(maxAgents, Math.max(minAgents, squareRootStaffing(load)));
  const agents = minAgents > maxAgents ? null : searchLeast(meets, minAgents, maxAgents, firstGuess);
  if (agents === null) return { found: false, maxAgents, offeredLoadErlangs: load };
  return { found: true, agents, kpis: kpisAt(agents), boundBy: boundBy(agents, minAgents, model, target, kpisAt), firstGuess };
}

/**
 * Least c in [lo, hi] with meets(c), given that meets is monotone; null when meets(hi) fails.
 * Exponential steps from the guess, then bisection on (fails, meets].
 */
function searchLeast(meets: (c: number) => boolean, lo: number, hi: number, guess: number): number | null {
  let fail: number; // below lo, or an agent count that misses the target
  let pass: number; // an agent count that meets it
  if (meets(guess)) {
    pass = guess;
    for (let step = 1; ; step *= 2) {
      fail = Math.max(lo - 1, pass - step);
      if (fail < lo || !meets(fail)) break;
      pass = fail;
    }
  } else {
    fail = guess;
    for (let step = 1; ; step *= 2) {
      pass = Math.min(hi, fail + step);
      if (meets(pass)) break;
      if (pass === hi) return null;
      fail = pass;
    }
  }
  while (pass - fail > 1) {
    const mid = Math.floor((pass + fail) / 2);
    if (meets(mid)) pass = mid;
    else fail = mid;
  }
  return pass;
}

/** What c − 1 agents miss; at one agent, every target (zero agents answer nobody). */
function boundBy(
  agents: number,
  minAgents: number,
  model: 'c' | 'a',
  target: StaffingTarget,
  kpisAt: (c: number) => QueueKpis,
): Bound[] {
  if (agents - 1 >= minAgents) return unmetTargets(kpisAt(agents - 1), target);
  if (model === 'c' && agents > 1) return ['stability'];
  return (Object.keys(TARGET_KEYS) as TargetName[]).filter((name) => target[TARGET_KEYS[name]] !== undefined);
}

const TARGET_KEYS: Record<TargetName, keyof StaffingTarget> = {
  serviceLevel: 'minServiceLevel',
  asa: 'maxAsaSec',
  abandonRate: 'maxAbandonRate',
  pWait: 'maxPWait',
};

function evaluate(model: 'c' | 'a', input: QueueInput): QueueKpis {
  if (model === 'a') return erlangA({ ...input, patienceSec: input.patienceSec ?? Number.NaN });
  const r = erlangC(input);
  if (!r.stable) throw new Error(`internal: Erlang C evaluated below its stability bound (${input.agents} agents)`);
  const { stable: _stable, ...kpis } = r;
  return kpis;
}

function checkTarget(target: StaffingTarget): void {
  const { minServiceLevel: sl, maxAsaSec: asa, maxAbandonRate: ab, maxPWait: pw } = target;
  if (sl === undefined && asa === undefined && ab === undefined && pw === undefined) {
    throw new RangeError('a staffing target needs at least one of minServiceLevel, maxAsaSec, maxAbandonRate, maxPWait');
  }
  for (const [name, p] of [['minServiceLevel', sl], ['maxAbandonRate', ab], ['maxPWait', pw]] as const) {
    if (p !== undefined && !(p > 0 && p < 1)) throw new RangeError(`${name} must be strictly between 0 and 1, got ${p}`);
  }
  if (asa !== undefined && !(asa > 0)) throw new RangeError(`maxAsaSec must be > 0, got ${asa}`);
}
