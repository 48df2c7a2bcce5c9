/**
 * Shards: `--shard i/n` runs slice i of n of a study's replications (or of a sweep's
 * points), and `ccsim merge` combines the slices into exactly the JSON one machine
 * would have printed.
 *
 *   run --shard 1/3 ─▶ {…, shard, perReplication} ─┐
 *   run --shard 2/3 ─▶ {…, shard, perReplication} ─┼─▶ merge: check they are one study and
 *   run --shard 3/3 ─▶ {…, shard, perReplication} ─┘   cover it ─▶ summarize in replication order
 *
 * Slice i holds the items ⌊(i−1)·N/n⌋ … ⌊i·N/n⌋ − 1 (contiguous, sizes differ by at most
 * one). A run shard carries each replication's whole-run KPIs: JSON numbers round-trip
 * exactly, so the merged means and CIs are the same doubles as one machine's.
 */
import { MSG, inputError } from '../messages.js';
import { summarize, type KpiRecord, type ReplicationKpis } from '../metrics/index.js';
import type { SweepResult } from './results.js';
import { checkShardItems, checkShardReplications } from './shardChecks.js';
import { studyJson, type StudyResult } from './study.js';

/** Slice `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** What a shard document says about itself. */
export interface ShardInfo extends Shard {
  /** Replications (run) or points (sweep) of the whole study. */
  of: number;
  /** The ones this shard holds, 0-based. */
  items: number[];
}

/** One replication's whole-run KPIs, as a run shard carries them. */
export interface ShardReplication {
  replication: number;
  channels: Record<string, KpiRecord>;
  groups: Record<string, KpiRecord>;
  total: KpiRecord;
}

/** Parse `i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string, flag = '--shard'): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(index >= 1 && index <= count)) throw inputError(MSG.badShard(text), { path: flag });
  return { index, count };
}

/** The items of slice `shard` of `total` (0-based, ascending); `unit` names them in errors. */
export function shardItems(shard: Shard, total: number, unit: string, flag = '--shard'): number[] {
  if (shard.count > total) throw inputError(MSG.tooManyShards(shard.count, total, unit), { path: flag });
  const from = Math.floor(((shard.index - 1) * total) / shard.count);
  const to = Math.floor((shard.index * total) / shard.count);
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/** `run --json --shard i/n`: the slice's own summary, the shard, and each replication's KPIs. */
export function runShardJson(r: StudyResult, shard: Shard, total: number, items: number[]): object {
  const info: ShardInfo = { ...shard, of: total, items };
  return {
    ...studyJson(r),
    shard: info,
    perReplication: r.perReplication.map((k, i): ShardReplication => ({ replication: items[i], channels: k.channels, groups: k.groups, total: k.total })),
  };
}

/** `sweep --shard i/n`: the sweep's fields with only this slice's points. */
export function sweepShardJson(r: SweepResult, shard: Shard, total: number, items: number[]): object {
  const info: ShardInfo = { ...shard, of: total, items };
  return { ...r, shard: info };
}

/** A shard document read from a file. */
export interface ShardFile {
  file: string;
  data: unknown;
}

/** Merge the shard documents of one run or one sweep into the JSON one machine prints. */
export function mergeShards(files: readonly ShardFile[]): object {
  const docs = files.map((f) => ({ file: f.file, doc: asShard(f) }));
  const sweeps = docs.filter((d) => 'points' in d.doc).length;
  if (sweeps !== 0 && sweeps !== docs.length) {
    throw inputError(MSG.shardMismatch('the command', 'run', 'sweep'), { file: docs[sweeps > 0 ? docs.findIndex((d) => !('points' in d.doc)) : 0].file });
  }
  const first = docs[0].doc;
  const same = sweeps ? ['scenario', 'path', 'seed', 'replications'] : ['scenario', 'seed'];
  for (const { file, doc } of docs.slice(1)) {
    for (const key of same) sameValue(file, key, first[key], doc[key]);
    sameValue(file, 'the shard count', first.shard.count, doc.shard.count);
    sameValue(file, sweeps ? 'the number of points' : 'the number of replications', first.shard.of, doc.shard.of);
  }
  const byItem = new Map<number, { file: string; doc: ShardDoc; k: number }>();
  const seen = new Map<number, string>();
  for (const { file, doc } of docs) {
    const prev = seen.get(doc.shard.index);
    if (prev !== undefined) throw inputError(MSG.shardTwice(`${doc.shard.index}/${doc.shard.count} (${prev} and ${file})`), { file });
    seen.set(doc.shard.index, file);
    checkShardItems(file, doc.shard, shardItems(doc.shard, doc.shard.of, sweeps ? 'points' : 'replications'));
    if (!sweeps) checkShardReplications(file, doc.perReplication!, doc.shard.items, Object.keys(first.channels as object), Object.keys(first.groups as object));
    doc.shard.items.forEach((item, k) => byItem.set(item, { file, doc, k }));
  }
  const total = first.shard.of;
  const missing = Array.from({ length: total }, (_, i) => i).filter((i) => !byItem.has(i));
  if (missing.length > 0) {
    const count = first.shard.count;
    const shards = Array.from({ length: count }, (_, k) => k + 1).filter((i) => shardItems({ index: i, count }, total, '').some((x) => !byItem.has(x)));
    const what = `${sweeps ? 'point' : 'replication'}${missing.length === 1 ? '' : 's'} ${ranges(missing)} (0-based) ${missing.length === 1 ? 'is' : 'are'}`;
    throw inputError(MSG.shardsMissing(sweeps ? 'sweep point' : 'replication', what, shards.map((i) => `${i}/${count}`).join(', ')));
  }
  const ordered = Array.from({ length: total }, (_, i) => byItem.get(i)!);
  if (sweeps) {
    // The sweep's own keys in their own order, with every point, without the shard.
    const points = ordered.map(({ doc, k }) => (doc.points as unknown[])[k]);
    return Object.fromEntries(Object.entries(first).flatMap(([key, v]) => (key === 'shard' ? [] : [[key, key === 'points' ? points : v]])));
  }
  const reps = ordered.map(({ doc, k }) => toReplicationKpis((doc.perReplication as ShardReplication[])[k]));
  const s = summarize(reps);
  return { scenario: first.scenario, seed: first.seed, replications: total, channels: s.channels, groups: s.groups, total: s.total };
}

type ShardDoc = Record<string, unknown> & { shard: ShardInfo; perReplication?: unknown[] };

/** Check the parts of a shard document that merge relies on. */
function asShard(f: ShardFile): ShardDoc {
  const d = f.data as ShardDoc;
  const bad = (detail: string) => inputError(MSG.notAShard(detail), { file: f.file });
  if (d === null || typeof d !== 'object' || Array.isArray(d)) throw bad('it is not a JSON object');
  const s = d.shard as Partial<ShardInfo> | undefined;
  if (!s || typeof s !== 'object') throw bad("it has no 'shard' key");
  const ints = (x: unknown) => Array.isArray(x) && x.every((v) => Number.isInteger(v) && v >= 0);
  if (!Number.isInteger(s.index) || !Number.isInteger(s.count) || !Number.isInteger(s.of) || !ints(s.items)) throw bad("its 'shard' key lacks index, count, of or items");
  if (!(s.index! >= 1 && s.index! <= s.count! && s.count! <= s.of!)) throw bad(`its 'shard' key says slice ${s.index}/${s.count} of ${s.of}, which is no slice`);
  const n = (s.items as number[]).length;
  if ('points' in d) {
    if (!Array.isArray(d.points) || d.points.length !== n) throw bad(`'points' does not hold the ${n} points of its shard`);
  } else if (!Array.isArray(d.perReplication) || d.perReplication.length !== n) {
    throw bad(`'perReplication' does not hold the ${n} replications of its shard`);
  } else if (!isObject(d.channels) || !isObject(d.groups)) throw bad("it has no 'channels' or 'groups'");
  return d;
}

function isObject(x: unknown): boolean {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function sameValue(file: string, field: string, a: unknown, b: unknown): void {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw inputError(MSG.shardMismatch(field, JSON.stringify(a), JSON.stringify(b)), { file });
}

/** JSON has no NaN: a KPI that had none was written as null; read it back as NaN (summaries skip both). */
function toReplicationKpis(r: ShardReplication): ReplicationKpis {
  const fix = (rec: Record<string, number | null>): KpiRecord => {
    const out: KpiRecord = {};
    for (const [k, v] of Object.entries(rec)) out[k] = v ?? NaN;
    return out;
  };
  const map = (m: Record<string, KpiRecord>) => Object.fromEntries(Object.entries(m).map(([id, rec]) => [id, fix(rec)]));
  return { channels: map(r.channels), groups: map(r.groups), total: fix(r.total), waitCdf: {}, intervals: [] };
}

/** `3–5, 9` from [3, 4, 5, 9]. */
function ranges(xs: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1] === xs[j] + 1) j++;
    out.push(j > i ? `${xs[i]}–${xs[j]}` : String(xs[i]));
    i = j + 1;
  }
  return out.join(', ');
}
