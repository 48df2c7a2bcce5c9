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

  // --- weekdays, opening hours, rosters, chat, email (issue 3) --------------
  unknownWeekday: (text: string, suggestion?: string) => ({
    what: `unknown weekday '${text}'`,
    fix: suggestion
      ? `did you mean '${suggestion}'? (weekdays are written in lower case)`
      : 'write a weekday (mon, tue, wed, thu, fri, sat, sun), a range such as mon-fri or sat-sun, or daily',
  }),
  dayNamedTwice: (day: string, firstKey: string, secondKey: string) => ({
    what: `${day} is named by both '${firstKey}' and '${secondKey}'`,
    fix: 'name each weekday in one key only, e.g. { mon-fri: ..., sat: ..., sun: ... }',
  }),
  badOpeningHours: (got: string) => ({
    what: `open must be 24/7 or opening hours by weekday, got ${got}`,
    fix: 'write open: 24/7, or open: { mon-fri: "08:00-20:00", sat: "09:00-13:00" } (a day no key names is closed)',
  }),
  badDayHours: (got: string) => ({
    what: `expected the opening hours of a day, got ${got}`,
    fix: 'write "08:00-20:00", a list such as ["08:00-12:00", "13:00-17:00"], or closed',
  }),
  badOpeningPeriod: (text: string) => ({
    what: `bad opening period '${text}'`,
    fix: 'write "HH:MM-HH:MM" in quotes, e.g. "08:00-20:00" (the end may be "24:00"; an end before the start runs past midnight), or closed for the whole day',
  }),
  emptyOpeningPeriod: (text: string) => ({
    what: `the opening period '${text}' starts and ends at the same time`,
    fix: 'write "00:00-24:00" for the whole day, closed for none of it, or give the period a length',
  }),
  overlappingHours: (day: string, first: string, second: string) => ({
    what: `overlapping opening hours on ${day}: ${first} and ${second}`,
    fix: 'merge them into one period or move one so that they do not overlap (a period ending after midnight also counts on the next day)',
  }),
  badWeekly: (got: string) => ({
    what: `expected one value for every day or a map by weekday, got ${got}`,
    fix: 'write a single value, or a map such as { mon-fri: ..., sat: ..., sun: ... } (keys: mon … sun, ranges such as mon-fri, or daily)',
  }),
  noDailyVolume: (day: string, startsAt: string, horizon: string) => ({
    what: `no daily volume for ${day}, but the horizon (${horizon} from ${startsAt}) reaches ${day}`,
    fix: `add ${day} to daily (e.g. ${day}: 0 if nothing arrives), or shorten the horizon`,
  }),
  noProfileForDay: (day: string) => ({
    what: `no profile weights for ${day}, which has a positive daily volume`,
    fix: `add ${day} to the weights (e.g. a key ${day} or a range including it), or set its daily volume to 0`,
  }),
  weekdayProfileZero: (key: string) => ({
    what: `the profile weights of '${key}' add up to 0, so the daily volume of ${key} cannot be spread`,
    fix: "give at least one slot a positive weight, or set the daily volume of those days to 0",
  }),
  badClockRange: (text: string) => ({
    what: `bad clock range '${text}'`,
    fix: 'write "HH:MM-HH:MM" in quotes, e.g. within: "12:00-14:00"',
  }),
  badDays: (got: string) => ({
    what: `days must name weekdays, got ${got}`,
    fix: 'write days: mon-fri, days: [mon, wed, sat], or days: daily',
  }),
  badBreak: (got: string) => ({
    what: `a break is either at a clock time or within a window, got ${got}`,
    fix: 'write { at: "10:00", length: 15m } or { within: "12:00-14:00", length: 30m }',
  }),
  badAgentsOrRoster: (got: string) => ({
    what: `agents must be a whole number ≥ 0, a staffing table or a roster of shifts, got ${got}`,
    fix: 'write agents: 25, or agents: { interval: 30m, counts: [20, 22, ...] } (agents per interval from t = 0), or agents: { shifts: [{ start: "08:00", length: 8h, days: mon-fri, agents: 10 }] }',
  }),
  shiftTooLong: (length: string) => ({
    what: `a shift of ${length} is longer than a day`,
    fix: 'make each shift at most 24h long; list two shifts for longer coverage',
  }),
  breakOutsideShift: (what: string, span: string) => ({
    what: `break outside its shift: ${what} does not lie inside the shift ${span}`,
    fix: `place the break inside ${span}, or change the shift's start or length`,
  }),
  breakWindowTooShort: (what: string, detail: string) => ({
    what: `${what} does not fit its window (the window is ${detail})`,
    fix: 'make the window at least as long as the break, or shorten the break',
  }),
  breaksOverlap: (first: string, second: string, who: string) => ({
    what: `${first} and ${second} overlap${who}`,
    fix: 'move one of them so that no agent has two breaks at once (breaks within a window are staggered from the window start to its end across the shift\'s agents)',
  }),
  badShrinkage: (got: string) => ({
    what: `shrinkage must be a share in [0, 1) or { share, mode }, got ${got}`,
    fix: 'write shrinkage: 0.3 (30 % of capacity in every interval), or shrinkage: { share: 0.3, mode: day } (whole agents absent for a day)',
  }),
  backlogNotEmail: (id: string, kind: string) => ({
    what: `initialBacklog on ${kind} channel '${id}': a live ${kind === 'chat' ? 'chat customer' : 'caller'} cannot have been waiting before the start`,
    fix: `remove initialBacklog, or make '${id}' an email channel (kind: email)`,
  }),
  // --- planner commands: staff, compare, sweep, check, merge (issue 5) --------
  unknownKpiScope: (text: string, scopes: readonly string[], suggestion?: string) => ({
    what: `'${text}' is not a KPI path: it must start with a channel id, total or a group id (this scenario has ${scopes.join(', ')})`,
    fix: suggestion ? `did you mean '${suggestion}'?` : `write <id>.<kpi>, e.g. ${scopes[0] ?? 'voice'}.serviceLevel or total.asaSeconds`,
  }),
  unknownKpi: (text: string, owner: string, keys: readonly string[], suggestion?: string) => ({
    what: `'${text}' is not a KPI of ${owner}`,
    fix: suggestion ? `did you mean '${suggestion}'? (KPIs: ${keys.join(', ')})` : `use one of ${keys.join(', ')}`,
  }),
  badTarget: (expr: string) => ({
    what: `'${expr}' is not a target expression`,
    fix: "write KPI-PATH>=VALUE or KPI-PATH<=VALUE in quotes, e.g. --target 'voice.serviceLevel>=0.8' or --target 'chat.asaSeconds<=30' (unquoted, the shell reads > as a redirection)",
  }),
  badTargetValue: (expr: string, value: string) => ({
    what: `'${value}' in '${expr}' is not a number`,
    fix: 'write a number, a percentage (80%) or, for seconds KPIs, a duration (30s, 2m)',
  }),
  targetNotStaffable: (text: string, why: string) => ({
    what: `'${text}' cannot be met by moving agents: ${why}`,
    fix: 'give a target on a channel KPI that agents improve: serviceLevel, answerRate (>=); asaSeconds, avgWaitSeconds, p90WaitSeconds, abandonRate, firstResponseSeconds (<=)',
  }),
  noTargetForChannel: (id: string) => ({
    what: `channel '${id}' has no target: no --target names it and the scenario gives it no target`,
    fix: `add e.g. --target '${id}.serviceLevel>=0.8', or a target: { serviceLevel: 0.8, within: 20s } to the channel`,
  }),
  badConfidence: (got: string) => ({
    what: `'${got}' is not a confidence level`,
    fix: 'write a fraction from 0.5 (the mean meets the target) up to below 1, e.g. --confidence 0.95 or --confidence 95%',
  }),
  badShard: (text: string) => ({
    what: `'${text}' is not a shard i/n`,
    fix: 'write --shard i/n with 1 ≤ i ≤ n, e.g. --shard 1/4 … --shard 4/4 (in a Kubernetes indexed Job: --shard $((JOB_COMPLETION_INDEX + 1))/4)',
  }),
  tooManyShards: (count: number, total: number, unit: string) => ({
    what: `${count} shards of ${total} ${unit}: some shards would have nothing to do`,
    fix: `use at most ${total} shards, or more ${unit}`,
  }),
  shardWithOutput: (flag: string) => ({
    what: `${flag} cannot be combined with --shard: a shard holds part of the study`,
    fix: `run the shards, combine them with \`ccsim merge\`, and write ${flag} from a run without --shard`,
  }),
  notAShard: (detail: string) => ({
    what: `not the output of a --shard run: ${detail}`,
    fix: 'pass the JSON files printed by `ccsim run … --shard i/n` or `ccsim sweep … --shard i/n`',
  }),
  shardMismatch: (field: string, a: string, b: string) => ({
    what: `the shards are not slices of one study: ${field} is ${a} in one and ${b} in another`,
    fix: 'merge only the shards of one command line (same scenario, seed, replications and shard count)',
  }),
  shardTwice: (shard: string) => ({
    what: `shard ${shard} is given twice`,
    fix: 'pass each shard file once',
  }),
  shardsMissing: (unit: string, missing: string, shards: string) => ({
    what: `the shards do not cover every ${unit}: ${missing} missing (shard ${shards})`,
    fix: `run the missing shard${shards.includes(',') ? 's' : ''} and pass ${shards.includes(',') ? 'their' : 'its'} output to ccsim merge too`,
  }),
  sweepOneParameter: (count: number) => ({
    what: `sweep varies one parameter, got ${count} --set flags`,
    fix: 'give one --set PATH=FROM..TO[:STEP] (run one sweep per parameter)',
  }),
  baselineVersion: (recorded: string, current: string, scenarioFile: string) => ({
    what: `the baseline was recorded for scenario version ${recorded}, but ${scenarioFile} is now version ${current}`,
    fix: `if the scenario change is intended, record a new baseline with \`ccsim check --update ${scenarioFile}\`; else undo the change`,
  }),
  badBaseline: (detail: string) => ({
    what: `not a ccsim baseline: ${detail}`,
    fix: 'delete it and record a new one with `ccsim check --update <scenario>`',
  }),
  expectNoBound: () => ({
    what: 'an expectation needs a bound',
    fix: 'give min, max or approx (with an optional relative tolerance), e.g. { min: 0.78 } or { approx: 30, tolerance: 0.1 }',
  }),
  toleranceWithoutApprox: () => ({
    what: 'tolerance applies to approx, and there is no approx',
    fix: 'add approx: VALUE, or remove tolerance (min and max are exact bounds)',
  }),
  // --- Routing, IVR, escalation, resolution, retrials (issue 4) -------------------------
  probabilitiesNotOne: (what: string, total: number) => ({
    what: `the ${what} probabilities add up to ${Number(total.toFixed(6))}, not 1`,
    fix: 'make them add up to exactly 1 (e.g. 0.7 and 0.3)',
  }),
  ivrNodeForm: (id: string) => ({
    what: `IVR node '${id}' needs either branches (a menu) or a queue (a leaf), not both and not neither`,
    fix: 'write branches: { billing: 0.6, support: 0.4 } to go on to other nodes, or queue: <queue id> to route the caller',
  }),
  ivrExitTooLikely: (id: string, total: number) => ({
    what: `at IVR node '${id}' abandon + contain is ${total}, more than 1`,
    fix: 'lower abandon or contain so that together they are at most 1',
  }),
  unknownIvrNode: (id: string, known: readonly string[]) => ({
    what: `unknown IVR node '${id}'`,
    fix: `use one of the nodes ${known.join(', ')}, or add a node '${id}'`,
  }),
  ivrNoExit: (id: string) => ({
    what: `IVR node '${id}' is on a cycle without an exit: a caller who reaches it never leaves the IVR`,
    fix: 'give a node on the cycle a branch to a leaf (a node with queue:), or a contain or abandon probability',
  }),
  unknownQueue: (id: string, known: readonly string[]) => ({
    what: `unknown queue '${id}'`,
    fix: `use one of the queues ${known.join(', ')} (a channel id names that channel's own queue), or add '${id}' under queues:`,
  }),
  unknownGroup: (id: string, known: readonly string[]) => ({
    what: `unknown group '${id}'`,
    fix: `use one of the groups ${known.join(', ')}`,
  }),
  unknownChannel: (id: string, known: readonly string[]) => ({
    what: `unknown channel '${id}'`,
    fix: `use one of the channels ${known.join(', ')}`,
  }),
  queueIdTaken: (id: string) => ({
    what: `queue '${id}' has the id of a channel, whose own queue already has that id`,
    fix: `rename the queue, e.g. ${id}-2`,
  }),
  queueNotServed: (id: string) => ({
    what: `no group serves queue '${id}'`,
    fix: `add '${id}' to some group's skills, e.g. skills: [${id}]`,
  }),
  ticketNotDeferred: (id: string) => ({
    what: `a ticket escalation needs a deferred queue, but '${id}' is on a live channel`,
    fix: `put '${id}' on an email channel, or use mode: warm`,
  }),
  warmNotLive: (id: string) => ({
    what: `a warm escalation needs a live queue, but '${id}' is on an email channel`,
    fix: `use mode: ticket, or escalate to a call or chat queue`,
  }),
  noScenarios: (dir: string) => ({
    what: `no scenario files (.yaml, .yml, .json) in '${dir}'`,
    fix: 'name a folder that holds scenarios, or scenario files themselves, e.g. ccsim check scenarios/',
  }),
  callbackNotCall: (id: string, kind: string) => ({
    what: `callback on ${kind} channel '${id}': only callers can be called back`,
    fix: `remove callback, or make '${id}' a call channel (kind: call)`,
  }),
  badMapping: (detail: string) => ({
    what: detail,
    fix: 'correct the mapping file (README, "Importing a real export", shows one)',
  }),
  outputIsInput: (file: string) => ({
    what: `refusing to write output over the input file '${file}'`,
    fix: 'choose another output path',
  }),
  // --- output safety: inputs, existing results, --force, write errors (issue 9) ---
  outputExists: (file: string, why: string) => ({
    what: `'${file}' already exists and ${why}`,
    fix: 'choose another path, or pass --force to replace it',
  }),
  outputsCollide: (file: string, other: string) => ({
    what: `'${file}' is also written by ${other}`,
    fix: 'give the outputs different paths',
  }),
  notOurFile: (file: string, command: string) => ({
    what: `'${file}' exists and was not written by ccsim ${command}`,
    fix: 'choose another path, or pass --force to replace it',
  }),
  notAFolder: (path: string, kind: string) => ({
    what: `'${path}' is ${kind}, not a folder`,
    fix: 'name a folder (it is created if missing)',
  }),
  notARegularFile: (path: string, kind: string) => ({
    what: `'${path}' is ${kind}, not a file ccsim can replace`,
    fix: 'name a file path, e.g. reports/check.xml',
  }),
  folderNotOurs: (dir: string, manifest: string) => ({
    what: `'${dir}' is not empty and has no ${manifest}, so it is not a folder ccsim wrote`,
    fix: 'choose a new or empty folder, or pass --force to write into it (files of the same names are replaced, other files stay)',
  }),
  folderOfOtherCommand: (dir: string, other: string, command: string) => ({
    what: `'${dir}' holds the output of ccsim ${other}, not of ccsim ${command}`,
    fix: 'choose another folder, or pass --force to replace it',
  }),
  foreignFileInFolder: (file: string, manifest: string) => ({
    what: `'${file}' would be replaced, but ccsim did not write it (the folder's ${manifest} does not list it)`,
    fix: 'move the file away, choose another folder, or pass --force to replace it',
  }),
  writeFailed: (path: string, reason: string, fix: string) => ({
    what: `cannot write '${path}': ${reason}`,
    fix,
  }),
  baselinesNotFolder: (path: string) => ({
    what: `'${path}' is a file, but --baselines names the folder of baseline files`,
    fix: 'name a folder, e.g. --baselines scenarios/baselines (a scenario x.yaml has its baseline at <folder>/x.json)',
  }),
  baselineTwice: (file: string, a: string, b: string) => ({
    what: `'${a}' and '${b}' would both record their baseline in '${file}'`,
    fix: 'check them in separate runs, or give the scenario files different names',
  }),
  // --- The command line: option typos, unknown commands, seeds, whole numbers, shares ---
  /** `guesses` pairs a typed option with the valid one it is nearest to. */
  unknownOption: (typed: readonly string[], guesses: readonly (readonly [string, string])[], help: string) => ({
    what: `unknown option${typed.length === 1 ? '' : 's'} ${typed.join(', ')}`,
    fix:
      guesses.length === 0
        ? `remove ${typed.length === 1 ? 'it' : 'them'}; ${help} lists the options`
        : typed.length === 1
          ? `did you mean ${guesses[0][1]}? (${help} lists the options)`
          : `did you mean ${guesses.map(([t, g]) => `${g} (for ${t})`).join(', ')}? (${help} lists the options)`,
  }),
  unknownCommand: (typed: string, suggestion: string | undefined, commands: readonly string[]) => ({
    what: `unknown command '${typed}'`,
    fix: suggestion
      ? `did you mean '${suggestion}'? (commands: ${commands.join(', ')}; ccsim --help describes them)`
      : `use one of the commands ${commands.join(', ')} (ccsim --help describes them)`,
  }),
  extraArgument: (typed: readonly string[], command: string) => ({
    what: `unexpected argument${typed.length === 1 ? '' : 's'} ${typed.map((t) => `'${t}'`).join(', ')}`,
    fix: `remove ${typed.length === 1 ? 'it' : 'them'}, or quote a value that holds spaces (ccsim ${command} --help shows what the command takes)`,
  }),
  flagRepeated: (flag: string, values: readonly string[]) => ({
    what: `given ${values.length} times (${values.map((v) => `'${v}'`).join(', ')})`,
    fix: `give ${flag} once`,
  }),
  badSeed: (got: string) => ({
    what: `'${got}' is not a seed`,
    fix: `write a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, as in a scenario's seed, e.g. --seed 1`,
  }),
  badWholeNumber: (got: string, min: number, example: string) => ({
    what: `'${got}' is not a whole number ≥ ${min}`,
    fix: `write e.g. ${example}`,
  }),
  badShare: (got: string, rule: string, example: string) => ({
    what: `'${got}' is not a share ${rule}`,
    fix: `write a fraction or a percentage, e.g. ${example}`,
  }),
  badAmount: (got: string, example: string) => ({
    what: `'${got}' is not a number ≥ 0`,
    fix: `write e.g. ${example}`,
  }),
  // --- log importer: what `ccsim metrics` refuses to read (issue 9) ----------------------
  logNotDecimal: (column: string, got: string) => ({
    what: `'${column}' is '${got}', not a decimal number`,
    fix: 'write a decimal number such as 12, -3.5 or 0.25 (an exponent as in 1e-7 is accepted; hex, Infinity, NaN and other text are not)',
  }),
  logNotWhole: (column: string, got: string, rule: string) => ({
    what: `'${column}' is '${got}', not ${rule}`,
    fix: `write ${rule}, e.g. ${column === 'replication' ? '0' : '1'}`,
  }),
  logTimeOutOfRange: (column: string, got: string) => ({
    what: `'${column}' is ${got} s, more than 100 years from t = 0`,
    fix: 'times are seconds since the start of the log and must lie within ±3,155,760,000 s (100 years): check the unit of the column',
  }),
  logNegativeDuration: (column: string, got: string) => ({
    what: `'${column}' is ${got}: a duration cannot be negative`,
    fix: 'correct the row, or check that the column holds seconds after the field the mapping names',
  }),
  logOutOfOrder: (column: string, before: string, a: string, b: string) => ({
    what: `'${column}' (${a}) is before '${before}' (${b})`,
    fix: "a leg's times run arrival ≤ ivrExit ≤ queueEntry ≤ answer ≤ talkEnd ≤ wrapEnd, and queueEntry ≤ abandon: correct or remove the row",
  }),
  logDuplicateRow: (replication: number, contact: string, leg: number, firstLine: number) => ({
    what: `replication ${replication}, contact '${contact}', leg ${leg} is in the file twice (first on line ${firstLine})`,
    fix: 'remove the duplicate row; each leg of a contact needs its own leg number (1, 2, …)',
  }),
  logStateBackwards: (start: string, end: string) => ({
    what: `the state interval ends (${end}) before it starts (${start})`,
    fix: 'swap or correct start and end, or remove the row',
  }),
  logNoZone: (column: string, got: string) => ({
    what: `'${column}' is '${got}', a local time without a zone: it would mean different instants on different machines`,
    fix: 'write the offset, as in 2026-03-02T09:00:00Z or 2026-03-02T09:00:00+01:00, or set the zone of such times in the mapping: timezone: UTC (or timezone: "+01:00")',
  }),
  logNotIsoTime: (column: string, got: string) => ({
    what: `'${column}' is '${got}', not an ISO 8601 date-time`,
    fix: 'write a date and a time of day, e.g. 2026-03-02T09:00:00Z (or say times: seconds in the mapping if the column holds seconds)',
  }),
  logBeforeOrigin: (column: string, got: string, origin: string) => ({
    what: `'${column}' is ${got}, before the mapping's origin ${origin}`,
    fix: 'set origin at or before the earliest arrival, or remove the earlier rows from the export',
  }),
  logBadName: (column: string, got: string) => ({
    what: `'${column}' is ${got}, not a name`,
    fix: 'write the name as text or a number (not an object, a list or true/false)',
  }),
  logUnknownValue: (column: string, got: string, allowed: readonly string[]) => ({
    what: `'${column}' is '${got}', not one of ${allowed.join(', ')}`,
    fix: `write one of ${allowed.join(', ')}, or leave the cell empty`,
  }),
  missingLogCell: (column: string) => ({
    what: `'${column}' is empty`,
    fix: `every row needs a value in '${column}': fill it in or remove the row`,
  }),
  logReservedName: (column: string) => ({
    what: `'${column}' is '__proto__', a name ccsim cannot use`,
    fix: 'rename it in the file, e.g. to proto',
  }),
  logBadMeta: (field: string, got: string, rule: string) => ({
    what: `'${field}' is ${got}; it must be ${rule}`,
    fix: 'correct the .meta.json side file (ccsim run --log writes it), or remove it and give --horizon, --warmup and --interval',
  }),
  logTooManyIntervals: (count: number, max: number) => ({
    what: `${count.toLocaleString('en-US')} reporting intervals: more than ${max.toLocaleString('en-US')}`,
    fix: 'use a longer --interval (e.g. --interval 1h or 1d) or a shorter --horizon',
  }),
  mappingAfterItself: (field: string) => ({
    what: `'${field}' is mapped as seconds after itself`,
    fix: `name another time field in after:, e.g. ${field === 'arrival' ? 'arrival: call_start' : `${field}: { column: ..., after: arrival }`}`,
  }),
  mappingAfterCycle: (chain: string) => ({
    what: `the fields are mapped as seconds after each other in a circle (${chain}), so none of them has a time`,
    fix: 'map one of them to a time column (field: column) and the others after it',
  }),
  mappingAfterUnmapped: (field: string, after: string) => ({
    what: `'${field}' is mapped as seconds after '${after}', which the mapping does not map`,
    fix: `map '${after}' too (columns: { ${after}: <column> }), or name a mapped field in after:`,
  }),
  mappingBadZone: (got: string) => ({
    what: `timezone is '${got}', not UTC or a fixed offset`,
    fix: 'write timezone: UTC or a fixed offset in quotes, e.g. timezone: "+01:00" (named zones such as Europe/Paris are not supported yet: they change offset with daylight saving)',
  }),
  // --- merge: shards whose replications cannot be trusted (issue 9) --------------------
  shardBadReplication: (replication: string, detail: string) => ({
    what: `replication ${replication} ${detail}`,
    fix: 'the file was edited or cut short: run that shard again and merge its fresh output',
  }),
} as const;
