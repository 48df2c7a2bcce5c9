/**
 * Exact traces of callbacks (virtual hold): offered when the predicted wait exceeds the
 * threshold, accepted, queued in the hidden `<queue>-callback` queue, dialled by the
 * first free agent; failed dials retried after the delay up to the limit.
 */
import { describe, expect, it } from 'vitest';
import { callbackKpis } from '../../src/metrics/callbacks.js';
import { simulate } from '../../src/model/simulation.js';
import type { CallbackOffer } from '../../src/scenario/types.js';
import { L, fullLegRows } from '../helpers/fullLegs.js';
import { fixed, scenario } from '../helpers/scenarios.js';

const offer = (p: Partial<CallbackOffer>): CallbackOffer => ({
  thresholdSec: 50,
  acceptance: 1,
  priority: 0,
  success: 1,
  retries: 0,
  retryDelay: fixed(600),
  dialSec: 30,
  ...p,
});

describe('callback traces', () => {
  it('a declined offer is logged and the caller keeps waiting: offer and acceptance rates apart', () => {
    const s = scenario(
      { voice: { times: [0, 1, 2], handle: fixed(100), callback: offer({ acceptance: 0 }) } },
      { team: { agents: 1, skills: ['voice'] } },
      { horizonSec: 400 },
    );
    const log = simulate(s, 0);
    expect(Array.from(log.legs.callbackOffer.subarray(0, log.legs.length))).toEqual([-1, 0, 0]);
    expect(fullLegRows(log).map((r) => r.answer)).toEqual([0, 100, 200]);
    const k = callbackKpis(log, { warmupSec: 0, horizonSec: 400 }).total;
    expect([k.callbackOfferRate, k.callbackAcceptanceRate, k.callbackRate]).toEqual([2 / 3, 0, 0]);
  });

  it('a caller facing a long predicted wait takes a callback and is called back when an agent frees', () => {
    const s = scenario(
      { voice: { times: [0, 1, 2], handle: fixed(100), callback: offer({}) } },
      { team: { agents: 1, skills: ['voice'] } },
      { horizonSec: 400 },
    );
    const cb = { leg: 2, queue: 'voice-callback', agent: 'team-1', outcome: 'handled' };
    const log = simulate(s, 0);
    // 2 of 3 callers took a callback, both were reached, after 99 s and 198 s.
    expect(callbackKpis(log, { warmupSec: 0, horizonSec: 400 }).total).toEqual({
      callbackRate: 2 / 3,
      callbackOfferRate: 2 / 3,
      callbackAcceptanceRate: 1,
      callbackSuccessRate: 1,
      callbackDelaySeconds: 148.5,
    });
    expect(Array.from(log.legs.callbackOffer.subarray(0, log.legs.length))).toEqual([-1, 1, -1, 1, -1]);
    expect(fullLegRows(log)).toEqual([
      L({ contact: 0, arrival: 0, queueEntry: 0, answer: 0, talkEnd: 100, wrapEnd: 100, agent: 'team-1', outcome: 'handled' }),
      // Predicted wait (0 waiting + 1) × 100 s ÷ 1 agent = 100 s > 50 s: offered and accepted.
      L({ contact: 1, arrival: 1, outcome: 'transferred' }),
      L({ contact: 1, ...cb, arrival: 1, queueEntry: 1, answer: 100, talkEnd: 200, wrapEnd: 200 }),
      L({ contact: 2, arrival: 2, outcome: 'transferred' }),
      L({ contact: 2, ...cb, arrival: 2, queueEntry: 2, answer: 200, talkEnd: 300, wrapEnd: 300 }),
    ]);
  });

  it('a failed dial costs the agent the dial time and is retried up to the limit', () => {
    const s = scenario(
      { voice: { times: [0, 1], handle: fixed(100), callback: offer({ success: 0, retries: 1, retryDelay: fixed(50), dialSec: 20 }) } },
      { team: { agents: 1, skills: ['voice'] } },
      { horizonSec: 400 },
    );
    const cb = { queue: 'voice-callback', agent: 'team-1', outcome: 'abandoned' };
    const log = simulate(s, 0);
    const k = callbackKpis(log, { warmupSec: 0, horizonSec: 400 }).total;
    expect([k.callbackRate, k.callbackSuccessRate, k.callbackDelaySeconds]).toEqual([1 / 2, 0, NaN]);
    expect(fullLegRows(log)).toEqual([
      L({ contact: 0, arrival: 0, queueEntry: 0, answer: 0, talkEnd: 100, wrapEnd: 100, agent: 'team-1', outcome: 'handled' }),
      L({ contact: 1, arrival: 1, outcome: 'transferred' }),
      L({ contact: 1, leg: 2, ...cb, arrival: 1, abandon: 120 }), // dialled at 100, no answer
      L({ contact: 1, leg: 3, ...cb, arrival: 170, abandon: 190 }), // the one retry, 50 s later
    ]);
  });

  it('no callback is offered while the predicted wait is below the threshold', () => {
    const s = scenario(
      { voice: { times: [0, 1], handle: fixed(100), callback: offer({ thresholdSec: 100 }) } },
      { team: { agents: 1, skills: ['voice'] } },
      { horizonSec: 400 },
    );
    expect(fullLegRows(simulate(s, 0)).map((r) => r.outcome)).toEqual(['handled', 'handled']);
  });
});
