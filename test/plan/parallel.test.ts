/** Replications on worker threads give byte-identical studies whatever the worker count. */
import { afterAll, describe, expect, it } from 'vitest';
import { ReplicationPool, SMALL_STUDY_CONTACTS, workerScript } from '../../src/plan/parallel.js';
import { expectedContacts } from '../../src/scenario/limits.js';
import { loadScenario } from '../../src/scenario/index.js';
import { runStudy, runStudyWith } from '../../src/plan/study.js';
import { expo, scenario } from '../helpers/scenarios.js';

const s = scenario(
  {
    voice: { perHour: 300, handle: { dist: 'gamma', mean: 200, cv: 0.9 }, wrapup: expo(20), patience: { dist: 'lognormal', mean: 150, cv: 1 }, withinSec: 20 },
    chat: { kind: 'chat', perHour: 40, handle: expo(400), patience: expo(300) },
  },
  { team: { agents: 22, skills: ['voice', 'chat'], chatConcurrency: 2 } },
  { horizonSec: 3 * 3600, warmupSec: 900 },
);

const pools: ReplicationPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('ReplicationPool', () => {
  it('finds the compiled worker (npm test builds before it runs)', () => {
    expect(workerScript(), 'dist/src/plan/replicationWorker.js is missing: run npm run build').toBeDefined();
  });

  it('gives the same bytes as runStudy with 1, 2 and 3 workers, for the whole study and for a slice', async () => {
    const reference = JSON.stringify(runStudy(s, { replications: 5, seed: 11 }));
    const slice = JSON.stringify(runStudy(s, { replications: 5, seed: 11, only: [2, 3] }));
    for (const workers of [1, 2, 3]) {
      const pool = new ReplicationPool(workers);
      pools.push(pool);
      expect(pool.threaded).toBe(workers > 1);
      expect(JSON.stringify(await runStudyWith(pool, s, { replications: 5, seed: 11 })), `${workers} workers`).toBe(reference);
      expect(JSON.stringify(await runStudyWith(pool, s, { replications: 5, seed: 11, only: [2, 3] })), `${workers} workers, slice`).toBe(slice);
      expect(pool.threads).toBe(workers > 1 ? workers : 0);
    }
  });

  it('runs several studies at once on one pool, each result in its own replication order', async () => {
    const pool = new ReplicationPool(2);
    pools.push(pool);
    const [a, b] = await Promise.all([runStudyWith(pool, s, { replications: 3, seed: 1 }), runStudyWith(pool, s, { replications: 3, seed: 2 })]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(runStudy(s, { replications: 3, seed: 1 })));
    expect(JSON.stringify(b)).toBe(JSON.stringify(runStudy(s, { replications: 3, seed: 2 })));
  });

  it('reports progress once per replication', async () => {
    const pool = new ReplicationPool(2);
    pools.push(pool);
    const seen: number[] = [];
    await runStudyWith(pool, s, { replications: 4, seed: 1, onProgress: (d, t) => (expect(t).toBe(4), seen.push(d)) });
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('keeps a small study in this thread by default: expected contacts from the arrival rates', async () => {
    expect(expectedContacts(loadScenario('scenarios/retail-bank-day.yaml'))).toBeCloseTo(2915 + 900 + 346, 6);
    expect(expectedContacts(loadScenario('scenarios/single-queue-erlang-a.yaml'))).toBeCloseTo(360 * 200, 6);
    const pool = new ReplicationPool(2, { minContacts: SMALL_STUDY_CONTACTS });
    pools.push(pool);
    expect(JSON.stringify(await runStudyWith(pool, s, { replications: 3, seed: 1 }))).toBe(JSON.stringify(runStudy(s, { replications: 3, seed: 1 })));
    expect(pool.threads).toBe(0);
  });
});
