/**
 * Reading one cell of a log file strictly: a number is a decimal number, a time lies within
 * 100 years of t = 0, a count is a whole number in its column's range, a name is text. An
 * empty cell (or a missing column) is "did not happen" / "unknown"; anything else that is
 * not what the column holds is refused with the file, line and column, never guessed at.
 */
import { MSG } from '../messages.js';
import { logError } from './errors.js';

/** Where a cell is: the file, its line there, and how to name a column (an export's own name). */
export interface At {
  file: string;
  line: number;
  label: (column: string) => string;
}

/** 100 years of seconds: the documented bound on every time and duration in a log. */
export const MAX_ABS_TIME_SEC = 100 * 365.25 * 86_400;

// Optional sign, digits with an optional fraction (or a bare fraction), optional exponent:
// what our own writer prints (String(5e-7) is "5e-7"), and nothing like 0x10, 1e, Infinity.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** `line 12, column 'answer'`: the `where` of a cell. */
export function cellWhere(at: At, column: string): string {
  return `line ${at.line}, column '${at.label(column)}'`;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

/** A decimal number, or NaN when empty. */
export function decimal(v: unknown, column: string, at: At): number {
  if (isEmpty(v)) return NaN;
  const n = typeof v === 'number' ? v : typeof v === 'string' && DECIMAL.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw logError(MSG.logNotDecimal(at.label(column), shown(v)), cellWhere(at, column), at.file);
  return n;
}

/** A time in seconds since t = 0 (within ±100 years), or NaN when empty. */
export function time(v: unknown, column: string, at: At): number {
  const t = decimal(v, column, at);
  if (Math.abs(t) > MAX_ABS_TIME_SEC) throw logError(MSG.logTimeOutOfRange(at.label(column), String(v)), cellWhere(at, column), at.file);
  return t;
}

/** A whole number in [min, max], or `dflt` when empty; `rule` says so in words. */
export function whole(v: unknown, column: string, at: At, dflt: number, min: number, max: number, rule: string): number {
  if (isEmpty(v)) return dflt;
  const n = decimal(v, column, at);
  if (!Number.isInteger(n) || n < min || n > max) throw logError(MSG.logNotWhole(at.label(column), shown(v), rule), cellWhere(at, column), at.file);
  return n;
}

/** Text (a number is read as its text), or null when empty; objects, lists and booleans are refused. */
export function text(v: unknown, column: string, at: At): string | null {
  if (isEmpty(v)) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw logError(MSG.logBadName(at.label(column), JSON.stringify(v) ?? String(v)), cellWhere(at, column), at.file);
}

/** A name that becomes a key of the KPI output (channel, queue, group): `__proto__` cannot be one. */
export function keyName(v: unknown, column: string, at: At): string | null {
  const s = text(v, column, at);
  if (s === '__proto__') throw logError(MSG.logReservedName(at.label(column)), cellWhere(at, column), at.file);
  return s;
}

/** One of `allowed` (its index), or `dflt` when empty. */
export function oneOf(v: unknown, column: string, at: At, allowed: readonly string[], dflt: number): number {
  const s = text(v, column, at);
  if (s === null) return dflt;
  const i = allowed.indexOf(s);
  if (i < 0) throw logError(MSG.logUnknownValue(at.label(column), s, allowed.filter((a) => a !== '')), cellWhere(at, column), at.file);
  return i;
}

function shown(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
}
