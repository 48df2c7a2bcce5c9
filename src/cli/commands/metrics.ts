/** `ccsim metrics <log>`: the same KPIs as `run`, computed from a contact log on disk. */
import type { CommandModule } from 'yargs';
import { LogFormatError, readContactLog } from '../../logs/read.js';
import { readMapping } from '../../logs/mapping.js';
import { sidePath } from '../../logs/files.js';
import { InputError, MSG, inputError } from '../../messages.js';
import { measure, SERVICE_LEVEL_FORMULAS, type MeasureOptions, type ServiceLevelFormula } from '../../metrics/index.js';
import { studyJson, summarizeStudy } from '../../plan/study.js';
import { renderKpiTable } from '../../report/kpiTable.js';
import { reportWriters } from '../lazyReport.js';
import { existsSync } from 'node:fs';
import { prepareFolder } from '../../logs/outputFolder.js';
import type { OutputGuard } from '../../logs/outputs.js';
import { FORCE_OPTION } from '../force.js';
import { logInputs } from '../inputs.js';
import { io } from '../io.js';
import { durationFlag } from '../options.js';

/** Most reporting intervals one measurement holds (each is a row per channel in memory and in the report). */
const MAX_INTERVALS = 100_000;

interface MetricsArgs {
  log: string;
  json?: boolean;
  warmup?: string;
  horizon?: string;
  interval?: string;
  within?: string;
  slFormula?: string;
  fcrWindow?: string;
  map?: string;
  report?: string;
  force?: boolean;
}

export const metricsCommand: CommandModule<object, MetricsArgs> = {
  command: 'metrics <log>',
  describe: 'compute the KPIs from an existing contact log (.csv or .ndjson): ours, or a real export with --map',
  builder: (y) =>
    y
      .positional('log', { type: 'string', demandOption: true, describe: 'leg file written by `ccsim run --log` (side files are read when present)' })
      .option('map', { type: 'string', describe: "mapping file (YAML/JSON) from a real export's columns and time format onto the log's fields" })
      .option('json', { type: 'boolean', describe: 'print JSON instead of a table' })
      .option('warmup', { type: 'string', describe: 'ignore contacts arriving before this (default: from the .meta.json, else 0)' })
      .option('horizon', { type: 'string', describe: 'end of the observed period (default: from .meta.json, else the last time in the log)' })
      .option('interval', { type: 'string', describe: 'reporting interval (default: from .meta.json, else 30m)' })
      .option('within', { type: 'string', describe: 'service-level threshold for every channel (default: from .meta.json, else 20s)' })
      .option('sl-formula', { type: 'string', choices: SERVICE_LEVEL_FORMULAS as string[], describe: 'service-level variant' })
      .option('fcr-window', { type: 'string', describe: 'FCR window: a repeat contact within it counts against FCR (default: from .meta.json, else 7d)' })
      .option('report', { type: 'string', describe: 'write the report (index.html, SVGs, summary.json, per-interval CSVs) into this directory' })
      .option('force', FORCE_OPTION)
      .example('$0 metrics out/calls.csv', 'KPIs of a log written by `ccsim run --log out/calls.csv`')
      .example('$0 metrics export.csv --map acd-map.yaml', "KPIs of a real ACD export, its columns mapped onto the log's"),
  handler: async (argv) => {
    if (!existsSync(argv.log)) throw inputError(MSG.fileNotFound(argv.log), { file: argv.log });
    if (argv.map !== undefined && !existsSync(argv.map)) throw inputError(MSG.fileNotFound(argv.map), { file: argv.map });
    const guard: OutputGuard = { command: 'metrics', flag: '--report', force: Boolean(argv.force), inputs: logInputs(argv.log, argv.map) };
    if (argv.report) prepareFolder(argv.report, guard, (await reportWriters()).mayBeReportFile);
    let read;
    try {
      read = readContactLog(argv.log, argv.map !== undefined ? readMapping(argv.map) : undefined);
    } catch (e) {
      if (!(e instanceof LogFormatError)) throw e;
      const where = { file: e.file ?? argv.log, path: e.where };
      if (e.fix !== undefined) throw inputError({ what: e.what, fix: e.fix }, where);
      throw inputError(argv.map !== undefined && e.file === argv.map ? MSG.badMapping(e.what) : MSG.badLogFile(e.what), where);
    }
    const meta = read.meta;
    const within = durationFlag(argv.within, '--within');
    const withinSec: Record<string, number> = {};
    const metaWithin = meta?.withinSec; // without a prototype (logs/metaFile.ts): a channel 'constructor' finds no Object method
    for (const c of read.logs[0].channels) withinSec[c] = within ?? metaWithin?.[c] ?? meta?.defaultWithinSec ?? 20;
    const horizonSec = durationFlag(argv.horizon, '--horizon') ?? read.logs[0].horizonSec;
    const opts: MeasureOptions = {
      warmupSec: durationFlag(argv.warmup, '--warmup') ?? meta?.warmupSec ?? 0,
      horizonSec,
      intervalSec: durationFlag(argv.interval, '--interval') ?? meta?.intervalSec ?? 1800,
      startClockSec: meta?.startClockSec ?? 0,
      serviceLevelFormula: (argv.slFormula ?? meta?.serviceLevelFormula ?? 'offered') as ServiceLevelFormula,
      shortAbandonSec: meta?.shortAbandonSec ?? 0,
      fcrWindowSec: durationFlag(argv.fcrWindow, '--fcr-window') ?? meta?.fcrWindowSec,
      withinSec,
      defaultWithinSec: within ?? meta?.defaultWithinSec ?? 20,
    };
    if (!(opts.intervalSec > 0)) throw new InputError({ path: '--interval', what: 'the interval must be longer than 0', fix: 'write e.g. --interval 30m' });
    if (!SERVICE_LEVEL_FORMULAS.includes(opts.serviceLevelFormula)) {
      throw inputError(MSG.logBadMeta('serviceLevelFormula', JSON.stringify(opts.serviceLevelFormula), `one of ${SERVICE_LEVEL_FORMULAS.join(', ')}`), { file: sidePath(argv.log, 'meta'), path: 'serviceLevelFormula' });
    }
    const intervals = Math.ceil(opts.horizonSec / opts.intervalSec);
    if (intervals > MAX_INTERVALS) throw inputError(MSG.logTooManyIntervals(intervals, MAX_INTERVALS), { path: argv.interval !== undefined ? '--interval' : '--horizon' });
    if (!(opts.horizonSec > opts.warmupSec)) {
      throw new InputError({ path: '--warmup', what: `warm-up ${opts.warmupSec}s is not before the horizon ${opts.horizonSec}s`, fix: 'use a shorter --warmup or a longer --horizon' });
    }
    for (const log of read.logs) log.horizonSec = horizonSec;
    const result = summarizeStudy(meta?.scenario ?? argv.log, meta?.seed ?? 0, read.logs.map((l) => measure(l, opts)), opts);
    const out = io();
    if (argv.json) out.out(JSON.stringify(studyJson(result), null, 2) + '\n');
    else out.out(renderKpiTable({ ...result, seed: meta?.seed }, result.summary, {}, withinSec));
    if (!read.hasAgentStates) out.err('note: no agent-state file beside the log, so occupancy is not reported\n');
    if (argv.report) {
      const paths = (await reportWriters()).writeRunReport(argv.report, { study: result }, guard);
      out.err(`wrote ${paths.join(', ')}\n`);
    }
  },
};
