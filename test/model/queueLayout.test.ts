/** The queue layout of the two-tier example: named queues, hidden overflow and callback queues, and who serves what. */
import { describe, expect, it } from 'vitest';
import { KIND_CALL, KIND_CHAT, KIND_EMAIL, layoutQueues } from '../../src/model/queueLayout.js';
import { loadScenario } from '../../src/scenario/index.js';

describe('layoutQueues', () => {
  const L = layoutQueues(loadScenario('scenarios/two-tier-support.yaml'));
  const named = (qs: Int32Array) => Array.from(qs, (q) => L.queueNames[q]);

  it('puts the channels’ queues first, then extra queues, then the hidden twins', () => {
    expect(L.queueNames).toEqual(['voice', 'chat', 'tickets', 'tier2', 'voice-overflow', 'tier2-callback']);
    expect([L.named, L.queueCount]).toEqual([4, 6]);
    expect(Array.from(L.kind)).toEqual([KIND_CALL, KIND_CHAT, KIND_EMAIL, KIND_CALL, KIND_CALL, KIND_CALL]);
    expect(L.twin[0]).toBe(4);
    expect(L.overflowAfter[0]).toBe(60);
    expect(L.callbackQueue[3]).toBe(5);
  });

  it('gives each group its queues, live by priority first, emails last', () => {
    const groups = Object.keys(loadScenario('scenarios/two-tier-support.yaml').groups);
    expect(groups).toEqual(['seniors', 'juniors', 'chat-team', 'experts']);
    expect(named(L.groupQueues[3])).toEqual(['tier2', 'tier2-callback', 'voice-overflow', 'tickets']);
    expect(Array.from(L.servingGroups[4])).toEqual([3]); // the overflow twin: only the experts
  });
});
