/** `ccsim compare` through the real yargs parser: the table, the JSON, and what common random numbers gain. */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const A = 'scenarios/single-queue-erlang-a.yaml';
const B = 'scenarios/single-queue-26-agents.yaml';

describe('ccsim compare', () => {
  it('with common random numbers, the 95 % CI of the ASA difference (25 vs 26 agents) is at most half as wide as with independent seeds', async () => {
    const crn = await cli('compare', A, B, '-r', '5', '--json');
    const ind = await cli('compare', A, B, '-r', '5', '--json', '--independent');
    expect(crn.code).toBe(0);
    expect(ind.code).toBe(0);
    const half = (out: string) => {
      const e = JSON.parse(out).differences[0].channels.voice.asaSeconds;
      return (e.hi - e.lo) / 2;
    };
    const j = JSON.parse(crn.out);
    expect(j).toMatchObject({ seed: 1, replications: 5 });
    expect(j.scenarios.map((s: { name: string }) => s.name)).toEqual(['single-queue-erlang-a', 'single-queue-26-agents']);
    expect(j.differences).toHaveLength(1);
    const d = j.differences[0];
    expect(d.name).toBe('single-queue-26-agents');
    expect(d.channels.voice.asaSeconds.hi).toBeLessThan(0); // one more agent: shorter waits, surely
    expect(d.channels.voice.offered).toEqual({ mean: 0, lo: 0, hi: 0 }); // the same callers arrive in both
    expect(d.groups.team.occupancy.mean).toBeLessThan(0);
    expect(half(crn.out)).toBeLessThanOrEqual(0.5 * half(ind.out));
  });

  it('prints a table: each KPI per scenario and the paired difference, * where its CI excludes 0', async () => {
    const r = await cli('compare', 'scenarios/retail-bank-day.yaml', 'scenarios/retail-bank-day.yaml', '-r', '2');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('compare: 2 replications, seed 2026 for every scenario (common random numbers); mean ± 95 % CI half-width');
    expect(lines[2]).toMatch(/^\s+retail-bank-day\s+retail-bank-day\s+retail-bank-day − retail-bank-day$/);
    expect(r.out).toMatch(/^accounts\.serviceLevel\s+0\.\d{4} ± 0\.\d{4}\s+0\.\d{4} ± 0\.\d{4}\s+0$/m);
    expect(r.out).not.toMatch(/ \*$/m); // a scenario against itself: no difference anywhere
    expect(r.out).toMatch(/^service\.occupancy /m);
  });

  it('exits 2 with one scenario', async () => {
    const r = await cli('compare', A);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/compare needs at least two scenario files/);
  });
});
