/** Every ccsim command, in the order `ccsim --help` lists them. */
import type { CommandModule } from 'yargs';
import { checkCommand } from './check.js';
import { compareCommand } from './compare.js';
import { erlangCommand } from './erlang.js';
import { mergeCommand } from './merge.js';
import { metricsCommand } from './metrics.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { staffCommand } from './staff.js';
import { sweepCommand } from './sweep.js';
import { validateCommand } from './validate.js';
import { whatifCommand } from './whatif.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [runCommand, erlangCommand, metricsCommand, validateCommand, schemaCommand, staffCommand, compareCommand, sweepCommand, checkCommand, mergeCommand, whatifCommand];
