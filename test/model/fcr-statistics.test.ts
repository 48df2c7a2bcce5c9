/**
 * Statistical checks of issue 4's features over 20 independent replications (fixed
 * seed, so deterministic): the FCR measured from the log contains the configured
 * resolution probability in its 95 % CI; the IVR containment rate contains the configured
 * containment probability; with a one-node IVR, retrial probability 0, escalation
 * probability 0 and callbacks never accepted, the queue still agrees with Erlang A; and a
 * finite waiting room without retrials blocks as M/M/c/K says.
 */
import { describe, expect, it } from 'vitest';
import { erlangA, mmck } from '../../src/analytic/index.js';
import { OUTCOME } from '../../src/logs/codes.js';
import { estimate, type Estimate } from '../../src/metrics/index.js';
import { simulate } from '../../src/model/simulation.js';
import { runStudy } from '../../src/plan/study.js';
import type { IvrNode } from '../../src/scenario/types.js';
import { expo, fixed, scenario } from '../helpers/scenarios.js';

const node = (p: Partial<IvrNode>): IvrNode => ({ id: 'main', abandon: 0, contain: 0, branches: [], queue: 'voice', ...p });

function expectWithin(name: string, e: Estimate, value: number) {
  const msg = `${name}: ${value} outside CI [${e.lo}, ${e.hi}] (mean ${e.mean})`;
  expect(value, msg).toBeGreaterThanOrEqual(e.lo);
  expect(value, msg).toBeLessThanOrEqual(e.hi);
}

describe('issue 4 statistics', () => {
  it('FCR from the log contains the resolution probability', () => {
    const s = scenario(
      { voice: { perHour: 150, handle: expo(240), patience: expo(300), resolution: 0.7 } },
      { team: { agents: 12, skills: ['voice'] } },
      { horizonSec: 8 * 3600 },
    );
    const r = runStudy(s, { replications: 20, seed: 1 });
    expectWithin('fcr', r.summary.channels.voice.fcr, 0.7);
    expect(r.summary.channels.voice.repeatContactRate.mean).toBe(0);
  });

  it('the containment rate contains the containment probability', () => {
    const s = scenario(
      { voice: { perHour: 300, handle: expo(240), ivr: { start: 'main', nodes: { main: node({ time: expo(40), contain: 0.3, abandon: 0.05 }) } } } },
      { team: { agents: 20, skills: ['voice'] } },
      { horizonSec: 8 * 3600 },
    );
    const r = runStudy(s, { replications: 20, seed: 1 });
    expectWithin('containmentRate', r.summary.channels.voice.containmentRate, 0.3);
    expectWithin('ivrAbandonRate', r.summary.channels.voice.ivrAbandonRate, 0.05);
    expectWithin('meanIvrSeconds', r.summary.channels.voice.meanIvrSeconds, 40);
  });

  it('with a one-node IVR, retrial probability 0, escalation probability 0 and callbacks never accepted the queue is Erlang A', () => {
    const agents = 10;
    const ahtSec = 240;
    const patienceSec = 120;
    const arrivalsPerSec = (0.9 * agents) / ahtSec;
    const warmupSec = 50 * ahtSec;
    const horizonSec = warmupSec + 30_000 / arrivalsPerSec;
    const s = scenario(
      {
        voice: {
          perHour: arrivalsPerSec * 3600,
          handle: expo(ahtSec),
          patience: expo(patienceSec),
          withinSec: 20,
          ivr: { start: 'main', nodes: { main: node({ time: fixed(15) }) } },
          retrial: { probability: 0, delay: fixed(60) },
          escalation: { probability: 0, to: 'voice', mode: 'warm' },
          // Callbacks off: offered above a 0 s predicted wait, never accepted.
          callback: { thresholdSec: 0, acceptance: 0, priority: 0, success: 1, retries: 0, retryDelay: fixed(60), dialSec: 30 },
        },
      },
      { team: { agents, skills: ['voice'] } },
      { horizonSec, warmupSec, intervalSec: horizonSec },
    );
    const r = runStudy(s, { replications: 20, seed: 1 });
    const sim = r.summary.channels.voice;
    const a = erlangA({ arrivalsPerSec, ahtSec, agents, withinSec: 20, patienceSec });
    expectWithin('serviceLevel', sim.serviceLevel, a.serviceLevel);
    expectWithin('asaSeconds', sim.asaSeconds, a.asaSeconds);
    expectWithin('abandonRate', sim.abandonRate, a.abandonRate);
    expectWithin('occupancy', r.summary.groups.team.occupancy, a.occupancy);
  });

  it('a finite waiting room with retrial probability 0 blocks like M/M/c/K', () => {
    const agents = 10;
    const room = 5;
    const ahtSec = 240;
    const arrivalsPerSec = (0.95 * agents) / ahtSec;
    const warmupSec = 50 * ahtSec;
    const horizonSec = warmupSec + 30_000 / arrivalsPerSec;
    const s = scenario(
      { voice: { perHour: arrivalsPerSec * 3600, handle: expo(ahtSec), waitingRoom: room, retrial: { probability: 0, delay: fixed(60) } } },
      { team: { agents, skills: ['voice'] } },
      { horizonSec, warmupSec },
    );
    const shares = Array.from({ length: 20 }, (_, rep) => {
      const legs = simulate(s, rep).legs;
      let n = 0;
      let blocked = 0;
      for (let r = 0; r < legs.length; r++) {
        if (legs.arrival[r] < warmupSec) continue;
        n++;
        if (legs.outcome[r] === OUTCOME.blocked) blocked++;
      }
      return blocked / n;
    });
    const a = mmck({ arrivalsPerSec, ahtSec, agents, withinSec: 20, capacity: agents + room });
    expectWithin('blocking', estimate(shares)!, a.blocking!);
  });
});
