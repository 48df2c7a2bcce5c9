/**
 * `npm run bench`: the M/M/c+M workload of the core issue (mmc.ts), its speed and peak
 * memory, the same model in SimPy for the ratio, and a check against Erlang A.
 *
 *   parent ─┬─ spawn `run.js --child mmc` × runs     one fresh process per measurement, so its
 *           │                                         maxRSS is the peak of that one workload
 *           ├─ spawn `python3 simpy_mmc.py` × runs    when SimPy is installed (interleaved with
 *           │                                         the ccsim runs, so load drift hits both)
 *           ├─ spawn `run.js --child parallel --workers w` × runs, w = 1 and 2 (interleaved):
 *           │                                         one study of R replications on w worker threads
 *           └─ medians → targets, ratio, Erlang A check (run 1), 1 → 2 worker speed-up → table, or JSON with --json
 *
 * A benchmark reports, it does not fail the build: missed targets print MISSED and the
 * exit code stays 0. Only a crashed child exits 1.
 */
import { helpdeskChild, measureHelpdesk, renderHelpdesk } from './helpdesk.js';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sampleStandardDeviation } from 'simple-statistics';
import { erlangA } from '../../src/analytic/index.js';
import type { LegTable } from '../../src/logs/legTable.js';
import { measure, type MeasureOptions, type ReplicationKpis } from '../../src/metrics/index.js';
import { createHash } from 'node:crypto';
import { simulate } from '../../src/model/simulation.js';
import { ReplicationPool } from '../../src/plan/parallel.js';
import { measureOptionsOf, runStudyWith, studyJson } from '../../src/plan/study.js';
import { MMC_AGENTS, MMC_AHT_SEC, MMC_ARRIVALS, MMC_PATIENCE_SEC, MMC_PER_MIN, mmcScenario } from './mmc.js';

const TARGET_ARRIVALS_PER_SEC = 1.5e6;
const TARGET_PEAK_RSS_MIB = 200;
const TARGET_SIMPY_RATIO = 20;
/** Batches for the batch-means standard error of the Erlang A check. */
const BATCHES = 20;
/** A simulated value agrees when it is within this many standard errors of Erlang A. */
const AGREE_SE = 4;
const SIMPY_SCRIPT = fileURLToPath(new URL('../../../test/bench/simpy_mmc.py', import.meta.url));
const SIMPY_INSTALL = 'apt-get install python3-simpy3';
/** Interpreters tried for SimPy: Debian's package lives in the system python3, which a pyenv shim may hide. */
const PYTHONS = [process.env.CCSIM_PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => !!p);

/** Simulated vs analytic value of one KPI. */
interface CheckRow {
  key: 'serviceLevel' | 'asaSeconds' | 'abandonRate' | 'occupancy';
  label: string;
  simulated: number;
  /** Standard error by batch means. */
  standardError: number;
  erlangA: number;
  /** (simulated − Erlang A) / standard error. */
  z: number;
  agrees: boolean;
}

/** The Erlang A check of one run. */
interface ErlangCheck {
  /** Batches the standard errors come from. */
  batches: number;
  rows: CheckRow[];
}

/** What one ccsim child measures. */
interface CcsimRun {
  replication: number;
  arrivals: number;
  events: number;
  eventCounts: EventCounts;
  simulateSec: number;
  measureSec: number;
  arrivalsPerSec: number;
  eventsPerSec: number;
  peakRssMiB: number;
  check: ErlangCheck;
}

interface EventCounts {
  arrivals: number;
  talkEnds: number;
  abandons: number;
  cancelledPatienceTimers: number;
}

/** What one SimPy run prints (simpy_mmc.py). */
interface SimpyRun {
  simpy: string;
  python: string;
  arrivals: number;
  seconds: number;
  arrivalsPerSec: number;
  answerRate: number;
  abandonRate: number;
  serviceLevel: number;
  asaSeconds: number;
}

type SimpyResult =
  | { installed: true; python: string; runs: SimpyRun[]; medianArrivalsPerSec: number }
  | { installed: false; skipped: boolean; install: string };

// ─── child: one measured workload ────────────────────────────────────────────

/** Simulate and measure once, timed; count events and check against Erlang A after the clock stops. */
function runChild(arrivals: number, replication: number): CcsimRun {
  const scenario = mmcScenario(arrivals);
  const mo = measureOptionsOf(scenario);
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = process.hrtime.bigint();
  const log = simulate(scenario, replication);
  const t1 = process.hrtime.bigint();
  const kpis = measure(log, mo);
  const t2 = process.hrtime.bigint();
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const simulateSec = Number(t1 - t0) / 1e9;
  const measureSec = Number(t2 - t1) / 1e9;
  const eventCounts = countEvents(log.legs);
  const events = eventCounts.arrivals + eventCounts.talkEnds + eventCounts.abandons + eventCounts.cancelledPatienceTimers;
  const seconds = simulateSec + measureSec;
  return {
    replication,
    arrivals: log.legs.length,
    events,
    eventCounts,
    simulateSec,
    measureSec,
    arrivalsPerSec: log.legs.length / seconds,
    eventsPerSec: events / seconds,
    peakRssMiB,
    check: erlangCheck(kpis, mo),
  };
}

/**
 * Events the calendar took, read back from the log (the calendar keeps no counter):
 * one arrival per leg, one talk end per leg whose talk ended, one patience timer per leg
 * that waited, whether it fired (abandon) or was cancelled by an answer: a cancelled
 * timer is still popped from the heap. Timers cancelled but due after the horizon are
 * counted too, an overcount of a handful in a million.
 */
function countEvents(legs: LegTable): EventCounts {
  let talkEnds = 0;
  let abandons = 0;
  let cancelled = 0;
  for (let r = 0; r < legs.length; r++) {
    if (!Number.isNaN(legs.talkEnd[r])) talkEnds++;
    if (!Number.isNaN(legs.abandon[r])) abandons++;
    else if (legs.answer[r] > legs.queueEntry[r]) cancelled++;
  }
  return { arrivals: legs.length, talkEnds, abandons, cancelledPatienceTimers: cancelled };
}

/**
 * The run's KPIs beside Erlang A. The standard error comes from batch means: the hourly
 * intervals after warm-up are cut into BATCHES consecutive batches, each batch's KPI is a
 * ratio of its sums, and SE = sd(batch KPIs)/√BATCHES.
 */
function erlangCheck(kpis: ReplicationKpis, mo: MeasureOptions): ErlangCheck {
  const channel = Object.keys(kpis.channels)[0];
  const group = Object.keys(kpis.groups)[0];
  const analytic = erlangA({
    arrivalsPerSec: MMC_PER_MIN / 60,
    ahtSec: MMC_AHT_SEC,
    agents: MMC_AGENTS,
    patienceSec: MMC_PATIENCE_SEC,
    withinSec: mo.withinSec[channel] ?? mo.defaultWithinSec,
  });
  const batches = batchKpis(kpis, mo, channel, group);
  const c = kpis.channels[channel];
  const whole: Record<CheckRow['key'], number> = {
    serviceLevel: c.serviceLevel,
    asaSeconds: c.asaSeconds,
    abandonRate: c.abandonRate,
    occupancy: kpis.groups[group].occupancy,
  };
  const rows: [CheckRow['key'], string][] = [
    ['serviceLevel', `SL(${mo.withinSec[channel] ?? mo.defaultWithinSec} s)`],
    ['asaSeconds', 'ASA (s)'],
    ['abandonRate', 'abandon rate'],
    ['occupancy', 'occupancy'],
  ];
  return {
    batches: batches.length,
    rows: rows.map(([key, label]) => {
      const standardError = batches.length > 1 ? sampleStandardDeviation(batches.map((b) => b[key])) / Math.sqrt(batches.length) : NaN;
      const z = (whole[key] - analytic[key]) / standardError;
      return { key, label, simulated: whole[key], standardError, erlangA: analytic[key], z, agrees: Math.abs(z) <= AGREE_SE };
    }),
  };
}

/** The four checked KPIs of each batch of consecutive intervals after warm-up. */
function batchKpis(kpis: ReplicationKpis, mo: MeasureOptions, channel: string, group: string): Record<CheckRow['key'], number>[] {
  const I = mo.intervalSec;
  const kept: number[] = [];
  for (let i = 0; i < kpis.intervals.length; i++) if ((i + 1) * I > mo.warmupSec) kept.push(i);
  // A short run (--arrivals) may have fewer hours than BATCHES: then one hour per batch.
  const n = Math.min(BATCHES, kept.length);
  const out: Record<CheckRow['key'], number>[] = [];
  for (let b = 0; b < n; b++) {
    let offered = 0, within = 0, answered = 0, waitSum = 0, abandoned = 0, busySec = 0, staffedSec = 0;
    for (let k = Math.floor((b * kept.length) / n); k < Math.floor(((b + 1) * kept.length) / n); k++) {
      const i = kept[k];
      const c = kpis.intervals[i].channels[channel];
      const g = kpis.intervals[i].groups[group];
      const lenSec = Math.min(mo.horizonSec, (i + 1) * I) - Math.max(mo.warmupSec, i * I);
      offered += c.offered;
      within += c.offered > 0 ? c.serviceLevel * c.offered : 0; // the scenario's SL formula is 'offered'
      answered += c.answered;
      waitSum += c.answered > 0 ? c.asaSeconds * c.answered : 0;
      abandoned += c.abandoned;
      busySec += g.busyAgents * lenSec;
      staffedSec += g.staffedAgents * lenSec; // no breaks in this workload
    }
    out.push({ serviceLevel: within / offered, asaSeconds: waitSum / answered, abandonRate: abandoned / offered, occupancy: busySec / staffedSec });
  }
  return out;
}

// ─── parent: spawn, collect, report ──────────────────────────────────────────

/** Run a command and parse the last line of its stdout as JSON; throws with its stderr on failure. */
function spawnJson<T>(command: string, args: string[]): T {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
  if (r.error || r.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stderr}`);
  }
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

function ccsimChild(arrivals: number, replication: number): CcsimRun {
  const self = fileURLToPath(import.meta.url);
  return spawnJson<CcsimRun>(process.execPath, [...process.execArgv, self, '--child', 'mmc', '--arrivals', String(arrivals), '--replication', String(replication)]);
}

/** The first interpreter that can import simpy, or undefined. */
function findSimpyPython(): string | undefined {
  for (const python of PYTHONS) {
    const r = spawnSync(python, ['-c', 'import simpy'], { stdio: 'ignore', timeout: 30_000 });
    if (r.status === 0) return python;
  }
  return undefined;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

interface BenchOptions {
  runs: number;
  arrivals: number;
  simpyRuns: number;
  simpyArrivals: number;
}

/** All measurements, ccsim and SimPy interleaved. */
function measureAll(o: BenchOptions): { ccsim: CcsimRun[]; simpy: SimpyResult } {
  const skipped = o.simpyRuns <= 0 || !existsSync(SIMPY_SCRIPT);
  const python = skipped ? undefined : findSimpyPython();
  const ccsim: CcsimRun[] = [];
  const simpy: SimpyRun[] = [];
  for (let i = 0; i < Math.max(o.runs, python ? o.simpyRuns : 0); i++) {
    if (i < o.runs) ccsim.push(ccsimChild(o.arrivals, i));
    if (python && i < o.simpyRuns) simpy.push(spawnJson<SimpyRun>(python, [SIMPY_SCRIPT, String(o.simpyArrivals), String(i + 1)]));
  }
  return {
    ccsim,
    simpy: python ? { installed: true, python, runs: simpy, medianArrivalsPerSec: median(simpy.map((s) => s.arrivalsPerSec)) } : { installed: false, skipped, install: SIMPY_INSTALL },
  };
}

/** The figures `--json` prints and the table is drawn from. */
function summarizeBench(o: BenchOptions, ccsim: CcsimRun[], simpy: SimpyResult, loadAtStart: number[]) {
  const medianArrivalsPerSec = median(ccsim.map((r) => r.arrivalsPerSec));
  const medianPeakRssMiB = median(ccsim.map((r) => r.peakRssMiB));
  const maxPeakRssMiB = Math.max(...ccsim.map((r) => r.peakRssMiB));
  const ratio = simpy.installed ? medianArrivalsPerSec / simpy.medianArrivalsPerSec : undefined;
  return {
    workload: {
      model: 'M/M/c+M',
      arrivalsPerMin: MMC_PER_MIN,
      ahtSec: MMC_AHT_SEC,
      agents: MMC_AGENTS,
      patienceSec: MMC_PATIENCE_SEC,
      arrivals: o.arrivals,
      warmupSec: mmcScenario(o.arrivals).metrics.warmupSec,
    },
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: { start: loadAtStart, end: loadAverages() }, date: new Date().toISOString() },
    ccsim: {
      runs: ccsim,
      medianArrivalsPerSec,
      medianEventsPerSec: median(ccsim.map((r) => r.eventsPerSec)),
      medianPeakRssMiB,
      maxPeakRssMiB,
      targets: {
        arrivalsPerSec: { target: TARGET_ARRIVALS_PER_SEC, met: medianArrivalsPerSec >= TARGET_ARRIVALS_PER_SEC },
        peakRssMiB: { target: TARGET_PEAK_RSS_MIB, met: maxPeakRssMiB <= TARGET_PEAK_RSS_MIB },
      },
    },
    simpy: simpy.installed ? { ...simpy, arrivals: o.simpyArrivals } : simpy,
    ratio: ratio === undefined ? undefined : { value: ratio, target: TARGET_SIMPY_RATIO, met: ratio >= TARGET_SIMPY_RATIO },
    erlangA: {
      run: 1,
      batches: ccsim[0].check.batches,
      agreeWithinSE: AGREE_SE,
      rows: ccsim[0].check.rows,
      agrees: ccsim[0].check.rows.every((r) => r.agrees),
      runsAgreeing: ccsim.filter((r) => r.check.rows.every((c) => c.agrees)).length,
    },
  };
}

type BenchSummary = ReturnType<typeof summarizeBench>;

const int = (x: number) => Math.round(x).toLocaleString('en-US');
const mega = (x: number) => `${(x / 1e6).toFixed(2)} M`;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

/** The readable table. */
function renderTable(s: BenchSummary): string {
  const w = s.workload;
  const c = s.ccsim;
  const lines = [
    `M/M/c+M: ${w.arrivalsPerMin}/min, AHT ${w.ahtSec} s, ${w.agents} agents, patience ${w.patienceSec} s, ${int(w.arrivals)} arrivals, full log + metrics`,
    `machine: ${s.machine.cores} cores, ${s.machine.cpu}, Node ${s.machine.node}, load average (1/5/15 min) ${s.machine.loadAverage.start.join(' ')} at start, ${s.machine.loadAverage.end.join(' ')} at end`,
    '',
    `ccsim   median ${mega(c.medianArrivalsPerSec)} arrivals/s, ${mega(c.medianEventsPerSec)} events/s, peak RSS median ${c.medianPeakRssMiB.toFixed(0)} MiB (max ${c.maxPeakRssMiB.toFixed(0)})` +
      `   target ≥ ${mega(TARGET_ARRIVALS_PER_SEC)}/s: ${verdict(c.targets.arrivalsPerSec.met)}, ≤ ${TARGET_PEAK_RSS_MIB} MiB: ${verdict(c.targets.peakRssMiB.met)}`,
    `        ${plural(c.runs.length, 'run')}, arrivals/s: ${c.runs.map((r) => mega(r.arrivalsPerSec)).join(', ')}`,
    `        seconds (simulate + measure): ${c.runs.map((r) => `${r.simulateSec.toFixed(2)}+${r.measureSec.toFixed(2)}`).join(', ')}`,
    `        peak RSS MiB: ${c.runs.map((r) => r.peakRssMiB.toFixed(0)).join(', ')};  events per run ≈ ${mega(median(c.runs.map((r) => r.events)))}`,
  ];
  if (s.simpy.installed) {
    const p = s.simpy;
    lines.push(
      `SimPy   median ${int(p.medianArrivalsPerSec)} arrivals/s (${plural(p.runs.length, 'run')} × ${int(p.arrivals)} arrivals: ${p.runs.map((r) => int(r.arrivalsPerSec)).join(', ')}; SimPy ${p.runs[0].simpy}, Python ${p.runs[0].python})`,
      `        ratio ${s.ratio!.value.toFixed(1)}× (target ≥ ${TARGET_SIMPY_RATIO}×): ${verdict(s.ratio!.met)}`,
      `        same model? SimPy run 1: SL(20 s) ${fix(p.runs[0].serviceLevel)}, ASA ${fix(p.runs[0].asaSeconds)} s, abandon rate ${fix(p.runs[0].abandonRate)}`,
    );
  } else if (s.simpy.skipped) {
    lines.push(`SimPy   skipped (--simpy-runs 0, or ${SIMPY_SCRIPT} missing)`);
  } else {
    lines.push(`SimPy   not installed (no python3 here can import simpy): ${SIMPY_INSTALL} to measure the ratio`);
  }
  if (w.arrivals !== MMC_ARRIVALS) lines.push(`        (the targets are set for ${int(MMC_ARRIVALS)} arrivals; this run used ${int(w.arrivals)})`);
  const e = s.erlangA;
  lines.push(
    '',
    `Erlang A check (run 1, after ${int(w.warmupSec)} s warm-up; SE by ${e.batches} batch means; agrees = within ${e.agreeWithinSE} SE):`,
    `  ${'KPI'.padEnd(14)}${'simulated'.padStart(11)}${'± SE'.padStart(11)}${'Erlang A'.padStart(11)}${'z'.padStart(7)}`,
    ...e.rows.map(
      (r) =>
        `  ${r.label.padEnd(14)}${fix(r.simulated).padStart(11)}${fix(r.standardError).padStart(11)}${fix(r.erlangA).padStart(11)}${`${r.z >= 0 ? '+' : '−'}${Math.abs(r.z).toFixed(1)}`.padStart(7)}   ${r.agrees ? 'agrees' : 'DISAGREES'}`,
    ),
    `  ${e.agrees ? 'agrees' : 'DISAGREES'} (all four KPIs agree in ${e.runsAgreeing} of ${c.runs.length} runs)`,
  );
  return lines.join('\n');
}

/** The 1, 5 and 15 minute load averages, rounded: other work on a shared machine shows here. */
function loadAverages(): number[] {
  return loadavg().map((x) => Math.round(x * 100) / 100);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function fix(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 0.1 ? x.toFixed(4) : x.toPrecision(3);
}

// ─── parallel replications: 1 → 2 worker threads ─────────────────────────────

/** What one `--child parallel` run measures. */
interface ParallelRun {
  workers: number;
  replications: number;
  arrivalsPerReplication: number;
  /** Wall-clock seconds of the whole study, worker start-up included (what a user waits). */
  seconds: number;
  /** SHA-256 of the study's JSON: the same for every worker count. */
  sha256: string;
}

/** One study of the M/M/c+M workload on `workers` threads, timed from pool creation to the last result. */
async function runParallelChild(workers: number, replications: number, arrivals: number): Promise<ParallelRun> {
  const scenario = mmcScenario(arrivals);
  const t0 = process.hrtime.bigint();
  const pool = new ReplicationPool(workers);
  const study = await runStudyWith(pool, scenario, { replications, seed: 1 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  await pool.close();
  const sha256 = createHash('sha256').update(JSON.stringify(studyJson(study))).digest('hex');
  return { workers, replications, arrivalsPerReplication: arrivals, seconds, sha256 };
}

/** Interleaved runs with 1 and 2 workers; the speed-up is the ratio of the median wall-clock times. */
function measureParallel(runs: number, replications: number, arrivals: number) {
  const self = fileURLToPath(import.meta.url);
  const child = (workers: number) =>
    spawnJson<ParallelRun>(process.execPath, [self, '--child', 'parallel', '--workers', String(workers), '--replications', String(replications), '--arrivals', String(arrivals)]);
  const one: ParallelRun[] = [];
  const two: ParallelRun[] = [];
  for (let i = 0; i < runs; i++) {
    one.push(child(1));
    two.push(child(2));
  }
  const m1 = median(one.map((r) => r.seconds));
  const m2 = median(two.map((r) => r.seconds));
  return {
    replications,
    arrivalsPerReplication: arrivals,
    runs,
    oneWorkerSeconds: one.map((r) => r.seconds),
    twoWorkersSeconds: two.map((r) => r.seconds),
    medianOneWorkerSec: m1,
    medianTwoWorkersSec: m2,
    speedup: m1 / m2,
    identical: new Set([...one, ...two].map((r) => r.sha256)).size === 1,
  };
}

function renderParallel(p: ReturnType<typeof measureParallel>): string {
  const secs = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
  return [
    '',
    `Parallel replications (M/M/c+M, ${p.replications} replications × ${int(p.arrivalsPerReplication)} arrivals, wall clock incl. worker start-up, ${plural(p.runs, 'run')} each):`,
    `  1 worker   median ${p.medianOneWorkerSec.toFixed(2)} s  (${secs(p.oneWorkerSeconds)})`,
    `  2 workers  median ${p.medianTwoWorkersSec.toFixed(2)} s  (${secs(p.twoWorkersSeconds)})`,
    `  speed-up 1 → 2 workers: ${p.speedup.toFixed(2)}×; results ${p.identical ? 'byte-identical' : 'DIFFER'} across worker counts`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      workers: { type: 'string', default: '1' },
      replications: { type: 'string', default: '8' },
      'parallel-runs': { type: 'string', default: '3' },
      'parallel-replications': { type: 'string', default: '8' },
      'parallel-arrivals': { type: 'string', default: '400000' },
      replication: { type: 'string', default: '0' },
      arrivals: { type: 'string', default: String(MMC_ARRIVALS) },
      runs: { type: 'string', default: '5' },
      'simpy-runs': { type: 'string', default: '3' },
      'simpy-arrivals': { type: 'string', default: '200000' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.child === 'mmc') {
    process.stdout.write(JSON.stringify(runChild(Number(values.arrivals), Number(values.replication))) + '\n');
    return;
  }
  if (values.child === 'helpdesk') {
    process.stdout.write(JSON.stringify(helpdeskChild(Number(values.replications))) + '\n');
    return;
  }
  if (values.child === 'parallel') {
    process.stdout.write(JSON.stringify(await runParallelChild(Number(values.workers), Number(values.replications), Number(values.arrivals))) + '\n');
    return;
  }
  const o: BenchOptions = {
    runs: Math.max(1, Number(values.runs)),
    arrivals: Number(values.arrivals),
    simpyRuns: Number(values['simpy-runs']),
    simpyArrivals: Number(values['simpy-arrivals']),
  };
  if (!values.json) process.stderr.write(`bench: ${o.runs} ccsim runs of ${int(o.arrivals)} arrivals, up to ${o.simpyRuns} SimPy runs of ${int(o.simpyArrivals)}…\n`);
  const loadAtStart = loadAverages();
  const { ccsim, simpy } = measureAll(o);
  const summary = summarizeBench(o, ccsim, simpy, loadAtStart);
  const parallelRuns = Number(values['parallel-runs']);
  const parallel = parallelRuns > 0 ? measureParallel(parallelRuns, Number(values['parallel-replications']), Number(values['parallel-arrivals'])) : undefined;
  const helpdesk = measureHelpdesk(fileURLToPath(import.meta.url));
  process.stdout.write(
    (values.json
      ? JSON.stringify({ ...summary, parallel, helpdesk }, null, 2)
      : renderTable(summary) + (parallel ? renderParallel(parallel) : '') + renderHelpdesk(helpdesk)) + '\n',
  );
}

main().catch((err) => {
  process.stderr.write(`bench: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
