/**
 * Replications on worker_threads.
 *
 *   run(scenario, seed, [r…]) ─▶ task queue ─▶ idle worker k ─▶ simulate + measure (replicationWorker.js)
 *                                   ▲                                 │
 *                                   └──── next task ◀── ReplicationKpis ┴─▶ result slot of r
 *
 * Each result goes into the slot of its replication, not in the order workers finish,
 * and replication r draws only from the streams named (seed, r, purpose); so a study is
 * byte-identical whatever the worker count, including one (run in this thread).
 *
 * Starting a thread and loading the model in it costs about 0.1–0.2 s, more than splitting
 * a small study saves; so the default pool (`poolFor` without --workers) runs a study of
 * fewer than SMALL_STUDY_CONTACTS expected contacts in this thread. An explicit count is
 * always used as given.
 *
 * The worker is the compiled `dist/src/plan/replicationWorker.js`. Run from TypeScript
 * sources (vitest), the default is one worker, so a test never silently runs a stale
 * build; an explicit worker count there still uses dist/ (`npm test` builds first).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReplicationKpis } from '../metrics/index.js';
import type { Scenario } from '../scenario/types.js';
import { expectedContacts } from '../scenario/limits.js';
import { measureReplication, type ReplicationRunner } from './study.js';

/** Messages to a worker: a job (scenario and seed) once per worker, then replication numbers. */
export type ToWorker =
  | { type: 'job'; job: number; scenario: Scenario; seed: number }
  | { type: 'replication'; job: number; task: number; replication: number };

/** Messages from a worker. */
export type FromWorker = { task: number; kpis: ReplicationKpis } | { task: number; error: string };

const fromSources = import.meta.url.endsWith('.ts');

/** Below this many expected contacts (all replications), the default pool stays in this thread. */
export const SMALL_STUDY_CONTACTS = 500_000;

/** The compiled worker script, or undefined when it has not been built. */
export function workerScript(): URL | undefined {
  const url = fromSources
    ? new URL('../../dist/src/plan/replicationWorker.js', import.meta.url)
    : new URL('./replicationWorker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Workers used when `--workers` is not given: every core (one when run from TypeScript sources). */
export function defaultWorkers(): number {
  return fromSources ? 1 : availableParallelism();
}

interface Task {
  job: number;
  task: number;
  replication: number;
  resolve: (k: ReplicationKpis) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  job: number;
  busy?: Task;
}

/** The pool for a `--workers` flag: as given, else every core for studies big enough to gain from threads. */
export function poolFor(workers: number | undefined): ReplicationPool {
  return workers === undefined ? new ReplicationPool(defaultWorkers(), { minContacts: SMALL_STUDY_CONTACTS }) : new ReplicationPool(workers);
}


/** A pool of up to `size` worker threads, started on first use and reused across studies. */
export class ReplicationPool implements ReplicationRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly jobs = new Map<number, { scenario: Scenario; seed: number }>();
  private nextJob = 0;
  private nextTask = 0;
  private readonly script: URL | undefined;

  /**
   * `size` worker threads at most; 1 (or no built worker) runs replications in this thread,
   * and so does a study of fewer than `minContacts` expected contacts.
   */
  constructor(
    readonly size: number,
    private readonly o: { minContacts?: number } = {},
  ) {
    this.script = size > 1 ? workerScript() : undefined;
  }

  /** Worker threads running now. */
  get threads(): number {
    return this.slots.length;
  }

  /** Whether replications run on worker threads. */
  get threaded(): boolean {
    return this.script !== undefined;
  }

  /** KPIs of the given replications of the scenario, in the order given. */
  async run(scenario: Scenario, seed: number, replications: readonly number[], onDone?: (done: number, total: number) => void): Promise<ReplicationKpis[]> {
    const small = replications.length * expectedContacts(scenario) < (this.o.minContacts ?? 0);
    if (!this.script || replications.length <= 1 || small) {
      return replications.map((r, i) => {
        const k = measureReplication(scenario, seed, r);
        onDone?.(i + 1, replications.length);
        return k;
      });
    }
    const job = this.nextJob++;
    this.jobs.set(job, { scenario, seed });
    let done = 0;
    try {
      return await Promise.all(
        replications.map(
          (replication) =>
            new Promise<ReplicationKpis>((resolve, reject) => {
              this.queue.push({
                job,
                task: this.nextTask++,
                replication,
                resolve: (k) => {
                  onDone?.(++done, replications.length);
                  resolve(k);
                },
                reject,
              });
              this.dispatch();
            }),
        ),
      );
    } finally {
      this.jobs.delete(job);
    }
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.busy = task;
      if (slot.job !== task.job) {
        const { scenario, seed } = this.jobs.get(task.job)!;
        slot.worker.postMessage({ type: 'job', job: task.job, scenario, seed } satisfies ToWorker);
        slot.job = task.job;
      }
      slot.worker.postMessage({ type: 'replication', job: task.job, task: task.task, replication: task.replication } satisfies ToWorker);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.script!);
    const slot: Slot = { worker, job: -1 };
    worker.on('message', (m: FromWorker) => {
      const task = slot.busy;
      slot.busy = undefined;
      if (!task || task.task !== m.task) return this.fail(slot, new Error('internal: a worker answered a task it was not given'));
      if ('error' in m) task.reject(new Error(`replication ${task.replication} failed in a worker thread: ${m.error}`));
      else task.resolve(m.kpis);
      this.dispatch();
    });
    worker.on('error', (e) => this.fail(slot, e));
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) this.fail(slot, new Error(`internal: a worker thread exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  /** A worker died: fail its task, drop it, and let the others carry on. */
  private fail(slot: Slot, e: Error): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    slot.busy?.reject(e);
    slot.busy = undefined;
    void slot.worker.terminate();
    if (this.slots.length === 0) for (const t of this.queue.splice(0)) t.reject(e);
    else this.dispatch();
  }
}
