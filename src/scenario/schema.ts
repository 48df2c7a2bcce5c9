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
import { ALWAYS_OPEN, CLOCK_RANGE_PATTERN, DAY_HOURS_PATTERN, parseClockRange, readOpeningHours } from './openingHours.js';
import { checkShift } from './roster.js';
import { DAY_KEY_PATTERN, WEEKDAYS, everyDay, readDayList, readWeekMap, type Report } from './weekdays.js';

/** Kinds of "one of several forms" values; a failed match becomes one message listing the forms. */
export type FormKind =
  | 'duration'
  | 'arrivals'
  | 'distribution'
  | 'agents'
  | 'weekly'
  | 'openingHours'
  | 'dayHours'
  | 'days'
  | 'break'
  | 'shrinkage';

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

/** A `Report` that fails `ctx` and remembers that it did. */
function reporter(ctx: z.core.$RefinementCtx<unknown>): Report & { failed: boolean } {
  const report = ((entry, path) => {
    report.failed = true;
    fail(ctx, entry, path);
  }) as Report & { failed: boolean };
  report.failed = false;
  return report;
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

/** `"HH:MM-HH:MM"` → {fromSec, toSec}; the end may be 24:00 or before the start (past midnight). */
const clockRange = z
  .string()
  .meta({ pattern: CLOCK_RANGE_PATTERN })
  .transform((value, ctx) => {
    const range = parseClockRange(value);
    if (!range) {
      fail(ctx, MSG.badClockRange(value));
      return z.NEVER;
    }
    return range;
  });

// ---------------------------------------------------------------------------
// Weekdays
// ---------------------------------------------------------------------------

const dayKey = z.string().meta({
  pattern: DAY_KEY_PATTERN,
  description: 'a weekday (mon … sun), a range of weekdays (mon-fri, sat-sun) or daily; each day named once',
});

/** A map keyed by weekdays, ranges or `daily` → a `WeekMap` (a value per weekday, 0 Monday). */
function byWeekday<T extends z.ZodType>(value: T) {
  return z.record(dayKey, value).transform((map, ctx) => readWeekMap(map, reporter(ctx)) ?? z.NEVER);
}

/** One value for every day, or a map by weekday; always a `WeekMap` once parsed. */
function weekly<T extends z.ZodType>(value: T) {
  const input = z.union([value, byWeekday(value)]);
  forms.add(input, { form: 'weekly' });
  return input.transform((v) => (isWeekMap(v) ? v : everyDay(v as z.output<T>)));
}

function isWeekMap(v: unknown): v is { days: unknown[]; keys: unknown[] } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'keys' in v && 'days' in v;
}

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
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

const profile = z
  .strictObject({
    interval: positiveTime({ examples: ['30m'] }),
    weights: weekly(z.array(z.number().min(0)).min(1)).meta({
      description:
        'relative share of each slot of the day from 00:00, one day of slots; or a map by weekday of such lists, e.g. { mon-fri: [...], sat-sun: [...] }',
      examples: [[1, 2, 3]],
    }),
  })
  .superRefine((p, ctx) => {
    // zod runs refinements even when a field already failed: check only what parsed.
    if (!Array.isArray(p.weights?.days) || typeof p.interval !== 'number') return;
    const slots = SECONDS_PER_DAY / p.interval;
    const needed = isMultipleOf(SECONDS_PER_DAY, p.interval) ? String(Math.round(slots)) : 'one day of';
    const seen = new Set<string | undefined>();
    p.weights.days.forEach((list, w) => {
      const key = p.weights.keys[w];
      if (list === undefined || seen.has(key)) return;
      seen.add(key);
      const path = key === undefined ? ['weights'] : ['weights', key];
      if (Math.abs(list.length * p.interval - SECONDS_PER_DAY) > 1e-6) {
        fail(ctx, MSG.profileNotOneDay(list.length, formatDuration(p.interval), needed), path);
      } else if (key === undefined && !(sum(list) > 0)) {
        // One list for every day must spread some volume; a weekday's list is checked against its volume.
        fail(ctx, MSG.profileWeightsZero(), path);
      }
    });
  });
const dailyArrivals = z
  .strictObject({
    daily: weekly(z.number().min(0)).meta({
      description: 'expected contacts per day; or a map by weekday, e.g. { mon-fri: 1200, sat: 400, sun: 0 }',
      examples: [12000],
    }),
    profile: profile.meta({ examples: [{ interval: '30m', weights: [1, 2, 3] }] }),
  })
  .superRefine((a, ctx) => {
    if (!Array.isArray(a.profile?.weights?.days) || !Array.isArray(a.daily?.days)) return;
    const reported = new Set<string>();
    a.profile.weights.days.forEach((list, w) => {
      const key = a.profile.weights.keys[w];
      const volume = a.daily.days[w];
      if (key === undefined || list === undefined || reported.has(key)) return;
      if (volume !== undefined && volume > 0 && !(sum(list) > 0)) {
        reported.add(key);
        fail(ctx, MSG.weekdayProfileZero(key), ['profile', 'weights', key]);
      }
    });
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

const days = z.union([dayKey, z.array(dayKey).min(1)]).meta({ examples: ['mon-fri'] });
forms.add(days, { form: 'days' });

const breakSchema = z
  .union([
    z.strictObject({
      at: clockTime.meta({ description: 'clock time the break starts, "HH:MM"', examples: ['10:00'] }),
      length: positiveTime({ examples: ['15m'] }),
    }),
    z.strictObject({
      within: clockRange.meta({
        description:
          'clock window "HH:MM-HH:MM" the break must fall in; the shift\'s agents are staggered evenly across it, the first at its start, the last ending at its end',
        examples: ['12:00-14:00'],
      }),
      length: positiveTime({ examples: ['30m'] }),
    }),
  ])
  .meta({ description: 'a break or lunch, inside its shift', examples: [{ at: '10:00', length: '15m' }] });
forms.add(breakSchema, { form: 'break' });

const shiftSchema = z
  .strictObject({
    start: clockTime.meta({ description: 'clock time the shift starts, "HH:MM"', examples: ['08:00'] }),
    length: positiveTime({ description: 'how long the shift lasts, breaks included (at most 24h)', examples: ['8h'] }),
    days: days
      .transform((value, ctx) => {
        const report = reporter(ctx);
        const on = readDayList(value, report);
        return on ?? z.NEVER;
      })
      .prefault('daily')
      .meta({ description: 'weekdays the shift is worked: mon-fri, [mon, tue, sat], daily (the default)' }),
    agents: z.int().min(0).meta({ description: 'agents working this shift on each of its days', examples: [10] }),
    breaks: z.array(breakSchema).default([]).meta({ description: 'breaks and lunch of each agent of the shift' }),
  })
  .superRefine((shift, ctx) => {
    if (shift.length > SECONDS_PER_DAY) return fail(ctx, MSG.shiftTooLong(formatDuration(shift.length)), ['length']);
    const problem = checkShift(shift);
    if (problem) fail(ctx, problem.entry, problem.path);
  });

export const agentsSchema = z
  .union([
    z.int().min(0),
    z.strictObject({
      interval: positiveTime({ examples: ['30m'] }),
      counts: z
        .array(z.int().min(0))
        .meta({ description: 'agents per interval from t = 0, covering the horizon', examples: [[20, 22, 25]] }),
    }),
    z.strictObject({
      shifts: z
        .array(shiftSchema)
        .min(1)
        .meta({
          description:
            'a roster: each shift gives `agents` agents from `start` for `length` on each of its `days`, with breaks',
          examples: [[{ start: '08:00', length: '8h', days: 'mon-fri', agents: 10, breaks: [{ at: '10:00', length: '15m' }] }]],
        }),
    }),
  ])
  .meta({ examples: [25] });
forms.add(agentsSchema, { form: 'agents' });

const openingHoursInput = z
  .union([
    z.literal(ALWAYS_OPEN),
    z.record(
      dayKey,
      (() => {
        const dayHours = z.union([
          z.string().meta({ pattern: DAY_HOURS_PATTERN }),
          z.array(z.string().meta({ pattern: CLOCK_RANGE_PATTERN })),
        ]);
        forms.add(dayHours, { form: 'dayHours' });
        return dayHours;
      })(),
    ),
  ])
  .meta({ examples: [{ 'mon-fri': '08:00-20:00', sat: '09:00-13:00' }] });
forms.add(openingHoursInput, { form: 'openingHours' });

const shareOfCapacity = z
  .number()
  .min(0)
  .lt(1)
  .meta({ description: 'share of scheduled capacity not available, in [0, 1)', examples: [0.3] });
const shrinkageInput = z
  .union([
    shareOfCapacity,
    z.strictObject({
      share: shareOfCapacity,
      mode: z
        .enum(['interval', 'day'])
        .default('interval')
        .meta({
          description:
            'interval (default): in every staffing interval each scheduled agent is absent with probability share; day: whole agents absent for a day',
        }),
    }),
  ])
  .meta({ examples: [0.3] });
forms.add(shrinkageInput, { form: 'shrinkage' });

// ---------------------------------------------------------------------------
// Channels, groups, the file
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Routing, IVR, escalation, resolution, repeat contacts, retrials (issue 4)
// ---------------------------------------------------------------------------

const probability = z.number().min(0).max(1).meta({ description: 'a probability in [0, 1]', examples: [0.3] });
const addsUpToOne = (xs: readonly number[]) => Math.abs(sum(xs) - 1) <= 1e-9;

const escalationSchema = z
  .strictObject({
    probability: probability.meta({ description: 'share of handled contacts escalated', examples: [0.2] }),
    to: z.string().meta({ description: 'tier-2 queue: a queue id, or a channel id for its own queue', examples: ['tier2'] }),
    mode: z
      .enum(['warm', 'ticket'])
      .default('warm')
      .meta({ description: 'warm: the caller waits again in the tier-2 queue (a second leg); ticket: a follow-up contact in a deferred (email) queue' }),
  })
  .optional()
  .meta({ description: 'after handling, escalate a share of contacts to tier 2' });

const overflowSchema = z
  .strictObject({
    after: time({ description: 'wait after which the contact is also offered to the overflow groups', examples: ['60s'] }),
    groups: z.array(z.string()).min(1).meta({ description: 'groups the contact is also offered to', examples: [['backup']] }),
  })
  .optional()
  .meta({ description: 'overflow: after waiting `after`, a contact is also offered to more groups' });

const resolutionSchema = probability
  .optional()
  .meta({ description: 'probability that a handled contact resolves its issue; absent = not modelled', examples: [0.75] });

const unresolvedSchema = z
  .enum(['open', 'callback'])
  .optional()
  .meta({ description: 'an issue this queue cannot resolve: stays open (default; a repeat rule may bring it back) or goes back to the customer as a callback dialled by this queue\'s groups' });

const ivrNodeSchema = z
  .strictObject({
    time: distributionSchema.optional().meta({ description: 'time spent at this node (message, menu, self-service)' }),
    abandon: probability.default(0).meta({ description: 'probability of hanging up at this node' }),
    contain: probability.default(0).meta({ description: 'probability that self-service resolves the issue here' }),
    branches: z
      .record(z.string(), probability)
      .optional()
      .meta({ description: 'next nodes with probabilities adding up to 1 (a menu)', examples: [{ billing: 0.6, support: 0.4 }] }),
    queue: z.string().optional().meta({ description: 'leaf: the queue callers are routed to', examples: ['billing'] }),
    misroute: z
      .strictObject({
        share: probability.meta({ description: 'share of callers routed to the wrong queue', examples: [0.1] }),
        queue: z.string().meta({ description: 'the wrong queue', examples: ['sales'] }),
        handle: distributionSchema
          .default({ dist: 'fixed', value: 30 })
          .meta({ description: 'how long the wrong agent talks before transferring (default 30 s)' }),
      })
      .optional()
      .meta({ description: 'leaf: a share sent to the wrong queue, whose agent transfers them to the right one' }),
  })
  .superRefine((n, ctx) => {
    // The node's form (menu xor leaf) and abandon + contain ≤ 1 are checked in crossref.ts, which knows its id.
    if (n.branches && !addsUpToOne(Object.values(n.branches))) {
      fail(ctx, MSG.probabilitiesNotOne('branch', sum(Object.values(n.branches))), ['branches']);
    }
  });

const ivrSchema = z
  .strictObject({
    start: z.string().meta({ description: 'the node callers enter first', examples: ['main'] }),
    nodes: z.record(z.string().regex(ID_PATTERN), ivrNodeSchema).meta({ description: 'menu nodes by id' }),
  })
  .optional()
  .meta({ description: 'IVR (calls) or bot (chats): a menu tree walked before the queue' });

const repeatSchema = z
  .strictObject({
    probability: probability.default(1).meta({ description: 'share of unresolved issues that come back (default 1)' }),
    delay: distributionSchema.meta({ description: 'time from the end of the unresolved contact to the repeat', examples: [{ dist: 'exponential', mean: '1d' }] }),
    channels: z
      .record(z.string(), probability)
      .optional()
      .superRefine((mix, ctx) => {
        if (mix && !addsUpToOne(Object.values(mix))) fail(ctx, MSG.probabilitiesNotOne('channel mix', sum(Object.values(mix))));
      })
      .meta({ description: 'channel mix of repeat contacts (shares adding up to 1); default the same channel', examples: [{ voice: 0.7, chat: 0.3 }] }),
  })
  .optional()
  .meta({ description: 'unresolved issues come back as repeat contacts (same issue and customer, next attempt)' });

const retrialSchema = z
  .strictObject({
    probability: probability.meta({ description: 'probability that an abandoned or blocked caller redials', examples: [0.5] }),
    delay: distributionSchema.meta({ description: 'time to the redial', examples: [{ dist: 'exponential', mean: '10m' }] }),
  })
  .optional()
  .meta({ description: 'retrials: abandoned callers (and blocked ones, where the waiting room is finite) redial' });

const callbackSchema = z
  .strictObject({
    threshold: time({ description: 'offer a callback when the predicted wait exceeds this', examples: ['2m'] }),
    acceptance: probability.meta({ description: 'probability that an offered caller accepts', examples: [0.5] }),
    priority: z.number().default(0).meta({ description: 'priority of the callback queue among the queues agents serve (larger first)', examples: [0] }),
    success: probability.default(1).meta({ description: 'probability that a dial reaches the customer (default 1)' }),
    retries: z.int().min(0).default(2).meta({ description: 'failed dials retried at most this many times (default 2)' }),
    retryDelay: distributionSchema
      .default({ dist: 'fixed', value: 600 })
      .meta({ description: 'time from a failed dial to the next (default 10 minutes)' }),
    dialTime: time({ description: 'agent time a failed dial costs (default 30 s)' }).default(30),
  })
  .optional()
  .meta({ description: 'callbacks (virtual hold) on a call channel: offered when the predicted wait exceeds threshold' });

export const queueSchema = z.strictObject({
  channel: z.string().meta({ description: 'channel whose contacts this queue holds (and under which they are reported)', examples: ['voice'] }),
  priority: z.number().default(0).meta({ description: 'queue priority; larger is served first', examples: [0] }),
  handle: distributionSchema.optional().meta({ description: "talk time in this queue; absent = the channel's" }),
  wrapup: distributionSchema.optional().meta({ description: "after-contact work in this queue; absent = the channel's" }),
  resolution: resolutionSchema,
  unresolved: unresolvedSchema,
  escalation: escalationSchema,
  overflow: overflowSchema,
});

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
  open: openingHoursInput
    .transform((value, ctx) => {
      const report = reporter(ctx);
      const hours = readOpeningHours(value, report);
      return report.failed ? z.NEVER : hours;
    })
    .optional()
    .meta({
      description:
        'opening hours: 24/7, or by weekday { mon-fri: "08:00-20:00", sat: ["09:00-12:00", "13:00-15:00"], sun: closed }; keys mon … sun, ranges (mon-fri) or daily, each day named once; a day no key names is closed; an end before the start runs past midnight into the next day. Absent = always open. Calls and chats arriving while closed are blocked; emails arrive and wait',
    }),
  forecastError: z
    .strictObject({
      cv: z
        .number()
        .min(0)
        .meta({ description: 'coefficient of variation of the daily multiplier (gamma, mean 1); 0 = none', examples: [0.1] }),
    })
    .optional()
    .meta({ description: 'day-level forecast error: each simulated day the channel\'s volume is multiplied by a random factor' }),
  initialBacklog: z
    .strictObject({
      count: z.int().min(0).meta({ description: 'items waiting at t = 0', examples: [2000] }),
      age: distributionSchema.meta({
        description: 'how long each item has already waited at t = 0',
        examples: [{ dist: 'uniform', min: 0, max: '3d' }],
      }),
    })
    .optional()
    .meta({ description: 'emails already waiting at t = 0 (email channels only)' }),
  resolution: resolutionSchema,
  unresolved: unresolvedSchema,
  escalation: escalationSchema,
  overflow: overflowSchema,
  ivr: ivrSchema,
  repeat: repeatSchema,
  retrial: retrialSchema,
  waitingRoom: z
    .int()
    .min(0)
    .optional()
    .meta({ description: "most contacts waiting in each of the channel's queues; one more hears a busy signal (blocked). Absent = unlimited", examples: [20] }),
  callback: callbackSchema,
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
  chatConcurrency: z
    .int()
    .min(1)
    .default(1)
    .meta({ description: 'most chats an agent holds at once (≥ 1)', examples: [3] }),
  chatSlowdown: z
    .number()
    .min(1)
    .default(1)
    .meta({
      description: 'handle-time stretch per extra chat: a chat taken while holding k chats lasts handle × chatSlowdown^(k−1)',
      examples: [1.15],
    }),
  mixChatAndCalls: z
    .boolean()
    .default(false)
    .meta({ description: 'whether an agent holding chats may also take a call' }),
  shrinkage: shrinkageInput
    .transform((v) => (typeof v === 'number' ? { share: v, mode: 'interval' as const } : v))
    .optional()
    .meta({
      description:
        'share of scheduled capacity lost to absence, training, meetings: 0.3 (per interval), or { share: 0.3, mode: day } (whole agent-days)',
    }),
  hourlyCost: z
    .number()
    .min(0)
    .optional()
    .meta({ description: "cost of one agent-hour of this group (default: the scenario's hourlyCost); used by ccsim staff", examples: [32] }),
  skillLevels: z
    .record(z.string(), z.number())
    .optional()
    .meta({ description: 'skill level per queue or channel id (higher = better, default 1), for routing: skillThenLongestIdle', examples: [{ voice: 2 }] }),
  resolution: resolutionSchema.meta({ description: "probability that a contact this group handles resolves its issue (overrides the queue's)" }),
});

/** One `expect:` entry: bounds on the mean of a KPI over the replications. */
const expectationSchema = z
  .strictObject({
    min: z.number().optional().meta({ description: 'the mean must be at least this' }),
    max: z.number().optional().meta({ description: 'the mean must be at most this' }),
    approx: z.number().optional().meta({ description: 'the mean must be within tolerance of this' }),
    tolerance: z
      .number()
      .min(0)
      .optional()
      .meta({ description: 'relative tolerance of approx: 0.1 = within ±10 % (default 0.05)', examples: [0.1] }),
  })
  .superRefine((e, ctx) => {
    if (e.min === undefined && e.max === undefined && e.approx === undefined) fail(ctx, MSG.expectNoBound());
    else if (e.tolerance !== undefined && e.approx === undefined) fail(ctx, MSG.toleranceWithoutApprox(), ['tolerance']);
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
    startDay: z
      .enum(WEEKDAYS)
      .default('mon')
      .meta({ description: 'weekday at t = 0 (for weekday volumes, opening hours and rosters)', examples: ['mon'] }),
    interval: positiveTime()
      .optional()
      .meta({ description: 'reporting interval; default: the first arrival or staffing table interval, else 30m' }),
    serviceLevelFormula: z.enum(SERVICE_LEVEL_FORMULAS).default('offered'),
    shortAbandon: time({ description: 'abandons that waited less than this are left out of offered and abandoned' })
      .default(0),
    fcrWindow: positiveTime({ description: 'FCR: a repeat contact within this window after the first handled contact means not resolved first time (default 7d)' })
      .default(7 * 86400),
    channels: nonEmptyMap('channels', channelSchema, `channels: ${CHANNELS_EXAMPLE}`).meta({
      description: 'channels by id, in output order',
      examples: [{ voice: { arrivals: { perHour: 360 }, handle: { dist: 'exponential', mean: 240 } } }],
    }),
    groups: nonEmptyMap('groups', groupSchema, `groups: ${GROUPS_EXAMPLE}`).meta({
      description: 'agent groups by id',
      examples: [{ team: { agents: 25, skills: ['voice'] } }],
    }),
    hourlyCost: z
      .number()
      .min(0)
      .optional()
      .meta({ description: 'cost of one agent-hour (groups may override it); used by ccsim staff', examples: [32] }),
    expect: z
      .record(z.string(), expectationSchema)
      .optional()
      .meta({
        description: 'what `ccsim check` expects: KPI path (voice.serviceLevel, total.asaSeconds, team.occupancy) → {min, max, approx, tolerance}',
        examples: [{ 'voice.serviceLevel': { min: 0.78 }, 'total.asaSeconds': { approx: 30, tolerance: 0.1 } }],
      }),
    queues: z
      .record(id, queueSchema)
      .optional()
      .meta({ description: "queues beyond each channel's own (IVR leaves, tier 2, ticket backlogs), by id", examples: [{ tier2: { channel: 'voice' } }] }),
    routing: z
      .enum(['longestIdle', 'skillThenLongestIdle'])
      .default('longestIdle')
      .meta({ description: 'how a new contact picks among idle agents: longest idle, or highest skill level first, then longest idle' }),
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
