/**
 * Scenario files from disk to the normalized `Scenario`:
 *
 *   readScenarioFile ─▶ buildScenario:  schema (zod) ─▶ checkReferences ─▶ normalizeScenario
 *   (YAML / JSON)                       defaults,       skills, served,     rates per second,
 *                                       seconds         tables, warm-up     CSV columns read
 *
 * Every failure is one InputError naming the file, the field path and the fix.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { MSG, inputError } from '../messages.js';
import { checkReferences } from './crossref.js';
import { parseDuration } from './duration.js';
import { LIMITS, checkLimits } from './limits.js';
import { schemaError } from './errors.js';
import { normalizeScenario, type ColumnReader } from './normalize.js';
import { scenarioFileSchema } from './schema.js';
import type { Scenario } from './types.js';

/** Read and parse a scenario file (.yaml, .yml or .json) into plain data; no validation beyond "a map". */
export function readScenarioFile(file: string): unknown {
  const text = readText(file);
  const ext = extname(file).toLowerCase();
  if (ext !== '.yaml' && ext !== '.yml' && ext !== '.json') throw inputError(MSG.unknownExtension(file), { file });
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw inputError(MSG.emptyFile(), { file });
  const data = ext === '.json' ? parseJson(body, file) : parseYaml(body, file);
  if (data === null || data === undefined) throw inputError(MSG.emptyFile(), { file });
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw inputError(MSG.notAMap(Array.isArray(data) ? 'a list' : `the value ${JSON.stringify(data)}`), { file });
  }
  const deep = tooDeep(data, LIMITS.nestingDepth);
  if (deep) throw inputError(MSG.tooDeep(LIMITS.nestingDepth), { file, path: deep.join('.') });
  return data;
}

/**
 * The path at which `data` nests deeper than `max` levels, or undefined. Iterative, so a
 * 10,000-level file cannot overflow the call stack here (or later, in the validator).
 */
function tooDeep(data: unknown, max: number): (string | number)[] | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= max) return path.slice(0, 6);
    for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, Array.isArray(value) ? Number(k) : k] });
  }
  return undefined;
}

/** Validate, cross-check and normalize parsed file data; `file` is named in errors and anchors CSV paths. */
export function buildScenario(raw: unknown, file: string): Scenario {
  const parsed = scenarioFileSchema.safeParse(raw);
  if (!parsed.success) throw schemaError(parsed.error, raw, scenarioFileSchema, file);
  checkLimits(parsed.data, file);
  checkReferences(parsed.data, file);
  const readColumn: ColumnReader = (csv, column, path) => readCsvColumn(file, csv, column, path);
  return normalizeScenario(parsed.data, readColumn);
}

/** `buildScenario(readScenarioFile(file), file)`. */
export function loadScenario(file: string): Scenario {
  return buildScenario(readScenarioFile(file), file);
}

function readText(file: string): string {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw inputError(MSG.fileNotFound(file), { file });
    throw inputError(MSG.fileUnreadable(file, (e as Error).message), { file });
  }
  if (!isFile) throw inputError(MSG.fileUnreadable(file, 'it is a directory, not a file'), { file });
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw inputError(MSG.fileUnreadable(file, (e as Error).message), { file });
  }
}

function parseYaml(text: string, file: string): unknown {
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: true });
  } catch (e) {
    // Thousands of nested brackets overflow the YAML parser's recursion.
    if (e instanceof RangeError) throw inputError(MSG.tooDeep(LIMITS.nestingDepth), { file });
    throw e;
  }
  const err = doc.errors[0];
  if (err && /call stack/i.test(err.message)) throw inputError(MSG.tooDeep(LIMITS.nestingDepth), { file });
  if (err) {
    const pos = err.linePos?.[0];
    const reason = (err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw inputError(MSG.yamlSyntax(pos ? `line ${pos.line}, column ${pos.col}: ${reason}` : reason), { file });
  }
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // The yaml library refuses alias chains that expand exponentially ("billion laughs").
    if (/alias/i.test((e as Error).message)) throw inputError(MSG.yamlAliasBomb(), { file });
    throw e;
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const reason = (message.split('\n')[0] ?? '')
      .replace(/, ".*$/, '')
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/ after JSON at position \d+.*$/, ' after the JSON');
    throw inputError(MSG.jsonSyntax(`${jsonErrorLine(text, message)}${reason}`), { file });
  }
}

/** `line L, column C: ` of a JSON.parse failure: from V8's "at position N", else where a strict YAML-JSON parse stops. */
function jsonErrorLine(text: string, message: string): string {
  const at = /at position (\d+)/.exec(message);
  if (at) {
    const before = text.slice(0, Number(at[1]));
    return `line ${before.split('\n').length}, column ${Number(at[1]) - before.lastIndexOf('\n')}: `;
  }
  const pos = parseDocument(text, { schema: 'json' }).errors[0]?.linePos?.[0];
  return pos ? `line ${pos.line}, column ${pos.col}: ` : '';
}

/**
 * The numbers in one column of a CSV file (path relative to the scenario file): header
 * line first, comma-, semicolon- or tab-separated, cells in seconds or as durations.
 */
export function readCsvColumn(scenarioFile: string, csv: string, column: string, distPath: string): number[] {
  const where = (field: string) => ({ file: scenarioFile, path: `${distPath}.${field}` });
  let text: string;
  try {
    text = readFileSync(resolve(dirname(scenarioFile), csv), 'utf8');
  } catch {
    throw inputError(MSG.csvNotFound(csv), where('csv'));
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerLine = lines[0] ?? '';
  const sep = [',', ';', '\t'].find((c) => headerLine.includes(c)) ?? ',';
  const cells = (line: string) => line.split(sep).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const header = headerLine.trim() === '' ? [] : cells(headerLine);
  const col = header.indexOf(column);
  if (col < 0) throw inputError(MSG.csvNoColumn(csv, column, header), where('column'));
  const values: number[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const cell = cells(line)[col] ?? '';
    const v = parseDuration(cell);
    if (v === undefined) throw inputError(MSG.csvBadCell(csv, i + 2, column, cell), where('csv'));
    values.push(v);
  });
  if (values.length === 0) throw inputError(MSG.csvEmpty(csv, column), where('csv'));
  return values;
}
