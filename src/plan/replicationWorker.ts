/**
 * Entry of a replication worker thread (parallel.ts starts it from dist/): holds the
 * current job's scenario and seed, and answers each replication number with its KPIs.
 */
import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../scenario/types.js';
import type { FromWorker, ToWorker } from './parallel.js';
import { measureReplication } from './study.js';

let job: { scenario: Scenario; seed: number } | undefined;

parentPort?.on('message', (m: ToWorker) => {
  if (m.type === 'job') {
    job = { scenario: m.scenario, seed: m.seed };
    return;
  }
  let reply: FromWorker;
  try {
    if (!job) throw new Error('no job before the first replication');
    reply = { task: m.task, kpis: measureReplication(job.scenario, job.seed, m.replication) };
  } catch (e) {
    reply = { task: m.task, error: (e as Error)?.stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
