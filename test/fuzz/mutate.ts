/**
 * Mutations for the fuzz tests: fast-check arbitraries that take a valid input (a parsed
 * scenario, a CSV log) and break it the way users and exports do: a key deleted, a value
 * of the wrong type, an extreme number, a reference to nothing, a key that JavaScript
 * objects already own. The tests then assert only the contract: exit 0, 1 or 2, never an
 * internal error.
 */
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** Every path to a value inside `v` (the root excluded). */
export function pathsOf(v: Json, prefix: Path = []): Path[] {
  if (v === null || typeof v !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return keys.flatMap((k) => {
    const child = (v as Record<string | number, Json>)[k];
    return [[...prefix, k], ...pathsOf(child, [...prefix, k])];
  });
}

/** Numbers that break naive code: zero, negatives, huge, tiny, non-integers, beyond 2^53. */
export const EXTREME_NUMBERS = [0, -1, -0.5, 0.5, 1e-9, 1e9, 1e308, -1e308, 2 ** 53 + 1, 1.5, 3600 * 24 * 365 * 50];

/** Strings that break naive code: empty, ids that exist nowhere, JavaScript's own keys, durations out of range. */
export const NASTY_STRINGS = ['', 'nonexistent', '__proto__', 'constructor', 'toString', '1e308', '-5m', '5200w', '0x10', 'NaN', 'Infinity', '../../../tmp/x', 'a'.repeat(5000), '80%', '200%'];

/** Keys that plain objects inherit, and a near-miss of a real key. */
const NASTY_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'agnets', ''];

const replacement: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(...EXTREME_NUMBERS),
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom<Json>(null, true, false, [], {}, [1, 2, 3], { dist: 'fixed' }),
  fc.integer({ min: -5, max: 100_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export type Mutation =
  | { op: 'delete'; pick: number }
  | { op: 'replace'; pick: number; value: Json }
  | { op: 'addKey'; pick: number; key: string; value: Json }
  | { op: 'nest'; pick: number; depth: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: replacement }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('addKey' as const), pick: fc.nat(), key: fc.constantFrom(...NASTY_KEYS), value: replacement }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('nest' as const), pick: fc.nat(), depth: fc.integer({ min: 1, max: 50 }) }) },
);

/** Apply mutations to a deep copy of `doc`; `pick` selects a path modulo the number of paths. */
export function mutate(doc: Json, mutations: Mutation[]): Json {
  const root = { doc: structuredClone(doc) } as { doc: Json };
  for (const m of mutations) {
    const paths = [['doc'] as Path, ...pathsOf(root.doc, ['doc'])];
    const path = paths[m.pick % paths.length];
    const parent = path.slice(0, -1).reduce<Json>((o, k) => (o as Record<string | number, Json>)[k], root as unknown as Json) as Record<string | number, Json>;
    const last = path[path.length - 1];
    if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else if (last !== 'doc') delete parent[last];
    } else if (m.op === 'replace') {
      parent[last] = m.value;
    } else if (m.op === 'addKey') {
      const target = parent[last];
      // defineProperty, so '__proto__' becomes an own key as JSON.parse would make it.
      if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    } else {
      let v: Json = parent[last];
      for (let i = 0; i < m.depth; i++) v = { x: v };
      parent[last] = v;
    }
  }
  return root.doc;
}

/** A CSV edit: one cell replaced, a column dropped, a row duplicated or cut short. */
export type CsvEdit =
  | { op: 'cell'; row: number; col: number; value: string }
  | { op: 'dropColumn'; col: number }
  | { op: 'duplicateRow'; row: number }
  | { op: 'truncateRow'; row: number; keep: number }
  | { op: 'bom' };

const CELL_VALUES = ['', '-1', '-300', '1e308', '-1e308', 'abc', '0x10', '1.5', 'NaN', 'Infinity', '"quoted, comma"', '__proto__', 'C1', '2026-11-02T08:00:00', '2026-11-02T08:00:00Z', '99999999999', '0'];

export const csvEdit: fc.Arbitrary<CsvEdit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('cell' as const), row: fc.nat(), col: fc.nat(), value: fc.constantFrom(...CELL_VALUES) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dropColumn' as const), col: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicateRow' as const), row: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncateRow' as const), row: fc.nat(), keep: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('bom' as const)}) },
);

/** Apply CSV edits to a simple CSV text (no quoted commas in the originals); row 0 is the header. */
export function editCsv(text: string, edits: CsvEdit[]): string {
  let bom = false;
  const rows = text.trimEnd().split('\n').map((l) => l.split(','));
  for (const e of edits) {
    if (e.op === 'bom') bom = true;
    else if (e.op === 'dropColumn') {
      const c = e.col % rows[0].length;
      for (const r of rows) r.splice(c, 1);
    } else if (e.op === 'duplicateRow') {
      const r = 1 + (e.row % Math.max(1, rows.length - 1));
      if (rows[r]) rows.splice(r, 0, [...rows[r]]);
    } else if (e.op === 'truncateRow') {
      const r = e.row % rows.length;
      rows[r] = rows[r].slice(0, e.keep % (rows[r].length + 1));
    } else {
      const r = e.row % rows.length;
      if (rows[r].length > 0) rows[r][e.col % rows[r].length] = e.value;
    }
  }
  return (bom ? '\uFEFF' : '') + rows.map((r) => r.join(',')).join('\n') + '\n';
}
