/** `ccsim validate <scenario>`: load and check a scenario without running it, as `run` and `check` would. */
import type { CommandModule } from 'yargs';
import { prepareCheck } from '../../plan/check.js';
import { checkStudySize, expectedContacts } from '../../scenario/index.js';
import { io } from '../io.js';
import { MAX_CONTACTS_OPTION, maxContactsFlag } from '../options.js';

export const validateCommand: CommandModule<object, { scenario: string[]; maxContacts?: string }> = {
  command: 'validate <scenario..>',
  describe: 'check scenario files without running them: fields, references, sizes and expect: paths (exit 2 with the first problem)',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', array: true, demandOption: true, describe: 'scenario file(s)' })
      .option('max-contacts', MAX_CONTACTS_OPTION),
  handler: (argv) => {
    const maxContacts = maxContactsFlag(argv.maxContacts);
    for (const file of argv.scenario) {
      // prepareCheck loads the scenario and parses its expect: block and baseline, as `check` does.
      const s = prepareCheck(file, {}).scenario;
      checkStudySize(s, s.replications, maxContacts, { file });
      const channels = Object.keys(s.channels);
      const groups = Object.keys(s.groups);
      const contacts = Math.round(expectedContacts(s)).toLocaleString('en-US');
      io().out(`ok ${file}: '${s.name}', ${channels.length} channel${channels.length === 1 ? '' : 's'} (${channels.join(', ')}), ${groups.length} group${groups.length === 1 ? '' : 's'} (${groups.join(', ')}), horizon ${s.horizonSec / 3600} h, about ${contacts} contacts per replication\n`);
    }
  },
};
