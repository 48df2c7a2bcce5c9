/**
 * Every case of test/fixtures/reference-cases.json (a copy of the product team's reference
 * cases): the independently computed values that pin the metric definitions of the product
 * contract (SL over offered, ASA over answered, average wait over all offered). Read at test
 * time, so a new case is tested without a code change.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { erlangA, erlangBKpis, erlangC, type QueueKpis } from '../../src/analytic/index.js';

interface ReferenceCase {
  model: 'a' | 'b' | 'c';
  params: {
    agents: number;
    arrivalsPerHour: number;
    ahtSeconds: number;
    patienceSeconds?: number;
    withinSeconds?: number;
  };
  expected: Record<string, number>;
}

const file = new URL('../fixtures/reference-cases.json', import.meta.url);
const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: ReferenceCase[] }).cases;

function kpisFor({ model, params }: ReferenceCase): QueueKpis {
  const input = {
    arrivalsPerSec: params.arrivalsPerHour / 3600,
    ahtSec: params.ahtSeconds,
    agents: params.agents,
    withinSec: params.withinSeconds ?? 20,
  };
  if (model === 'b') return erlangBKpis(input);
  if (model === 'a') return erlangA({ ...input, patienceSec: params.patienceSeconds as number });
  const c = erlangC(input);
  if (!c.stable) throw new Error('reference Erlang C case is unstable');
  return c;
}

describe('reference-cases.json', () => {
  it('has cases of every model', () => {
    expect(new Set(cases.map((c) => c.model))).toEqual(new Set(['a', 'b', 'c']));
  });

  it.each(cases.map((c, i) => ({ ...c, name: `#${i} model ${c.model}, ${JSON.stringify(c.params)}` })))('$name', (c) => {
    const got = kpisFor(c) as unknown as Record<string, number>;
    for (const [key, want] of Object.entries(c.expected)) {
      expect(got[key], key).toBeTypeOf('number');
      const tolerance = Math.max(1e-12, 1e-9 * Math.abs(want));
      expect(Math.abs(got[key] - want), `${key}: got ${got[key]}, want ${want}`).toBeLessThanOrEqual(tolerance);
    }
  });
});
