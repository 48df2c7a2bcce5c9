/**
 * Exact traces: hand-built scenarios with scripted arrivals and fixed times, asserting
 * every leg. These pin the routing rules and the same-time ordering policy.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulation.js';
import { AGENT_STATES } from '../../src/logs/codes.js';
import { fixed, scenario } from '../helpers/scenarios.js';
import { legRows } from '../helpers/legs.js';

const leg = (contact: number, arrival: number, answer: number | null, abandon: number | null, talkEnd: number | null, wrapEnd: number | null, agent: string | null, outcome: string, channel = 'voice') =>
  ({ contact, channel, arrival, answer, abandon, talkEnd, wrapEnd, agent, outcome });

describe('exact traces', () => {
  it('answers, queues FIFO, abandons and cancels the patience timer of an answered caller', () => {
    const s = scenario(
      { voice: { times: [0, 5, 5, 30], handle: fixed(10), patience: fixed(8) } },
      { team: { agents: 1, skills: ['voice'] } },
      { horizonSec: 100 },
    );
    expect(legRows(simulate(s, 0))).toEqual([
      leg(0, 0, 0, null, 10, 10, 'team-1', 'handled'),
      leg(1, 5, 10, null, 20, 20, 'team-1', 'handled'), // answered at 10 < its patience end 13
      leg(2, 5, null, 13, null, null, null, 'abandoned'), // waited its full 8 s
      leg(3, 30, 30, null, 40, 40, 'team-1', 'handled'),
    ]);
  });

  it('at one instant a release runs before an abandonment and before an arrival', () => {
    const s = scenario(
      { voice: { times: [0, 2, 20], handle: fixed(10), patience: fixed(8) } },
      { team: { agents: 1, skills: ['voice'] } },
      { horizonSec: 100 },
    );
    expect(legRows(simulate(s, 0))).toEqual([
      leg(0, 0, 0, null, 10, 10, 'team-1', 'handled'),
      leg(1, 2, 10, null, 20, 20, 'team-1', 'handled'), // patience ends at 10 too: the release wins
      leg(2, 20, 20, null, 30, 30, 'team-1', 'handled'), // arrives as the agent frees: no wait
    ]);
  });

  it('gives a new call to the longest-idle agent across groups (file order breaks ties)', () => {
    const s = scenario(
      { voice: { times: [1, 2, 20, 21], handle: fixed(10) } },
      { a: { agents: 1, skills: ['voice'] }, b: { agents: 1, skills: ['voice'] } },
      { horizonSec: 100 },
    );
    const rows = legRows(simulate(s, 0));
    expect(rows.map((r) => r.agent)).toEqual(['a-1', 'b-1', 'a-1', 'b-1']);
  });

  it('a freed agent serves the highest-priority queue first, then the oldest call', () => {
    const s = scenario(
      {
        low: { times: [0, 1], handle: fixed(10), priority: 0 },
        high: { times: [2, 3], handle: fixed(10), priority: 5 },
      },
      { team: { agents: 1, skills: ['low', 'high'] } },
      { horizonSec: 100 },
    );
    const rows = legRows(simulate(s, 0));
    const answer = Object.fromEntries(rows.map((r) => [`${r.channel}@${r.arrival}`, r.answer]));
    expect(answer).toEqual({ 'low@0': 0, 'low@1': 30, 'high@2': 10, 'high@3': 20 });
  });

  it('among queues of equal priority a freed agent takes the oldest call', () => {
    const s = scenario(
      { x: { times: [0, 3], handle: fixed(10) }, y: { times: [2], handle: fixed(10) } },
      { team: { agents: 1, skills: ['x', 'y'] } },
      { horizonSec: 100 },
    );
    const rows = legRows(simulate(s, 0));
    const answer = Object.fromEntries(rows.map((r) => [`${r.channel}@${r.arrival}`, r.answer]));
    expect(answer).toEqual({ 'x@0': 0, 'y@2': 10, 'x@3': 20 });
  });

  it('keeps the agent through wrap-up, then takes the next caller', () => {
    const s = scenario(
      { voice: { times: [0, 1], handle: fixed(10), wrapup: fixed(5) } },
      { team: { agents: 1, skills: ['voice'] } },
      { horizonSec: 100 },
    );
    const log = simulate(s, 0);
    expect(legRows(log)).toEqual([
      leg(0, 0, 0, null, 10, 15, 'team-1', 'handled'),
      leg(1, 1, 15, null, 25, 30, 'team-1', 'handled'),
    ]);
    const st = log.agentStates!;
    const states = Array.from({ length: st.length }, (_, r) => [AGENT_STATES[st.state[r]], st.start[r], st.end[r]]);
    expect(states).toEqual([
      ['busy', 0, 10],
      ['wrapup', 10, 15],
      ['busy', 15, 25],
      ['wrapup', 25, 30],
      ['staffed', 0, 100],
    ]);
  });

  it('logs calls still waiting or in service at the horizon as open', () => {
    const s = scenario(
      { voice: { times: [0, 1], handle: fixed(50) } },
      { team: { agents: 1, skills: ['voice'] } },
      { horizonSec: 20 },
    );
    expect(legRows(simulate(s, 0))).toEqual([
      leg(0, 0, 0, null, null, null, 'team-1', 'open'),
      leg(1, 1, null, null, null, null, null, 'open'),
    ]);
  });

  it('a staffing increase lets a new agent take the waiting call at the boundary; a decrease sends agents home after their call', () => {
    const s = scenario(
      { voice: { times: [0, 1, 12], handle: fixed(15) } },
      { team: { agents: { intervalSec: 10, agents: [1, 2, 1, 1, 1] }, skills: ['voice'] } },
      { horizonSec: 50 },
    );
    const log = simulate(s, 0);
    expect(legRows(log)).toEqual([
      leg(0, 0, 0, null, 15, 15, 'team-1', 'handled'),
      leg(1, 1, 10, null, 25, 25, 'team-2', 'handled'), // team-2 logs in at 10
      leg(2, 12, 15, null, 30, 30, 'team-1', 'handled'),
    ]);
    // At 20 the group should shrink to 1; both are busy, so the first to finish (team-2 at 25) goes home.
    const st = log.agentStates!;
    const staffed = Array.from({ length: st.length }, (_, r) => r)
      .filter((r) => AGENT_STATES[st.state[r]] === 'staffed')
      .map((r) => [log.agents[st.agent[r]], st.start[r], st.end[r]]);
    expect(staffed).toEqual([
      ['team-2', 10, 25],
      ['team-1', 0, 50],
    ]);
  });
});
