/**
 * Properties over random small scenarios (fast-check): every arrival ends exactly once,
 * no time runs backwards, an agent never holds two calls, and agents only take calls
 * their group is skilled for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOME } from '../../src/logs/codes.js';
import { simulate } from '../../src/model/simulation.js';
import type { DistSpec } from '../../src/scenario/types.js';
import { scenario, type ChannelInput, type GroupInput } from '../helpers/scenarios.js';

const dist: fc.Arbitrary<DistSpec> = fc.oneof(
  fc.integer({ min: 1, max: 60 }).map((v): DistSpec => ({ dist: 'fixed', value: v })),
  fc.integer({ min: 1, max: 120 }).map((m): DistSpec => ({ dist: 'exponential', mean: m })),
  fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 60 })).map(([a, b]): DistSpec => ({ dist: 'uniform', min: a, max: a + b })),
  fc.tuple(fc.integer({ min: 5, max: 120 }), fc.double({ min: 0.1, max: 2, noNaN: true })).map(([m, cv]): DistSpec => ({ dist: 'lognormal', mean: m, cv })),
);

const world = fc
  .record({
    nChannels: fc.integer({ min: 1, max: 3 }),
    nGroups: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    horizonSec: fc.integer({ min: 60, max: 3000 }),
  })
  .chain(({ nChannels, nGroups, seed, horizonSec }) =>
    fc.record({
      seed: fc.constant(seed),
      horizonSec: fc.constant(horizonSec),
      channels: fc.array(
        fc.record({
          perHour: fc.integer({ min: 0, max: 400 }),
          handle: dist,
          wrapup: fc.option(dist, { nil: undefined }),
          patience: fc.option(dist, { nil: undefined }),
          priority: fc.integer({ min: 0, max: 2 }),
        }),
        { minLength: nChannels, maxLength: nChannels },
      ),
      groups: fc.array(
        fc.record({
          agents: fc.oneof(
            fc.integer({ min: 0, max: 6 }),
            fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 6 }).map((a) => ({ intervalSec: Math.ceil(horizonSec / a.length), agents: a })),
          ),
          skills: fc.subarray(Array.from({ length: nChannels }, (_, i) => `c${i}`), { minLength: 1 }),
        }),
        { minLength: nGroups, maxLength: nGroups },
      ),
    }),
  );

describe('model properties', () => {
  it('holds the invariants on random small scenarios', () => {
    fc.assert(
      fc.property(world, (w) => {
        const channels: Record<string, ChannelInput> = {};
        w.channels.forEach((c, i) => (channels[`c${i}`] = c));
        const groups: Record<string, GroupInput> = {};
        w.groups.forEach((g, i) => (groups[`g${i}`] = g));
        const s = scenario(channels, groups, { horizonSec: w.horizonSec, seed: w.seed });
        const log = simulate(s, 0);
        const l = log.legs;
        const H = w.horizonSec;
        const busy: [number, number, number][] = [];
        for (let r = 0; r < l.length; r++) {
          const out = l.outcome[r];
          const answered = !Number.isNaN(l.answer[r]);
          const abandoned = !Number.isNaN(l.abandon[r]);
          // Ends exactly once.
          expect([OUTCOME.handled, OUTCOME.abandoned, OUTCOME.open]).toContain(out);
          expect(answered && abandoned).toBe(false);
          if (out === OUTCOME.handled) expect(answered && !Number.isNaN(l.wrapEnd[r])).toBe(true);
          if (out === OUTCOME.abandoned) expect(abandoned).toBe(true);
          if (out === OUTCOME.open) expect(Number.isNaN(l.wrapEnd[r]) && !abandoned).toBe(true);
          // Time never runs backwards.
          expect(l.arrival[r]).toBeLessThan(H);
          expect(l.queueEntry[r]).toBeGreaterThanOrEqual(l.arrival[r]);
          if (answered) expect(l.answer[r] - l.queueEntry[r]).toBeGreaterThanOrEqual(0);
          if (abandoned) expect(l.abandon[r] - l.queueEntry[r]).toBeGreaterThanOrEqual(0);
          if (!Number.isNaN(l.talkEnd[r])) expect(l.talkEnd[r]).toBeGreaterThanOrEqual(l.answer[r]);
          if (!Number.isNaN(l.wrapEnd[r])) expect(l.wrapEnd[r]).toBeGreaterThanOrEqual(l.talkEnd[r]);
          if (answered) {
            // Only agents skilled for the channel.
            const g = log.groups[log.agentGroup[l.agent[r]]];
            expect(groups[g].skills).toContain(log.channels[l.channel[r]]);
            busy.push([l.agent[r], l.answer[r], Number.isNaN(l.wrapEnd[r]) ? H : l.wrapEnd[r]]);
          }
        }
        // An agent never holds two calls at once.
        busy.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        for (let i = 1; i < busy.length; i++) {
          if (busy[i][0] === busy[i - 1][0]) expect(busy[i][1]).toBeGreaterThanOrEqual(busy[i - 1][2]);
        }
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
