/**
 * Importing a real export: a mapping file says which of the export's columns hold each
 * log field and how its times are written, and `applyMapping` turns the export's rows
 * into rows of the contact-log schema, so the same metric code measures them.
 *
 *   columns:                      # log field ← the export's column
 *     arrival: call_start         #   a time column
 *     answer: { column: wait_sec, after: arrival }   # or seconds after another field
 *     wrapEnd: { column: handle_sec, after: answer }
 *     abandon: abandoned_at
 *     channel: queue
 *     agent: agent_id
 *   times: iso                    # seconds (default) | iso (ISO 8601 date-times)
 *   timezone: UTC                 # iso only: the zone of times written without an offset (UTC or "+01:00")
 *   origin: "2026-11-02T00:00:00Z"   # iso only: t = 0 (default: the earliest arrival)
 *   channel: voice                # a fixed channel when the export has no channel column
 *
 * An empty cell means the step did not happen, as in our own logs. Times before the
 * origin, negative durations and local times without a zone are refused.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { MSG } from '../messages.js';
import { cellWhere, decimal, time, type At } from './cells.js';
import { LEG_FIELDS } from './files.js';
import { logError, LogFormatError } from './errors.js';
import { parseIsoSeconds, parseZoneOffset } from './isoTime.js';
import { cell, type Row, type Rows } from './rows.js';

type ColumnSpec = string | { column: string; after: string };

export interface LogMapping {
  columns: Record<string, ColumnSpec>;
  times: 'seconds' | 'iso';
  origin?: string;
  channel?: string;
  /** Seconds east of UTC of ISO times written without an offset (from `timezone:`). */
  zoneOffsetSec?: number;
}

const TIME_FIELDS = new Set(['arrival', 'ivrExit', 'queueEntry', 'answer', 'abandon', 'talkEnd', 'wrapEnd']);

/** Read and check a mapping file (YAML or JSON). */
export function readMapping(file: string): LogMapping {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new LogFormatError(`cannot read the mapping: ${(e as Error).message}`, undefined, file);
  }
  const m = data as (Partial<Omit<LogMapping, 'zoneOffsetSec'>> & { timezone?: unknown }) | null;
  if (!m || typeof m !== 'object' || !m.columns || typeof m.columns !== 'object') {
    throw new LogFormatError("a mapping needs `columns:` (log field: export column), e.g. columns: { arrival: call_start, channel: queue }", 'columns', file);
  }
  const columns = Object.assign(Object.create(null) as Record<string, ColumnSpec>, m.columns);
  for (const [field, spec] of Object.entries(columns)) {
    if (!(LEG_FIELDS as readonly string[]).includes(field)) {
      throw new LogFormatError(`'${field}' is not a log field (one of ${LEG_FIELDS.join(', ')})`, `columns.${field}`, file);
    }
    const ok = typeof spec === 'string' || (spec && typeof spec === 'object' && typeof spec.column === 'string' && TIME_FIELDS.has(spec.after) && TIME_FIELDS.has(field));
    if (!ok) throw new LogFormatError(`write a column name, or for a time { column: <seconds column>, after: <time field> }`, `columns.${field}`, file);
  }
  checkAfterChains(columns, file);
  const times = m.times ?? 'seconds';
  if (times !== 'seconds' && times !== 'iso') throw new LogFormatError(`times is '${String(times)}', not seconds or iso`, 'times', file);
  let zoneOffsetSec: number | undefined;
  if (m.timezone !== undefined) {
    zoneOffsetSec = typeof m.timezone === 'string' ? parseZoneOffset(m.timezone) : undefined;
    if (zoneOffsetSec === undefined) throw logError(MSG.mappingBadZone(String(m.timezone)), 'timezone', file);
  }
  if (m.origin !== undefined) {
    const o = parseIsoSeconds(String(m.origin), zoneOffsetSec);
    if (o === 'no zone') throw logError(MSG.logNoZone('origin', String(m.origin)), 'origin', file);
    if (o === 'bad') throw new LogFormatError(`origin '${m.origin}' is not an ISO 8601 date-time`, 'origin', file);
  }
  if (!columns.arrival) throw new LogFormatError('the mapping must say which column holds the arrival time', 'columns.arrival', file);
  if (!columns.channel && !m.channel) throw new LogFormatError('name the channel column (columns.channel) or a fixed channel (channel: voice)', 'columns.channel', file);
  return { columns, times, origin: m.origin === undefined ? undefined : String(m.origin), channel: m.channel, zoneOffsetSec };
}

/** Every "seconds after" chain must end at a field read from a time column. */
function checkAfterChains(columns: Record<string, ColumnSpec>, file: string): void {
  for (const [field, spec] of Object.entries(columns)) {
    if (typeof spec === 'string') continue;
    if (spec.after === field) throw logError(MSG.mappingAfterItself(field), `columns.${field}.after`, file);
    const chain = [field];
    for (let f = spec.after; ; ) {
      const next = columns[f];
      if (next === undefined) throw logError(MSG.mappingAfterUnmapped(chain[chain.length - 1], f), `columns.${chain[chain.length - 1]}.after`, file);
      if (typeof next === 'string') break;
      if (chain.includes(f)) throw logError(MSG.mappingAfterCycle([...chain, f].join(' → ')), `columns.${field}.after`, file);
      chain.push(f);
      f = next.after;
    }
  }
}

/** How messages name a log field of a mapped export: by the export's own column where there is one. */
export function mappedLabel(m: LogMapping): (field: string) => string {
  return (field) => {
    const spec = m.columns[field];
    return spec === undefined ? field : typeof spec === 'string' ? spec : spec.column;
  };
}

/** The export's rows as contact-log rows (same lines); `file` is the export, named in errors. */
export function applyMapping(input: Rows, m: LogMapping, file: string): Rows {
  const { rows, lines } = input;
  for (const spec of Object.values(m.columns)) {
    const col = typeof spec === 'string' ? spec : spec.column;
    if (rows.length && !Object.hasOwn(rows[0], col)) throw new LogFormatError(`the export has no column '${col}' (it has ${Object.keys(rows[0]).join(', ')})`, 'line 1', file);
  }
  const own = (line: number): At => ({ file, line, label: (c) => c });
  const absolute = (v: unknown, at: At, col: string): number => {
    if (m.times !== 'iso') return time(v, col, at);
    if (v === null || v === undefined || v === '') return NaN;
    const t = parseIsoSeconds(String(v), m.zoneOffsetSec);
    if (t === 'no zone') throw logError(MSG.logNoZone(col, String(v)), cellWhere(at, col), file);
    if (t === 'bad') throw logError(MSG.logNotIsoTime(col, String(v)), cellWhere(at, col), file);
    return t;
  };
  const arrivalCol = m.columns.arrival as string;
  let origin = 0;
  if (m.times === 'iso') {
    origin = m.origin !== undefined ? (parseIsoSeconds(m.origin, m.zoneOffsetSec) as number) : Infinity;
    if (m.origin === undefined) rows.forEach((r, i) => (origin = Math.min(origin, absolute(cell(r, arrivalCol), own(lines[i]), arrivalCol))));
  }
  // Fields given as "seconds after another field" are filled once that field is known
  // (the chains are checked to end at a time column, so a few passes fill them all).
  const fields = Object.keys(m.columns);
  const out = rows.map((r, i) => {
    const at = own(lines[i]);
    const row: Row = {};
    if (m.channel) row.channel = m.channel;
    for (const field of fields) {
      const spec = m.columns[field];
      if (typeof spec !== 'string') continue;
      const v = cell(r, spec);
      row[field] = TIME_FIELDS.has(field) ? sinceOrigin(absolute(v, at, spec), origin, v, at, spec, m) : v === '' ? null : v;
    }
    for (let pass = 0; pass < fields.length; pass++) {
      for (const field of fields) {
        const spec = m.columns[field];
        if (typeof spec === 'string' || Object.hasOwn(row, field) || !Object.hasOwn(row, spec.after)) continue;
        const base = row[spec.after] as number | null;
        const raw = cell(r, spec.column);
        const sec = decimal(raw, spec.column, at);
        if (sec < 0) throw logError(MSG.logNegativeDuration(spec.column, String(raw)), cellWhere(at, spec.column), file);
        row[field] = base === null || Number.isNaN(sec) ? null : base + sec;
      }
    }
    return row;
  });
  return { rows: out, lines };
}

/** Seconds since the origin, null when empty; a time before the origin is refused. */
function sinceOrigin(abs: number, origin: number, raw: unknown, at: At, col: string, m: LogMapping): number | null {
  if (Number.isNaN(abs)) return null;
  const t = abs - origin;
  if (m.times === 'iso' && t < 0) throw logError(MSG.logBeforeOrigin(col, String(raw), m.origin ?? 'the earliest arrival'), cellWhere(at, col), at.file);
  return t;
}
