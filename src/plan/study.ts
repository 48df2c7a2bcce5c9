/**
 * A study: R replications of one scenario, measured and summarized.
 *
 *   scenario ─▶ simulate(rep r) ─▶ contact log ─▶ measure ─▶ ReplicationKpis ─┐
 *                                      └─▶ onLog (write --log)                 ├─▶ summarize ─▶ StudyResult
 *                                       (log dropped: memory stays flat)      ─┘
 *
 * Replication r of seed s uses the streams named (s, r, purpose), so it can be run alone
 * or on another machine and still give the same numbers: `runStudyWith` hands the
 * replications to a runner (parallel.ts: worker threads), and a shard (shard.ts) runs a
 * slice of them; either way the summary is over per-replication KPIs in replication order.
 */
import type { ContactLog } from '../logs/contactLog.js';
import {
  measure,
  summarize,
  summarizeIntervals,
  summarizeWaitCdf,
  type IntervalSummary,
  type WaitCdfSummary,
  type MeasureOptions,
  type ReplicationKpis,
  type Summary,
} from '../metrics/index.js';
import { simulate } from '../model/simulation.js';
import type { Scenario } from '../scenario/types.js';

export interface StudyOptions {
  replications: number;
  seed: number;
  /** Called with each replication's log before it is dropped (to write `--log`). */
  onLog?: (log: ContactLog) => void;
  /** Called after each replication. */
  onProgress?: (done: number, total: number) => void;
  /** Replication numbers to run instead of all (a shard's slice), ascending. */
  only?: readonly number[];
}

export interface StudyResult {
  scenario: string;
  seed: number;
  replications: number;
  summary: Summary;
  intervals: IntervalSummary[];
  waitCdf: WaitCdfSummary;
  perReplication: ReplicationKpis[];
  measureOptions: MeasureOptions;
}

/** How the scenario's logs are measured. */
export function measureOptionsOf(s: Scenario): MeasureOptions {
  const withinSec: Record<string, number> = {};
  for (const c of Object.values(s.channels)) withinSec[c.id] = c.target?.withinSec ?? s.metrics.defaultWithinSec;
  return {
    warmupSec: s.metrics.warmupSec,
    horizonSec: s.horizonSec,
    intervalSec: s.metrics.intervalSec,
    startClockSec: s.startClockSec,
    serviceLevelFormula: s.metrics.serviceLevelFormula,
    shortAbandonSec: s.metrics.shortAbandonSec,
    fcrWindowSec: s.metrics.fcrWindowSec,
    withinSec,
    defaultWithinSec: s.metrics.defaultWithinSec,
  };
}

/** Run and measure every replication of the scenario. */
export function runStudy(scenario: Scenario, opts: StudyOptions): StudyResult {
  const mo = measureOptionsOf(scenario);
  const perReplication: ReplicationKpis[] = [];
  const replications = opts.only ?? Array.from({ length: opts.replications }, (_, r) => r);
  for (const r of replications) runOne(scenario, r, opts, mo, perReplication, replications.length);
  return summarizeStudy(scenario.name, opts.seed, perReplication, mo);
}

/**
 * `runStudy` that lets the event loop run between replications: while `--log` streams into
 * temporary files, Ctrl-C must reach the handler that deletes them (logs/tempFiles.ts), and
 * a signal is handled only when no JavaScript is running. Same results, same bytes.
 */
export async function runStudyYielding(scenario: Scenario, opts: StudyOptions): Promise<StudyResult> {
  const mo = measureOptionsOf(scenario);
  const perReplication: ReplicationKpis[] = [];
  const replications = opts.only ?? Array.from({ length: opts.replications }, (_, r) => r);
  for (const r of replications) {
    runOne(scenario, r, opts, mo, perReplication, replications.length);
    await new Promise<void>((done) => setImmediate(done));
  }
  return summarizeStudy(scenario.name, opts.seed, perReplication, mo);
}

function runOne(scenario: Scenario, r: number, opts: StudyOptions, mo: MeasureOptions, out: ReplicationKpis[], total: number): void {
  const log = simulate(scenario, r, { seed: opts.seed });
  opts.onLog?.(log);
  out.push(measure(log, mo));
  opts.onProgress?.(out.length, total);
}

/** Simulate and measure replication r of the scenario (what a worker thread does). */
export function measureReplication(scenario: Scenario, seed: number, replication: number): ReplicationKpis {
  return measure(simulate(scenario, replication, { seed }), measureOptionsOf(scenario));
}

/** Runs replications somewhere (this thread, worker threads) and returns their KPIs in the order asked. */
export interface ReplicationRunner {
  run(scenario: Scenario, seed: number, replications: readonly number[], onDone?: (done: number, total: number) => void): Promise<ReplicationKpis[]>;
}

/** Which replications `runStudyWith` runs: all of 0 … replications − 1, or only some (a shard). */
export interface RunnerStudyOptions {
  replications: number;
  seed: number;
  /** Replication numbers to run instead of all (a shard's slice), ascending. */
  only?: readonly number[];
  onProgress?: (done: number, total: number) => void;
}

/** `runStudy` on a runner (worker threads); byte-identical to `runStudy` for the same replications. */
export async function runStudyWith(runner: ReplicationRunner, scenario: Scenario, opts: RunnerStudyOptions): Promise<StudyResult> {
  const replications = opts.only ?? Array.from({ length: opts.replications }, (_, r) => r);
  const perReplication = await runner.run(scenario, opts.seed, replications, opts.onProgress);
  return summarizeStudy(scenario.name, opts.seed, perReplication, measureOptionsOf(scenario));
}

/** Summarize per-replication KPIs (from a run or from a log read back). */
export function summarizeStudy(name: string, seed: number, perReplication: ReplicationKpis[], mo: MeasureOptions): StudyResult {
  return {
    scenario: name,
    seed,
    replications: perReplication.length,
    summary: summarize(perReplication),
    intervals: summarizeIntervals(perReplication, mo),
    waitCdf: summarizeWaitCdf(perReplication),
    perReplication,
    measureOptions: mo,
  };
}

/** The `--json` document of contracts.md: scenario, seed, replications, channels, groups, total. */
export function studyJson(r: StudyResult): object {
  return {
    scenario: r.scenario,
    seed: r.seed,
    replications: r.replications,
    channels: r.summary.channels,
    groups: r.summary.groups,
    total: r.summary.total,
  };
}
