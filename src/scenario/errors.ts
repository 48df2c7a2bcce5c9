/**
 * zod issues → the one catalogue message a user sees.
 *
 *   issues ─▶ first in document order ─▶ union? choose the branch the user meant
 *          ─▶ {path, what, fix} from MSG (examples and valid keys read off the schema)
 *
 * The schema is walked alongside the raw input so a message can quote the field's
 * example (`.meta({ examples })`), list the keys allowed in an object, or list the
 * forms a union accepts (`forms` registry in schema.ts).
 */
import { z } from 'zod';
import { InputError, MSG, inputError } from '../messages.js';
import { nearest } from '../nearest.js';
import { DIST_NAMES, forms } from './schema.js';

type Path = (string | number)[];
type Entry = { what: string; fix: string };
type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

/** The subset of zod's schema definitions this walker reads. */
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  valueType?: Schema;
  element?: Schema;
  options?: Schema[];
  discriminator?: string;
  values?: unknown[];
}

/** The single InputError for a failed parse of `raw` against `root`. */
export function schemaError(error: z.ZodError, raw: unknown, root: Schema, file: string): InputError {
  const { path, entry } = explainFirst(error.issues, [], raw, root);
  return inputError(entry, { file, path: formatPath(path) });
}

/** `channels.voice.arrivals.volumes[3]` from its segments. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Choosing and explaining an issue
// ---------------------------------------------------------------------------

function explainFirst(issues: readonly Issue[], base: Path, raw: unknown, root: Schema): { path: Path; entry: Entry } {
  const candidates: { issue: Issue; path: Path; order: number[] }[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as Path)];
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const full = key === undefined ? path : [...path, key];
      candidates.push({ issue, path: full, order: documentOrder(raw, full) });
    }
  }
  candidates.sort((a, b) => compareOrder(a.order, b.order));
  const first = candidates[0];
  if (!first) return { path: base, entry: MSG.invalidField('invalid value') };
  return explain(first.issue, first.path, raw, root);
}

function explain(issue: Issue, path: Path, raw: unknown, root: Schema): { path: Path; entry: Entry } {
  const at = (entry: Entry) => ({ path, entry });
  const value = valueAt(raw, path);
  const schema = schemaAt(root, raw, path);
  const key = path[path.length - 1];

  if (issue.code === 'custom' && isEntry(issue.params)) return at(issue.params);

  // A discriminated union whose tag matched nothing: the issue sits on the tag itself.
  if (issue.code === 'invalid_union' && issue.errors.length === 0 && 'discriminator' in issue && issue.discriminator) {
    const parent = schemaAt(root, raw, path.slice(0, -1));
    if (parent && formOf(parent) === 'distribution') {
      return at(value === undefined ? MSG.missingDistribution(DIST_NAMES) : MSG.unknownDistribution(String(value), DIST_NAMES));
    }
    const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.map(String) : [];
    return at(value === undefined ? MSG.missingField(String(key), exampleLine(key, schema)) : MSG.notOneOf(show(value), options));
  }

  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && !isPresent(raw, path) && key !== undefined) {
    return at(MSG.missingField(String(key), exampleLine(key, schema)));
  }

  const form = schema ? formOf(schema) : undefined;
  if (form === 'duration' && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return at(MSG.badDuration(showRaw(value)));
  }
  if (issue.code === 'invalid_union' || (issue.code === 'invalid_type' && form)) {
    const union = schema ? unionOf(schema) : undefined;
    const chosen = union ? chooseOption(union, value) : undefined;
    const branch = chosen === undefined || issue.code !== 'invalid_union' ? undefined : issue.errors[chosen];
    if (branch && branch.length > 0) return explainFirst(branch, path, raw, root);
    if (chosen === undefined || issue.code === 'invalid_union') {
      return at(formEntry(form, value) ?? MSG.invalidField(`${show(value)} matches none of the forms allowed here`));
    }
  }

  const example = exampleLine(key, schema);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int' && typeof value === 'number') return at(MSG.notWholeNumber(show(value), example));
      return at(MSG.wrongType(expectedName(issue.expected), show(value), example));
    case 'too_small':
      if (issue.origin === 'array') return at(MSG.tooFewItems(Number(issue.minimum), Array.isArray(value) ? value.length : 0));
      if (issue.origin === 'string') return at(MSG.blankText(example));
      return at(MSG.outOfRange(`${issue.inclusive ? '≥' : '>'} ${issue.minimum}`, show(value), example));
    case 'too_big':
      if (issue.origin === 'array') return at(MSG.invalidField(`has too many entries (at most ${issue.maximum})`));
      return at(MSG.outOfRange(`${issue.inclusive ? '≤' : '<'} ${issue.maximum}`, show(value), example));
    case 'invalid_value':
      return at(MSG.notOneOf(show(value), issue.values.map(String)));
    case 'unrecognized_keys': {
      const parentPath = path.slice(0, -1);
      const parentSchema = schemaAt(root, raw, parentPath);
      const parentValue = valueAt(raw, parentPath);
      const valid = allowedKeys(parentSchema, parentValue);
      const options = parentSchema ? unionOf(parentSchema) : undefined;
      if (options?.some((option) => allowedKeys(option, parentValue).includes(String(key)))) {
        // A key of another form of the same union: the user mixed two forms.
        const entry = formEntry(formOf(parentSchema as Schema), parentValue);
        if (entry) return { path: parentPath, entry };
      }
      return at(MSG.unknownKey(String(key), nearest(String(key), valid), valid));
    }
    case 'invalid_key':
      return at(MSG.badId(path[0] === 'groups' ? 'group' : path[0] === 'channels' ? 'channel' : 'map', String(key)));
    default:
      return at(MSG.invalidField(issue.message));
  }
}

/** The message listing the forms a union field accepts. */
function formEntry(form: string | undefined, value: unknown): Entry | undefined {
  if (form === 'arrivals') return MSG.badArrivals(show(value));
  if (form === 'agents') return MSG.badAgentsOrRoster(show(value));
  if (form === 'weekly') return MSG.badWeekly(show(value));
  if (form === 'openingHours') return MSG.badOpeningHours(show(value));
  if (form === 'dayHours') return MSG.badDayHours(show(value));
  if (form === 'days') return MSG.badDays(show(value));
  if (form === 'break') return MSG.badBreak(show(value));
  if (form === 'shrinkage') return MSG.badShrinkage(show(value));
  if (form === 'distribution') return MSG.badDistribution(show(value));
  if (form === 'duration') return MSG.badDuration(showRaw(value));
  return undefined;
}

function isEntry(x: unknown): x is Entry {
  return isMap(x) && typeof x.what === 'string' && typeof x.fix === 'string';
}

// ---------------------------------------------------------------------------
// Walking the raw input
// ---------------------------------------------------------------------------

function isMap(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function valueAt(raw: unknown, path: Path): unknown {
  let cur = raw;
  for (const key of path) {
    if (Array.isArray(cur) && typeof key === 'number') cur = cur[key];
    else if (isMap(cur)) cur = cur[String(key)];
    else return undefined;
  }
  return cur;
}

/** Whether the last key of `path` is written in the file (a missing field is not). */
function isPresent(raw: unknown, path: Path): boolean {
  if (path.length === 0) return raw !== undefined;
  const parent = valueAt(raw, path.slice(0, -1));
  const key = path[path.length - 1] as string | number;
  if (Array.isArray(parent)) return typeof key === 'number' && key < parent.length;
  return isMap(parent) && Object.prototype.hasOwnProperty.call(parent, String(key));
}

/** Position of a path in the file: key order of each map, index in each list; absent keys last. */
function documentOrder(raw: unknown, path: Path): number[] {
  const order: number[] = [];
  let cur = raw;
  for (const key of path) {
    if (Array.isArray(cur) && typeof key === 'number') order.push(key);
    else if (isMap(cur)) {
      const i = Object.keys(cur).indexOf(String(key));
      order.push(i < 0 ? Infinity : i);
    } else order.push(Infinity);
    cur = valueAt(cur, [key]);
  }
  return order;
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.length - b.length;
}

/** A value as a message quotes it. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'nothing (null)';
  if (typeof value === 'string') return `'${value.length > 40 ? value.slice(0, 37) + '...' : value}'`;
  if (Array.isArray(value)) return 'a list';
  if (isMap(value)) {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty map' : `a map with ${keys.length === 1 ? 'key' : 'keys'} ${keys.join(', ')}`;
  }
  return String(value);
}

/** A value as the user typed it, for "bad duration 'x'". */
function showRaw(value: unknown): string {
  return typeof value === 'string' ? value : show(value);
}

function expectedName(expected: string): string {
  const names: Record<string, string> = {
    number: 'a number',
    int: 'a whole number',
    string: 'text',
    boolean: 'true or false',
    array: 'a list',
    object: 'a map',
    record: 'a map',
  };
  return names[expected] ?? expected;
}

// ---------------------------------------------------------------------------
// Walking the schema
// ---------------------------------------------------------------------------

function defOf(schema: Schema): Def {
  return schema._zod.def as unknown as Def;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema and every schema it wraps, outermost first, down to the first union or structural type. */
function layers(schema: Schema): Schema[] {
  const out: Schema[] = [schema];
  for (let cur = schema; ; ) {
    const def = defOf(cur);
    const next = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
    if (!next) return out;
    out.push(next);
    cur = next;
  }
}

function formOf(schema: Schema): string | undefined {
  for (const layer of layers(schema)) {
    const meta = forms.get(layer);
    if (meta) return meta.form;
  }
  return undefined;
}

function unionOf(schema: Schema): Schema[] | undefined {
  const core = layers(schema).at(-1) as Schema;
  const def = defOf(core);
  return def.type === 'union' ? def.options : undefined;
}

/** The innermost structural schema for a value: wrappers stripped, unions resolved when the value says which branch. */
function structural(schema: Schema, value: unknown): Schema | Schema[] {
  const core = layers(schema).at(-1) as Schema;
  const options = unionOf(core);
  if (!options) return core;
  const i = chooseOption(options, value);
  return i === undefined ? options : structural(options[i] as Schema, value);
}

/** The schema of the field at `path`, or undefined where the path leaves the schema. */
function schemaAt(root: Schema, raw: unknown, path: Path): Schema | undefined {
  let schema: Schema = root;
  let value: unknown = raw;
  for (const key of path) {
    const s = structural(schema, value);
    if (Array.isArray(s)) return undefined;
    const def = defOf(s);
    const next =
      def.type === 'object' ? def.shape?.[String(key)]
      : def.type === 'record' ? def.valueType
      : def.type === 'array' ? def.element
      : undefined;
    if (!next) return undefined;
    schema = next;
    value = valueAt(value, [key]);
  }
  return schema;
}

function allowedKeys(schema: Schema | undefined, value: unknown): string[] {
  if (!schema) return [];
  const s = structural(schema, value);
  const keys = new Set<string>();
  for (const option of Array.isArray(s) ? s : [s]) {
    const core = layers(option).at(-1) as Schema;
    for (const k of Object.keys(defOf(core).shape ?? {})) keys.add(k);
  }
  return [...keys];
}

/**
 * Which branch of a union the user meant: the one whose basic type matches; among maps,
 * the one whose tag (literal field) agrees and that shares the most keys with the value.
 * Undefined when the value fits no branch or two equally well.
 */
function chooseOption(options: Schema[], value: unknown): number | undefined {
  const kinds = options.map((o) => defOf(layers(o).at(-1) as Schema));
  if (isMap(value)) {
    const objects = kinds.map((d, i) => (d.type === 'object' ? i : -1)).filter((i) => i >= 0);
    if (objects.length === 1) return objects[0];
    // A map keyed by ids or weekdays: the one record branch, when no branch has fixed keys.
    const records = kinds.map((d, i) => (d.type === 'record' ? i : -1)).filter((i) => i >= 0);
    if (objects.length === 0 && records.length === 1) return records[0];
    let best: number | undefined;
    let bestScore = 0;
    let tie = false;
    for (const i of objects) {
      const shape = (kinds[i] as Def).shape ?? {};
      const tagMismatch = Object.entries(shape).some(([k, s]) => {
        const d = defOf(layers(s).at(-1) as Schema);
        return d.type === 'literal' && k in value && !(d.values ?? []).includes(value[k]);
      });
      if (tagMismatch) continue;
      const score = Object.keys(value).filter((k) => k in shape).length;
      if (score > bestScore) [best, bestScore, tie] = [i, score, false];
      else if (score === bestScore && score > 0) tie = true;
    }
    return tie ? undefined : best;
  }
  const want = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const i = kinds.findIndex((d) => d.type === want);
  return i < 0 ? undefined : i;
}

// ---------------------------------------------------------------------------
// Examples and suggestions
// ---------------------------------------------------------------------------

/** `handle: { dist: exponential, mean: 240 }` from the field's `examples` metadata. */
function exampleLine(key: PropertyKey | undefined, schema: Schema | undefined): string | undefined {
  if (!schema) return undefined;
  for (const layer of layers(schema)) {
    const examples = z.globalRegistry.get(layer)?.examples;
    if (Array.isArray(examples) && examples.length > 0) {
      const text = flow(examples[0]);
      return typeof key === 'string' ? `${key}: ${text}` : text;
    }
  }
  return undefined;
}

/** A value in YAML flow style, as a user would type it inline. */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (isMap(value)) return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${flow(v)}`).join(', ')} }`;
  if (typeof value === 'string') return /^[A-Za-z0-9_.-]+$/.test(value) ? value : JSON.stringify(value);
  return String(value);
}
