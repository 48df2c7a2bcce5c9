/** `ccsim validate <scenario>`: load and check a scenario without running it. */
import type { CommandModule } from 'yargs';
import { loadScenario } from '../../scenario/index.js';
import { io } from '../io.js';

export const validateCommand: CommandModule<object, { scenario: string[] }> = {
  command: 'validate <scenario..>',
  describe: 'check scenario files without running them (exit 2 with the first problem)',
  builder: (y) => y.positional('scenario', { type: 'string', array: true, demandOption: true, describe: 'scenario file(s)' }),
  handler: (argv) => {
    for (const file of argv.scenario) {
      const s = loadScenario(file);
      const channels = Object.keys(s.channels);
      const groups = Object.keys(s.groups);
      io().out(`ok ${file}: '${s.name}', ${channels.length} channel${channels.length === 1 ? '' : 's'} (${channels.join(', ')}), ${groups.length} group${groups.length === 1 ? '' : 's'} (${groups.join(', ')}), horizon ${s.horizonSec / 3600} h\n`);
    }
  },
};
