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
} as const;
