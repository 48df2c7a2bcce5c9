#!/usr/bin/env node
/**
 * The `ccsim` entry point: parse argv with yargs, run one command, map errors to exit codes.
 *
 *   argv ─▶ yargs (commands/index.ts) ─▶ handler ─▶ library (plan, report, analytic …)
 *                     │                       │
 *       usage error (usage.ts) ─▶ exit 2    InputError ─▶ one line on stderr, exit 2
 *                                       CheckFailed ─▶ exit 1
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { commands } from './commands/index.js';
import { InputError, formatProblem } from '../messages.js';
import { CheckFailed, io, withIO, processIO, type CliIO } from './io.js';
import { refuseRepeats, usageError } from './usage.js';

/** Run ccsim with these arguments; resolves to the exit code. Never throws. */
export async function runCli(args: string[], target: CliIO = processIO): Promise<number> {
  return withIO(target, async () => {
    const debug = args.includes('--debug');
    try {
      const parser = yargs(args)
        .scriptName('ccsim')
        .usage('$0 <command> [options]\n\nContact-center simulator and capacity planner.')
        .command(commands)
        .middleware((argv) => refuseRepeats(argv, commands), true)
        .demandCommand(1, 'name a command: ccsim --help lists them')
        .option('debug', { type: 'boolean', describe: 'show stack traces on errors', global: true })
        .strict()
        // English messages on every machine: usage.ts reads yargs's "Unknown argument" text.
        .locale('en')
        .wrap(Math.min(110, process.stdout.columns ?? 100))
        .exitProcess(false)
        .fail((msg, err) => {
          if (err) throw err;
          throw usageError(msg, args, commands);
        })
        .epilogue('Exit codes: 0 success; 1 a check or target failed; 2 bad input or usage.');
      await parser.parseAsync(args, {}, (err, _argv, output) => {
        if (output && !err) io().out(output.endsWith('\n') ? output : output + '\n');
      });
      return 0;
    } catch (e) {
      if (e instanceof InputError) {
        io().err(`ccsim: ${formatProblem(e.problem)}\n`);
        if (debug && e.stack) io().err(e.stack + '\n');
        return 2;
      }
      if (e instanceof CheckFailed) return 1;
      const err = e as Error;
      io().err(`ccsim: internal error: ${err?.message ?? String(e)}\n`);
      io().err(debug ? `${err?.stack}\n` : 'Run again with --debug for the stack trace, and please report it.\n');
      return 70;
    }
  });
}

function isMain(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  runCli(hideBin(process.argv)).then((code) => {
    process.exitCode = code;
  });
}
