/** `ccsim sweep` through the real yargs parser: table, CSV, JSON, the Erlang A curve, shards. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ERLANG = 'scenarios/single-queue-erlang-a.yaml';
const SMALL = 'scenarios/small-team-expectations.yaml';

describe('ccsim sweep', () => {
  it('puts the Erlang A curve beside the simulated one for a single queue with exponential times', async () => {
    const r = await cli('sweep', ERLANG, '--set', 'groups.team.agents=24..26', '-r', '2', '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ scenario: 'single-queue-erlang-a', path: 'groups.team.agents', seed: 1, replications: 2 });
    expect(j.points.map((p: { value: number }) => p.value)).toEqual([24, 25, 26]);
    expect(j.analytic).toBe("Erlang A assumes Poisson arrivals and exponential handle and patience; evaluated at this scenario's means");
    for (const p of j.points) {
      const sim = p.summary.channels.voice;
      // A 200-hour run: within a few percent of the analytic values.
      expect(Math.abs(sim.serviceLevel.mean - p.erlangA.serviceLevel)).toBeLessThan(0.03);
      expect(Math.abs(sim.abandonRate.mean - p.erlangA.abandonRate)).toBeLessThan(0.01);
    }
    const asa = j.points.map((p: { summary: { channels: { voice: { asaSeconds: { mean: number } } } } }) => p.summary.channels.voice.asaSeconds.mean);
    expect(asa[0]).toBeGreaterThan(asa[1]);
    expect(asa[1]).toBeGreaterThan(asa[2]);
  });

  it('prints a table (with the Erlang assumption spelled out) and CSV', async () => {
    const t = await cli('sweep', SMALL, '--set', 'channels.voice.volume=0.9..1.1:0.1', '-r', '2');
    expect(t.code, t.err).toBe(0);
    const lines = t.out.trim().split('\n');
    expect(lines[0]).toBe('sweep small-team-expectations: channels.voice.volume over 3 values; 2 replications each, seed 7 at every value (common random numbers); mean ± 95 % CI half-width');
    expect(lines[2]).toMatch(/^channels\.voice\.volume\s+voice\.serviceLevel\s+voice\.asaSeconds\s+voice\.abandonRate\s+voice\.avgWaitSeconds\s+team\.occupancy\s+Erlang A SL/);
    expect(lines.slice(3, 6).map((l) => l.split(/\s+/)[0])).toEqual(['0.9', '1', '1.1']);
    expect(lines[lines.length - 1]).toBe("Erlang A assumes Poisson arrivals and exponential handle and patience; evaluated at this scenario's means (here handle is lognormal, wrapup is fixed, patience is lognormal, so expect a gap).");
    const c = await cli('sweep', SMALL, '--set', 'groups.team.agents=10,12', '-r', '2', '--csv');
    const csv = c.out.trim().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0].startsWith('value,voice.offered,voice.offered_lo,voice.offered_hi,voice.answered,')).toBe(true);
    expect(csv[0].endsWith(',erlang.serviceLevel,erlang.asaSeconds,erlang.abandonRate,erlang.occupancy')).toBe(true);
    expect(csv[1].split(',')[0]).toBe('10');
    expect(csv[1].split(',')).toHaveLength(csv[0].split(',').length);
  });

  it('uses the same seed at every value: the offered contacts are the same whatever the staffing', async () => {
    const j = JSON.parse((await cli('sweep', SMALL, '--set', 'groups.team.agents=9..12', '-r', '2', '--json')).out);
    const offered = j.points.map((p: { summary: { total: { offered: { mean: number } } } }) => p.summary.total.offered.mean);
    expect(new Set(offered).size).toBe(1);
  });

  it('runs slices of the values with --shard; ccsim merge gives the bytes of the whole sweep', async () => {
    const args = ['sweep', SMALL, '--set', 'groups.team.agents=9..13', '-r', '2'];
    const whole = await cli(...args, '--json');
    const files: string[] = [];
    for (const i of [1, 2, 3]) {
      const part = await cli(...args, '--shard', `${i}/3`);
      expect(part.code).toBe(0);
      expect(JSON.parse(part.out).shard).toMatchObject({ index: i, count: 3, of: 5 });
      files.push(join(dir, `sweep${i}.json`));
      writeFileSync(files[i - 1], part.out);
    }
    const merged = await cli('merge', files[1], files[2], files[0]);
    expect(merged.code, merged.err).toBe(0);
    expect(merged.out).toBe(whole.out);
    const missing = await cli('merge', files[0], files[2]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/the shards do not cover every sweep point: points 1–2 \(0-based\) are missing \(shard 2\/3\)/);
  });

  it('exits 2 on an empty range, an unknown path, or two parameters', async () => {
    const empty = await cli('sweep', SMALL, '--set', 'groups.team.agents=12..10');
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/--set: the range 12\.\.10 is empty/);
    const unknown = await cli('sweep', SMALL, '--set', 'groups.tema.agents=10..12');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/'groups.tema.agents' is not a field of the scenario/);
    const two = await cli('sweep', SMALL, '--set', 'groups.team.agents=10..12', '--set', 'channels.voice.volume=1..2');
    expect(two.code).toBe(2);
    expect(two.err).toMatch(/sweep varies one parameter, got 2 --set flags/);
  });
});
