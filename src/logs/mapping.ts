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
 *   origin: "2026-11-02T00:00:00Z"   # iso only: t = 0 (default: the earliest arrival)
 *   channel: voice                # a fixed channel when the export has no channel column
 *
 * An empty cell means the step did not happen, as in our own logs.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { LEG_FIELDS } from './files.js';
import { LogFormatError } from './errors.js';

type Row = Record<string, string | number | null>;
type ColumnSpec = string | { column: string; after: string };

export interface LogMapping {
  columns: Record<string, ColumnSpec>;
  times: 'seconds' | 'iso';
  origin?: string;
  channel?: string;
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
  const m = data as Partial<LogMapping> | null;
  if (!m || typeof m !== 'object' || !m.columns || typeof m.columns !== 'object') {
    throw new LogFormatError("a mapping needs `columns:` (log field: export column), e.g. columns: { arrival: call_start, channel: queue }", 'columns', file);
  }
  for (const [field, spec] of Object.entries(m.columns)) {
    if (!(LEG_FIELDS as readonly string[]).includes(field)) {
      throw new LogFormatError(`'${field}' is not a log field (one of ${LEG_FIELDS.join(', ')})`, `columns.${field}`, file);
    }
    const ok = typeof spec === 'string' || (spec && typeof spec === 'object' && typeof spec.column === 'string' && TIME_FIELDS.has(spec.after) && TIME_FIELDS.has(field));
    if (!ok) throw new LogFormatError(`write a column name, or for a time { column: <seconds column>, after: <time field> }`, `columns.${field}`, file);
  }
  const times = m.times ?? 'seconds';
  if (times !== 'seconds' && times !== 'iso') throw new LogFormatError(`times is '${String(times)}', not seconds or iso`, 'times', file);
  if (m.origin !== undefined && Number.isNaN(Date.parse(m.origin))) throw new LogFormatError(`origin '${m.origin}' is not an ISO 8601 date-time`, 'origin', file);
  if (!m.columns.arrival) throw new LogFormatError('the mapping must say which column holds the arrival time', 'columns.arrival', file);
  if (!m.columns.channel && !m.channel) throw new LogFormatError('name the channel column (columns.channel) or a fixed channel (channel: voice)', 'columns.channel', file);
  return { columns: m.columns, times, origin: m.origin, channel: m.channel };
}

/** The export's rows as contact-log rows; `file` is the export, named in errors. */
export function applyMapping(rows: Row[], m: LogMapping, file: string): Row[] {
  for (const spec of Object.values(m.columns)) {
    const col = typeof spec === 'string' ? spec : spec.column;
    if (rows.length && !(col in rows[0])) throw new LogFormatError(`the export has no column '${col}' (it has ${Object.keys(rows[0]).join(', ')})`, 'line 1', file);
  }
  const absolute = (v: unknown, where: string, col: string): number => {
    if (v === null || v === undefined || v === '') return NaN;
    const n = m.times === 'iso' ? Date.parse(String(v)) / 1000 : Number(v);
    if (!Number.isFinite(n)) throw new LogFormatError(`'${col}' is '${String(v)}', not ${m.times === 'iso' ? 'an ISO 8601 date-time' : 'a number of seconds'}`, where, file);
    return n;
  };
  const arrivalSpec = m.columns.arrival as string;
  let origin = 0;
  if (m.times === 'iso') {
    origin = m.origin !== undefined ? Date.parse(m.origin) / 1000 : Infinity;
    if (m.origin === undefined) rows.forEach((r, i) => (origin = Math.min(origin, absolute(r[arrivalSpec], `row ${i + 1}`, arrivalSpec))));
  }
  // Fields given as "seconds after another field" are filled once that field is known.
  const order = Object.keys(m.columns).sort((a, b) => Number(typeof m.columns[a] !== 'string') - Number(typeof m.columns[b] !== 'string'));
  return rows.map((r, i) => {
    const where = `row ${i + 1}`;
    const out: Row = {};
    if (m.channel) out.channel = m.channel;
    for (let pass = 0; pass < 3; pass++) {
      for (const field of order) {
        if (field in out && pass > 0) continue;
        const spec = m.columns[field];
        if (typeof spec === 'string') {
          const v = r[spec];
          out[field] = TIME_FIELDS.has(field) ? finiteOrNull(absolute(v, where, spec) - origin) : v === '' ? null : v;
        } else if (spec.after in out) {
          const base = out[spec.after];
          const d = r[spec.column];
          if (base === null || d === null || d === undefined || d === '') out[field] = null;
          else {
            const sec = Number(d);
            if (!Number.isFinite(sec)) throw new LogFormatError(`'${spec.column}' is '${String(d)}', not a number of seconds`, where, file);
            out[field] = Number(base) + sec;
          }
        }
      }
    }
    return out;
  });
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
