/**
 * Statistical checks of the working-day features over independent replications: shrinkage
 * removes its share of capacity, forecast error of cv 0 changes nothing (and cv 0.2 gives
 * day volumes the variance a gamma day factor implies), and chat with one slot and no
 * slowdown is an Erlang A queue.
 *
 * False alarms: 13 checks share FALSE_ALARM_BUDGET['model/workday-stats'] (0.0002 per seed),
 * Bonferroni-corrected: Student-t intervals on means, chi-squared intervals on variances.
 * Seeds 1 and 4 unless CCSIM_TEST_SEEDS names others.
 */
import { sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/index.js';
import { runStudy, studyJson } from '../../src/plan/study.js';
import { expo, fixed, scenario } from '../helpers/scenarios.js';
import { testSeeds } from '../helpers/seeds.js';
import { FALSE_ALARM_BUDGET, bonferroniT, chiSquaredQuantile, expectCovers } from '../helpers/stats.js';

const ALPHA = FALSE_ALARM_BUDGET['model/workday-stats'];
const CHECKS = 13;

const DAY = 86_400;

for (const seed of testSeeds(1)) describe(`shrinkage (seed ${seed})`, () => {
  const cases = [
    { name: 'constant headcount, per interval', agents: 20 as const, mode: 'interval' as const },
    { name: 'constant headcount, whole days', agents: 20 as const, mode: 'day' as const },
    {
      name: 'shifts, per interval',
      agents: Array.from({ length: 30 }, (_, i) => ({ startSec: (i % 3) * 3600, endSec: (i % 3) * 3600 + 8 * 3600, breaks: [] as [number, number][] })),
      mode: 'interval' as const,
    },
  ];
  for (const c of cases) {
    it(`removes the configured share of capacity within a CI: ${c.name}`, () => {
      const share = 0.3;
      const horizonSec = 3 * DAY;
      const base = scenario({ voice: { perHour: 0, handle: fixed(60) } }, { team: { agents: c.agents, skills: ['voice'] } }, { horizonSec });
      const shrunk = scenario(
        { voice: { perHour: 0, handle: fixed(60) } },
        { team: { agents: c.agents, skills: ['voice'], shrinkage: { share, mode: c.mode } } },
        { horizonSec },
      );
      const full = runStudy(base, { replications: 1, seed: 1 }).summary.groups.team.staffedHours.mean;
      const reps = runStudy(shrunk, { replications: 30, seed }).perReplication.map((r) => r.groups.team.staffedHours / full);
      expectCovers('staffed share', reps, 1 - share, bonferroniT(ALPHA, CHECKS, reps.length - 1));
    });
  }
});

for (const seed of testSeeds(4)) describe(`forecast error (seed ${seed})`, () => {
  const make = (cv: number | undefined) =>
    scenario(
      { voice: { perHour: 100, handle: expo(180), patience: expo(120), forecastErrorCv: cv } },
      { team: { agents: 6, skills: ['voice'] } },
      { horizonSec: DAY },
    );

  it('a cv of 0 reproduces the run without forecast error, byte for byte', () => {
    const a = JSON.stringify(studyJson(runStudy(make(undefined), { replications: 3, seed })));
    const b = JSON.stringify(studyJson(runStudy(make(0), { replications: 3, seed })));
    expect(b).toBe(a);
  });

  it('a cv of 0.2 gives day volumes the variance of a gamma-mixed Poisson count', () => {
    const offered = (cv: number | undefined) => runStudy(make(cv), { replications: 30, seed }).perReplication.map((r) => r.channels.voice.offered);
    // A day of 2,400 expected calls: Poisson variance λ; with a gamma day factor of cv 0.2,
    // λ + (0.2 λ)². (n − 1)s²/σ² is close to chi-squared with n − 1 degrees of freedom.
    const lambda = 2400;
    for (const [cv, variance] of [[undefined, lambda], [0.2, lambda + (0.2 * lambda) ** 2]] as const) {
      const x = offered(cv);
      const stat = ((x.length - 1) * sampleStandardDeviation(x) ** 2) / variance;
      const p = ALPHA / (2 * CHECKS);
      expect(stat, `cv ${cv}: (n-1)s²/σ² = ${stat}`).toBeGreaterThanOrEqual(chiSquaredQuantile(p, x.length - 1));
      expect(stat, `cv ${cv}: (n-1)s²/σ² = ${stat}`).toBeLessThanOrEqual(chiSquaredQuantile(1 - p, x.length - 1));
    }
  });
});

for (const seed of testSeeds(1)) describe(`chat with one slot and no slowdown is a call queue (seed ${seed})`, () => {
  for (const c of [
    { agents: 5, load: 0.8, ahtSec: 300, patienceSec: 120 },
    { agents: 40, load: 0.95, ahtSec: 400, patienceSec: 300 },
  ]) {
    it(`matches Erlang A: c=${c.agents}, load ${c.load}`, () => {
      const arrivalsPerSec = (c.load * c.agents) / c.ahtSec;
      const warmupSec = 50 * c.ahtSec;
      const horizonSec = warmupSec + 30_000 / arrivalsPerSec;
      const s = scenario(
        { chat: { kind: 'chat', perHour: arrivalsPerSec * 3600, handle: expo(c.ahtSec), patience: expo(c.patienceSec), withinSec: 20 } },
        { team: { agents: c.agents, skills: ['chat'], chatConcurrency: 1, chatSlowdown: 1 } },
        { horizonSec, warmupSec, intervalSec: horizonSec },
      );
      const r = runStudy(s, { replications: 20, seed });
      const a = erlangA({ arrivalsPerSec, ahtSec: c.ahtSec, agents: c.agents, patienceSec: c.patienceSec, withinSec: 20 });
      const t = bonferroniT(ALPHA, CHECKS, 19);
      const chat = (key: string) => r.perReplication.map((x) => x.channels.chat[key] as number);
      expectCovers('serviceLevel', chat('serviceLevel'), a.serviceLevel, t);
      expectCovers('asaSeconds', chat('asaSeconds'), a.asaSeconds, t);
      expectCovers('abandonRate', chat('abandonRate'), a.abandonRate, t);
      expectCovers('occupancy', r.perReplication.map((x) => x.groups.team.occupancy as number), a.occupancy, t);
    });
  }
});

describe('forecast error with a zero rate at the end', () => {
  it('ends (a zero last interval once looped forever over midnights)', () => {
    const s = scenario(
      { voice: { volumes: { intervalSec: 3600, counts: [10, 0] }, handle: expo(60), forecastErrorCv: 0.1 } },
      { team: { agents: 2, skills: ['voice'] } },
      { horizonSec: 3 * DAY },
    );
    const r = runStudy(s, { replications: 2, seed: 1 });
    expect(r.summary.channels.voice.offered.mean).toBeGreaterThan(0);
  });
});
