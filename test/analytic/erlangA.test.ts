/**
 * Erlang A (M/M/c+M) against an independent numerical solution: the truncated birth–death
 * chain of the number in system, plus a tagged-customer analysis for the waits.
 */
import { describe, it, expect } from 'vitest';
import { erlangA, erlangC, type QueueKpis } from '../../src/analytic/index.js';

interface Case {
  agents: number;
  loadPerAgent: number; // a / c
  ahtSec: number;
  patienceSec: number;
  withinSec: number;
}

/** KPIs of M/M/c+M from the birth–death chain; waits from the tagged arrival's pure-death process. */
function chainKpis({ agents: c, loadPerAgent, ahtSec, patienceSec, withinSec }: Case) {
  const mu = 1 / ahtSec;
  const theta = 1 / patienceSec;
  const lambda = loadPerAgent * c * mu;
  const death = (n: number) => Math.min(n, c) * mu + Math.max(n - c, 0) * theta;
  // ln π_n up to where the chain is descending and 60 nats below its peak.
  const logPi = [0];
  let peak = 0;
  for (let n = 1; ; n++) {
    const l = logPi[n - 1] + Math.log(lambda) - Math.log(death(n));
    logPi.push(l);
    peak = Math.max(peak, l);
    if (n > c && death(n) > lambda && l < peak - 60) break;
  }
  const norm = peak + Math.log(logPi.reduce((s, l) => s + Math.exp(l - peak), 0));
  const pi = logPi.map((l) => Math.exp(l - norm));
  let pWait = 0;
  let meanQueue = 0;
  let meanBusy = 0;
  pi.forEach((p, n) => {
    if (n >= c) pWait += p;
    meanQueue += p * Math.max(n - c, 0);
    meanBusy += p * Math.min(n, c);
  });
  // An arrival finding j waiting is served iff each of the j + 1 phases (rates r_i = cμ + iθ)
  // ends before its own patience: P = Π r_i/(r_i + θ); E[V·1{served}] = P·Σ 1/(r_i + θ).
  let served = 1 - pWait;
  let servedWait = 0;
  let prod = 1;
  let sumInv = 0;
  for (let j = 0; c + j < pi.length; j++) {
    const r = c * mu + j * theta;
    prod *= r / (r + theta);
    sumInv += 1 / (r + theta);
    served += pi[c + j] * prod;
    servedWait += pi[c + j] * prod * sumInv;
  }
  return {
    pWait,
    abandonRate: (theta * meanQueue) / lambda,
    avgWaitSeconds: meanQueue / lambda,
    occupancy: meanBusy / c,
    answered: served,
    asaSeconds: servedWait / served,
    serviceLevel: 1 - pWait + servedLateAware(pi, c, mu, theta, withinSec),
  };
}

/**
 * P(wait, served by T) by uniformization of the tagged customer's process: i ahead goes to
 * i − 1 at rate cμ + iθ, to "abandoned" at rate θ; from 0 it goes to "served" at rate cμ.
 */
function servedLateAware(pi: number[], c: number, mu: number, theta: number, withinSec: number): number {
  const ahead = pi.slice(c);
  const top = ahead.length - 1;
  const rate = c * mu + top * theta + theta;
  let v = Float64Array.from(ahead);
  let servedMass = 0;
  let total = 0;
  const m = rate * withinSec;
  let logPoisson = -m;
  for (let step = 0; ; step++) {
    if (step > 0) logPoisson += Math.log(m) - Math.log(step);
    const w = Math.exp(logPoisson);
    total += w * servedMass;
    if (step > m && w < 1e-18) break; // the Poisson tail beyond here is below 1e-17
    const next = new Float64Array(v.length);
    for (let i = 0; i <= top; i++) {
      const down = c * mu + i * theta;
      next[i] += v[i] * (1 - (down + theta) / rate);
      if (i > 0) next[i - 1] += (v[i] * down) / rate;
    }
    servedMass += (v[0] * c * mu) / rate;
    v = next;
  }
  return total;
}

function input(k: Case) {
  return {
    arrivalsPerSec: (k.loadPerAgent * k.agents) / k.ahtSec,
    ahtSec: k.ahtSec,
    agents: k.agents,
    patienceSec: k.patienceSec,
    withinSec: k.withinSec,
  };
}

function expectClose(actual: number, expected: number, rel = 1e-9, abs = 1e-12) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(abs, rel * Math.abs(expected)));
}

const CASES: Case[] = [];
for (const agents of [2, 50, 500, 2000]) {
  for (const loadPerAgent of [0.5, 0.9, 1.0, 1.2]) {
    CASES.push({ agents, loadPerAgent, ahtSec: 300, patienceSec: 180, withinSec: 20 });
  }
}
CASES.push(
  { agents: 2000, loadPerAgent: 0.98, ahtSec: 240, patienceSec: 900, withinSec: 30 },
  { agents: 500, loadPerAgent: 1.1, ahtSec: 600, patienceSec: 30, withinSec: 10 },
  { agents: 7, loadPerAgent: 0.8, ahtSec: 120, patienceSec: 3600, withinSec: 60 },
  { agents: 1, loadPerAgent: 2.5, ahtSec: 200, patienceSec: 50, withinSec: 15 },
  { agents: 50, loadPerAgent: 1.0, ahtSec: 300, patienceSec: 300, withinSec: 0 },
);

describe('Erlang A matches the birth–death chain', () => {
  it.each(CASES)('c=$agents, a/c=$loadPerAgent, AHT $ahtSec s, patience $patienceSec s, T $withinSec s', (k) => {
    const got = erlangA(input(k));
    const want = chainKpis(k);
    expectClose(got.pWait, want.pWait);
    expectClose(got.abandonRate, want.abandonRate);
    expectClose(got.avgWaitSeconds, want.avgWaitSeconds);
    expectClose(got.occupancy, want.occupancy);
    expectClose(got.asaSeconds, want.asaSeconds);
    expectClose(got.serviceLevel, want.serviceLevel);
    expectClose(1 - got.abandonRate, want.answered);
  });
});

describe('Erlang A properties', () => {
  it('converges to Erlang C as patience grows', () => {
    const base = { arrivalsPerSec: 45 / 3600 * 20, ahtSec: 300, agents: 80, withinSec: 20 };
    const c = erlangC(base);
    if (!c.stable) throw new Error('expected a stable Erlang C');
    let previousGap = Infinity;
    for (const patienceSec of [1e4, 1e6, 1e8]) {
      const a = erlangA({ ...base, patienceSec });
      const gap = Math.abs(a.pWait - c.pWait);
      expect(gap).toBeLessThan(previousGap);
      previousGap = gap;
    }
    const a = erlangA({ ...base, patienceSec: 1e9 });
    for (const key of ['pWait', 'serviceLevel', 'asaSeconds', 'avgWaitSeconds', 'occupancy'] as const) {
      expectClose(a[key], c[key], 1e-5);
    }
    expect(a.abandonRate).toBeLessThan(1e-7);
  });

  it('stays finite and in range far beyond the agents (load 5× with 2,000 agents)', () => {
    const k: QueueKpis = erlangA({ arrivalsPerSec: (5 * 2000) / 300, ahtSec: 300, agents: 2000, patienceSec: 600, withinSec: 20 });
    for (const v of [k.pWait, k.serviceLevel, k.abandonRate, k.occupancy]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(k.pWait).toBeCloseTo(1, 12);
    // Nearly all agents busy, so 2,000/300 served per second out of 10,000/300 offered.
    expectClose(k.abandonRate, 0.8, 1e-3);
    expect(Number.isFinite(k.asaSeconds) && Number.isFinite(k.avgWaitSeconds)).toBe(true);
  });

  it('stays accurate and fast with absurdly long patience under overload (e^(10⁹)-sized terms)', () => {
    for (const patienceSec of [1e5, 1e8, 1e11]) {
      const started = Date.now();
      const k = erlangA({ arrivalsPerSec: (1.2 * 2000) / 300, ahtSec: 300, agents: 2000, patienceSec, withinSec: 20 });
      expect(Date.now() - started).toBeLessThan(2000);
      // Every agent is busy and the excess 0.2/1.2 of the load abandons; almost nobody is answered in 20 s.
      expect(k.pWait).toBeCloseTo(1, 12);
      expectClose(k.abandonRate, 0.2 / 1.2, 1e-9);
      expectClose(k.occupancy, 1, 1e-9);
      expect(k.serviceLevel).toBeLessThan(1e-9);
      expect(k.asaSeconds).toBeGreaterThan(0);
      expect(Number.isFinite(k.asaSeconds)).toBe(true);
    }
  });

  it('improves every KPI as agents are added', () => {
    let prev: QueueKpis | undefined;
    for (let agents = 1; agents <= 40; agents++) {
      const k = erlangA({ arrivalsPerSec: 0.1, ahtSec: 250, agents, patienceSec: 120, withinSec: 20 });
      if (prev) {
        expect(k.serviceLevel).toBeGreaterThanOrEqual(prev.serviceLevel);
        expect(k.abandonRate).toBeLessThanOrEqual(prev.abandonRate);
        expect(k.asaSeconds).toBeLessThanOrEqual(prev.asaSeconds);
        expect(k.pWait).toBeLessThanOrEqual(prev.pWait);
      }
      prev = k;
    }
  });

  it('answers zero load with an idle queue', () => {
    const k = erlangA({ arrivalsPerSec: 0, ahtSec: 300, agents: 3, patienceSec: 60, withinSec: 20 });
    expect(k).toMatchObject({ pWait: 0, serviceLevel: 1, abandonRate: 0, occupancy: 0 });
  });

  it('rejects a missing or non-positive patience', () => {
    expect(() => erlangA({ arrivalsPerSec: 1, ahtSec: 300, agents: 3, patienceSec: 0, withinSec: 20 })).toThrow(RangeError);
    expect(() => erlangA({ arrivalsPerSec: 1, ahtSec: 300, agents: 3, patienceSec: Number.NaN, withinSec: 20 })).toThrow(RangeError);
  });
});
