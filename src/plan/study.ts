/**
 * A study: R replications of one scenario, measured and summarized.
 *
 *   scenario ─▶ simulate(rep r) ─▶ contact log ─▶ measure ─▶ ReplicationKpis ─┐
 *                                      └─▶ onLog (write --log)                 ├─▶ summarize ─▶ StudyResult
 *                                       (log dropped: memory stays flat)      ─┘
 *
 * Replication r of seed s uses the streams named (s, r, purpose), so it can be run alone
 * or on another machine and still give the same numbers.
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
    withinSec,
    defaultWithinSec: s.metrics.defaultWithinSec,
  };
}

/** Run and measure every replication of the scenario. */
export function runStudy(scenario: Scenario, opts: StudyOptions): StudyResult {
  const mo = measureOptionsOf(scenario);
  const perReplication: ReplicationKpis[] = [];
  for (let r = 0; r < opts.replications; r++) {
    const log = simulate(scenario, r, { seed: opts.seed });
    opts.onLog?.(log);
    perReplication.push(measure(log, mo));
    opts.onProgress?.(r + 1, opts.replications);
  }
  return summarizeStudy(scenario.name, opts.seed, perReplication, mo);
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
