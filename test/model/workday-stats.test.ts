/**
 * Statistical checks of the working-day features, each over independent replications
 * with a 95 % Student-t CI: shrinkage removes its share of capacity, forecast error of
 * cv 0 changes nothing (and cv > 0 widens day volumes), and chat with one slot and no
 * slowdown is an Erlang A queue.
 */
import { sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/index.js';
import { estimate } from '../../src/metrics/index.js';
import { runStudy, studyJson } from '../../src/plan/study.js';
import { expo, fixed, scenario } from '../helpers/scenarios.js';

const DAY = 86_400;

describe('shrinkage', () => {
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
      const reps = runStudy(shrunk, { replications: 30, seed: 1 }).perReplication.map((r) => r.groups.team.staffedHours / full);
      const e = estimate(reps)!;
      expect(1 - share).toBeGreaterThanOrEqual(e.lo);
      expect(1 - share).toBeLessThanOrEqual(e.hi);
      expect(e.hi - e.lo).toBeLessThan(0.1); // and the CI is tight enough to mean something
    });
  }
});

describe('forecast error', () => {
  const make = (cv: number | undefined) =>
    scenario(
      { voice: { perHour: 100, handle: expo(180), patience: expo(120), forecastErrorCv: cv } },
      { team: { agents: 6, skills: ['voice'] } },
      { horizonSec: DAY },
    );

  it('a cv of 0 reproduces the run without forecast error, byte for byte', () => {
    const a = JSON.stringify(studyJson(runStudy(make(undefined), { replications: 3, seed: 4 })));
    const b = JSON.stringify(studyJson(runStudy(make(0), { replications: 3, seed: 4 })));
    expect(b).toBe(a);
  });

  it('a cv of 0.2 spreads daily volumes far beyond Poisson noise', () => {
    const offered = (cv: number | undefined) => runStudy(make(cv), { replications: 30, seed: 4 }).perReplication.map((r) => r.channels.voice.offered);
    // Poisson: sd ≈ √2400 ≈ 49; with a 20 % day multiplier: ≈ 0.2·2400 ≈ 480.
    expect(sampleStandardDeviation(offered(undefined))).toBeLessThan(100);
    expect(sampleStandardDeviation(offered(0.2))).toBeGreaterThan(250);
  });
});

describe('chat with one slot and no slowdown is a call queue', () => {
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
      const r = runStudy(s, { replications: 20, seed: 1 });
      const a = erlangA({ arrivalsPerSec, ahtSec: c.ahtSec, agents: c.agents, patienceSec: c.patienceSec, withinSec: 20 });
      const sim = r.summary.channels.chat;
      for (const [name, e, v] of [
        ['serviceLevel', sim.serviceLevel, a.serviceLevel],
        ['asaSeconds', sim.asaSeconds, a.asaSeconds],
        ['abandonRate', sim.abandonRate, a.abandonRate],
        ['occupancy', r.summary.groups.team.occupancy, a.occupancy],
      ] as const) {
        expect(v, `${name}: ${v} outside [${e.lo}, ${e.hi}]`).toBeGreaterThanOrEqual(e.lo);
        expect(v, `${name}: ${v} outside [${e.lo}, ${e.hi}]`).toBeLessThanOrEqual(e.hi);
      }
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
