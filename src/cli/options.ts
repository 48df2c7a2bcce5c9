/** Flag parsing shared by several commands: integers, durations. */
import { InputError } from '../messages.js';
import { parseDuration } from '../scenario/index.js';

/** A positive integer flag, or undefined when absent. */
export function positiveInt(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new InputError({ path: flag, what: `'${String(value)}' is not a whole number ≥ 1`, fix: `write e.g. ${flag} 10` });
  }
  return n;
}

/** A non-negative integer flag (seeds). */
export function nonNegativeInt(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new InputError({ path: flag, what: `'${String(value)}' is not a whole number ≥ 0`, fix: `write e.g. ${flag} 1` });
  }
  return n;
}

/** A duration flag (`20`, `20s`, `4m`), in seconds. */
export function durationFlag(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const s = parseDuration(value);
  if (s === undefined) {
    throw new InputError({ path: flag, what: `'${String(value)}' is not a duration`, fix: `write seconds or a number with a unit s, m, h, d, w, e.g. ${flag} 20s` });
  }
  return s;
}

