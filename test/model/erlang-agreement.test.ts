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
 *
 * Why no set has a service level near 1: there, waits come in rare bursts, the
 * per-replication SL is so skewed that a t-interval over 20 replications is not valid (at
 * c = 250, load 0.85 the simulated mean sat below the exact 1 − SL at most seeds, as the
 * mean of a skewed sample does). Load 0.93 keeps every set's SL within the t-interval's reach.
 *
 * False alarms: the file makes 56 checks (8 sets × SL, ASA, occupancy for Erlang C and
 * Erlang A, plus the abandon rate for Erlang A) and may fail at a seed with probability
 * FALSE_ALARM_BUDGET['model/erlang-agreement'] (0.0005) when the simulator is right: each
 * check is a Student-t interval over the 20 replications at level 1 − 0.0005 / 56
 * (Bonferroni). The seed is 1 unless CCSIM_TEST_SEEDS names others (`npm run test:seeds`).
 */
import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, isUnstable, type QueueKpis } from '../../src/analytic/index.js';
import { runStudy } from '../../src/plan/study.js';
import type { ReplicationKpis } from '../../src/metrics/summary.js';
import { expo, scenario } from '../helpers/scenarios.js';
import { testSeeds } from '../helpers/seeds.js';
import { FALSE_ALARM_BUDGET, bonferroniT, expectCovers } from '../helpers/stats.js';

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
  { agents: 250, load: 0.93, ahtSec: 400, patienceSec: 1200 },
  { agents: 500, load: 0.98, ahtSec: 288, patienceSec: 180 },
];

const REPLICATIONS = 20;
const ARRIVALS_PER_REP = 30_000;
const WITHIN_SEC = 20;
const CHECKS = CASES.length * 3 * 2 + CASES.length;
const T = bonferroniT(FALSE_ALARM_BUDGET['model/erlang-agreement'], CHECKS, REPLICATIONS - 1);

function simulateCase(c: Case, withPatience: boolean, seed: number) {
  const arrivalsPerSec = (c.load * c.agents) / c.ahtSec;
  const relaxationSec = withPatience ? 0 : c.ahtSec / (c.agents * (1 - Math.sqrt(c.load)) ** 2);
  const warmupSec = Math.max(50 * c.ahtSec, 5 * relaxationSec);
  const horizonSec = warmupSec + Math.max(ARRIVALS_PER_REP / arrivalsPerSec, 20 * relaxationSec);
  const s = scenario(
    { voice: { perHour: arrivalsPerSec * 3600, handle: expo(c.ahtSec), patience: withPatience ? expo(c.patienceSec) : undefined, withinSec: WITHIN_SEC } },
    { team: { agents: c.agents, skills: ['voice'] } },
    { horizonSec, warmupSec, intervalSec: horizonSec },
  );
  const r = runStudy(s, { replications: REPLICATIONS, seed });
  return { arrivalsPerSec, reps: r.perReplication };
}

/** The per-replication values of one KPI. */
const values = (reps: ReplicationKpis[], pick: (r: ReplicationKpis) => number | undefined) => reps.map((r) => pick(r) as number);

function check(label: string, reps: ReplicationKpis[], a: QueueKpis, withPatience: boolean) {
  expectCovers(`${label} serviceLevel`, values(reps, (r) => r.channels.voice.serviceLevel), a.serviceLevel, T);
  expectCovers(`${label} asaSeconds`, values(reps, (r) => r.channels.voice.asaSeconds), a.asaSeconds, T);
  expectCovers(`${label} occupancy`, values(reps, (r) => r.groups.team.occupancy), a.occupancy, T);
  if (withPatience) expectCovers(`${label} abandonRate`, values(reps, (r) => r.channels.voice.abandonRate), a.abandonRate, T);
  else for (const r of reps) expect(r.channels.voice.abandonRate).toBe(0);
}

for (const seed of testSeeds(1)) {
  describe(`simulation converges to Erlang A (seed ${seed})`, () => {
    for (const c of CASES) {
      it(`c=${c.agents}, load ${c.load}, AHT ${c.ahtSec}s, patience ${c.patienceSec}s`, () => {
        const { arrivalsPerSec, reps } = simulateCase(c, true, seed);
        const a = erlangA({ arrivalsPerSec, ahtSec: c.ahtSec, agents: c.agents, withinSec: WITHIN_SEC, patienceSec: c.patienceSec });
        check(`A c=${c.agents}`, reps, a, true);
      });
    }
  });

  describe(`simulation without patience converges to Erlang C (seed ${seed})`, () => {
    for (const c of CASES) {
      it(`c=${c.agents}, load ${c.load}, AHT ${c.ahtSec}s`, () => {
        const { arrivalsPerSec, reps } = simulateCase(c, false, seed);
        const r = erlangC({ arrivalsPerSec, ahtSec: c.ahtSec, agents: c.agents, withinSec: WITHIN_SEC });
        if (isUnstable(r)) throw new Error('unexpectedly unstable');
        check(`C c=${c.agents}`, reps, r, false);
      });
    }
  });
}
