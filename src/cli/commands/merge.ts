/** `ccsim merge <shard.json...>`: combine the outputs of `--shard i/n` runs into what one machine prints. */
import { readFileSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { MSG, inputError } from '../../messages.js';
import { mergeShards, type ShardFile } from '../../plan/shard.js';
import { io } from '../io.js';

interface MergeArgs {
  shards: string[];
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <shards..>',
  describe: 'combine the JSON of `run --shard i/n` (or `sweep --shard i/n`) slices into the JSON of the whole study',
  builder: (y) =>
    y
      .positional('shards', { type: 'string', array: true, demandOption: true, describe: 'shard JSON files, in any order' })
      .example('$0 merge part1.json part2.json part3.json', 'the same bytes as `ccsim run … --json` on one machine'),
  handler: (argv) => {
    const files: ShardFile[] = argv.shards.map((file) => ({ file, data: readJson(file) }));
    io().out(JSON.stringify(mergeShards(files), null, 2) + '\n');
  },
};

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw inputError(code === 'ENOENT' ? MSG.fileNotFound(file) : MSG.fileUnreadable(file, (e as Error).message), { file });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw inputError(MSG.notAShard(`it is not JSON (${(e as Error).message.split('\n')[0]})`), { file });
  }
}
