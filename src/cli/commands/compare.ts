/** `ccsim compare <a> <b> [...]`: KPIs side by side under common random numbers, with CIs on the differences. */
import { reportWriters } from '../lazyReport.js';
import type { CommandModule } from 'yargs';
import { MSG, inputError } from '../../messages.js';
import { compareScenarios, renderCompare } from '../../plan/compare.js';
import { poolFor } from '../../plan/parallel.js';
import { loadScenario } from '../../scenario/index.js';
import { prepareFolder } from '../../logs/outputFolder.js';
import type { OutputGuard } from '../../logs/outputs.js';
import { FORCE_OPTION } from '../force.js';
import { scenarioInputs } from '../inputs.js';
import { io } from '../io.js';
import { positiveInt, seedFlag } from '../options.js';
import { progress } from '../progress.js';

interface CompareArgs {
  scenarios: string[];
  replications?: string;
  seed?: string;
  json?: boolean;
  report?: string;
  independent?: boolean;
  workers?: string;
  force?: boolean;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <scenarios..>',
  describe: 'the same KPIs for two or more scenarios, with common random numbers and 95 % CIs on the differences',
  builder: (y) =>
    y
      .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'two or more scenario files; differences are against the first' })
      .option('replications', { alias: 'r', type: 'string', describe: "replications of each scenario (default: the first scenario's)" })
      .option('seed', { type: 'string', describe: "master seed, the same for every scenario (default: the first scenario's)" })
      .option('json', { type: 'boolean', describe: 'print the comparison as JSON' })
      .option('independent', { type: 'boolean', describe: 'give scenario k the seed + k instead of common random numbers (to see what CRN gains)' })
      .option('workers', { type: 'string', describe: 'worker threads (default: every core)' })
      .option('report', { type: 'string', describe: 'write index.html, one SVG per chart, summary.json and kpis.csv into this directory' })
      .option('force', FORCE_OPTION)
      .example('$0 compare scenarios/single-queue-erlang-a.yaml scenarios/single-queue-26-agents.yaml', '25 vs 26 agents'),
  handler: async (argv) => {
    if (argv.scenarios.length < 2) throw inputError(MSG.flag('compare needs at least two scenario files', 'name two or more, e.g. ccsim compare a.yaml b.yaml'));
    const inputs = argv.scenarios.map((file) => ({ file, scenario: loadScenario(file) }));
    const replications = positiveInt(argv.replications, '--replications') ?? inputs[0].scenario.replications;
    const seed = seedFlag(argv.seed) ?? inputs[0].scenario.seed;
    const guard: OutputGuard = { command: 'compare', flag: '--report', force: Boolean(argv.force), inputs: argv.scenarios.flatMap((f) => scenarioInputs(f)) };
    if (argv.report) prepareFolder(argv.report, guard, (await reportWriters()).mayBeReportFile);
    const pool = poolFor(positiveInt(argv.workers, '--workers'));
    const bar = progress('comparing', Boolean(argv.json));
    try {
      const result = await compareScenarios(pool, inputs, {
        replications,
        seed,
        independent: argv.independent,
        onProgress: (k, d) => bar.update(k * replications + d, inputs.length * replications),
      });
      bar.done();
      io().out(argv.json ? JSON.stringify(result, null, 2) + '\n' : renderCompare(result, argv.independent));
      if (argv.report) io().err(`wrote ${(await reportWriters()).writeCompareReport(argv.report, result, guard).join(', ')}\n`);
    } finally {
      bar.done();
      await pool.close();
    }
  },
};
