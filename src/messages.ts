/**
 * The one catalogue of user-facing errors and warnings.
 *
 * Every message names where the problem is (file, field path) and what to do about it.
 * This module is a leaf: it imports nothing, so every layer may throw an `InputError`
 * and the CLI turns it into one line on stderr and exit code 2.
 */

/** A problem with something the user gave us: a file, a field, a flag. */
export interface Problem {
  /** File the problem is in, as the user wrote it (omitted for flags). */
  file?: string;
  /** Field path inside the file, dotted (`channels.voice.handle.mean`), or a flag (`--agents`). */
  path?: string;
  /** What is wrong, in the user's terms. */
  what: string;
  /** What to do about it. */
  fix: string;
}

/** Thrown for bad input; the CLI prints `formatProblem` and exits 2. */
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(readonly problem: Problem) {
    super(formatProblem(problem));
    this.name = 'InputError';
  }
}

/** `file: path: what. Fix: fix` on one line. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.path].filter((s) => s !== undefined && s !== '').join(': ');
  const what = p.what.replace(/\.$/, '');
  return `${where ? where + ': ' : ''}${what}. Fix: ${p.fix}`;
}

/** Build an InputError from a catalogue entry plus its location. */
export function inputError(
  entry: { what: string; fix: string },
  where: { file?: string; path?: string } = {},
): InputError {
  return new InputError({ ...where, ...entry });
}

// ---------------------------------------------------------------------------
// The catalogue. Each entry returns {what, fix}; the caller adds file and path.
// ---------------------------------------------------------------------------

export const MSG = {
  fileNotFound: (file: string) => ({
    what: `cannot read '${file}': no such file`,
    fix: 'check the path; scenario files live in scenarios/ (try `ls scenarios`)',
  }),
  fileUnreadable: (file: string, reason: string) => ({
    what: `cannot read '${file}': ${reason}`,
    fix: 'check that the path is a readable file',
  }),
  emptyFile: () => ({
    what: 'the file is empty',
    fix: 'write a scenario with at least name, horizon, channels and groups (see `ccsim schema` or scenarios/)',
  }),
  yamlSyntax: (detail: string) => ({
    what: `YAML syntax error: ${detail}`,
    fix: 'fix the indentation or quoting at that line (a YAML linter helps)',
  }),
  jsonSyntax: (detail: string) => ({
    what: `JSON syntax error: ${detail}`,
    fix: 'fix the JSON at that position, or write the scenario in YAML',
  }),
  unknownExtension: (file: string) => ({
    what: `'${file}' is neither .yaml, .yml nor .json`,
    fix: 'name the scenario file with a .yaml, .yml or .json extension',
  }),
  unknownLogExtension: (file: string) => ({
    what: `'${file}' is neither .csv nor .ndjson`,
    fix: 'name the log file with a .csv or .ndjson extension',
  }),
  badLogFile: (detail: string) => ({
    what: `not a ccsim contact log: ${detail}`,
    fix: 'pass a log written by `ccsim run --log`, or map a real export onto the documented log columns (README, "Contact log")',
  }),
  flag: (what: string, fix: string) => ({ what, fix }),
  unstable: (loadErlangs: number, agents: number) => ({
    what: `unstable: offered load ${loadErlangs.toFixed(2)} Erlangs is not below ${agents} agents, so Erlang C has no steady state (the queue grows without bound)`,
    fix: `use at least ${Math.floor(loadErlangs) + 1} agents, or model abandonment with --model a --patience SEC`,
  }),
  noStaffingMeetsTarget: (maxAgents: number) => ({
    what: `no staffing up to ${maxAgents} agents meets the target`,
    fix: 'relax the target, or check --arrivals-per-hour and --aht',
  }),
  outputIsInput: (file: string) => ({
    what: `refusing to write output over the input file '${file}'`,
    fix: 'choose another output path',
  }),

  // --- scenario files (src/scenario) ---------------------------------------
  notAMap: (got: string) => ({
    what: `the top level of a scenario must be a map of fields, not ${got}`,
    fix: 'start the file with fields such as `name:`, `horizon:`, `channels:` and `groups:` (see `ccsim schema` or scenarios/)',
  }),
  badDuration: (text: string) => ({
    what: `bad duration '${text}'`,
    fix: 'write a number of seconds or a number with a unit s, m, h, d or w, e.g. 20s, 4m, 8h',
  }),
  badClockTime: (text: string) => ({
    what: `bad clock time '${text}'`,
    fix: 'write the time of day at t = 0 as "HH:MM" in quotes, e.g. start: "08:00"',
  }),
  missingField: (key: string, example?: string) => ({
    what: `missing required field '${key}'`,
    fix: example ? `add it, e.g. ${example}` : `add '${key}' (\`ccsim schema\` lists every field)`,
  }),
  unknownKey: (key: string, suggestion: string | undefined, valid: readonly string[]) => ({
    what: `unknown key '${key}'`,
    fix: suggestion
      ? `did you mean '${suggestion}'?`
      : `remove it; the keys allowed here are ${valid.join(', ')}`,
  }),
  wrongType: (expected: string, got: string, example?: string) => ({
    what: `expected ${expected}, got ${got}`,
    fix: example ? `write ${expected}, e.g. ${example}` : `write ${expected}`,
  }),
  outOfRange: (rule: string, got: string, example?: string) => ({
    what: `must be ${rule} (got ${got})`,
    fix: example ? `use a value ${rule}, e.g. ${example}` : `use a value ${rule}`,
  }),
  notWholeNumber: (got: string, example?: string) => ({
    what: `must be a whole number (got ${got})`,
    fix: example ? `write an integer, e.g. ${example}` : 'write an integer',
  }),
  tooFewItems: (min: number, got: number) => ({
    what: `needs at least ${min} ${min === 1 ? 'entry' : 'entries'} (got ${got})`,
    fix: `list at least ${min} ${min === 1 ? 'entry' : 'entries'}`,
  }),
  notOneOf: (got: string, options: readonly string[]) => ({
    what: `${got} is not one of ${options.join(', ')}`,
    fix: `use one of: ${options.join(', ')}`,
  }),
  unknownDistribution: (name: string, names: readonly string[]) => ({
    what: `unknown distribution '${name}'`,
    fix: `use one of: ${names.join(', ')}`,
  }),
  missingDistribution: (names: readonly string[]) => ({
    what: "missing required field 'dist'",
    fix: `name the distribution, e.g. { dist: exponential, mean: 240 }; one of: ${names.join(', ')}`,
  }),
  badDistribution: (got: string) => ({
    what: `expected a distribution, got ${got}`,
    fix: 'write { dist: NAME, ... }: fixed (value), exponential (mean), lognormal (mean, cv), gamma (mean, cv), uniform (min, max) or empirical (values, or csv + column); e.g. { dist: exponential, mean: 240 }',
  }),
  badArrivals: (got: string) => ({
    what: `arrivals must take one of three forms, got ${got}`,
    fix: 'write { perHour: 360 }, or { interval: 30m, volumes: [12, 30, ...] } (expected contacts per interval from t = 0), or { daily: 12000, profile: { interval: 30m, weights: [...] } }, or { times: [0, 5, 30] } (exact arrival times)',
  }),
  badAgents: (got: string) => ({
    what: `agents must be a whole number ≥ 0 or a staffing table, got ${got}`,
    fix: 'write agents: 25, or agents: { interval: 30m, counts: [20, 22, ...] } (agents per interval from t = 0)',
  }),
  badId: (kind: string, id: string) => ({
    what: `'${id}' is not a valid ${kind} id`,
    fix: 'start ids with a letter and use only letters, digits, _ and -, e.g. voice or tier_2',
  }),
  emptyMap: (field: string, example: string) => ({
    what: `'${field}' needs at least one entry`,
    fix: `add one, e.g. ${example}`,
  }),
  blankText: (example?: string) => ({
    what: 'must not be empty',
    fix: example ? `write some text, e.g. ${example}` : 'write some text',
  }),
  duplicateSkill: (id: string) => ({
    what: `'${id}' is listed twice in skills`,
    fix: 'list each channel once',
  }),
  empiricalForm: () => ({
    what: 'an empirical distribution needs either values or csv + column, not both and not neither',
    fix: 'write { dist: empirical, values: [120, 180, 300] } or { dist: empirical, csv: handle-times.csv, column: seconds }',
  }),
  uniformRange: (min: string, max: string) => ({
    what: `max ${max} is below min ${min}`,
    fix: 'make max at least min, or swap them',
  }),
  profileNotOneDay: (count: number, interval: string, needed: string) => ({
    what: `the profile has ${count} weights of ${interval}, which is not one day`,
    fix: `give exactly ${needed} weights (one per ${interval} slot of the day, from 00:00), or change the profile interval`,
  }),
  profileWeightsZero: () => ({
    what: 'the profile weights add up to 0, so the daily volume cannot be spread',
    fix: 'give at least one slot a positive weight (weights are relative shares of the day)',
  }),
  unknownSkill: (id: string, channelIds: readonly string[]) => ({
    what: `unknown channel '${id}' in skills`,
    fix: `use one of the channel ids ${channelIds.join(', ')}, or add a channel '${id}'`,
  }),
  channelNotServed: (id: string) => ({
    what: `no group serves channel '${id}'`,
    fix: `add '${id}' to some group's skills, e.g. skills: [${id}]`,
  }),
  warmupNotBeforeHorizon: (warmup: string, horizon: string) => ({
    what: `warm-up ${warmup} is not shorter than the horizon ${horizon}, so nothing would be measured`,
    fix: 'make warmup shorter than horizon (or lengthen the horizon)',
  }),
  tableLength: (column: string, got: number, needed: number, horizon: string, interval: string) => ({
    what: `${column} has ${got} values but the horizon ${horizon} at ${interval} intervals needs ${needed}`,
    fix: `give exactly ${needed} values (one per ${interval} interval from t = 0), or change horizon or interval`,
  }),
  startNotAligned: (start: string, interval: string) => ({
    what: `start ${start} does not fall on a ${interval} boundary of the intraday profile`,
    fix: `start at a multiple of ${interval} after midnight, or use a profile interval that divides the start time`,
  }),
  csvNotFound: (csv: string) => ({
    what: `cannot read the CSV file '${csv}'`,
    fix: 'check the csv path; it is relative to the scenario file',
  }),
  csvNoColumn: (csv: string, column: string, header: readonly string[]) => ({
    what: `'${csv}' has no column '${column}'`,
    fix: header.length > 0 ? `use one of its columns: ${header.join(', ')}` : 'give the CSV a header line naming its columns',
  }),
  csvBadCell: (csv: string, line: number, column: string, cell: string) => ({
    what: `'${csv}' line ${line}, column '${column}': '${cell}' is not a number of seconds`,
    fix: 'write each value as a number of seconds ≥ 0 (or a duration such as 4m)',
  }),
  csvEmpty: (csv: string, column: string) => ({
    what: `'${csv}' has no values in column '${column}'`,
    fix: 'add at least one data row under the header',
  }),
  invalidField: (detail: string) => ({
    what: detail,
    fix: 'correct this field (`ccsim schema` prints what each field accepts)',
  }),
  timesNotAscending: (index: number) => ({
    what: `arrival time ${index} is earlier than the one before it`,
    fix: 'list scripted arrival times in ascending order',
  }),
} as const;
