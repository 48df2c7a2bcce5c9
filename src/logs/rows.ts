/**
 * A log file's text as rows of cells, each with its line number for messages. CSV and
 * NDJSON are read the same way: a UTF-8 byte-order mark is skipped, blank lines are
 * skipped. A column named `__proto__` is an own property like any other (defined, not
 * assigned, so it cannot replace the row's prototype); read a column a row may lack with
 * `cell`, so a missing `constructor` column is not Object's. (Rows stay plain objects:
 * objects without a prototype are V8 dictionaries, a third slower to read a log with.)
 */
import { readFileSync } from 'node:fs';
import { LogFormatError } from './errors.js';

export type Row = Record<string, unknown>;

export interface Rows {
  rows: Row[];
  /** The file line of each row (1-based). */
  lines: number[];
}

/** The cell of `column` in a row, undefined when the row has no such column (never an inherited property). */
export function cell(row: Row, column: string): unknown {
  return Object.hasOwn(row, column) ? row[column] : undefined;
}

/** The text of a file, without a leading byte-order mark. */
export function readText(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parse a leg or agent-state file. */
export function parseRows(path: string, format: 'csv' | 'ndjson'): Rows {
  const lines = readText(path).split(/\r?\n/);
  return format === 'ndjson' ? ndjsonRows(lines, path) : csvRows(lines, path);
}

function ndjsonRows(lines: string[], path: string): Rows {
  const out: Rows = { rows: [], lines: [] };
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new LogFormatError(`not a JSON object: ${(e as Error).message}`, `line ${i + 1}`, path);
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new LogFormatError(`not a JSON object: ${JSON.stringify(v)}`, `line ${i + 1}`, path);
    out.rows.push(v as Row);
    out.lines.push(i + 1);
  });
  return out;
}

function csvRows(lines: string[], path: string): Rows {
  const header = splitCsvLine(lines[0] ?? '');
  const twice = header.find((h, j) => header.indexOf(h) !== j);
  if (twice !== undefined) throw new LogFormatError(`the header names column '${twice}' twice`, 'line 1', path);
  const out: Rows = { rows: [], lines: [] };
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const cells = splitCsvLine(lines[i]);
    if (cells.length !== header.length) {
      throw new LogFormatError(`${cells.length} cells where the header has ${header.length}`, `line ${i + 1}`, path);
    }
    const row: Row = {};
    for (let j = 0; j < header.length; j++) {
      const v = cells[j] === '' ? null : cells[j];
      if (header[j] === '__proto__') Object.defineProperty(row, '__proto__', { value: v, enumerable: true, writable: true, configurable: true });
      else row[header[j]] = v;
    }
    out.rows.push(row);
    out.lines.push(i + 1);
  }
  return out;
}

/** Split one CSV line, honouring double quotes (real exports use them). */
function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
