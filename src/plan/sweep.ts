/**
 * `ccsim sweep`: one parameter varied over a range, KPIs at each value, every value with
 * the same seed (common random numbers, so the curve is smooth where the model is), and
 * for a single-queue scenario the Erlang A (or C) curve beside the simulated one.
 *
 *   parseVary ─▶ value v ─▶ scenarioWith(file data, PATH = v) ─▶ study (seed s) ─▶ point
 *                                      └─▶ single queue? ─▶ Erlang A at the means ─┘
 */
import { erlangA, erlangC, type QueueKpis } from '../analytic/index.js';
import { distMean } from '../engine/distributions.js';
import type { Unit } from '../metrics/definitions.js';
import type { Scenario } from '../scenario/types.js';
import { checkStudySize } from '../scenario/limits.js';
import { nonErlangFeatures } from '../scenario/erlangFit.js';
import type { AnalyticPoint, SweepResult } from './results.js';
import { runStudyWith, type ReplicationRunner } from './study.js';
import { alignColumns, estimateAt, formatNumber, formatPlusMinus, kpiPathsOf, type KpiPath } from './targets.js';
import { scenarioWith, type Vary } from './vary.js';

export interface SweepOptions {
  replications: number;
  seed: number;
  /** Refuse any point whose replication would simulate more contacts (scenario/limits). */
  maxContacts?: number;
  /** Indices of the points to run (a shard's slice); default all. */
  only?: readonly number[];
  /** Point k (index into the points run) has finished `done` of `total` replications. */
  onProgress?: (point: number, done: number, total: number) => void;
}

/** A sweep's result (the `analytic` note says what the Erlang curve assumes). */
export type Sweep = SweepResult;

/** Build every point's scenario (so bad values fail before any simulation), then run the selected points. */
export async function runSweep(runner: ReplicationRunner, raw: unknown, file: string, vary: Vary, o: SweepOptions): Promise<Sweep> {
  const scenarios = vary.values.map((value) => scenarioWith(raw, [{ path: vary.path, value }], file, '--set'));
  for (const s of scenarios) checkStudySize(s, o.replications, o.maxContacts, { file });
  const only = o.only ?? vary.values.map((_, i) => i);
  const points: SweepResult['points'] = [];
  for (const [k, i] of only.entries()) {
    const s = scenarios[i];
    const study = await runStudyWith(runner, s, { replications: o.replications, seed: o.seed, onProgress: (d, t) => o.onProgress?.(k, d, t) });
    const analytic = erlangPoint(s);
    points.push({ value: vary.values[i], summary: study.summary, ...(analytic ? { erlangA: analytic } : {}) });
  }
  const note = analyticNote(scenarios[0]);
  return { scenario: scenarios[0].name, path: vary.path, seed: o.seed, replications: o.replications, points, ...(note ? { analytic: note } : {}) };
}

/** The one channel and group of a scenario Erlang A (or C) describes, or undefined. */
function singleQueue(s: Scenario) {
  if (nonErlangFeatures(s).length > 0) return undefined;
  const [c] = Object.values(s.channels);
  const [g] = Object.values(s.groups);
  if (g.staffing.kind !== 'constant') return undefined;
  return { channel: c, agents: g.staffing.agents };
}

/** Erlang A (Erlang C without patience) at the scenario's means, for a single-queue scenario. */
export function erlangPoint(s: Scenario): AnalyticPoint | undefined {
  const q = singleQueue(s);
  if (!q || q.agents < 1) return undefined;
  const c = q.channel;
  const input = {
    arrivalsPerSec: c.arrivals.ratesPerSec[0],
    ahtSec: distMean(c.handle) + (c.wrapup ? distMean(c.wrapup) : 0),
    agents: q.agents,
    withinSec: c.target?.withinSec ?? s.metrics.defaultWithinSec,
  };
  let k: QueueKpis;
  if (c.patience) k = erlangA({ ...input, patienceSec: distMean(c.patience) });
  else {
    const r = erlangC(input);
    if (!r.stable) return undefined;
    k = r;
  }
  return { serviceLevel: k.serviceLevel, asaSeconds: k.asaSeconds, avgWaitSeconds: k.avgWaitSeconds, abandonRate: k.abandonRate, occupancy: k.occupancy };
}

/** What the analytic curve assumes, naming where this scenario departs from it. */
function analyticNote(s: Scenario): string | undefined {
  const features = nonErlangFeatures(s);
  if (features.length > 0) return `no Erlang curve: Erlang A does not model ${features.join(', ')}`;
  const q = singleQueue(s);
  if (!q) return undefined;
  const c = q.channel;
  const model = c.patience ? 'Erlang A' : 'Erlang C';
  const departs = [['handle', c.handle], ['wrapup', c.wrapup], ['patience', c.patience]]
    .filter(([, d]) => d && (d as { dist: string }).dist !== 'exponential')
    .map(([name, d]) => `${name} is ${(d as { dist: string }).dist}`);
  const assumes = `${model} assumes Poisson arrivals and exponential handle${c.patience ? ' and patience' : ' times'}; evaluated at this scenario's means`;
  return departs.length ? `${assumes} (here ${departs.join(', ')}, so expect a gap)` : assumes;
}

const TABLE_KEYS: { key: string; label: string; unit: Unit }[] = [
  { key: 'serviceLevel', label: 'SL', unit: 'rate' },
  { key: 'asaSeconds', label: 'ASA s', unit: 'seconds' },
  { key: 'abandonRate', label: 'abandon', unit: 'rate' },
  { key: 'avgWaitSeconds', label: 'avg wait s', unit: 'seconds' },
];
const ANALYTIC_KEYS: { key: keyof AnalyticPoint; label: string; unit: Unit }[] = [
  { key: 'serviceLevel', label: 'SL', unit: 'rate' },
  { key: 'asaSeconds', label: 'ASA s', unit: 'seconds' },
  { key: 'abandonRate', label: 'abandon', unit: 'rate' },
  { key: 'occupancy', label: 'occupancy', unit: 'rate' },
];

/** The sweep as a text table: the varied value, the main KPIs (one channel, or the total), occupancy, and the analytic curve. */
export function renderSweep(r: Sweep): string {
  const first = r.points[0].summary;
  const channels = Object.keys(first.channels);
  const scope = channels.length === 1 ? channels[0] : 'total';
  const paths: KpiPath[] = TABLE_KEYS.map((k) => ({ text: `${scope}.${k.key}`, scope: scope === 'total' ? 'total' : 'channels', id: scope, key: k.key, unit: k.unit }));
  for (const g of Object.keys(first.groups)) paths.push({ text: `${g}.occupancy`, scope: 'groups', id: g, key: 'occupancy', unit: 'rate' });
  const analytic = r.points.some((p) => p.erlangA);
  const model = r.analytic?.startsWith('Erlang C') ? 'Erlang C' : 'Erlang A';
  const header = [r.path, ...paths.map((p) => p.text), ...(analytic ? ANALYTIC_KEYS.map((k) => `${model} ${k.label}`) : [])];
  const rows = [header];
  for (const p of r.points) {
    rows.push([
      String(p.value),
      ...paths.map((q) => {
        const e = estimateAt(p.summary, q);
        return e ? formatPlusMinus(e, q.unit) : '–';
      }),
      ...(analytic ? ANALYTIC_KEYS.map((k) => (p.erlangA ? formatNumber(p.erlangA[k.key], k.unit) : '–')) : []),
    ]);
  }
  const lines = [
    `sweep ${r.scenario}: ${r.path} over ${r.points.length} value${r.points.length === 1 ? '' : 's'}; ${r.replications} replications each, seed ${r.seed} at every value (common random numbers); mean ± 95 % CI half-width`,
    '',
    ...alignColumns(rows),
  ];
  if (r.analytic) lines.push('', `${r.analytic}.`);
  return lines.join('\n') + '\n';
}

/** The sweep as CSV: one row per value; every KPI path as mean, _lo and _hi columns; the analytic values last. */
export function sweepCsv(r: Sweep): string {
  const paths: KpiPath[] = [];
  for (const p of r.points) for (const q of kpiPathsOf(p.summary)) if (!paths.some((x) => x.text === q.text)) paths.push(q);
  const analytic = r.points.some((p) => p.erlangA);
  const header = ['value', ...paths.flatMap((p) => [p.text, `${p.text}_lo`, `${p.text}_hi`]), ...(analytic ? ANALYTIC_KEYS.map((k) => `erlang.${k.key}`) : [])];
  const lines = [header.join(',')];
  for (const p of r.points) {
    const cells = paths.flatMap((q) => {
      const e = estimateAt(p.summary, q);
      return e ? [e.mean, e.lo, e.hi].map(String) : ['', '', ''];
    });
    lines.push([String(p.value), ...cells, ...(analytic ? ANALYTIC_KEYS.map((k) => (p.erlangA ? String(p.erlangA[k.key]) : '')) : [])].join(','));
  }
  return lines.join('\n') + '\n';
}
