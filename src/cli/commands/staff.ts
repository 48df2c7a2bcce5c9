/** `ccsim staff <scenario> --target EXPR`: agents per interval and group to meet the targets; analytic guess, then simulation. */
import { reportWriters } from '../lazyReport.js';
import { dirname, join, relative, resolve } from 'node:path';
import { Document, isScalar, isSeq, visit } from 'yaml';
import type { CommandModule } from 'yargs';
import { prepareFolder, writeFolder } from '../../logs/outputFolder.js';
import type { OutputGuard } from '../../logs/outputs.js';
import { safeSegment } from '../../logs/safeName.js';
import { MSG, inputError } from '../../messages.js';
import { CONTACT_METRICS, type Unit } from '../../metrics/definitions.js';
import { poolFor } from '../../plan/parallel.js';
import { staffScenario, staffTargets, type Hours, type StaffResult } from '../../plan/staff.js';
import { alignColumns, formatNumber, parseRate, parseTarget } from '../../plan/targets.js';
import { withStaffingTables } from '../../plan/vary.js';
import { buildScenario, formatDuration, loadScenario, readScenarioFile } from '../../scenario/index.js';
import type { Scenario } from '../../scenario/types.js';
import { CheckFailed, io } from '../io.js';
import { FORCE_OPTION } from '../force.js';
import { scenarioInputs } from '../inputs.js';
import { amountFlag, flagText, positiveInt, seedFlag } from '../options.js';

interface StaffArgs {
  scenario: string;
  target?: string | string[];
  replications?: string;
  seed?: string;
  confidence?: string;
  maxIterations?: string;
  cost?: string;
  out?: string;
  json?: boolean;
  workers?: string;
  force?: boolean;
}

export const staffCommand: CommandModule<object, StaffArgs> = {
  command: 'staff <scenario>',
  describe: 'agents per interval and group to meet targets: Erlang A first guess, then simulation to confirm and correct',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' })
      .option('target', { type: 'string', describe: "KPI target, quoted, e.g. 'voice.serviceLevel>=0.8' (repeatable; channels without one keep the scenario's target)" })
      .option('replications', { alias: 'r', type: 'string', describe: "replications per simulation (default: the scenario's)" })
      .option('seed', { type: 'string', describe: "master seed (default: the scenario's)" })
      .option('confidence', { type: 'string', describe: 'one-sided confidence that each interval meets each target, 0.95 or 95% (default 0.95; 0.5 = the mean does)' })
      .option('max-iterations', { type: 'string', describe: 'most simulations the search may run (default 30)' })
      .option('cost', { type: 'string', describe: "cost of an agent-hour (default: the scenario's hourlyCost)" })
      .option('out', { type: 'string', describe: 'folder for staffing.csv, staffing.json and the staffed scenario (default: reports/<scenario>-staff)' })
      .option('json', { type: 'boolean', describe: 'print staffing.json instead of the table' })
      .option('workers', { type: 'string', describe: 'worker threads (default: every core)' })
      .option('force', FORCE_OPTION)
      .example("$0 staff scenarios/retail-bank-day.yaml --target 'accounts.serviceLevel>=0.8' --target 'cards.abandonRate<=0.01'", 'other channels keep their own targets'),
  handler: async (argv) => {
    const scenario = loadScenario(argv.scenario);
    const raw = readScenarioFile(argv.scenario);
    const given = (argv.target === undefined ? [] : Array.isArray(argv.target) ? argv.target : [argv.target]).map((t) => parseTarget(String(t), scenario, { path: '--target' }));
    const targets = staffTargets(given, scenario, { path: '--target' });
    const confidence = readConfidence(argv.confidence);
    const maxIterations = positiveInt(argv.maxIterations, '--max-iterations', '--max-iterations 30') ?? 30;
    const cost = amountFlag(argv.cost, '--cost', '--cost 32 (the cost of one agent-hour)');
    // The scenario name is free text: as a path segment it is made safe first.
    const stem = safeSegment(scenario.name);
    const outDir = argv.out ?? join('reports', `${stem}-staff`);
    const staffedName = `${stem}-staffed.yaml`;
    const staffedFile = join(outDir, staffedName);
    const guard: OutputGuard = { command: 'staff', flag: '--out', force: Boolean(argv.force), inputs: scenarioInputs(argv.scenario, raw) };
    const { mayBeReportFile, runReportFiles } = await reportWriters();
    const tables = ['staffing.json', 'staffing.csv', staffedName];
    prepareFolder(outDir, guard, (name) => tables.includes(name) || mayBeReportFile(name));
    const out = io();
    const pool = poolFor(positiveInt(argv.workers, '--workers'));
    let found: Awaited<ReturnType<typeof staffScenario>>;
    try {
      found = await staffScenario(pool, scenario, targets, {
        replications: positiveInt(argv.replications, '--replications') ?? scenario.replications,
        seed: seedFlag(argv.seed) ?? scenario.seed,
        confidence,
        maxIterations,
        onIteration: (it) => out.err(`staff: iteration ${it.iteration}: ${formatNumber(it.agentHours, 'hours')} agent-hours, ${it.unmet} interval target${it.unmet === 1 ? '' : 's'} missed\n`),
      });
    } finally {
      await pool.close();
    }
    const { result, study, counts } = found;
    const rates = costRates(scenario, cost);
    const doc = { ...result, ...(rates ? { cost: costs(result, rates) } : {}), file: argv.scenario };

    const staffed = staffedScenario(raw, argv.scenario, staffedFile, scenario, result, counts);
    // The staffed scenario's own report (charts of the last simulation), beside the tables: one folder, one manifest.
    const report = runReportFiles({ study, targets: Object.fromEntries(Object.values(scenario.channels).map((c) => [c.id, c.target])) });
    const paths = writeFolder(outDir, [
      { name: 'staffing.json', text: JSON.stringify(doc, null, 2) + '\n' },
      { name: 'staffing.csv', text: staffCsv(result) },
      { name: staffedName, text: staffed },
      ...report,
    ], guard);
    if (argv.json) out.out(JSON.stringify(doc, null, 2) + '\n');
    else out.out(renderStaff(result, rates));
    out.err(`wrote ${paths[1]}, ${paths[0]}, ${paths[2]}, ${paths[3]}\n`);
    if (!result.met) throw new CheckFailed('targets unmet');
  },
};

/** --confidence as a fraction (`0.95` or `95%`), from 0.5 up to below 1; 0.95 when absent. */
function readConfidence(value: unknown): number {
  const text = flagText(value, '--confidence');
  if (text === undefined) return 0.95;
  const c = parseRate(text);
  if (c === undefined || !(c >= 0.5 && c < 1)) throw inputError(MSG.badConfidence(text), { path: '--confidence' });
  return c;
}

/** Cost of an agent-hour per group: --cost for all, else each group's hourlyCost; undefined when a group has none. */
function costRates(s: Scenario, flag: number | undefined): Record<string, number> | undefined {
  const groups = Object.values(s.groups);
  if (flag !== undefined) return Object.fromEntries(groups.map((g) => [g.id, Number(flag)]));
  if (groups.some((g) => g.hourlyCost === undefined)) return undefined;
  return Object.fromEntries(groups.map((g) => [g.id, g.hourlyCost!]));
}

function costs(r: StaffResult, rates: Record<string, number>) {
  const of = (h: Hours) => Object.entries(h.groups).reduce((sum, [g, hours]) => sum + hours * rates[g], 0);
  return { hourlyCost: rates, simulation: of(r.agentHours.simulation), erlang: of(r.agentHours.erlang) };
}

/** The table a planner reads: agents per interval and group (simulation and Erlang), each target's confidence bound, then hours and cost. */
function renderStaff(r: StaffResult, rates: Record<string, number> | undefined): string {
  const groups = Object.keys(r.intervals[0].groups);
  const conf = `${+(r.confidence * 100).toFixed(2)} %`;
  const header = ['interval', ...groups, ...groups.map((g) => `${g} Erlang`), ...r.targets.map((t) => `${t} (${conf} bound)`)];
  const rows = [header];
  for (const iv of r.intervals) {
    rows.push([
      iv.clock,
      ...groups.map((g) => String(iv.groups[g].agents)),
      ...groups.map((g) => String(iv.groups[g].erlang)),
      ...r.targets.map((t) => {
        const v = iv.targets[t];
        if (!iv.measured) return 'warm-up';
        if (!v) return '–';
        return `${formatNumber(v.bound, unitOf(t))}${v.met ? '' : ' MISSED'}`;
      }),
    ]);
  }
  const h = (x: Hours) => `${fmt1(x.total)} (${Object.entries(x.groups).map(([g, v]) => `${g} ${fmt1(v)}`).join(', ')})`;
  const sim = r.agentHours.simulation.total;
  const erl = r.agentHours.erlang.total;
  const delta = erl - sim;
  const lines = [
    `staff ${r.scenario}: ${r.targets.join(', ')} in every ${formatDuration(r.intervalSec)} interval at ${conf} confidence`,
    `${r.replications} replications per simulation, seed ${r.seed}; ${r.iterations} simulation${r.iterations === 1 ? '' : 's'}, ${r.converged ? 'converged' : 'stopped at the iteration cap'}`,
    '',
    ...alignColumns(rows),
    '',
    `agent-hours: ${h(r.agentHours.simulation)} with simulation; ${h(r.agentHours.erlang)} with per-interval Erlang`,
    `  simulation ${delta >= 0 ? 'saves' : 'adds'} ${fmt1(Math.abs(delta))} agent-hours (${fmt1((Math.abs(delta) / (erl || 1)) * 100)} %): pooling across skills, queues carried between intervals, non-exponential times`,
  ];
  if (rates) {
    const c = costs(r, rates);
    const same = new Set(Object.values(rates)).size === 1;
    lines.push(`cost at ${same ? `${Object.values(rates)[0]} per agent-hour` : Object.entries(rates).map(([g, v]) => `${g} ${v}`).join(', ') + ' per agent-hour'}: ${money(c.simulation)} (per-interval Erlang: ${money(c.erlang)})`);
  } else {
    lines.push('cost: give --cost RATE, or hourlyCost in the scenario, to price the agent-hours');
  }
  if (!r.met) {
    lines.push(
      '',
      r.converged
        ? `NOT MET: even ${r.maxAgents} agents per group and interval miss these (check that the targets can be met):`
        : `NOT MET after ${r.iterations} simulations (raise --max-iterations):`,
    );
    for (const u of r.unmet) lines.push(`  ${u.clock}  ${u.target}: bound ${formatNumber(u.bound, unitOf(u.target))} (mean ${formatNumber(u.mean, unitOf(u.target))})`);
  } else if (!r.converged) {
    lines.push('', 'every target is met, but the search stopped at the iteration cap: fewer agents may do (raise --max-iterations)');
  }
  return lines.join('\n') + '\n';
}

/** staffing.csv: one row per interval and group. */
function staffCsv(r: StaffResult): string {
  const lines = ['intervalStartSec,clock,group,agents,erlangAgents'];
  for (const iv of r.intervals) for (const [g, v] of Object.entries(iv.groups)) lines.push(`${iv.startSec},${iv.clock},${g},${v.agents},${v.erlang}`);
  return lines.join('\n') + '\n';
}

/** The scenario file with the found staffing, as YAML, validated like any scenario file. */
function staffedScenario(raw: unknown, file: string, outFile: string, s: Scenario, r: StaffResult, counts: Record<string, number[]>): string {
  const interval = formatDuration(r.intervalSec);
  const data = withStaffingTables(raw, Object.fromEntries(Object.entries(counts).map(([g, c]) => [g, { interval, counts: c }]))) as Record<string, unknown>;
  data.name = `${s.name}-staffed`;
  data.description = `${s.name} staffed by ccsim staff: ${r.targets.join(', ')} at ${r.confidence * 100} % confidence`;
  rebaseCsvPaths(data, dirname(file), dirname(outFile));
  buildScenario(data, outFile);
  const doc = new Document(data);
  // Tables of numbers on one line each, as people write them.
  visit(doc, {
    Seq: (_, node) => void (isSeq(node) && node.items.every(isScalar) && (node.flow = true)),
    // Quote clock times: a YAML 1.1 reader would take 08:00 for the number 480.
    Scalar: (_, node) => void (typeof node.value === 'string' && /^\d+:\d+/.test(node.value) && (node.type = 'QUOTE_DOUBLE')),
  });
  doc.commentBefore = ` Generated by ccsim staff from ${file}; ${r.met ? 'every interval meets' : 'NOT every interval meets'} ${r.targets.join(', ')}.`;
  return doc.toString({ lineWidth: 0 });
}

/** Empirical distributions name CSV files relative to the scenario: keep them pointing at the same files. */
function rebaseCsvPaths(x: unknown, from: string, to: string): void {
  if (Array.isArray(x)) return x.forEach((v) => rebaseCsvPaths(v, from, to));
  if (!x || typeof x !== 'object') return;
  const o = x as Record<string, unknown>;
  if (o.dist === 'empirical' && typeof o.csv === 'string') o.csv = relative(resolve(to), resolve(from, o.csv));
  for (const v of Object.values(o)) rebaseCsvPaths(v, from, to);
}

/** The unit of a target's KPI (`voice.serviceLevel>=0.8` → rate). */
function unitOf(target: string): Unit {
  const path = target.split(/[<>=]/)[0];
  return CONTACT_METRICS.find((m) => path.endsWith(`.${m.key}`))?.unit ?? 'seconds';
}

function fmt1(x: number): string {
  return (Math.round(x * 10) / 10).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

function money(x: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
