/** `ccsim check [paths...]`: regression checks against each scenario's `expect:` block or stored baseline. */
import { existsSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { pathKind, prepareRegeneratedFile, samePath, writeOutputFile, type OutputGuard } from '../../logs/outputs.js';
import { MSG, inputError } from '../../messages.js';
import { formatCheckLine, isCheckJunit, junitXml, prepareCheck, runCheck, scenarioFiles, type PreparedCheck, type ScenarioOutcome } from '../../plan/check.js';
import { poolFor } from '../../plan/parallel.js';
import { FORCE_OPTION } from '../force.js';
import { scenarioInputs } from '../inputs.js';
import { CheckFailed, io } from '../io.js';
import { positiveInt } from '../options.js';

interface CheckArgs {
  paths?: string[];
  junit?: string;
  update?: boolean;
  baselines?: string;
  replications?: string;
  workers?: string;
  strict?: boolean;
  force?: boolean;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: 'check [paths..]',
  describe: "regression: run each scenario's expect: block (or its baseline) and exit 1 on a breach",
  builder: (y) =>
    y
      .positional('paths', { type: 'string', array: true, describe: 'scenario files or folders (a folder: its .yaml/.yml/.json files, sorted); default scenarios/' })
      .option('junit', { type: 'string', describe: 'also write the results as JUnit XML to this file (a JUnit file ccsim wrote is replaced; any other file needs --force)' })
      .option('update', { type: 'boolean', describe: 'record baselines (scenarios without expect:, or with a baseline already): the only thing that changes them' })
      .option('baselines', { type: 'string', describe: "folder of baseline files (default: baselines/ beside each scenario)" })
      .option('strict', { type: 'boolean', describe: 'fail a scenario that has neither an expect: block nor a baseline (instead of skipping it)' })
      .option('replications', { alias: 'r', type: 'string', describe: "replications (default: each scenario's)" })
      .option('workers', { type: 'string', describe: 'worker threads (default: every core)' })
      .option('force', FORCE_OPTION)
      .example('$0 check scenarios/ --junit reports/check.xml', 'every bundled scenario; JUnit for the CI server')
      .example('$0 check scenarios/ --strict', 'also fail scenarios that nothing checks')
      .example('$0 check scenarios/retail-bank-day.yaml --update', 'record (or re-record) its baseline'),
  handler: async (argv) => {
    const files = scenarioFiles(argv.paths && argv.paths.length > 0 ? argv.paths : ['scenarios/']);
    if (argv.baselines !== undefined) assertBaselinesFolder(argv.baselines);
    const replications = positiveInt(argv.replications, '--replications');
    // Read and validate everything first: bad input stops the check before anything runs.
    const prepared = files.map((f) => prepareCheck(f, { baselines: argv.baselines, update: argv.update }));
    const scenarioFilesRead = files.flatMap((f) => scenarioInputs(f));
    assertBaselineWrites(prepared, scenarioFilesRead);
    if (argv.junit) {
      // Baselines are inputs (read) or outputs (--update): the JUnit file may be neither.
      const baselines = prepared.filter((p) => existsSync(p.baselineFile) && !p.update).map((p) => p.baselineFile);
      const updated = prepared.filter((p) => p.update).map((p) => ({ path: p.baselineFile, flag: '--update' }));
      const guard: OutputGuard = { command: 'check', flag: '--junit', force: Boolean(argv.force), inputs: [...scenarioFilesRead, ...baselines], others: updated };
      prepareRegeneratedFile(argv.junit, guard, isCheckJunit);
    }
    const out = io();
    const outcomes: ScenarioOutcome[] = [];
    const pool = poolFor(positiveInt(argv.workers, '--workers'));
    try {
      for (const p of prepared) {
        const o = await runCheck(pool, p, { replications, strict: argv.strict });
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
      writeOutputFile(argv.junit, junitXml(outcomes), '--junit');
      out.err(`wrote ${argv.junit}\n`);
    }
    if (failed > 0) throw new CheckFailed(`${failed} failed`);
  },
};

/** `--baselines` names a folder (created by --update when missing), never a file or a device. */
function assertBaselinesFolder(path: string): void {
  const kind = pathKind(path, '--baselines');
  if (kind === 'missing' || kind === 'folder') return;
  if (kind === 'file') throw inputError(MSG.baselinesNotFolder(path), { path: '--baselines' });
  throw inputError(MSG.notAFolder(path, kind), { path: '--baselines' });
}

/** `--update` writes each baseline over itself only: never over a scenario or CSV being checked, and never two into one file. */
function assertBaselineWrites(prepared: readonly PreparedCheck[], inputs: readonly string[]): void {
  const writes = prepared.filter((p) => p.update);
  for (const [i, p] of writes.entries()) {
    if (inputs.some((f) => samePath(f, p.baselineFile))) throw inputError(MSG.outputIsInput(p.baselineFile), { path: '--update' });
    const twin = writes.slice(0, i).find((q) => samePath(q.baselineFile, p.baselineFile));
    if (twin) throw inputError(MSG.baselineTwice(p.baselineFile, twin.file, p.file), { path: '--update' });
    const kind = pathKind(p.baselineFile, '--update');
    if (kind !== 'missing' && kind !== 'file') throw inputError(MSG.notARegularFile(p.baselineFile, kind === 'folder' ? 'a folder' : kind), { path: '--update' });
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
