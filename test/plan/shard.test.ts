/** Shards: slices cover a study exactly once, and merging their JSON gives one machine's bytes. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/messages.js';
import { mergeShards, parseShard, runShardJson, shardItems } from '../../src/plan/shard.js';
import { runStudy, studyJson } from '../../src/plan/study.js';
import { expo, scenario } from '../helpers/scenarios.js';

// A trickle channel: some replications answer nobody there, so its ASA is NaN in them (null in JSON).
const s = scenario(
  { voice: { perHour: 200, handle: expo(180), patience: expo(120) }, trickle: { perHour: 0.4, handle: expo(60), patience: expo(5) } },
  { team: { agents: 11, skills: ['voice', 'trickle'] } },
  { horizonSec: 2 * 3600 },
);

function shardDocs(replications: number, count: number, seed = 4) {
  return Array.from({ length: count }, (_, k) => {
    const shard = { index: k + 1, count };
    const items = shardItems(shard, replications, 'replications');
    const r = runStudy(s, { replications, seed, only: items });
    return { file: `part${k + 1}.json`, data: JSON.parse(JSON.stringify(runShardJson(r, shard, replications, items))) };
  });
}

describe('shards', () => {
  it('slice 1..n of N covers 0..N−1 once, contiguously, sizes within one of each other', () => {
    for (let total = 1; total <= 12; total++) {
      for (let count = 1; count <= total; count++) {
        const slices = Array.from({ length: count }, (_, k) => shardItems({ index: k + 1, count }, total, 'replications'));
        expect(slices.flat()).toEqual(Array.from({ length: total }, (_, i) => i));
        const sizes = slices.map((x) => x.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('parses i/n and refuses what is not a slice', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/3', '4/3', 'a/b', '3', '1/0', '']) expect(() => parseShard(bad), bad).toThrow(InputError);
    expect(() => shardItems({ index: 1, count: 5 }, 3, 'replications')).toThrow(/5 shards of 3 replications/);
  });

  it('merges shard JSON (in any order) into the bytes of the whole run, NaN KPIs included', () => {
    const whole = runStudy(s, { replications: 7, seed: 4 });
    expect(whole.perReplication.some((r) => Number.isNaN(r.channels.trickle.asaSeconds))).toBe(true);
    expect(whole.perReplication.some((r) => Number.isFinite(r.channels.trickle.asaSeconds))).toBe(true);
    const docs = shardDocs(7, 3);
    const merged = JSON.stringify(mergeShards([docs[2], docs[0], docs[1]]), null, 2);
    expect(merged).toBe(JSON.stringify(studyJson(whole), null, 2));
  });

  it('names the missing replications and shards, and refuses shards of different studies', () => {
    const docs = shardDocs(7, 3);
    expect(() => mergeShards([docs[0], docs[2]])).toThrow(/replications 2–3 \(0-based\) are missing \(shard 2\/3\)/);
    expect(() => mergeShards([docs[0], docs[0], docs[1], docs[2]])).toThrow(/shard 1\/3 .* is given twice/);
    const other = shardDocs(7, 3, 5);
    expect(() => mergeShards([docs[0], other[1], docs[2]])).toThrow(/seed is 4 in one and 5 in another/);
    expect(() => mergeShards([{ file: 'x.json', data: { scenario: 'x' } }])).toThrow(/no 'shard' key/);
  });
});
