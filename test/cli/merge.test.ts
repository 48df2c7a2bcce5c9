/** `run --shard i/n` and `ccsim merge`, `--workers`: the same bytes as one machine, one thread. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
});
