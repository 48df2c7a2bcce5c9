import { describe, it, expect } from 'vitest';
import { InputError, buildScenario, type Scenario } from '../../src/scenario/index.js';
import { breakOffsets, checkShift, expandRoster, type RosterShift } from '../../src/scenario/roster.js';

const H = 3600;
const M = 60;

/** A scenario file whose group `team` works the given roster. */
function withRoster(shifts: unknown[], top: Record<string, unknown> = {}): Record<string, any> {
  return {
    name: 'roster',
    horizon: '2d',
    ...top,
    channels: { voice: { arrivals: { perHour: 60 }, handle: { dist: 'exponential', mean: 240 } } },
    groups: { team: { skills: ['voice'], agents: { shifts } } },
  };
}

function shiftsOf(s: Scenario, group = 'team') {
  const staffing = s.groups[group]!.staffing;
  if (staffing.kind !== 'shifts') throw new Error(`expected shifts, got ${staffing.kind}`);
  return staffing.shifts;
}

function problemOf(raw: unknown) {
  try {
    buildScenario(raw, 'roster.yaml');
  } catch (e) {
    if (e instanceof InputError) return e.problem;
    throw e;
  }
  throw new Error('expected an InputError');
}

const shift = (over: Partial<RosterShift>): RosterShift => ({
  start: 8 * H,
  length: 8 * H,
  days: [true, true, true, true, true, true, true],
  agents: 1,
  breaks: [],
  ...over,
});

describe('roster expansion', () => {
  it('two days from Friday 08:00: exact working periods, no weekday shift on Saturday', () => {
    const raw = withRoster(
      [
        {
          start: '08:00',
          length: '8h',
          days: 'mon-fri',
          agents: 2,
          breaks: [
            { at: '10:00', length: '15m' },
            { within: '12:00-14:00', length: '30m' },
          ],
        },
        { start: '12:00', length: '8h', days: ['fri', 'sat'], agents: 1 },
        { start: '22:00', length: '10h', days: 'daily', agents: 1, breaks: [{ at: '02:00', length: '30m' }] },
      ],
      { start: '08:00', startDay: 'fri' },
    );
    const s = buildScenario(raw, 'roster.yaml');
    expect(s.startWeekday).toBe(4);
    expect(shiftsOf(s)).toEqual([
      // Friday 08:00-16:00, two agents: the fixed break together, lunch staggered over the window.
      { startSec: 0, endSec: 8 * H, breaks: [[2 * H, 2 * H + 15 * M], [4 * H, 4.5 * H]] },
      { startSec: 0, endSec: 8 * H, breaks: [[2 * H, 2 * H + 15 * M], [5.5 * H, 6 * H]] },
      // Friday 12:00-20:00.
      { startSec: 4 * H, endSec: 12 * H, breaks: [] },
      // Friday 22:00 to Saturday 08:00, break at 02:00. (Thursday's night shift ends at t = 0: dropped.)
      { startSec: 14 * H, endSec: 24 * H, breaks: [[18 * H, 18.5 * H]] },
      // Saturday 12:00-20:00; the mon-fri shift does not work Saturday.
      { startSec: 28 * H, endSec: 36 * H, breaks: [] },
      // Saturday 22:00 to Sunday 08:00 = the horizon.
      { startSec: 38 * H, endSec: 48 * H, breaks: [[42 * H, 42.5 * H]] },
    ]);
  });

  it('a night shift that started before t = 0 is clipped at 0, with its breaks', () => {
    const raw = withRoster(
      [
        {
          start: '22:00',
          length: '8h',
          days: 'sun',
          agents: 1,
          breaks: [
            { at: '23:00', length: '15m' }, // before t = 0: gone
            { at: '01:45', length: '30m' }, // straddles t = 0: clipped
            { at: '04:00', length: '15m' },
          ],
        },
      ],
      { start: '02:00', startDay: 'mon', horizon: '1d' },
    );
    // t = 0 is Monday 02:00; Sunday 22:00 was t = -4h.
    expect(shiftsOf(buildScenario(raw, 'night.yaml'))).toEqual([
      { startSec: 0, endSec: 4 * H, breaks: [[0, 15 * M], [2 * H, 2 * H + 15 * M]] },
    ]);
  });

  it('clips at the horizon and drops shifts outside it', () => {
    const raw = withRoster([{ start: '20:00', length: '8h', days: 'daily', agents: 1 }], {
      start: '00:00',
      horizon: '22h',
    });
    // Sunday 20:00 (the day before t = 0) ended at 04:00 Monday.
    expect(shiftsOf(buildScenario(raw, 'clip.yaml'))).toEqual([
      { startSec: 0, endSec: 4 * H, breaks: [] },
      { startSec: 20 * H, endSec: 22 * H, breaks: [] },
    ]);
  });

  it('sorts by start, then by the shift line, and keeps agents of a line together', () => {
    const out = expandRoster(
      [shift({ start: 9 * H, agents: 1 }), shift({ start: 8 * H, agents: 2 }), shift({ start: 8 * H, agents: 1, length: 4 * H })],
      8 * H,
      0,
      H * 12,
    );
    expect(out.map((a) => [a.startSec, a.endSec])).toEqual([
      [0, 8 * H],
      [0, 8 * H],
      [0, 4 * H],
      [H, 9 * H],
    ]);
  });

  it('a roster over a week gives agents × days working periods', () => {
    const raw = withRoster(
      [
        { start: '08:00', length: '8h', days: 'mon-fri', agents: 10 },
        { start: '10:00', length: '6h', days: ['sat', 'sun'], agents: 3 },
      ],
      { horizon: '1w' },
    );
    const shifts = shiftsOf(buildScenario(raw, 'week.yaml'));
    expect(shifts).toHaveLength(5 * 10 + 2 * 3);
    expect(shifts.filter((a) => a.startSec === 5 * 24 * H + 10 * H)).toHaveLength(3); // Saturday 10:00
  });

  it('days accepts a weekday, a range, daily, a list, and defaults to daily', () => {
    const count = (days: unknown) =>
      shiftsOf(buildScenario(withRoster([{ start: '08:00', length: '1h', agents: 1, ...(days === undefined ? {} : { days }) }], { horizon: '1w' }), 'd.yaml')).length;
    expect(count('wed')).toBe(1);
    expect(count('mon-fri')).toBe(5);
    expect(count('fri-mon')).toBe(4);
    expect(count('daily')).toBe(7);
    expect(count(['mon', 'sat-sun'])).toBe(3);
    expect(count(undefined)).toBe(7);
  });
});

describe('break staggering within a window', () => {
  it('spreads agents evenly from the window start to its end, rounded to the minute', () => {
    const s = shift({ breaks: [{ within: { fromSec: 12 * H, toSec: 14 * H }, length: 30 * M }] });
    // slack 90m over 4 gaps: 0, 22.5, 45, 67.5, 90 minutes → rounded 0, 23, 45, 68, 90.
    const starts = [0, 1, 2, 3, 4].map((k) => (breakOffsets(s, k, 5)[0] as [number, number])[0] + s.start);
    expect(starts).toEqual([12 * H, 12 * H + 23 * M, 12 * H + 45 * M, 13 * H + 8 * M, 13.5 * H]);
  });

  it('never empties the floor when the window holds one break per agent', () => {
    const raw = withRoster(
      [{ start: '08:00', length: '8h', days: 'mon', agents: 4, breaks: [{ within: '12:00-13:00', length: '15m' }] }],
      { start: '08:00', horizon: '8h' },
    );
    const shifts = shiftsOf(buildScenario(raw, 'w.yaml'));
    expect(shifts.map((a) => a.breaks)).toEqual([
      [[4 * H, 4 * H + 15 * M]],
      [[4 * H + 15 * M, 4 * H + 30 * M]],
      [[4 * H + 30 * M, 4 * H + 45 * M]],
      [[4 * H + 45 * M, 5 * H]],
    ]);
    // At every minute at most one of the four is on break.
    for (let t = 0; t < 8 * H; t += M) {
      const away = shifts.filter((a) => a.breaks.some(([b, e]) => t >= b && t < e)).length;
      expect(away).toBeLessThanOrEqual(1);
    }
  });

  it('a lone agent takes the window start; a window across midnight works for a night shift', () => {
    const night = shift({ start: 22 * H, breaks: [{ within: { fromSec: 23.5 * H, toSec: 1 * H }, length: 30 * M }] });
    expect(breakOffsets(night, 0, 1)).toEqual([[1.5 * H, 2 * H]]);
    expect(breakOffsets(night, 1, 2)).toEqual([[2.5 * H, 3 * H]]);
    expect(checkShift(night)).toBeUndefined();
  });
});

describe('bad rosters', () => {
  const one = (over: Record<string, unknown>) => withRoster([{ start: '08:00', length: '8h', days: 'mon-fri', agents: 3, ...over }]);

  it('a fixed break outside its shift names the break and gives the shift span', () => {
    const p = problemOf(one({ breaks: [{ at: '10:00', length: '15m' }, { at: '07:45', length: '15m' }] }));
    expect(p.path).toBe('groups.team.agents.shifts[0].breaks[1]');
    expect(p.what).toContain('break outside its shift');
    expect(p.what).toContain('07:45');
    expect(p.fix).toContain('08:00-16:00');
  });

  it('a break running past the shift end, and a window reaching outside the shift', () => {
    expect(problemOf(one({ breaks: [{ at: '15:50', length: '15m' }] })).path).toBe('groups.team.agents.shifts[0].breaks[0]');
    const p = problemOf(one({ breaks: [{ within: '15:00-17:00', length: '30m' }] }));
    expect(p.path).toBe('groups.team.agents.shifts[0].breaks[0]');
    expect(p.what).toContain('break outside its shift');
  });

  it('a night shift: a break after midnight is inside, one before the start is not', () => {
    const night = (at: string) =>
      withRoster([{ start: '22:00', length: '8h', agents: 1, breaks: [{ at, length: '30m' }] }]);
    expect(() => buildScenario(night('02:00'), 'n.yaml')).not.toThrow();
    const p = problemOf(night('21:30'));
    expect(p.fix).toContain('22:00-06:00 the next day');
  });

  it('a window shorter than its break', () => {
    const p = problemOf(one({ breaks: [{ within: '12:00-12:15', length: '30m' }] }));
    expect(p.path).toBe('groups.team.agents.shifts[0].breaks[0]');
    expect(p.what).toContain('does not fit its window');
  });

  it('two fixed breaks that overlap', () => {
    const p = problemOf(one({ breaks: [{ at: '10:00', length: '30m' }, { at: '10:15', length: '15m' }] }));
    expect(p.path).toBe('groups.team.agents.shifts[0].breaks[1]');
    expect(p.what).toContain('overlap');
  });

  it('a fixed break that collides with a staggered one for some agents only', () => {
    // 3 agents over 12:00-13:00 for 30m: 12:00, 12:15, 12:30. The 12:30 break hits agent 2 (12:15-12:45).
    const p = problemOf(one({ breaks: [{ within: '12:00-13:00', length: '30m' }, { at: '12:30', length: '15m' }] }));
    expect(p.path).toBe('groups.team.agents.shifts[0].breaks[1]');
    expect(p.what).toContain('for agent 2 of 3');
  });

  it('a shift longer than a day, a bad window, a bad break form, a bad head-count', () => {
    expect(problemOf(one({ length: '25h' })).path).toBe('groups.team.agents.shifts[0].length');
    const window = problemOf(one({ breaks: [{ within: 'noon', length: '30m' }] }));
    expect(window).toMatchObject({ path: 'groups.team.agents.shifts[0].breaks[0].within', what: "bad clock range 'noon'" });
    const form = problemOf(one({ breaks: [{ length: '30m' }] }));
    expect(form.path).toBe('groups.team.agents.shifts[0].breaks[0]');
    expect(form.fix).toContain('within');
    expect(problemOf(one({ agents: 2.5 })).path).toBe('groups.team.agents.shifts[0].agents');
  });

  it('agents in no known form mention the roster', () => {
    const raw = withRoster([]);
    raw.groups.team.agents = 'lots';
    expect(problemOf(raw).fix).toContain('shifts');
  });
});
