/**
 * What-if parameters: `PATH=FROM..TO[:STEP]` expressions and their application to a
 * scenario file's data. Used by `sweep` and `whatif` (and anything that varies a
 * scenario), so each varied point is the file as a user could have written it, and goes
 * through the same validation.
 *
 * A path is dotted into the file (`groups.team.agents`, `channels.voice.patience.mean`),
 * plus one derived field: `channels.<id>.volume`, a multiplier on that channel's arrival
 * volumes (1 = as written). Setting `groups.<id>.agents` to a number replaces a staffing
 * table with that constant headcount.
 */
import { InputError } from '../messages.js';
import { buildScenario } from '../scenario/index.js';
import type { Scenario } from '../scenario/types.js';

export interface Vary {
  path: string;
  values: number[];
}

export interface Override {
  path: string;
  value: number;
}

const MAX_POINTS = 10_000;

/** Parse `PATH=FROM..TO[:STEP]` (or `PATH=V1,V2,...`); `flag` is named in errors. */
export function parseVary(expr: string, flag: string): Vary {
  const m = /^([A-Za-z][\w.-]*)=(.+)$/.exec(expr.trim());
  const fix = `write ${flag} PATH=FROM..TO[:STEP], e.g. ${flag} groups.team.agents=20..30 or ${flag} channels.voice.volume=0.8..1.2:0.1`;
  if (!m) throw new InputError({ path: flag, what: `'${expr}' is not PATH=FROM..TO[:STEP]`, fix });
  const [, path, range] = m;
  if (range.includes(',') && !range.includes('..')) {
    const values = range.split(',').map(Number);
    if (values.some((v) => !Number.isFinite(v))) throw new InputError({ path: flag, what: `'${range}' is not a list of numbers`, fix });
    return { path, values };
  }
  const r = /^(-?[\d.]+(?:e-?\d+)?)\.\.(-?[\d.]+(?:e-?\d+)?)(?::([\d.]+(?:e-?\d+)?))?$/.exec(range);
  if (!r) throw new InputError({ path: flag, what: `'${range}' is not a range FROM..TO[:STEP]`, fix });
  const from = Number(r[1]);
  const to = Number(r[2]);
  const step = r[3] === undefined ? 1 : Number(r[3]);
  if (![from, to, step].every(Number.isFinite) || !(step > 0)) {
    throw new InputError({ path: flag, what: `'${range}' has no usable step`, fix: 'use a step greater than 0, e.g. :0.1' });
  }
  if (to < from) {
    throw new InputError({ path: flag, what: `the range ${from}..${to} is empty (it ends before it starts)`, fix: `write the smaller value first, e.g. ${path}=${to}..${from}` });
  }
  const n = Math.floor((to - from) / step + 1e-9) + 1;
  if (n > MAX_POINTS) throw new InputError({ path: flag, what: `${n} points is more than ${MAX_POINTS}`, fix: 'use a larger step' });
  // Round to 1e-9 so 0.8 + 3·0.1 prints as 1.1, not 1.1000000000000003.
  const values = Array.from({ length: n }, (_, i) => Math.round((from + i * step) * 1e9) / 1e9);
  return { path, values };
}

/** A deep copy of the file data with the overrides applied; `file` and `flag` are named in errors. */
export function applyOverrides(raw: unknown, overrides: readonly Override[], file: string, flag: string): unknown {
  const copy = structuredClone(raw) as Record<string, unknown>;
  for (const o of overrides) setPath(copy, o, file, flag);
  return copy;
}

/** The scenario with these overrides applied, validated like a file. */
export function scenarioWith(raw: unknown, overrides: readonly Override[], file: string, flag: string): Scenario {
  return buildScenario(applyOverrides(raw, overrides, file, flag), file);
}

/** A deep copy of the file data with these groups staffed by per-interval tables (`ccsim staff`'s new scenario). */
export function withStaffingTables(raw: unknown, tables: Readonly<Record<string, { interval: string; counts: readonly number[] }>>): unknown {
  const copy = structuredClone(raw) as { groups: Record<string, Record<string, unknown>> };
  for (const [id, t] of Object.entries(tables)) copy.groups[id].agents = { interval: t.interval, counts: [...t.counts] };
  return copy;
}

/** Every combination of the varied values, first parameter slowest. */
export function grid(varies: readonly Vary[]): Override[][] {
  let points: Override[][] = [[]];
  for (const v of varies) points = points.flatMap((p) => v.values.map((value) => [...p, { path: v.path, value }]));
  return points;
}

function setPath(root: Record<string, unknown>, o: Override, file: string, flag: string): void {
  const parts = o.path.split('.');
  const unknown = (at: string) =>
    new InputError({ file, path: flag, what: `'${o.path}' is not a field of the scenario ('${at}' not found)`, fix: 'name a numeric field that the file has, e.g. groups.<id>.agents, channels.<id>.volume, channels.<id>.patience.mean' });
  let node: unknown = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = (node as Record<string, unknown>)?.[parts[i]];
    if (next === undefined || next === null || typeof next !== 'object') throw unknown(parts.slice(0, i + 1).join('.'));
    node = next;
  }
  const last = parts[parts.length - 1];
  const parent = node as Record<string, unknown>;
  if (parts.length === 3 && parts[0] === 'channels' && last === 'volume') return scaleVolume(parent, o, file, flag);
  if (!(last in parent)) throw unknown(o.path);
  const current = parent[last];
  const isStaffing = parts.length === 3 && parts[0] === 'groups' && last === 'agents';
  if (typeof current !== 'number' && typeof current !== 'string' && !isStaffing) {
    throw new InputError({ file, path: flag, what: `'${o.path}' is not a single number`, fix: 'vary a numeric field (for a table, vary channels.<id>.volume or set groups.<id>.agents to a constant)' });
  }
  parent[last] = o.value;
}

function scaleVolume(channel: Record<string, unknown>, o: Override, file: string, flag: string): void {
  const a = channel.arrivals as Record<string, unknown> | undefined;
  if (o.value < 0) throw new InputError({ file, path: flag, what: `a volume multiplier of ${o.value} is negative`, fix: 'use multipliers ≥ 0, e.g. 0.8..1.2:0.1' });
  if (a && typeof a.perHour === 'number') a.perHour = a.perHour * o.value;
  else if (a && Array.isArray(a.volumes)) a.volumes = a.volumes.map((v) => (typeof v === 'number' ? v * o.value : v));
  else if (a && typeof a.daily === 'number') a.daily = a.daily * o.value;
  else {
    throw new InputError({ file, path: flag, what: `'${o.path}' cannot scale these arrivals`, fix: 'volume multipliers apply to perHour, volumes and daily arrivals, not to scripted times' });
  }
}
