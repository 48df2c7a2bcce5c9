/** `ccsim sweep <scenario> --set PATH=FROM..TO[:STEP]`: KPIs at each value of one parameter, with common random numbers. */
import { reportWriters } from '../lazyReport.js';
import type { CommandModule } from 'yargs';
import { MSG, inputError } from '../../messages.js';
import { poolFor } from '../../plan/parallel.js';
import { parseShard, shardItems, sweepShardJson } from '../../plan/shard.js';
import { renderSweep, runSweep, sweepCsv } from '../../plan/sweep.js';
import { parseVary } from '../../plan/vary.js';
import { loadScenario, readScenarioFile } from '../../scenario/index.js';
import { prepareFolder } from '../../logs/outputFolder.js';
import type { OutputGuard } from '../../logs/outputs.js';
import { FORCE_OPTION } from '../force.js';
import { scenarioInputs } from '../inputs.js';
import { io } from '../io.js';
import { positiveInt, seedFlag } from '../options.js';
import { progress } from '../progress.js';

interface SweepArgs {
  scenario: string;
  set: string | string[];
  replications?: string;
  seed?: string;
  json?: boolean;
  report?: string;
  csv?: boolean;
  workers?: string;
  shard?: string;
  force?: boolean;
}

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <scenario>',
  describe: 'vary one parameter over a range; KPIs at each value (table, --csv or --json), Erlang A beside for a single queue',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' })
      .option('set', { type: 'string', demandOption: true, describe: 'PATH=FROM..TO[:STEP] or PATH=V1,V2,…, e.g. groups.team.agents=20..30 or channels.voice.volume=0.8..1.2:0.1' })
      .option('replications', { alias: 'r', type: 'string', describe: "replications at each value (default: the scenario's)" })
      .option('seed', { type: 'string', describe: "master seed, the same at every value (default: the scenario's)" })
      .option('json', { type: 'boolean', describe: 'print the sweep as JSON' })
      .option('csv', { type: 'boolean', describe: 'print the sweep as CSV (one row per value; mean, _lo, _hi per KPI)' })
      .option('workers', { type: 'string', describe: 'worker threads (default: every core)' })
      .option('report', { type: 'string', describe: 'write index.html, one SVG per chart, summary.json and kpis.csv into this directory' })
      .option('shard', { type: 'string', describe: 'run slice i of n of the values (i/n) and print it as JSON for `ccsim merge`' })
      .option('force', FORCE_OPTION)
      .conflicts('json', 'csv')
      .example('$0 sweep scenarios/single-queue-erlang-a.yaml --set groups.team.agents=22..30 -r 5', 'the staffing curve, Erlang A beside')
      .example('$0 sweep scenarios/retail-bank-day.yaml --set channels.accounts.volume=0.8..1.2:0.1 --csv', 'volume what-if as CSV'),
  handler: async (argv) => {
    const sets = Array.isArray(argv.set) ? argv.set : [argv.set];
    if (sets.length !== 1) throw inputError(MSG.sweepOneParameter(sets.length), { path: '--set' });
    const vary = parseVary(String(sets[0]), '--set');
    const scenario = loadScenario(argv.scenario);
    const raw = readScenarioFile(argv.scenario);
    const replications = positiveInt(argv.replications, '--replications') ?? scenario.replications;
    const seed = seedFlag(argv.seed) ?? scenario.seed;
    const shard = argv.shard === undefined ? undefined : parseShard(String(argv.shard));
    const only = shard ? shardItems(shard, vary.values.length, 'values') : undefined;
    const guard: OutputGuard = { command: 'sweep', flag: '--report', force: Boolean(argv.force), inputs: scenarioInputs(argv.scenario, raw) };
    if (argv.report && !shard) prepareFolder(argv.report, guard, (await reportWriters()).mayBeReportFile);
    const quiet = Boolean(argv.json || argv.csv || shard);
    const bar = progress(`sweeping ${vary.path}`, quiet);
    const n = only?.length ?? vary.values.length;
    const pool = poolFor(positiveInt(argv.workers, '--workers'));
    try {
      const result = await runSweep(pool, raw, argv.scenario, vary, {
        replications,
        seed,
        only,
        onProgress: (k, d) => bar.update(k * replications + d, n * replications),
      });
      bar.done();
      const out = io();
      if (shard) out.out(JSON.stringify(sweepShardJson(result, shard, vary.values.length, only!), null, 2) + '\n');
      else if (argv.json) out.out(JSON.stringify(result, null, 2) + '\n');
      else if (argv.csv) out.out(sweepCsv(result));
      else out.out(renderSweep(result));
      if (argv.report && !shard) out.err(`wrote ${(await reportWriters()).writeSweepReport(argv.report, result, guard).join(', ')}\n`);
    } finally {
      bar.done();
      await pool.close();
    }
  },
};
