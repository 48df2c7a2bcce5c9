/** Every ccsim command, in the order `ccsim --help` lists them. */
import type { CommandModule } from 'yargs';
import { erlangCommand } from './erlang.js';
import { metricsCommand } from './metrics.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [runCommand, erlangCommand, metricsCommand, validateCommand, schemaCommand];
