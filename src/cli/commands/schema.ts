/** `ccsim schema`: print the JSON Schema of scenario files (for editors and CI linters). */
import type { CommandModule } from 'yargs';
import { scenarioJsonSchema } from '../../scenario/index.js';
import { io } from '../io.js';

export const schemaCommand: CommandModule<object, object> = {
  command: 'schema',
  describe: 'print the JSON Schema of scenario files',
  handler: () => {
    io().out(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  },
};
