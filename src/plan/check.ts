/**
 * `ccsim check`: regression checks of scenarios against their `expect:` block or a stored
 * baseline.
 *
 *   paths ─▶ scenario files (a folder: its files, sorted) ─▶ prepare each: load, resolve the
 *   expect paths, read the baseline and its scenario version   (any bad input: exit 2 before running)
 *        ─▶ run each (its seed, its replications) ─▶ one line per expectation ─▶ exit 1 on a breach
 *        └─▶ --update: write the baseline (atomically)
 *
 * An expectation bounds the mean over the replications: `min`, `max`, or `approx` with a
 * relative `tolerance` (default 5 %). A baseline holds the means and 95 % CIs of a few
 * KPIs per channel, total and group; a KPI breaches its baseline when the two CIs do not
 * overlap, or, where the baseline file gives one, when the means differ by more than a
 * relative tolerance. A baseline records the scenario version (a hash of the file's data
 * without description, seed, replications and expect), and a baseline of another version
 * is refused: the scenario changed, so `--update` must say the change is intended.
 *
 * Zero checks are never a pass: a baseline that records no KPI fails, and with `--strict`
 * so does a scenario with neither an `expect:` block nor a baseline.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { writeOutputFile } from '../logs/outputs.js';
import { MSG, inputError } from '../messages.js';
import type { Estimate, Summary } from '../metrics/index.js';
import { loadScenario, readScenarioFile } from '../scenario/index.js';
import type { Expectation, Scenario } from '../scenario/types.js';
import { runStudyWith, type ReplicationRunner } from './study.js';
import { estimateAt, formatEstimate, formatNumber, resolveKpiPath, type KpiPath } from './targets.js';

/** KPIs a baseline records, where the scenario has them. */
const BASELINE_CONTACT_KPIS = ['offered', 'serviceLevel', 'asaSeconds', 'abandonRate', 'firstResponseSeconds', 'backlogEnd'];
const BASELINE_GROUP_KPIS = ['occupancy'];
/** Tolerance of `approx` when the expectation gives none. */
export const DEFAULT_TOLERANCE = 0.05;

/** A baseline file. */
export interface Baseline {
  format: 'ccsim-baseline';
  formatVersion: 1;
  scenario: string;
  scenarioVersion: string;
  seed: number;
  replications: number;
  kpis: Record<string, Estimate>;
  /** Optional relative tolerances by KPI path, written by hand and kept by --update. */
  tolerance?: Record<string, number>;
}

/** A scenario ready to check: everything read and validated, nothing run. */
export interface PreparedCheck {
  file: string;
  scenario: Scenario;
  version: string;
  expectations: { path: KpiPath; expectation: Expectation }[];
  baselineFile: string;
  baseline?: Baseline;
  /** The baseline's KPIs, resolved against the scenario. */
  baselineKpis: { path: KpiPath; base: Estimate }[];
  /** --update will write a baseline for it. */
  update: boolean;
}

/** One checked expectation or baseline KPI. */
export interface CheckLine {
  pass: boolean;
  /** A stable test name (no measured values in it), for JUnit. */
  name: string;
  path: string;
  value?: Estimate;
  unit: KpiPath['unit'];
  /** The bound, as printed: `≥ 0.78`, `baseline 0.80 [0.77, 0.83]: CIs overlap`. */
  bound: string;
}

/** The outcome for one scenario. */
export interface ScenarioOutcome {
  file: string;
  lines: CheckLine[];
  /** Why nothing was checked. */
  skipped?: string;
  /** Baseline written by --update. */
  wrote?: string;
  seconds: number;
}

/** The scenario files named by paths: a folder gives its top-level .yaml/.yml/.json files, sorted by name. */
export function scenarioFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw inputError(MSG.fileNotFound(p), { file: p });
    }
    if (!isDir) {
      out.push(p);
      continue;
    }
    const names = readdirSync(p)
      .filter((f) => /\.(ya?ml|json)$/i.test(f))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (names.length === 0) throw inputError(MSG.noScenarios(p), { file: p });
    out.push(...names.map((f) => join(p, f)));
  }
  return out;
}

/** Where the baseline of a scenario file lives: `<its folder>/baselines/<name>.json`, or in `dir`. */
export function baselinePath(file: string, dir?: string): string {
  const stem = basename(file, extname(file));
  return join(dir ?? join(dirname(file), 'baselines'), `${stem}.json`);
}

/** A short hash of the scenario's data, without the fields that do not change the model. */
export function scenarioVersion(raw: unknown): string {
  const { description: _d, seed: _s, replications: _r, expect: _e, ...model } = raw as Record<string, unknown>;
  return createHash('sha256').update(canonicalJson(model)).digest('hex').slice(0, 16);
}

/** Load a scenario, resolve its expectations, read its baseline; every problem is an InputError. */
export function prepareCheck(file: string, o: { baselines?: string; update?: boolean } = {}): PreparedCheck {
  const scenario = loadScenario(file);
  const version = scenarioVersion(readScenarioFile(file));
  const expectations = Object.entries(scenario.expect ?? {}).map(([text, expectation]) => ({
    path: resolveKpiPath(text, scenario, { file, path: `expect.${text}` }),
    expectation,
  }));
  const baselineFile = baselinePath(file, o.baselines);
  const stored = readBaseline(baselineFile, o.update); // --update replaces even a malformed one
  if (stored && !o.update && stored.scenarioVersion !== version) {
    throw inputError(MSG.baselineVersion(stored.scenarioVersion, version, file), { file: baselineFile, path: 'scenarioVersion' });
  }
  const update = Boolean(o.update) && (expectations.length === 0 || stored !== undefined);
  const baseline = o.update ? undefined : stored;
  const baselineKpis = Object.entries(baseline?.kpis ?? {}).map(([text, base]) => ({
    path: resolveKpiPath(text, scenario, { file: baselineFile, path: `kpis.${text}` }),
    base,
  }));
  return { file, scenario, version, expectations, baselineFile, ...(baseline ? { baseline } : {}), baselineKpis, update };
}

/** Run one prepared scenario and judge it; with `update`, write its baseline; with `strict`, a scenario without expectations fails. */
export async function runCheck(runner: ReplicationRunner, p: PreparedCheck, o: { replications?: number; strict?: boolean } = {}): Promise<ScenarioOutcome> {
  const started = performance.now();
  const emptyBaseline = p.baseline !== undefined && p.baselineKpis.length === 0;
  if (p.expectations.length === 0 && !p.update && (p.baselineKpis.length === 0 || emptyBaseline)) {
    const record = `ccsim check --update ${p.file} records one`;
    if (emptyBaseline) return { file: p.file, lines: [unchecked('baseline', `${p.baselineFile} records no KPI: 0 checks are not a pass (${record})`)], seconds: 0 };
    if (o.strict) return { file: p.file, lines: [unchecked('expect', `no expect: block and no baseline, which --strict requires (add an expect: block, or ${record})`)], seconds: 0 };
    return { file: p.file, lines: [], skipped: `no expect: block and no baseline (${record})`, seconds: 0 };
  }
  const replications = o.replications ?? p.scenario.replications;
  const study = await runStudyWith(runner, p.scenario, { replications, seed: p.scenario.seed });
  const lines = [
    ...p.expectations.map(({ path, expectation }) => judgeExpectation(study.summary, path, expectation)),
    ...p.baselineKpis.map(({ path, base }) => judgeBaseline(study.summary, path, base, p.baseline?.tolerance?.[path.text])),
    ...(emptyBaseline ? [unchecked('baseline', `${p.baselineFile} records no KPI: 0 checks are not a pass (re-record it with ccsim check --update ${p.file})`)] : []),
  ];
  let wrote: string | undefined;
  if (p.update) {
    const previous = readBaseline(p.baselineFile, true);
    const b = makeBaseline(p, study.summary, replications, previous?.tolerance);
    writeOutputFile(p.baselineFile, JSON.stringify(b, null, 2) + '\n', '--update');
    wrote = p.baselineFile;
  }
  return { file: p.file, lines, ...(wrote ? { wrote } : {}), seconds: (performance.now() - started) / 1000 };
}

/** A failed check that measured nothing: the scenario has nothing to check against. */
function unchecked(path: string, bound: string): CheckLine {
  return { pass: false, name: `${path} has something to check`, path, unit: 'count', bound };
}

/** An expectation against the mean over the replications. */
function judgeExpectation(s: Summary, path: KpiPath, e: Expectation): CheckLine {
  const value = estimateAt(s, path);
  const parts: string[] = [];
  let pass = value !== undefined;
  const m = value?.mean ?? NaN;
  if (e.min !== undefined) {
    parts.push(`≥ ${e.min}`);
    pass &&= m >= e.min;
  }
  if (e.max !== undefined) {
    parts.push(`≤ ${e.max}`);
    pass &&= m <= e.max;
  }
  if (e.approx !== undefined) {
    const tol = e.tolerance ?? DEFAULT_TOLERANCE;
    const half = tol * Math.abs(e.approx);
    parts.push(`≈ ${e.approx} ± ${+(tol * 100).toFixed(6)} % (${formatNumber(e.approx - half, path.unit)} … ${formatNumber(e.approx + half, path.unit)})`);
    pass &&= Math.abs(m - e.approx) <= half;
  }
  const bound = `expected ${parts.join(' and ')}`;
  return { pass, name: `${path.text} ${bound}`, path: path.text, value, unit: path.unit, bound: `${bound}${value ? '' : ' (the KPI has no value in this run)'}` };
}

/** A baseline KPI: a breach when the CIs do not overlap, or the means differ by more than its tolerance. */
function judgeBaseline(s: Summary, path: KpiPath, base: Estimate, tol: number | undefined): CheckLine {
  const value = estimateAt(s, path);
  const shown = `baseline ${formatEstimate(base, path.unit)}`;
  const line = { name: `${path.text} within its baseline`, path: path.text, unit: path.unit };
  if (!value) return { ...line, pass: false, bound: `${shown}: the KPI has no value in this run` };
  const overlap = value.lo <= base.hi && base.lo <= value.hi;
  const rel = base.mean === 0 ? (value.mean === 0 ? 0 : Infinity) : Math.abs(value.mean - base.mean) / Math.abs(base.mean);
  if (!overlap) return { ...line, value, pass: false, bound: `${shown}: CIs do not overlap` };
  if (tol !== undefined && rel > tol) return { ...line, value, pass: false, bound: `${shown}: differs by ${pct(rel)} > tolerance ${pct(tol)}` };
  return { ...line, value, pass: true, bound: `${shown}: CIs overlap${tol !== undefined ? `, within ${pct(tol)}` : ''}` };
}

function makeBaseline(p: PreparedCheck, s: Summary, replications: number, tolerance?: Record<string, number>): Baseline {
  const kpis: Record<string, Estimate> = {};
  const add = (prefix: string, rec: Record<string, Estimate>, keys: readonly string[]) => {
    for (const k of keys) if (rec[k]) kpis[`${prefix}.${k}`] = rec[k];
  };
  for (const [id, rec] of Object.entries(s.channels)) add(id, rec, BASELINE_CONTACT_KPIS);
  if (Object.keys(s.channels).length > 1) add('total', s.total, BASELINE_CONTACT_KPIS);
  for (const [id, rec] of Object.entries(s.groups)) add(Object.hasOwn(s.channels, id) ? `groups.${id}` : id, rec, BASELINE_GROUP_KPIS);
  return {
    format: 'ccsim-baseline',
    formatVersion: 1,
    scenario: p.scenario.name,
    scenarioVersion: p.version,
    seed: p.scenario.seed,
    replications,
    kpis,
    ...(tolerance ? { tolerance } : {}),
  };
}

/** The baseline at `file`, or undefined when there is none; a malformed one is bad input unless `lenient`. */
function readBaseline(file: string, lenient = false): Baseline | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const bad = (detail: string) => {
    if (lenient) return undefined;
    throw inputError(MSG.badBaseline(detail), { file });
  };
  let b: Baseline;
  try {
    b = JSON.parse(text) as Baseline;
  } catch (e) {
    return bad(`it is not JSON (${(e as Error).message.split('\n')[0]})`);
  }
  if (b?.format !== 'ccsim-baseline' || b.formatVersion !== 1) return bad("its format is not 'ccsim-baseline' version 1");
  if (typeof b.scenarioVersion !== 'string' || !b.kpis || typeof b.kpis !== 'object') return bad('it lacks scenarioVersion or kpis');
  for (const [k, e] of Object.entries(b.kpis)) {
    if (![e?.mean, e?.lo, e?.hi].every((x) => typeof x === 'number')) return bad(`kpis.${k} is not {mean, lo, hi}`);
  }
  for (const [k, t] of Object.entries(b.tolerance ?? {})) {
    if (!(typeof t === 'number' && t >= 0)) return bad(`tolerance.${k} is not a number ≥ 0`);
  }
  return b;
}

/** One output line: `PASS  file  path = value [lo, hi]  bound`. */
export function formatCheckLine(file: string, l: CheckLine): string {
  const value = l.value ? ` = ${formatEstimate(l.value, l.unit)}` : '';
  return `${l.pass ? 'PASS' : 'FAIL'}  ${file}  ${l.path}${value}  ${l.bound}`;
}

/** True when a file's first bytes are a JUnit report `ccsim check` wrote (its test-suites name), which the next run may replace. */
export function isCheckJunit(head: string): boolean {
  return /^<\?xml[^>]*\?>\s*<testsuites name="ccsim check"/.test(head);
}

/** The report as JUnit XML: a test suite per scenario, a test case per expectation. */
export function junitXml(outcomes: readonly ScenarioOutcome[]): string {
  const count = (f: (o: ScenarioOutcome) => number) => outcomes.reduce((n, o) => n + f(o), 0);
  const tests = count((o) => o.lines.length || 1);
  const failures = count((o) => o.lines.filter((l) => !l.pass).length);
  const skipped = count((o) => (o.skipped ? 1 : 0));
  const time = count((o) => o.seconds).toFixed(3);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ccsim check" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}">`,
  ];
  for (const o of outcomes) {
    const f = o.lines.filter((l) => !l.pass).length;
    out.push(`  <testsuite name="${xml(o.file)}" tests="${o.lines.length || 1}" failures="${f}" errors="0" skipped="${o.skipped ? 1 : 0}" time="${o.seconds.toFixed(3)}">`);
    if (o.skipped) {
      out.push(`    <testcase classname="${xml(o.file)}" name="expectations" time="0">`, `      <skipped message="${xml(o.skipped)}"/>`, '    </testcase>');
    }
    for (const l of o.lines) {
      const name = xml(l.name);
      if (l.pass) out.push(`    <testcase classname="${xml(o.file)}" name="${name}" time="0"/>`);
      else out.push(`    <testcase classname="${xml(o.file)}" name="${name}" time="0">`, `      <failure message="${xml(formatCheckLine(o.file, l))}"/>`, '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function pct(x: number): string {
  return `${+(x * 100).toFixed(2)} %`;
}

/** JSON with object keys sorted at every level, so that key order in the file does not change the hash. */
function canonicalJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonicalJson).join(',')}]`;
  if (x && typeof x === 'object') {
    const keys = Object.keys(x).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((x as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(x) ?? 'null';
}
