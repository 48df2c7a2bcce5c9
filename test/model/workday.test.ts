/**
 * Chats, emails and the working day, traced with fixed times: the concurrency cap and
 * slowdown, email blending, backlog carried over a night, shifts with breaks and
 * overtime, and calls blocked while closed.
 */
import { describe, expect, it } from 'vitest';
import { AGENT_STATES } from '../../src/logs/codes.js';
import type { ContactLog } from '../../src/logs/contactLog.js';
import { groupKpis, measure } from '../../src/metrics/index.js';
import { simulate } from '../../src/model/simulation.js';
import { measureOptionsOf } from '../../src/plan/study.js';
import type { OpeningHours } from '../../src/scenario/types.js';
import { legRows } from '../helpers/legs.js';
import { fixed, scenario } from '../helpers/scenarios.js';

const H = 3600;
const DAY = 86_400;

function states(log: ContactLog, which?: string) {
  const st = log.agentStates!;
  return Array.from({ length: st.length }, (_, r) => [log.agents[st.agent[r]], AGENT_STATES[st.state[r]], st.start[r], st.end[r]] as const).filter(
    (s) => which === undefined || s[1] === which,
  );
}

/** Open every day from `from` to `to` (seconds after midnight). */
const daily = (from: number, to: number): OpeningHours => ({ days: Array.from({ length: 7 }, () => [[from, to]] as [number, number][]) });

describe('chat concurrency', () => {
  it('an agent holds up to its cap, each extra chat stretched by the slowdown factor', () => {
    const s = scenario(
      { chat: { kind: 'chat', times: [0, 1, 2], handle: fixed(10) } },
      { team: { agents: 1, skills: ['chat'], chatConcurrency: 2, chatSlowdown: 1.5 } },
      { horizonSec: 100 },
    );
    const log = simulate(s, 0);
    const rows = legRows(log);
    expect(rows.map((r) => [r.arrival, r.answer, r.talkEnd])).toEqual([
      [0, 0, 10], // alone: 10 s
      [1, 1, 16], // second chat at once: 10 × 1.5
      [2, 10, 25], // waits for a free slot (cap 2), then again the second of two: 15 s
    ]);
    expect(Array.from(log.legs.concurrency.subarray(0, 3))).toEqual([1, 2, 2]);
    // Busy while holding any chat: 0 → 25, one interval; mean concurrency (10 + 15 + 15) / 25.
    expect(states(log, 'busy')).toEqual([['team-1', 'busy', 0, 25]]);
    const g = groupKpis(log, measureOptionsOf(s))!;
    expect(g.groups.team.meanConcurrency).toBeCloseTo(40 / 25, 12);
  });

  it('a call waits for an agent holding a chat unless the group mixes chats and calls', () => {
    const run = (mix: boolean) =>
      legRows(
        simulate(
          scenario(
            { chat: { kind: 'chat', times: [0], handle: fixed(10) }, voice: { times: [1], handle: fixed(5) } },
            { team: { agents: 1, skills: ['chat', 'voice'], chatConcurrency: 3, mixChatAndCalls: mix } },
            { horizonSec: 100 },
          ),
          0,
        ),
      );
    expect(run(false).find((r) => r.channel === 'voice')!.answer).toBe(10);
    expect(run(true).find((r) => r.channel === 'voice')!.answer).toBe(1);
  });
});

describe('email blending and backlog', () => {
  it('an email waits while a call waits for the same agent; live work first, then the email', () => {
    const s = scenario(
      { voice: { times: [10], handle: fixed(30) }, email: { kind: 'email', times: [0, 5], handle: fixed(100) } },
      { team: { agents: 1, skills: ['voice', 'email'] } },
      { horizonSec: 1000 },
    );
    const rows = legRows(simulate(s, 0));
    const at = (ch: string, t: number) => rows.find((r) => r.channel === ch && r.arrival === t)!;
    expect(at('email', 0).answer).toBe(0); // agent idle, no live contact waiting
    expect(at('voice', 10).answer).toBe(100); // the call goes first at 100 …
    expect(at('email', 5).answer).toBe(130); // … although this email waited longer
  });

  it('an email that arrives after closing is answered next morning, its response time includes the night', () => {
    // Start Monday 08:00; one agent works 08:00–17:00 each day.
    const shifts = [0, 1].map((d) => ({ startSec: d * DAY, endSec: d * DAY + 9 * 3600, breaks: [] as [number, number][] }));
    const s = scenario(
      { email: { kind: 'email', times: [10 * 3600 + 60], handle: fixed(600), withinSec: 24 * 3600 } },
      { team: { agents: shifts, skills: ['email'] } },
      { horizonSec: 2 * DAY, startClockSec: 8 * 3600, intervalSec: 3600 },
    );
    const log = simulate(s, 0);
    const [email] = legRows(log);
    expect(email.answer).toBe(DAY); // 08:00 next day
    const k = measure(log, measureOptionsOf(s));
    expect(k.channels.email.firstResponseSeconds).toBe(14 * 3600 - 60);
    expect(k.channels.email.serviceLevel).toBe(1); // within 24 h
    // Backlog (at each interval's end): 1 from 18:01 until 08:00 the next day.
    expect(k.intervals[9].channels.email.backlog).toBe(0); // 17:00–18:00
    expect(k.intervals[10].channels.email.backlog).toBe(1); // 18:00–19:00
    expect(k.intervals[22].channels.email.backlog).toBe(1); // 06:00–07:00
    expect(k.intervals[23].channels.email.backlog).toBe(0); // 07:00–08:00: answered at 08:00 sharp
    expect(k.channels.email.backlogMax).toBe(1);
    expect(k.channels.email.backlogEnd).toBe(0);
  });

  it('starts with the initial backlog, oldest first, and reports the oldest open age at the end', () => {
    const s = scenario(
      { email: { kind: 'email', perHour: 0, handle: fixed(600), initialBacklog: { count: 10, age: { dist: 'uniform', min: 0, max: 7200 } } } },
      { team: { agents: 1, skills: ['email'] } },
      { horizonSec: 3500 },
    );
    const log = simulate(s, 0);
    const rows = legRows(log);
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => r.arrival)).toEqual([...rows.map((r) => r.arrival)].sort((a, b) => a - b));
    expect(rows.map((r) => r.answer)).toEqual([0, 600, 1200, 1800, 2400, 3000, null, null, null, null]);
    const k = measure(log, measureOptionsOf(s));
    expect(k.channels.email.backlogEnd).toBe(4);
    expect(k.channels.email.oldestOpenAgeSeconds).toBeCloseTo(3500 - rows[6].arrival, 9);
    expect(k.channels.email.offered).toBe(0); // arrived before the start: backlog, not offered
  });
});

describe('shifts, breaks and overtime', () => {
  it('a shift with breaks gives exactly the staffed and available agents per interval the roster implies', () => {
    // Two agents 08:00–12:00 (t = 0 is 08:00); one takes a break 10:00–10:30, the other 10:30–11:00.
    const shifts = [
      { startSec: 0, endSec: 4 * 3600, breaks: [[2 * 3600, 2.5 * 3600]] as [number, number][] },
      { startSec: 0, endSec: 4 * 3600, breaks: [[2.5 * 3600, 3 * 3600]] as [number, number][] },
      { startSec: 3600, endSec: 2 * 3600, breaks: [] as [number, number][] },
    ];
    const s = scenario({ voice: { perHour: 0, handle: fixed(60) } }, { team: { agents: shifts, skills: ['voice'] } }, { horizonSec: 5 * 3600, intervalSec: 1800 });
    const g = groupKpis(simulate(s, 0), measureOptionsOf(s))!;
    expect(g.intervals.map((i) => i.team.staffedAgents)).toEqual([2, 2, 3, 3, 2, 2, 2, 2, 0, 0]);
    expect(g.intervals.map((i) => i.team.availableAgents)).toEqual([2, 2, 3, 3, 1, 1, 2, 2, 0, 0]);
    expect(g.groups.team.staffedHours).toBe(9);
  });

  it('an agent whose shift ends during a call finishes it and the overtime is logged', () => {
    const s = scenario(
      { voice: { times: [3000], handle: fixed(1200) } },
      { team: { agents: [{ startSec: 0, endSec: 3600, breaks: [] }], skills: ['voice'] } },
      { horizonSec: 7200 },
    );
    const log = simulate(s, 0);
    expect(legRows(log)[0].wrapEnd).toBe(4200);
    expect(states(log, 'overtime')).toEqual([['team-1', 'overtime', 3600, 4200]]);
    expect(states(log, 'staffed')).toEqual([['team-1', 'staffed', 0, 4200]]);
    const g = groupKpis(log, measureOptionsOf(s))!;
    expect(g.groups.team.overtimeHours).toBeCloseTo(600 / 3600, 12);
  });

  it('a break due while busy starts, at full length, when the contact ends', () => {
    const s = scenario(
      { voice: { times: [0, 100], handle: fixed(300) } },
      { team: { agents: [{ startSec: 0, endSec: 3600, breaks: [[200, 500]] }], skills: ['voice'] } },
      { horizonSec: 3600 },
    );
    const log = simulate(s, 0);
    expect(states(log, 'break')).toEqual([['team-1', 'break', 300, 600]]);
    expect(legRows(log)[1].answer).toBe(600);
  });
});

describe('opening hours', () => {
  it('a call arriving while its channel is closed is blocked, not offered', () => {
    // Start Monday 08:00, open 08:00–09:00.
    const s = scenario(
      { voice: { times: [600, 5400], handle: fixed(60), open: daily(8 * 3600, 9 * 3600) } },
      { team: { agents: 1, skills: ['voice'] } },
      { horizonSec: 2 * 3600, startClockSec: 8 * 3600 },
    );
    const log = simulate(s, 0);
    expect(legRows(log).map((r) => r.outcome)).toEqual(['handled', 'blocked']);
    const k = measure(log, measureOptionsOf(s));
    expect(k.channels.voice.offered).toBe(1);
    expect(k.channels.voice.blocked).toBe(1);
    expect(k.channels.voice.answerRate).toBe(1);
  });

  it('follows the weekday: closed on Sunday', () => {
    const hours: OpeningHours = { days: [0, 1, 2, 3, 4, 5, 6].map((d) => (d === 6 ? [] : [[0, DAY]])) };
    // Start Saturday 00:00: calls at noon Saturday and noon Sunday.
    const s = scenario(
      { voice: { times: [12 * 3600, DAY + 12 * 3600], handle: fixed(60), open: hours } },
      { team: { agents: 1, skills: ['voice'] } },
      { horizonSec: 2 * DAY, startWeekday: 5 },
    );
    expect(legRows(simulate(s, 0)).map((r) => r.outcome)).toEqual(['handled', 'blocked']);
  });
});
