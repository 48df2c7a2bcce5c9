/** Least-agents searches: the answer meets every target, one agent fewer does not, and a scan agrees. */
import { describe, it, expect } from 'vitest';
import {
  erlangA,
  erlangC,
  leastAgents,
  squareRootStaffing,
  unmetTargets,
  type QueueKpis,
  type StaffingTarget,
} from '../../src/analytic/index.js';

type Input = { arrivalsPerSec: number; ahtSec: number; withinSec: number; patienceSec?: number };

function kpis(model: 'c' | 'a', input: Input, agents: number): QueueKpis | undefined {
  if (model === 'a') return erlangA({ ...input, agents, patienceSec: input.patienceSec as number });
  const r = erlangC({ ...input, agents });
  return r.stable ? r : undefined;
}

function meets(model: 'c' | 'a', input: Input, agents: number, target: StaffingTarget): boolean {
  if (agents < 1) return false; // zero agents answer nobody
  const k = kpis(model, input, agents);
  return k !== undefined && unmetTargets(k, target).length === 0;
}

const perHour = (calls: number) => calls / 3600;

const CASES: { name: string; model: 'c' | 'a'; input: Input; target: StaffingTarget }[] = [
  { name: 'C, 80/20', model: 'c', input: { arrivalsPerSec: perHour(200), ahtSec: 180, withinSec: 20 }, target: { minServiceLevel: 0.8 } },
  { name: 'C, ASA ≤ 15 s', model: 'c', input: { arrivalsPerSec: perHour(360), ahtSec: 240, withinSec: 20 }, target: { maxAsaSec: 15 } },
  { name: 'C, 90/10 and ASA ≤ 5 s', model: 'c', input: { arrivalsPerSec: perHour(50), ahtSec: 600, withinSec: 10 }, target: { minServiceLevel: 0.9, maxAsaSec: 5 } },
  { name: 'C, P(wait) ≤ 20 %', model: 'c', input: { arrivalsPerSec: perHour(1000), ahtSec: 300, withinSec: 20 }, target: { maxPWait: 0.2 } },
  { name: 'A, 80/20', model: 'a', input: { arrivalsPerSec: perHour(360), ahtSec: 240, withinSec: 20, patienceSec: 180 }, target: { minServiceLevel: 0.8 } },
  { name: 'A, abandon ≤ 3 %', model: 'a', input: { arrivalsPerSec: perHour(800), ahtSec: 250, withinSec: 30, patienceSec: 200 }, target: { maxAbandonRate: 0.03 } },
  {
    name: 'A, all three targets',
    model: 'a',
    input: { arrivalsPerSec: perHour(120), ahtSec: 420, withinSec: 30, patienceSec: 90 },
    target: { minServiceLevel: 0.85, maxAsaSec: 12, maxAbandonRate: 0.02 },
  },
  { name: 'A, very low load', model: 'a', input: { arrivalsPerSec: perHour(2), ahtSec: 120, withinSec: 20, patienceSec: 60 }, target: { minServiceLevel: 0.5 } },
];

describe('leastAgents', () => {
  it.each(CASES)('$name: met at c, missed at c − 1, and a scan from 1 agrees', ({ model, input, target }) => {
    const r = leastAgents(model, input, target);
    if (!r.found) throw new Error('expected an answer');
    expect(meets(model, input, r.agents, target)).toBe(true);
    expect(meets(model, input, r.agents - 1, target)).toBe(false);
    let scanned = 1;
    while (!meets(model, input, scanned, target)) scanned++;
    expect(r.agents).toBe(scanned);
    expect(r.kpis.agents).toBe(r.agents);
  });

  it('reproduces the 10-Erlang worked example: 14 agents for 80 % in 20 s, bound by service level', () => {
    // Call Centre Helper, "Erlang C Formula – Made Simple" (100 calls per 30 min, AHT 180 s).
    const r = leastAgents('c', { arrivalsPerSec: 100 / 1800, ahtSec: 180, withinSec: 20 }, { minServiceLevel: 0.8 });
    expect(r).toMatchObject({ found: true, agents: 14, boundBy: ['serviceLevel'] });
  });

  it('reproduces the 20-Erlang calculator example: 26 circuits for at most 15 % delayed', () => {
    // personal.telefonica.terra.es/web/vr/erlang/eng/mcerlc.htm (600 calls/h of 120 s).
    const r = leastAgents('c', { arrivalsPerSec: 600 / 3600, ahtSec: 120, withinSec: 20 }, { maxPWait: 0.15 });
    expect(r).toMatchObject({ found: true, agents: 26, boundBy: ['pWait'] });
  });

  it('names the target that binds when several are given', () => {
    const input = { arrivalsPerSec: perHour(360), ahtSec: 240, withinSec: 20 };
    const sl = leastAgents('c', input, { minServiceLevel: 0.8 });
    const asa = leastAgents('c', input, { maxAsaSec: 2 });
    const both = leastAgents('c', input, { minServiceLevel: 0.8, maxAsaSec: 2 });
    if (!sl.found || !asa.found || !both.found) throw new Error('expected answers');
    expect(asa.agents).toBeGreaterThan(sl.agents);
    expect(both.agents).toBe(asa.agents);
    expect(both.boundBy).toEqual(['asa']);
  });

  it('says when only Erlang C stability binds, and when one agent is enough', () => {
    const stable = leastAgents('c', { arrivalsPerSec: 9.5 / 300, ahtSec: 300, withinSec: 20 }, { minServiceLevel: 0.01 });
    expect(stable).toMatchObject({ found: true, agents: 10, boundBy: ['stability'] });
    const one = leastAgents('a', { arrivalsPerSec: 1e-4, ahtSec: 60, withinSec: 20, patienceSec: 60 }, { minServiceLevel: 0.9, maxAbandonRate: 0.1 });
    expect(one).toMatchObject({ found: true, agents: 1, boundBy: ['serviceLevel', 'abandonRate'] });
  });

  it('handles 2,000-agent loads from a square-root first guess', () => {
    const input = { arrivalsPerSec: 1800 / 300, ahtSec: 300, withinSec: 20, patienceSec: 300 };
    const r = leastAgents('a', input, { minServiceLevel: 0.9 });
    if (!r.found) throw new Error('expected an answer');
    expect(meets('a', input, r.agents, { minServiceLevel: 0.9 })).toBe(true);
    expect(meets('a', input, r.agents - 1, { minServiceLevel: 0.9 })).toBe(false);
    expect(r.firstGuess).toBe(squareRootStaffing(1800));
    // Patience as long as a handle time lets abandonment shed load: fewer agents than Erlangs suffice.
    expect(r.agents).toBeLessThan(1800);
  });

  it('returns "not found" instead of searching forever', () => {
    const r = leastAgents('a', { arrivalsPerSec: 1, ahtSec: 300, withinSec: 20, patienceSec: 60 }, { maxAbandonRate: 1e-6 }, { maxAgents: 310 });
    expect(r).toEqual({ found: false, maxAgents: 310, offeredLoadErlangs: 300 });
    const beyond = leastAgents('c', { arrivalsPerSec: 30_000 / 300, ahtSec: 300, withinSec: 20 }, { minServiceLevel: 0.8 });
    expect(beyond).toMatchObject({ found: false, maxAgents: 20_000 });
  });

  it('rejects targets that are not targets', () => {
    const input = { arrivalsPerSec: 0.1, ahtSec: 300, withinSec: 20 };
    expect(() => leastAgents('c', input, {})).toThrow(RangeError);
    expect(() => leastAgents('c', input, { minServiceLevel: 1 })).toThrow(RangeError);
    expect(() => leastAgents('c', input, { maxAsaSec: 0 })).toThrow(RangeError);
  });
});

describe('squareRootStaffing', () => {
  it('is ⌈a + β√a⌉, at least one agent', () => {
    expect(squareRootStaffing(100)).toBe(110);
    expect(squareRootStaffing(100, 2)).toBe(120);
    expect(squareRootStaffing(0)).toBe(1);
  });
});
