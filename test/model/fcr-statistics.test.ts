/**
 * Statistical checks of issue 4's features over 20 independent replications: the FCR
 * measured from the log contains the configured resolution probability; the IVR containment rate contains the configured
 * containment probability; with a one-node IVR, retrial probability 0, escalation
 * probability 0 and callbacks never accepted, the queue still agrees with Erlang A; and a
 * finite waiting room without retrials blocks as M/M/c/K says.
 *
 * False alarms: 9 checks share FALSE_ALARM_BUDGET['model/fcr-statistics'] (0.0002 per seed),
 * each a Bonferroni-corrected Student-t interval on the per-replication values. Seed 1 unless
 * CCSIM_TEST_SEEDS names others.
 */
import { describe, expect, it } from 'vitest';
import { erlangA, mmck } from '../../src/analytic/index.js';
import { OUTCOME } from '../../src/logs/codes.js';
import { simulate } from '../../src/model/simulation.js';
import { runStudy } from '../../src/plan/study.js';
import type { IvrNode } from '../../src/scenario/types.js';
import type { ReplicationKpis } from '../../src/metrics/summary.js';
import { expo, fixed, scenario } from '../helpers/scenarios.js';
import { testSeeds } from '../helpers/seeds.js';
import { FALSE_ALARM_BUDGET, bonferroniT, expectCovers } from '../helpers/stats.js';

const REPLICATIONS = 20;
const T = bonferroniT(FALSE_ALARM_BUDGET['model/fcr-statistics'], 9, REPLICATIONS - 1);

const node = (p: Partial<IvrNode>): IvrNode => ({ id: 'main', abandon: 0, contain: 0, branches: [], queue: 'voice', ...p });

/** Check that the per-replication values of a voice KPI cover `exact`. */
function covers(name: string, reps: ReplicationKpis[], key: string, exact: number) {
  expectCovers(name, reps.map((r) => r.channels.voice[key] as number), exact, T);
}

for (const seed of testSeeds(1)) describe(`issue 4 statistics (seed ${seed})`, () => {
  it('FCR from the log contains the resolution probability', () => {
    const s = scenario(
      { voice: { perHour: 150, handle: expo(240), patience: expo(300), resolution: 0.7 } },
      { team: { agents: 12, skills: ['voice'] } },
      { horizonSec: 8 * 3600 },
    );
    const r = runStudy(s, { replications: REPLICATIONS, seed });
    covers('fcr', r.perReplication, 'fcr', 0.7);
    expect(r.summary.channels.voice.repeatContactRate.mean).toBe(0);
  });

  it('the containment rate contains the containment probability', () => {
    const s = scenario(
      { voice: { perHour: 300, handle: expo(240), ivr: { start: 'main', nodes: { main: node({ time: expo(40), contain: 0.3, abandon: 0.05 }) } } } },
      { team: { agents: 20, skills: ['voice'] } },
      { horizonSec: 8 * 3600 },
    );
    const r = runStudy(s, { replications: REPLICATIONS, seed });
    covers('containmentRate', r.perReplication, 'containmentRate', 0.3);
    covers('ivrAbandonRate', r.perReplication, 'ivrAbandonRate', 0.05);
    covers('meanIvrSeconds', r.perReplication, 'meanIvrSeconds', 40);
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
    const r = runStudy(s, { replications: REPLICATIONS, seed });
    const a = erlangA({ arrivalsPerSec, ahtSec, agents, withinSec: 20, patienceSec });
    covers('serviceLevel', r.perReplication, 'serviceLevel', a.serviceLevel);
    covers('asaSeconds', r.perReplication, 'asaSeconds', a.asaSeconds);
    covers('abandonRate', r.perReplication, 'abandonRate', a.abandonRate);
    expectCovers('occupancy', r.perReplication.map((x) => x.groups.team.occupancy as number), a.occupancy, T);
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
    const shares = Array.from({ length: REPLICATIONS }, (_, rep) => {
      const legs = simulate(s, rep, { seed }).legs;
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
    expectCovers('blocking', shares, a.blocking!, T);
  });
});
