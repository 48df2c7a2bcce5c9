/**
 * Time values as people write them in scenario files and flags: `20s`, `4m`, `1.5h`,
 * `1d`, `2w`, a bare number of seconds, or a clock time of day `08:00`.
 * Everything comes out in seconds.
 */

/** Seconds per unit letter. */
export const DURATION_UNITS = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 } as const;

export const SECONDS_PER_DAY = DURATION_UNITS.d;

/** What a duration string looks like (also published in the JSON Schema). */
export const DURATION_PATTERN = '^\\s*(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?\\s*[smhdw]?\\s*$';
const DURATION_RE = new RegExp(DURATION_PATTERN);

/** What a clock time of day looks like: `H:MM`, `HH:MM` or `HH:MM:SS`. */
export const CLOCK_PATTERN = '^([01]?\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?$';
const CLOCK_RE = new RegExp(CLOCK_PATTERN);

/**
 * Seconds in a duration: a finite number ≥ 0 (seconds), or a string `<number><unit>`
 * with unit s, m, h, d or w, or a bare numeric string. Anything else: undefined.
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || !DURATION_RE.test(value)) return undefined;
  const text = value.trim();
  const last = text[text.length - 1] as string;
  const unit = last in DURATION_UNITS ? (last as keyof typeof DURATION_UNITS) : 's';
  const amount = Number(unit === last ? text.slice(0, -1).trim() : text);
  const seconds = amount * DURATION_UNITS[unit];
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** A duration in the largest unit that divides it exactly: 43200 → `12h`, 5400 → `90m`, 7.5 → `7.5s`. */
export function formatDuration(seconds: number): string {
  for (const unit of ['w', 'd', 'h', 'm'] as const) {
    const size = DURATION_UNITS[unit];
    if (seconds !== 0 && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** Seconds after midnight of a clock time `HH:MM` or `HH:MM:SS`; undefined if it is not one. */
export function parseClockTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !CLOCK_RE.test(value.trim())) return undefined;
  const [h, m, s] = value.trim().split(':').map(Number) as [number, number, number?];
  return h * 3_600 + m * 60 + (s ?? 0);
}

/**
 * How many intervals of `intervalSec` it takes to cover `horizonSec`: ceil(horizon / interval),
 * forgiving floating-point dust so that 12h / 30m is 24, not 25.
 */
export function intervalCount(horizonSec: number, intervalSec: number): number {
  return Math.max(1, Math.ceil(horizonSec / intervalSec - 1e-9));
}

/** True when `a` is a whole multiple of `b`, up to floating-point dust. */
export function isMultipleOf(a: number, b: number): boolean {
  const q = a / b;
  return Math.abs(q - Math.round(q)) < 1e-9;
}
