/**
 * The scenario FILE format as one zod schema: it is the validator, the type of a parsed
 * file (`ScenarioFile`, durations already in seconds) and, through `z.toJSONSchema`,
 * the published JSON Schema. Rules that relate one part of the file to another
 * (skills name channels, tables cover the horizon) are not here: see crossref.ts.
 *
 * Failures inside a transform or refinement carry their catalogue entry in
 * `params` ({what, fix}); errors.ts turns every other zod issue into a message.
 */
import { z } from 'zod';
import { MSG } from '../messages.js';
import {
  CLOCK_PATTERN,
  DURATION_PATTERN,
  SECONDS_PER_DAY,
  formatDuration,
  isMultipleOf,
  parseClockTime,
  parseDuration,
} from './duration.js';

/** Kinds of "one of several forms" values; a failed match becomes one message listing the forms. */
export type FormKind = 'duration' | 'arrivals' | 'distribution' | 'agents';

/** Marks the schemas whose failures errors.ts explains as a whole (clones made by `.meta()` inherit it). */
export const forms = z.registry<{ form: FormKind }>();

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

export const DIST_NAMES = ['fixed', 'exponential', 'lognormal', 'gamma', 'uniform', 'empirical'] as const;

export const SERVICE_LEVEL_FORMULAS = [
  'offered',
  'answered',
  'offeredMinusShortAbandons',
  'answeredPlusLateAbandons',
] as const;

/** Report a catalogue entry as a zod issue (path relative to the schema being checked). */
function fail(
  ctx: z.core.$RefinementCtx<unknown>,
  entry: { what: string; fix: string },
  path?: (string | number)[],
): void {
  ctx.addIssue({ code: 'custom', message: entry.what, params: entry, ...(path ? { path } : {}) });
}

// ---------------------------------------------------------------------------
// Durations and clock times
// ---------------------------------------------------------------------------

/**
 * A duration in the file (seconds, or `20s`, `4m`, `8h`, `1d`, `2w`) → seconds.
 * Negative numbers pass the transform so that the bound check names the rule.
 */
function duration(bound: 'nonNegative' | 'positive') {
  const input = z.union([
    z.number().meta(bound === 'positive' ? { exclusiveMinimum: 0 } : { minimum: 0 }),
    z.string().meta({ pattern: DURATION_PATTERN }),
  ]);
  forms.add(input, { form: 'duration' });
  const seconds = bound === 'positive' ? z.number().gt(0) : z.number().min(0);
  return input
    .transform((value, ctx) => {
      if (typeof value === 'number') return value;
      const sec = parseDuration(value);
      if (sec === undefined) {
        fail(ctx, MSG.badDuration(value));
        return z.NEVER;
      }
      return sec;
    })
    .pipe(seconds);
}

type Meta = { description?: string; examples?: unknown[] };
const time = (meta: Meta = {}) =>
  duration('nonNegative').meta({ description: 'seconds, or a duration such as 20s, 4m, 1.5h, 1d, 2w', ...meta });
const positiveTime = (meta: Meta = {}) =>
  duration('positive').meta({ description: 'seconds > 0, or a duration such as 20s, 4m, 1.5h, 1d, 2w', ...meta });

const clockTime = z
  .string()
  .meta({ pattern: CLOCK_PATTERN })
  .transform((value, ctx) => {
    const sec = parseClockTime(value);
    if (sec === undefined) {
      fail(ctx, MSG.badClockTime(value));
      return z.NEVER;
    }
    return sec;
  });

// ---------------------------------------------------------------------------
// Distributions (of durations)
// ---------------------------------------------------------------------------

const cv = z
  .number()
  .gt(0)
  .meta({ description: 'coefficient of variation: standard deviation ÷ mean', examples: [0.5] });

const fixedDist = z.strictObject({
  dist: z.literal('fixed'),
  value: time({ examples: [30] }),
});
const exponentialDist = z.strictObject({
  dist: z.literal('exponential'),
  mean: positiveTime({ examples: [240] }),
});
const lognormalDist = z.strictObject({
  dist: z.literal('lognormal'),
  mean: positiveTime({ examples: [240] }),
  cv,
});
const gammaDist = z.strictObject({
  dist: z.literal('gamma'),
  mean: positiveTime({ examples: [240] }),
  cv,
});
const uniformDist = z
  .strictObject({
    dist: z.literal('uniform'),
    min: time({ examples: [60] }),
    max: time({ examples: [300] }),
  })
  .superRefine((d, ctx) => {
    if (d.max < d.min) fail(ctx, MSG.uniformRange(formatDuration(d.min), formatDuration(d.max)), ['max']);
  });
const empiricalDist = z
  .strictObject({
    dist: z.literal('empirical'),
    values: z.array(time()).min(1).optional().meta({ description: 'observed values to resample from' }),
    csv: z.string().min(1).optional().meta({ description: 'CSV file, relative to the scenario file' }),
    column: z.string().min(1).optional().meta({ description: 'column of the CSV file holding the values' }),
  })
  .superRefine((d, ctx) => {
    const hasValues = d.values !== undefined;
    const hasCsv = d.csv !== undefined || d.column !== undefined;
    if (hasValues === hasCsv) return fail(ctx, MSG.empiricalForm());
    if (hasCsv && d.csv === undefined) return fail(ctx, MSG.missingField('csv', 'csv: handle-times.csv'), ['csv']);
    if (hasCsv && d.column === undefined) return fail(ctx, MSG.missingField('column', 'column: seconds'), ['column']);
  });

export const distributionSchema = z
  .discriminatedUnion('dist', [fixedDist, exponentialDist, lognormalDist, gammaDist, uniformDist, empiricalDist])
  .meta({ examples: [{ dist: 'exponential', mean: 240 }] });
forms.add(distributionSchema, { form: 'distribution' });

// ---------------------------------------------------------------------------
// Arrivals and staffing
// ---------------------------------------------------------------------------

const perHourArrivals = z.strictObject({
  perHour: z.number().min(0).meta({ description: 'constant arrival rate, contacts per hour', examples: [360] }),
});
const tableArrivals = z.strictObject({
  interval: positiveTime({ examples: ['30m'] }),
  volumes: z
    .array(z.number().min(0))
    .meta({ description: 'expected contacts per interval from t = 0, covering the horizon', examples: [[12, 30, 55]] }),
});
const profile = z
  .strictObject({
    interval: positiveTime({ examples: ['30m'] }),
    weights: z
      .array(z.number().min(0))
      .min(1)
      .meta({ description: 'relative share of each slot of the day from 00:00; one day of slots', examples: [[1, 2, 3]] }),
  })
  .superRefine((p, ctx) => {
    const slots = SECONDS_PER_DAY / p.interval;
    if (Math.abs(p.weights.length * p.interval - SECONDS_PER_DAY) > 1e-6) {
      const needed = isMultipleOf(SECONDS_PER_DAY, p.interval) ? String(Math.round(slots)) : 'one day of';
      fail(ctx, MSG.profileNotOneDay(p.weights.length, formatDuration(p.interval), needed), ['weights']);
    } else if (!(p.weights.reduce((a, b) => a + b, 0) > 0)) {
      fail(ctx, MSG.profileWeightsZero(), ['weights']);
    }
  });
const dailyArrivals = z.strictObject({
  daily: z.number().min(0).meta({ description: 'expected contacts per day', examples: [12000] }),
  profile: profile.meta({ examples: [{ interval: '30m', weights: [1, 2, 3] }] }),
});

/** Exact arrival times, for classroom walk-throughs and exact-trace tests. */
const scriptedArrivals = z.strictObject({
  times: z
    .array(time())
    .min(1)
    .meta({ description: 'exact arrival times from t = 0, in ascending order (replaces the Poisson process)', examples: [[0, 5, 5, 30]] })
    .superRefine((times, ctx) => {
      for (let i = 1; i < times.length; i++) {
        if (times[i] < times[i - 1]) return fail(ctx, MSG.timesNotAscending(i), [i]);
      }
    }),
});

export const arrivalsSchema = z
  .union([perHourArrivals, tableArrivals, dailyArrivals, scriptedArrivals])
  .meta({ examples: [{ perHour: 360 }] });
forms.add(arrivalsSchema, { form: 'arrivals' });

export const agentsSchema = z
  .union([
    z.int().min(0),
    z.strictObject({
      interval: positiveTime({ examples: ['30m'] }),
      counts: z
        .array(z.int().min(0))
        .meta({ description: 'agents per interval from t = 0, covering the horizon', examples: [[20, 22, 25]] }),
    }),
  ])
  .meta({ examples: [25] });
forms.add(agentsSchema, { form: 'agents' });

// ---------------------------------------------------------------------------
// Channels, groups, the file
// ---------------------------------------------------------------------------

export const channelSchema = z.strictObject({
  kind: z.enum(['call', 'chat', 'email']).default('call'),
  priority: z.number().default(0).meta({ description: 'queue priority; larger is served first', examples: [0] }),
  arrivals: arrivalsSchema,
  handle: distributionSchema.meta({ description: 'talk time (customer present)' }),
  wrapup: distributionSchema.optional().meta({ description: 'after-contact work; absent = none' }),
  patience: distributionSchema.optional().meta({ description: 'time a caller will wait; absent = never abandons' }),
  target: z
    .strictObject({
      serviceLevel: z.number().gt(0).max(1).meta({ examples: [0.8] }),
      within: positiveTime({ examples: ['20s'] }),
    })
    .optional()
    .meta({ description: 'service-level target: serviceLevel share answered within `within`' }),
});

export const groupSchema = z.strictObject({
  agents: agentsSchema,
  skills: z
    .array(z.string())
    .min(1)
    .superRefine((skills, ctx) => {
      skills.forEach((id, i) => {
        if (skills.indexOf(id) !== i) fail(ctx, MSG.duplicateSkill(id), [i]);
      });
    })
    .meta({ description: 'channel ids this group serves', examples: [['voice']] }),
});

const id = z.string().regex(ID_PATTERN);

function nonEmptyMap<T extends z.ZodType>(field: string, value: T, example: string) {
  return z
    .record(id, value)
    .superRefine((map, ctx) => {
      if (Object.keys(map).length === 0) fail(ctx, MSG.emptyMap(field, example));
    });
}

const CHANNELS_EXAMPLE = '{ voice: { arrivals: { perHour: 360 }, handle: { dist: exponential, mean: 240 } } }';
const GROUPS_EXAMPLE = '{ team: { agents: 25, skills: [voice] } }';

export const scenarioFileSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .superRefine((s, ctx) => {
        if (s.trim() === '') fail(ctx, MSG.blankText('name: retail-bank-day'));
      })
      .meta({ examples: ['retail-bank-day'] }),
    description: z.string().optional(),
    seed: z.int().min(0).default(1).meta({ description: 'master random seed', examples: [1] }),
    replications: z.int().min(1).default(10).meta({ description: 'default number of replications', examples: [10] }),
    horizon: positiveTime({ examples: ['8h'] }),
    warmup: time({ description: 'contacts arriving before this are not counted; must be < horizon' }).default(0),
    start: clockTime.prefault('00:00').meta({ description: 'clock time of day at t = 0, "HH:MM"', examples: ['08:00'] }),
    interval: positiveTime()
      .optional()
      .meta({ description: 'reporting interval; default: the first arrival or staffing table interval, else 30m' }),
    serviceLevelFormula: z.enum(SERVICE_LEVEL_FORMULAS).default('offered'),
    shortAbandon: time({ description: 'abandons that waited less than this are left out of offered and abandoned' })
      .default(0),
    channels: nonEmptyMap('channels', channelSchema, `channels: ${CHANNELS_EXAMPLE}`).meta({
      description: 'channels by id, in output order',
      examples: [{ voice: { arrivals: { perHour: 360 }, handle: { dist: 'exponential', mean: 240 } } }],
    }),
    groups: nonEmptyMap('groups', groupSchema, `groups: ${GROUPS_EXAMPLE}`).meta({
      description: 'agent groups by id',
      examples: [{ team: { agents: 25, skills: ['voice'] } }],
    }),
  })
  .meta({ title: 'ccsim scenario' });

/** A scenario file after schema validation: defaults filled, durations in seconds, not yet cross-checked. */
export type ScenarioFile = z.output<typeof scenarioFileSchema>;
/** A scenario file as written. */
export type ScenarioFileInput = z.input<typeof scenarioFileSchema>;
export type ParsedChannel = z.output<typeof channelSchema>;
export type ParsedGroup = z.output<typeof groupSchema>;
export type ParsedDistribution = z.output<typeof distributionSchema>;
export type ParsedArrivals = z.output<typeof arrivalsSchema>;
export type ParsedAgents = z.output<typeof agentsSchema>;
