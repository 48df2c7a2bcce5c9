/**
 * What merge checks in each run shard before it averages anything: the shard holds exactly
 * the replications its `i/n` names, and each of them is whole (every channel and group of
 * the study, with its counts). A replication emptied by hand would otherwise drop out of
 * the means, and the study would silently average over 5 of 6.
 */
import { MSG, inputError } from '../messages.js';

/** The shard's items must be exactly slice i of n of `of` (no replication twice or missing). */
export function checkShardItems(file: string, shard: { index: number; count: number; of: number; items: number[] }, expected: number[]): void {
  const same = shard.items.length === expected.length && shard.items.every((x, k) => x === expected[k]);
  if (!same) {
    const what = `'shard' lists replications ${JSON.stringify(shard.items)}, but shard ${shard.index}/${shard.count} of ${shard.of} holds ${JSON.stringify(expected)}`;
    throw inputError(MSG.notAShard(what), { file, path: 'shard.items' });
  }
}

const COUNTS = ['offered', 'answered', 'abandoned'];

/** Each replication of a run shard names its number, and has every channel and group of the study. */
export function checkShardReplications(file: string, perReplication: unknown[], items: number[], channels: string[], groups: string[]): void {
  perReplication.forEach((raw, k) => {
    const path = `perReplication[${k}]`;
    const r = raw as Record<string, unknown> | null;
    const bad = (detail: string, at = path) => inputError(MSG.shardBadReplication(String(items[k]), detail), { file, path: at });
    if (r === null || typeof r !== 'object') throw bad('is not a JSON object');
    if (r.replication !== items[k]) throw bad(`is numbered ${JSON.stringify(r.replication)} where the shard holds replication ${items[k]}`, `${path}.replication`);
    const records = (key: string, ids: string[]) => {
      const m = r[key] as Record<string, unknown> | null;
      if (m === null || typeof m !== 'object') throw bad(`has no '${key}'`, `${path}.${key}`);
      for (const id of ids) if (!Object.hasOwn(m, id)) throw bad(`has no KPIs for '${id}'`, `${path}.${key}.${id}`);
      for (const id of Object.keys(m)) if (!ids.includes(id)) throw bad(`has KPIs for '${id}', which the study does not have`, `${path}.${key}.${id}`);
      return m;
    };
    const kpis = (rec: unknown, at: string, needed: readonly string[]) => {
      if (rec === null || typeof rec !== 'object') throw bad('has a KPI record that is not an object', at);
      for (const [key, v] of Object.entries(rec)) {
        if (v !== null && !(typeof v === 'number' && Number.isFinite(v))) throw bad(`has ${key} = ${JSON.stringify(v)}, not a number`, `${at}.${key}`);
      }
      for (const key of needed) {
        const v = (rec as Record<string, unknown>)[key];
        if (!(typeof v === 'number' && v >= 0)) throw bad(`has no ${key} count (the record was emptied or cut)`, `${at}.${key}`);
      }
    };
    const ch = records('channels', channels);
    for (const id of channels) kpis(ch[id], `${path}.channels.${id}`, COUNTS);
    const gr = records('groups', groups);
    for (const id of groups) kpis(gr[id], `${path}.groups.${id}`, ['staffedHours']);
    kpis(r.total, `${path}.total`, COUNTS);
  });
}
