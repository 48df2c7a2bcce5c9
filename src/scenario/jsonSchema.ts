/**
 * The JSON Schema of the scenario FILE format (what `ccsim schema` prints), generated
 * from the zod schema so that the two cannot drift. It describes the input side:
 * durations appear as number | string, defaulted fields as optional with their default.
 * Cross-reference rules (skills name channels, tables cover the horizon) are not
 * expressible here; `ccsim validate` checks them.
 */
import { z } from 'zod';
import { scenarioFileSchema } from './schema.js';

/** JSON Schema (draft 2020-12) of a scenario file. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioFileSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  const { $schema, title, ...rest } = generated;
  return {
    $schema: $schema ?? 'https://json-schema.org/draft/2020-12/schema',
    title: title ?? 'ccsim scenario',
    description:
      'A ccsim contact-center scenario (YAML or JSON). Durations are seconds or strings such as 20s, 4m, 8h, 1d, 2w.',
    ...rest,
  };
}
