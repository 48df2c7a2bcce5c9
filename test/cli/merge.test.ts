/** `run --shard i/n` and `ccsim merge`, `--workers`: the same bytes as one machine, one thread. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BANK = 'scenarios/retail-bank-day.yaml';

async function shards(count: number, ...extra: string[]): Promise<string[]> {
  const files: string[] = [];
  for (let i = 1; i <= count; i++) {
    const r = await cli('run', BANK, '-r', '5', '--shard', `${i}/${count}`, ...extra);
    expect(r.code, r.err).toBe(0);
    files.push(join(dir, `part${i}of${count}${extra.join('')}.json`));
    writeFileSync(files[i - 1], r.out);
  }
  return files;
}

describe('run --shard and ccsim merge', () => {
  it('merges the slices (in any order) into the bytes of `run --json`; a shard carries its replications', async () => {
    const whole = await cli('run', BANK, '-r', '5', '--json');
    expect(Object.keys(JSON.parse(whole.out))).toEqual(['scenario', 'seed', 'replications', 'channels', 'groups', 'total']);
    const files = await shards(3);
    const part = (await import('node:fs')).readFileSync(files[1], 'utf8');
    const j = JSON.parse(part);
    expect(j.shard).toEqual({ index: 2, count: 3, of: 5, items: [1, 2] });
    expect(j.replications).toBe(2);
    expect(j.perReplication.map((r: { replication: number }) => r.replication)).toEqual([1, 2]);
    const merged = await cli('merge', files[2], files[0], files[1]);
    expect(merged.code, merged.err).toBe(0);
    expect(merged.out).toBe(whole.out);
  });

  it('is byte-identical with 1 and 2 worker threads, sharded or not', async () => {
    const one = await cli('run', BANK, '-r', '4', '--json', '--workers', '1');
    const two = await cli('run', BANK, '-r', '4', '--json', '--workers', '2');
    expect(two.code).toBe(0);
    expect(two.out).toBe(one.out);
    const a = await shards(2, '--workers', '2');
    const merged = await cli('merge', ...a);
    expect(JSON.parse(merged.out).replications).toBe(5);
    expect(merged.out).toBe((await cli('run', BANK, '-r', '5', '--json', '--workers', '1')).out);
  });

  it('exits 2 naming the missing replications and shards, a shard given twice, mixed studies, or a file that is no shard', async () => {
    const files = await shards(3);
    const missing = await cli('merge', files[0], files[2]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('ccsim: the shards do not cover every replication: replications 1–2 (0-based) are missing (shard 2/3). Fix: run the missing shard and pass its output to ccsim merge too\n');
    const twice = await cli('merge', files[0], files[0], files[1], files[2]);
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/shard 1\/3 .* is given twice/);
    const other = join(dir, 'seed9.json');
    writeFileSync(other, (await cli('run', BANK, '-r', '5', '--seed', '9', '--shard', '2/3')).out);
    const mixed = await cli('merge', files[0], other, files[2]);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/not slices of one study: seed is 2026 in one and 9 in another/);
    const plain = join(dir, 'plain.json');
    writeFileSync(plain, (await cli('run', BANK, '-r', '2', '--json')).out);
    const notShard = await cli('merge', plain);
    expect(notShard.code).toBe(2);
    expect(notShard.err).toMatch(/plain\.json: not the output of a --shard run: it has no 'shard' key/);
    const badShard = await cli('run', BANK, '--shard', '0/3');
    expect(badShard.code).toBe(2);
    expect(badShard.err).toMatch(/--shard: '0\/3' is not a shard i\/n/);
    const report = await cli('run', BANK, '--shard', '1/3', '--report', join(dir, 'r'));
    expect(report.code).toBe(2);
  });

  it('exits 2 naming the file and the replication when a shard has an emptied, renumbered or extra replication', async () => {
    const files = await shards(2);
    // Shard 2/2 of 5 holds replications 2, 3 and 4; each case edits one copy of it.
    const edited = (name: string, edit: (j: { shard: { items: number[] }; perReplication: Record<string, unknown>[] }) => void) => {
      const j = JSON.parse(readFileSync(files[1], 'utf8'));
      edit(j);
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(j));
      return path;
    };
    const cases: [string, (j: { shard: { items: number[] }; perReplication: Record<string, unknown>[] }) => void, RegExp][] = [
      ['emptied.json', (j) => (j.perReplication[1] = { replication: 3, channels: {}, groups: {}, total: {} }), /emptied\.json: perReplication\[1\]\.channels\.accounts: replication 3 has no KPIs for 'accounts'\. Fix: the file was edited or cut short: run that shard again/],
      ['blank.json', (j) => ((j.perReplication[0].channels as Record<string, object>).cards = {}), /blank\.json: perReplication\[0\]\.channels\.cards\.offered: replication 2 has no offered count/],
      ['nulls.json', (j) => ((j.perReplication[2].total as Record<string, unknown>).offered = null), /perReplication\[2\]\.total\.offered: replication 4 has no offered count/],
      ['text.json', (j) => ((j.perReplication[2].total as Record<string, unknown>).asaSeconds = '9'), /perReplication\[2\]\.total\.asaSeconds: replication 4 has asaSeconds = "9", not a number/],
      ['renumbered.json', (j) => (j.perReplication[0].replication = 1), /perReplication\[0\]\.replication: replication 2 is numbered 1 where the shard holds replication 2/],
      ['overlap.json', (j) => (j.shard.items = [1, 3, 4]), /overlap\.json: shard\.items: not the output of a --shard run: 'shard' lists replications \[1,3,4\], but shard 2\/2 of 5 holds \[2,3,4\]/],
    ];
    for (const [name, edit, pattern] of cases) {
      const r = await cli('merge', files[0], edited(name, edit));
      expect(r.err).toMatch(pattern);
      expect(r.code).toBe(2);
    }
    const other = join(dir, 'r6.json');
    writeFileSync(other, (await cli('run', BANK, '-r', '6', '--shard', '2/2')).out);
    const mixed = await cli('merge', files[0], other);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/r6\.json: the shards are not slices of one study: the number of replications is 5 in one and 6 in another/);
  });
});
