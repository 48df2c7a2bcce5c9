/**
 * Every file in scenarios/ is documentation and a test case: it validates, runs, gives
 * sane KPIs, and is listed in the README.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

const files = readdirSync('scenarios').filter((f) => /\.(ya?ml|json)$/.test(f));
const readme = readFileSync('README.md', 'utf8');

describe('bundled scenarios', () => {
  it('include the default scenario and the contract conformance example', () => {
    expect(files).toContain('retail-bank-day.yaml');
    expect(files).toContain('single-queue-erlang-a.yaml');
  });

  for (const f of files) {
    it(`${f} validates, runs and is documented`, async () => {
      const path = `scenarios/${f}`;
      expect((await cli('validate', path)).code).toBe(0);
      const r = await cli('run', path, '-r', '2', '--json');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      for (const [id, ch] of Object.entries<Record<string, { mean: number }>>(j.channels)) {
        expect(ch.offered.mean, `${id} offered`).toBeGreaterThan(0);
        expect(ch.answered.mean + ch.abandoned.mean, `${id} answered + abandoned ≤ offered`).toBeLessThanOrEqual(ch.offered.mean);
        for (const k of ['answerRate', 'abandonRate', 'serviceLevel']) {
          expect(ch[k].mean).toBeGreaterThanOrEqual(0);
          expect(ch[k].mean).toBeLessThanOrEqual(1);
        }
      }
      for (const g of Object.values<Record<string, { mean: number }>>(j.groups)) {
        expect(g.occupancy.mean).toBeGreaterThan(0);
        expect(g.occupancy.mean).toBeLessThanOrEqual(1);
      }
      expect(readme, `README lists ${f}`).toContain(f);
    });
  }
});
