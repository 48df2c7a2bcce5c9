/** `ccsim run <scenario>`: simulate, print the KPI table or JSON, optionally write a report and the log. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CommandModule } from 'yargs';
import { LogWriter, logFormatOf, sidePath, type LogMeta } from '../../logs/files.js';
import { prepareFolder } from '../../logs/outputFolder.js';
import { prepareDataFiles, type OutputGuard } from '../../logs/outputs.js';
import { guardWrite } from '../../logs/writeErrors.js';
import { MSG, inputError } from '../../messages.js';
import { poolFor } from '../../plan/parallel.js';
import { parseShard, runShardJson, shardItems } from '../../plan/shard.js';
import { runStudyWith, runStudyYielding, studyJson, type StudyResult } from '../../plan/study.js';
import { renderKpiTable } from '../../report/kpiTable.js';
import { reportWriters } from '../lazyReport.js';
import { FORCE_OPTION } from '../force.js';
import { scenarioInputs } from '../inputs.js';
import { loadScenario } from '../../scenario/index.js';
import type { Scenario } from '../../scenario/types.js';
import { io } from '../io.js';
import { positiveInt, seedFlag } from '../options.js';
import { progress } from '../progress.js';

interface RunArgs {
  scenario: string;
  replications?: string;
  seed?: string;
  json?: boolean;
  report?: string;
  log?: string;
  workers?: string;
  shard?: string;
  force?: boolean;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'simulate a scenario; print KPIs (table or --json), optionally write a report and the contact log',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.yaml, .yml or .json)' })
      .option('replications', { alias: 'r', type: 'string', describe: 'independent replications (default: the scenario\'s, else 10)' })
      .option('seed', { type: 'string', describe: 'master seed (default: the scenario\'s)' })
      .option('json', { type: 'boolean', describe: 'print the KPI document as JSON' })
      .option('report', { type: 'string', describe: 'write index.html (offline), one SVG per chart, summary.json and per-interval CSVs into this directory' })
      .option('log', { type: 'string', describe: 'write the contact log to FILE.csv or FILE.ndjson (plus .agents and .meta.json side files)' })
      .option('workers', { type: 'string', describe: 'worker threads for the replications (default: every core); results are the same for any count' })
      .option('force', FORCE_OPTION)
      .option('shard', { type: 'string', describe: 'run slice i of n of the replications (i/n, e.g. 2/4) and print it as JSON for `ccsim merge`' })
      .example('$0 run scenarios/retail-bank-day.yaml', 'KPI table of the default scenario')
      .example('$0 run scenarios/single-queue-erlang-a.yaml -r 20 --json', 'JSON with 95 % CIs over 20 replications')
      .example('$0 run scenarios/retail-bank-day.yaml --log out/calls.csv', 'also write every leg')
      .example('$0 run scenarios/retail-bank-day.yaml -r 40 --shard 2/4 > part2.json', 'replications 10-19 only; then ccsim merge part*.json'),
  handler: async (argv) => {
    const scenario = loadScenario(argv.scenario);
    const replications = positiveInt(argv.replications, '--replications') ?? scenario.replications;
    const seed = seedFlag(argv.seed) ?? scenario.seed;
    const workers = positiveInt(argv.workers, '--workers');
    const shard = argv.shard === undefined ? undefined : parseShard(String(argv.shard));
    if (shard && argv.report) throw inputError(MSG.shardWithOutput('--report'), { path: '--report' });
    const only = shard ? shardItems(shard, replications, 'replications') : undefined;
    // Every output is checked before the simulation, so a refusal costs nothing.
    const inputs = scenarioInputs(argv.scenario);
    const logPaths = argv.log ? logFiles(argv.log) : [];
    const force = Boolean(argv.force);
    const reportGuard: OutputGuard = { command: 'run', flag: '--report', force, inputs, others: logPaths.map((path) => ({ path, flag: '--log' })) };
    if (argv.report) prepareFolder(argv.report, reportGuard, (await reportWriters()).mayBeReportFile);
    if (argv.log) {
      const others = argv.report ? [{ path: argv.report, flag: '--report' }] : [];
      prepareDataFiles(logPaths, { command: 'run', flag: '--log', force, inputs, others }, 'holds a contact log (data)');
    }
    const writer = argv.log ? openLog(argv.log, scenario, seed, replications) : undefined;
    const bar = progress(`simulating ${scenario.name}`, Boolean(argv.json || shard));
    let result: StudyResult;
    try {
      if (writer) {
        // The log is written in replication order from this thread, so --log runs without workers.
        result = await runStudyYielding(scenario, { replications, seed, only, onLog: (log) => writer.write(log), onProgress: (d, t) => bar.update(d, t) });
      } else {
        const pool = poolFor(workers);
        try {
          result = await runStudyWith(pool, scenario, { replications, seed, only, onProgress: (d, t) => bar.update(d, t) });
        } finally {
          await pool.close();
        }
      }
      if (writer) guardWrite(argv.log!, '--log', () => writer.commit());
    } catch (e) {
      writer?.abort();
      throw e;
    } finally {
      bar.done();
    }
    const out = io();
    if (shard) out.out(JSON.stringify(runShardJson(result, shard, replications, only!), null, 2) + '\n');
    else if (argv.json) out.out(JSON.stringify(studyJson(result), null, 2) + '\n');
    else out.out(renderKpiTable(result, result.summary, targetsOf(scenario), result.measureOptions.withinSec));
    if (argv.report) {
      const { writeRunReport } = await reportWriters();
      const reportBar = progress('writing the report', Boolean(argv.json));
      const paths = writeRunReport(argv.report, {
        study: result,
        inputs: { ...inputsOf(argv.scenario, scenario), seed, replications },
        targets: targetsOf(scenario),
        onProgress: (d, t) => reportBar.update(d, t),
      }, reportGuard);
      reportBar.done();
      out.err(`wrote ${paths.join(', ')}\n`);
    }
    if (argv.log) out.err(`wrote the contact log to ${argv.log}\n`);
  },
};

/** The three files of `--log FILE`; a wrong extension is bad input. */
function logFiles(path: string): string[] {
  if (!logFormatOf(path)) throw inputError(MSG.unknownLogExtension(path), { path: '--log' });
  return [path, sidePath(path, 'agents'), sidePath(path, 'meta')];
}

function openLog(path: string, s: Scenario, seed: number, replications: number): LogWriter {
  const format = logFormatOf(path)!;
  const meta: LogMeta = {
    format: 'ccsim-log',
    version: 1,
    scenario: s.name,
    seed,
    replications,
    horizonSec: s.horizonSec,
    warmupSec: s.metrics.warmupSec,
    intervalSec: s.metrics.intervalSec,
    startClockSec: s.startClockSec,
    serviceLevelFormula: s.metrics.serviceLevelFormula,
    shortAbandonSec: s.metrics.shortAbandonSec,
    fcrWindowSec: s.metrics.fcrWindowSec,
    defaultWithinSec: s.metrics.defaultWithinSec,
    withinSec: Object.fromEntries(Object.values(s.channels).map((c) => [c.id, c.target?.withinSec ?? s.metrics.defaultWithinSec])),
    channels: Object.values(s.channels).map((c) => ({ id: c.id, kind: c.kind })),
    groups: Object.keys(s.groups),
  };
  return guardWrite(path, '--log', () => {
    mkdirSync(dirname(path), { recursive: true });
    return new LogWriter(path, format, meta);
  });
}

function targetsOf(s: Scenario) {
  return Object.fromEntries(Object.values(s.channels).map((c) => [c.id, c.target]));
}

/** The scenario's key inputs, recorded in summary.json for reproducibility. */
function inputsOf(file: string, s: Scenario): object {
  return {
    file,
    horizonSec: s.horizonSec,
    warmupSec: s.metrics.warmupSec,
    startClockSec: s.startClockSec,
    channels: Object.fromEntries(Object.values(s.channels).map((c) => [c.id, { kind: c.kind, handle: c.handle, wrapup: c.wrapup, patience: c.patience, target: c.target }])),
    groups: Object.fromEntries(Object.values(s.groups).map((g) => [g.id, { staffing: g.staffing, skills: g.skills }])),
  };
}
