/**
 * The simulator's first correctness test: with Poisson arrivals, exponential handle times
 * (and exponential patience), one FIFO queue, a long horizon and the warm-up dropped, the
 * simulated SL(20 s), ASA, abandon rate and occupancy must each contain the analytic value
 * (Erlang A; Erlang C without patience) inside the 95 % Student-t CI over 20 independent
 * replications.
 *
 * Eight parameter sets span 2 to 500 agents, loads 0.5 to 0.98 and patience from 30 s to
 * 20 min. Each replication starts empty, drops a warm-up and then sees at least 30,000
 * arrivals. Without patience, a heavily loaded queue forgets its empty start slowly: its
 * relaxation time is about 1 / (cμ(1 − √ρ)²) (the M/M/1 rate of the queue above c busy
 * agents), 5.4 hours at c = 100 and ρ = 0.98. So the warm-up is at least 5 relaxation
 * times and the measured part at least 20, which keeps start-up bias well inside the CI.
 * Seeds are fixed, so the test is deterministic; it is not tuned: the seed is the same for
 * every set (1).
 */
import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, isUnstable, type QueueKpis } from '../../src/analytic/index.js';
import type { Estimate } from '../../src/metrics/index.js';
import { runStudy } from '../../src/plan/study.js';
import { expo, scenario } from '../helpers/scenarios.js';

interface Case {
  agents: number;
  load: number; // offered load ÷ agents
  ahtSec: number;
  patienceSec: number;
}

const CASES: Case[] = [
  { agents: 2, load: 0.5, ahtSec: 300, patienceSec: 60 },
  { agents: 5, load: 0.8, ahtSec: 180, patienceSec: 600 },
  { agents: 10, load: 0.9, ahtSec: 240, patienceSec: 120 },
  { agents: 25, load: 0.96, ahtSec: 240, patienceSec: 180 },
  { agents: 50, load: 0.7, ahtSec: 300, patienceSec: 30 },
  { agents: 100, load: 0.98, ahtSec: 200, patienceSec: 300 },
  { agents: 250, load: 0.85, ahtSec: 400, patienceSec: 1200 },
  { agents: 500, load: 0.98, ahtSec: 288, patienceSec: 180 },
];

const REPLICATIONS = 20;
const ARRIVALS_PER_REP = 30_000;
const WITHIN_SEC = 20;

function simulateCase(c: Case, withPatience: boolean) {
  const arrivalsPerSec = (c.load * c.agents) / c.ahtSec;
  const relaxationSec = withPatience ? 0 : c.ahtSec / (c.agents * (1 - Math.sqrt(c.load)) ** 2);
  const warmupSec = Math.max(50 * c.ahtSec, 5 * relaxationSec);
  const horizonSec = warmupSec + Math.max(ARRIVALS_PER_REP / arrivalsPerSec, 20 * relaxationSec);
  const s = scenario(
    { voice: { perHour: arrivalsPerSec * 3600, handle: expo(c.ahtSec), patience: withPatience ? expo(c.patienceSec) : undefined, withinSec: WITHIN_SEC } },
    { team: { agents: c.agents, skills: ['voice'] } },
    { horizonSec, warmupSec, intervalSec: horizonSec },
  );
  const r = runStudy(s, { replications: REPLICATIONS, seed: 1 });
  return { arrivalsPerSec, sim: r.summary.channels.voice, occupancy: r.summary.groups.team.occupancy };
}

function expectWithin(name: string, e: Estimate, analytic: number) {
  const msg = `${name}: analytic ${analytic} outside CI [${e.lo}, ${e.hi}] (mean ${e.mean})`;
  expect(analytic, msg).toBeGreaterThanOrEqual(e.lo);
  expect(analytic, msg).toBeLessThanOrEqual(e.hi);
}

function check(label: string, sim: Record<string, Estimate>, occupancy: Estimate, a: QueueKpis, withPatience: boolean) {
  expectWithin(`${label} serviceLevel`, sim.serviceLevel, a.serviceLevel);
  expectWithin(`${label} asaSeconds`, sim.asaSeconds, a.asaSeconds);
  expectWithin(`${label} occupancy`, occupancy, a.occupancy);
  if (withPatience) expectWithin(`${label} abandonRate`, sim.abandonRate, a.abandonRate);
  else expect(sim.abandonRate.mean).toBe(0);
}

describe('simulation converges to Erlang A', () => {
  for (const c of CASES) {
    it(`c=${c.agents}, load ${c.load}, AHT ${c.ahtSec}s, patience ${c.patienceSec}s`, () => {
      const { arrivalsPerSec, sim, occupancy } = simulateCase(c, true);
      const a = erlangA({ arrivalsPerSec, ahtSec: c.ahtSec, agents: c.agents, withinSec: WITHIN_SEC, patienceSec: c.patienceSec });
      check(`A c=${c.agents}`, sim, occupancy, a, true);
    });
  }
});

describe('simulation without patience converges to Erlang C', () => {
  for (const c of CASES) {
    it(`c=${c.agents}, load ${c.load}, AHT ${c.ahtSec}s`, () => {
      const { arrivalsPerSec, sim, occupancy } = simulateCase(c, false);
      const r = erlangC({ arrivalsPerSec, ahtSec: c.ahtSec, agents: c.agents, withinSec: WITHIN_SEC });
      if (isUnstable(r)) throw new Error('unexpectedly unstable');
      check(`C c=${c.agents}`, sim, occupancy, r, false);
    });
  }
});
