/** `ccsim check [paths...]`: regression checks against each scenario's `expect:` block or stored baseline. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CommandModule } from 'yargs';
import { writeFileAtomic } from '../../logs/files.js';
import { formatCheckLine, junitXml, prepareCheck, runCheck, scenarioFiles, type ScenarioOutcome } from '../../plan/check.js';
import { poolFor } from '../../plan/parallel.js';
import { CheckFailed, io } from '../io.js';
import { assertNotInput, positiveInt } from '../options.js';

interface CheckArgs {
  paths?: string[];
  junit?: string;
  update?: boolean;
  baselines?: string;
  replications?: string;
  workers?: string;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: 'check [paths..]',
  describe: "regression: run each scenario's expect: block (or its baseline) and exit 1 on a breach",
  builder: (y) =>
    y
      .positional('paths', { type: 'string', array: true, describe: 'scenario files or folders (a folder: its .yaml/.yml/.json files, sorted); default scenarios/' })
      .option('junit', { type: 'string', describe: 'also write the results as JUnit XML to this file' })
      .option('update', { type: 'boolean', describe: 'record baselines (scenarios without expect:, or with a baseline already): the only thing that changes them' })
      .option('baselines', { type: 'string', describe: "folder of baseline files (default: baselines/ beside each scenario)" })
      .option('replications', { alias: 'r', type: 'string', describe: "replications (default: each scenario's)" })
      .option('workers', { type: 'string', describe: 'worker threads (default: every core)' })
      .example('$0 check scenarios/ --junit reports/check.xml', 'every bundled scenario; JUnit for the CI server')
      .example('$0 check scenarios/retail-bank-day.yaml --update', 'record (or re-record) its baseline'),
  handler: async (argv) => {
    const files = scenarioFiles(argv.paths && argv.paths.length > 0 ? argv.paths : ['scenarios/']);
    if (argv.junit) assertNotInput(argv.junit, files, '--junit');
    const replications = positiveInt(argv.replications, '--replications');
    // Read and validate everything first: bad input stops the check before anything runs.
    const prepared = files.map((f) => prepareCheck(f, { baselines: argv.baselines, update: argv.update }));
    const out = io();
    const outcomes: ScenarioOutcome[] = [];
    const pool = poolFor(positiveInt(argv.workers, '--workers'));
    try {
      for (const p of prepared) {
        const o = await runCheck(pool, p, { replications });
        outcomes.push(o);
        if (o.skipped) out.out(`SKIP  ${o.file}  ${o.skipped}\n`);
        for (const l of o.lines) out.out(formatCheckLine(o.file, l) + '\n');
        if (o.wrote) out.out(`UPDATED  ${o.file}  baseline written to ${o.wrote}\n`);
      }
    } finally {
      await pool.close();
    }
    const lines = outcomes.flatMap((o) => o.lines);
    const failed = lines.filter((l) => !l.pass).length;
    const skipped = outcomes.filter((o) => o.skipped).length;
    out.out(
      `check: ${plural(outcomes.length, 'scenario')}, ${plural(lines.length, 'check')}: ${lines.length - failed} passed, ${failed} failed` +
        `${skipped ? `, ${plural(skipped, 'scenario')} without expectations` : ''}\n`,
    );
    if (argv.junit) {
      mkdirSync(dirname(argv.junit), { recursive: true });
      writeFileAtomic(argv.junit, junitXml(outcomes));
      out.err(`wrote ${argv.junit}\n`);
    }
    if (failed > 0) throw new CheckFailed(`${failed} failed`);
  },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
