/**
 * Flag parsing shared by every command: seeds, whole numbers, shares (`0.8` or `80%`),
 * amounts, durations.
 *
 * Flags are declared to yargs as strings, so these parsers see what the user typed: a
 * `type: 'number'` flag would turn `abc` into NaN and an empty value into 0 before we look.
 */
import { InputError, MSG, inputError } from '../messages.js';
import { parseRate } from '../plan/targets.js';
import { parseDuration, scenarioFileSchema } from '../scenario/index.js';

/** The flag's text as typed, or undefined when absent; a flag given twice is refused. */
export function flagText(value: unknown, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw inputError(MSG.flagRepeated(flag, value.map(String)), { path: flag });
  return String(value);
}

/** A number written in full (`12`, `1e3`); blank text is not 0. */
function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** A whole-number flag ≥ `min` that a double holds exactly, or undefined when absent. */
function wholeNumber(value: unknown, flag: string, min: number, example: string): number | undefined {
  const text = flagText(value, flag);
  if (text === undefined) return undefined;
  const n = numberOf(text);
  if (!Number.isSafeInteger(n) || n < min) throw inputError(MSG.badWholeNumber(text, min, example), { path: flag });
  return n;
}

/** A positive integer flag (replications, workers, agents …), or undefined when absent. */
export function positiveInt(value: unknown, flag: string, example = `${flag} 10`): number | undefined {
  return wholeNumber(value, flag, 1, example);
}

/**
 * The master seed: exactly what a scenario file accepts for `seed` (the schema decides), so a
 * seed that works on the command line can be written into the scenario and back.
 */
export function seedFlag(value: unknown, flag = '--seed'): number | undefined {
  const text = flagText(value, flag);
  if (text === undefined) return undefined;
  const n = numberOf(text);
  if (!scenarioFileSchema.shape.seed.safeParse(n).success) throw inputError(MSG.badSeed(text), { path: flag });
  return n;
}

/** Which shares a flag accepts: from `min` to `max`, each end included or not. */
export interface ShareRange {
  min: number;
  minIncluded: boolean;
  max: number;
  maxIncluded: boolean;
  /** A good value to show, e.g. `--target-sl 80%`. */
  example: string;
}

/** A share flag, `0.8` or `80%`, as a fraction within `range`; undefined when absent. */
export function shareFlag(value: unknown, flag: string, range: ShareRange): number | undefined {
  const text = flagText(value, flag);
  if (text === undefined) return undefined;
  const n = parseRate(text);
  const aboveMin = n !== undefined && (range.minIncluded ? n >= range.min : n > range.min);
  const belowMax = n !== undefined && (range.maxIncluded ? n <= range.max : n < range.max);
  if (!aboveMin || !belowMax) throw inputError(MSG.badShare(text, shareRule(range), range.example), { path: flag });
  return n;
}

function shareRule(r: ShareRange): string {
  const pct = (x: number) => `${+(x * 100).toFixed(4)} %`;
  if (!r.minIncluded && !r.maxIncluded) return `strictly between ${pct(r.min)} and ${pct(r.max)}`;
  return `from ${pct(r.min)} (${r.minIncluded ? 'included' : 'excluded'}) to ${pct(r.max)} (${r.maxIncluded ? 'included' : 'excluded'})`;
}

/** A finite number ≥ 0 (a cost), or undefined when absent. */
export function amountFlag(value: unknown, flag: string, example: string): number | undefined {
  const text = flagText(value, flag);
  if (text === undefined) return undefined;
  const n = numberOf(text);
  if (!(Number.isFinite(n) && n >= 0)) throw inputError(MSG.badAmount(text, example), { path: flag });
  return n;
}

/** A duration flag (`20`, `20s`, `4m`), in seconds. */
export function durationFlag(value: unknown, flag: string): number | undefined {
  const text = flagText(value, flag);
  if (text === undefined) return undefined;
  const s = parseDuration(text);
  if (s === undefined) {
    throw inputError(MSG.flag(`'${text}' is not a duration`, `write seconds or a number with a unit s, m, h, d, w, e.g. ${flag} 20s`), { path: flag });
  }
  return s;
}

