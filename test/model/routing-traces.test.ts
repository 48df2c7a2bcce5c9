/**
 * Exact traces of issue 4's features with scripted arrivals, fixed times and
 * probabilities of 0 or 1, asserting every column of every leg: IVR containment and
 * routing, a misroute and its transfer, a warm escalation, a ticket escalation into the
 * tier-2 backlog, a repeat contact, retrials after an abandon and after a busy signal,
 * overflow after the threshold, and skill-based routing.
 */
import { describe, expect, it } from 'vitest';
import { backlogKpis } from '../../src/metrics/backlog.js';
import { simulate } from '../../src/model/simulation.js';
import type { IvrNode } from '../../src/scenario/types.js';
import { L, fullLegRows } from '../helpers/fullLegs.js';
import { fixed, scenario } from '../helpers/scenarios.js';

const node = (id: string, p: Partial<IvrNode>): IvrNode => ({ id, abandon: 0, contain: 0, branches: [], ...p });

describe('issue 4 traces', () => {
  it('IVR: a contained caller never queues; a routed one enters its queue at the IVR exit', () => {
    const s = scenario(
      {
        voice: {
          times: [0],
          handle: fixed(10),
          ivr: {
            start: 'main',
            nodes: {
              main: node('main', { time: fixed(10), branches: [{ to: 'pay', probability: 1 }] }),
              pay: node('pay', { time: fixed(5), contain: 1, queue: 'voice' }),
            },
          },
        },
        support: { times: [1], handle: fixed(10), ivr: { start: 'm', nodes: { m: node('m', { time: fixed(10), queue: 'support' }) } } },
      },
      { team: { agents: 1, skills: ['support'] } },
      { horizonSec: 100 },
    );
    expect(fullLegRows(simulate(s, 0))).toEqual([
      L({ contact: 0, arrival: 0, ivrExit: 15, ivrOutcome: 'contained', outcome: 'contained', resolved: 1 }),
      L({ contact: 1, channel: 'support', arrival: 1, ivrExit: 11, ivrOutcome: 'routed', queueEntry: 11, answer: 11, talkEnd: 21, wrapEnd: 21, agent: 'team-1', outcome: 'handled' }),
    ]);
  });

  it('IVR: a misrouted caller is handled briefly in the wrong queue, then transferred as a second leg', () => {
    const s = scenario(
      {
        voice: {
          times: [0],
          handle: fixed(10),
          ivr: { start: 'main', nodes: { main: node('main', { time: fixed(5), queue: 'billing', misroute: { share: 1, queue: 'sales', handle: fixed(20) } }) } },
        },
      },
      { bill: { agents: 1, skills: ['billing'] }, sale: { agents: 1, skills: ['sales'] } },
      { horizonSec: 100, queues: { billing: { channel: 'voice' }, sales: { channel: 'voice' } } },
    );
    expect(fullLegRows(simulate(s, 0))).toEqual([
      L({ contact: 0, queue: 'sales', arrival: 0, ivrExit: 5, ivrOutcome: 'routed', queueEntry: 5, answer: 5, talkEnd: 25, wrapEnd: 25, agent: 'sale-1', outcome: 'transferred' }),
      L({ contact: 0, leg: 2, queue: 'billing', arrival: 25, queueEntry: 25, answer: 25, talkEnd: 35, wrapEnd: 35, agent: 'bill-1', outcome: 'handled' }),
    ]);
  });

  it('warm escalation: the caller waits again in the tier-2 queue as a second leg of the same contact', () => {
    const s = scenario(
      { voice: { times: [0, 5], handle: fixed(10), escalation: { probability: 1, to: 'tier2', mode: 'warm' } } },
      { t1: { agents: 1, skills: ['voice'] }, t2: { agents: 1, skills: ['tier2'] } },
      { horizonSec: 200, queues: { tier2: { channel: 'voice', handle: fixed(30), resolution: 1 } } },
    );
    expect(fullLegRows(simulate(s, 0))).toEqual([
      L({ contact: 0, arrival: 0, queueEntry: 0, answer: 0, talkEnd: 10, wrapEnd: 10, agent: 't1-1', outcome: 'escalated', resolved: 0 }),
      L({ contact: 1, arrival: 5, queueEntry: 5, answer: 10, talkEnd: 20, wrapEnd: 20, agent: 't1-1', outcome: 'escalated', resolved: 0 }),
      L({ contact: 0, leg: 2, queue: 'tier2', arrival: 10, queueEntry: 10, answer: 10, talkEnd: 40, wrapEnd: 40, agent: 't2-1', outcome: 'handled', resolved: 1 }),
      L({ contact: 1, leg: 2, queue: 'tier2', arrival: 20, queueEntry: 20, answer: 40, talkEnd: 70, wrapEnd: 70, agent: 't2-1', outcome: 'handled', resolved: 1 }),
    ]);
  });

  it('ticket escalation: a follow-up contact of the same issue joins the deferred tier-2 backlog', () => {
    const s = scenario(
      {
        voice: { times: [0, 1], handle: fixed(10), escalation: { probability: 1, to: 'tickets', mode: 'ticket' } },
        tickets: { kind: 'email', handle: fixed(100) },
      },
      { t1: { agents: 1, skills: ['voice'] }, t2: { agents: 1, skills: ['tickets'] } },
      { horizonSec: 100 },
    );
    const log = simulate(s, 0);
    const ticket = { channel: 'tickets', attempt: 2 };
    expect(fullLegRows(log)).toEqual([
      L({ contact: 0, arrival: 0, queueEntry: 0, answer: 0, talkEnd: 10, wrapEnd: 10, agent: 't1-1', outcome: 'escalated', resolved: 0 }),
      L({ contact: 1, arrival: 1, queueEntry: 1, answer: 10, talkEnd: 20, wrapEnd: 20, agent: 't1-1', outcome: 'escalated', resolved: 0 }),
      L({ contact: 2, issue: 0, customer: 0, ...ticket, arrival: 10, queueEntry: 10, answer: 10, agent: 't2-1', outcome: 'open' }),
      L({ contact: 3, issue: 1, customer: 1, ...ticket, arrival: 20, queueEntry: 20, outcome: 'open' }),
    ]);
    const opts = { warmupSec: 0, horizonSec: 100, intervalSec: 50, startClockSec: 0, serviceLevelFormula: 'offered' as const, shortAbandonSec: 0, withinSec: {}, defaultWithinSec: 20 };
    const b = backlogKpis(log, opts);
    expect(b.channels.tickets).toEqual({ backlogEnd: 1, backlogMax: 1, oldestOpenAgeSeconds: 80 });
    expect(b.intervals.map((row) => row.tickets.backlog)).toEqual([1, 1]);
  });

  it('repeat contact: an unresolved issue comes back after the delay as attempt 2 of the same issue and customer', () => {
    const s = scenario(
      { voice: { times: [0], handle: fixed(10), resolution: 0, repeat: { probability: 1, delay: fixed(100), channels: [] } } },
      { team: { agents: 1, skills: ['voice'] } },
      { horizonSec: 200 },
    );
    expect(fullLegRows(simulate(s, 0))).toEqual([
      L({ contact: 0, arrival: 0, queueEntry: 0, answer: 0, talkEnd: 10, wrapEnd: 10, agent: 'team-1', outcome: 'handled', resolved: 0 }),
      // Its own repeat would come at 220, past the horizon.
      L({ contact: 1, issue: 0, customer: 0, attempt: 2, arrival: 110, queueEntry: 110, answer: 110, talkEnd: 120, wrapEnd: 120, agent: 'team-1', outcome: 'handled', resolved: 0 }),
    ]);
  });

  it('retrial: an abandoned caller redials after the delay and is answered', () => {
    const s = scenario(
      { voice: { times: [0, 1], handle: fixed(30), patience: fixed(5), retrial: { probability: 1, delay: fixed(20) } } },
      { team: { agents: 1, skills: ['voice'] } },
      { horizonSec: 200 },
    );
    expect(fullLegRows(simulate(s, 0))).toEqual([
      L({ contact: 0, arrival: 0, queueEntry: 0, answer: 0, talkEnd: 30, wrapEnd: 30, agent: 'team-1', outcome: 'handled' }),
      L({ contact: 1, arrival: 1, queueEntry: 1, abandon: 6, outcome: 'abandoned' }),
      L({ contact: 2, issue: 1, customer: 1, attempt: 2, arrival: 26, queueEntry: 26, answer: 30, talkEnd: 60, wrapEnd: 60, agent: 'team-1', outcome: 'handled' }),
    ]);
  });

  it('finite waiting room: a blocked caller hears a busy signal and redials', () => {
    const s = scenario(
      { voice: { times: [0, 1], handle: fixed(30), waitingRoom: 0, retrial: { probability: 1, delay: fixed(20) } } },
      { team: { agents: 1, skills: ['voice'] } },
      { horizonSec: 200 },
    );
    expect(fullLegRows(simulate(s, 0))).toEqual([
      L({ contact: 0, arrival: 0, queueEntry: 0, answer: 0, talkEnd: 30, wrapEnd: 30, agent: 'team-1', outcome: 'handled' }),
      L({ contact: 1, arrival: 1, outcome: 'blocked' }),
      L({ contact: 2, issue: 1, customer: 1, attempt: 2, arrival: 21, outcome: 'blocked' }),
      L({ contact: 3, issue: 1, customer: 1, attempt: 3, arrival: 41, queueEntry: 41, answer: 41, talkEnd: 71, wrapEnd: 71, agent: 'team-1', outcome: 'handled' }),
    ]);
  });

  it('overflow: after the threshold a waiting contact is also offered to the overflow group', () => {
    const s = scenario(
      { voice: { times: [0, 1, 2], handle: fixed(100), overflow: { afterSec: 10, groups: ['backup'] } } },
      { main: { agents: 1, skills: ['voice'] }, backup: { agents: 1, skills: [] } },
      { horizonSec: 300 },
    );
    expect(fullLegRows(simulate(s, 0))).toEqual([
      L({ contact: 0, arrival: 0, queueEntry: 0, answer: 0, talkEnd: 100, wrapEnd: 100, agent: 'main-1', outcome: 'handled' }),
      L({ contact: 1, arrival: 1, queueEntry: 1, answer: 11, talkEnd: 111, wrapEnd: 111, agent: 'backup-1', outcome: 'handled' }),
      // Overflowed at 12 with the backup busy: the first agent to free (main at 100) takes it.
      L({ contact: 2, arrival: 2, queueEntry: 2, answer: 100, talkEnd: 200, wrapEnd: 200, agent: 'main-1', outcome: 'handled' }),
    ]);
  });

  it('routing policy: skillThenLongestIdle picks the higher skill level over the longer idle agent', () => {
    const groups = { junior: { agents: 1, skills: ['voice'], skillLevels: { voice: 1 } }, senior: { agents: 1, skills: ['voice'], skillLevels: { voice: 2 } } };
    const channels = { voice: { times: [5], handle: fixed(10) } };
    const idle = fullLegRows(simulate(scenario(channels, groups, { horizonSec: 100 }), 0));
    const skill = fullLegRows(simulate(scenario(channels, groups, { horizonSec: 100, routing: 'skillThenLongestIdle' }), 0));
    expect(idle.map((r) => r.agent)).toEqual(['junior-1']);
    expect(skill.map((r) => r.agent)).toEqual(['senior-1']);
  });

  it('tier 2 that cannot resolve a ticket calls the customer back (unresolved: callback)', () => {
    const s = scenario(
      {
        voice: { times: [0], handle: fixed(10), escalation: { probability: 1, to: 'tickets', mode: 'ticket' } },
        tickets: { kind: 'email', handle: fixed(50), resolution: 0, unresolved: 'callback' },
      },
      { t1: { agents: 1, skills: ['voice'] }, t2: { agents: 1, skills: ['tickets'] } },
      { horizonSec: 150 },
    );
    const back = { issue: 0, customer: 0, channel: 'tickets', queue: 'tickets-callback', agent: 't2-1' };
    expect(fullLegRows(simulate(s, 0))).toEqual([
      L({ contact: 0, arrival: 0, queueEntry: 0, answer: 0, talkEnd: 10, wrapEnd: 10, agent: 't1-1', outcome: 'escalated', resolved: 0 }),
      L({ contact: 1, issue: 0, customer: 0, attempt: 2, channel: 'tickets', arrival: 10, queueEntry: 10, answer: 10, talkEnd: 60, wrapEnd: 60, agent: 't2-1', outcome: 'handled', resolved: 0 }),
      L({ contact: 2, ...back, attempt: 3, arrival: 60, queueEntry: 60, answer: 60, talkEnd: 110, wrapEnd: 110, outcome: 'handled', resolved: 0 }),
      L({ contact: 3, ...back, attempt: 4, arrival: 110, queueEntry: 110, answer: 110, outcome: 'open' }),
    ]);
  });
});
