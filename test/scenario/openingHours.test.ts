import { describe, it, expect } from 'vitest';
import { InputError, buildScenario } from '../../src/scenario/index.js';
import { parseClockRange, readOpeningHours } from '../../src/scenario/openingHours.js';
import { parseDayKey } from '../../src/scenario/weekdays.js';

const H = 3600;

function scenario(open: unknown, kind = 'chat'): Record<string, any> {
  return {
    name: 'hours',
    horizon: '1w',
    channels: { c: { kind, open, arrivals: { perHour: 60 }, handle: { dist: 'exponential', mean: 240 } } },
    groups: { team: { agents: 5, skills: ['c'] } },
  };
}

const hours = (open: unknown) => buildScenario(scenario(open), 'hours.yaml').channels.c!.open;

function problemOf(open: unknown) {
  try {
    buildScenario(scenario(open), 'hours.yaml');
  } catch (e) {
    if (e instanceof InputError) return e.problem;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('day keys', () => {
  it('a weekday, a range, a wrapping range, daily', () => {
    expect(parseDayKey('wed')).toEqual([2]);
    expect(parseDayKey('mon-fri')).toEqual([0, 1, 2, 3, 4]);
    expect(parseDayKey('sat-sun')).toEqual([5, 6]);
    expect(parseDayKey('fri-mon')).toEqual([4, 5, 6, 0]);
    expect(parseDayKey('daily')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const bad of ['Mon', 'monday', 'mon-', 'mon-tue-wed', 'weekdays', '']) expect(parseDayKey(bad), bad).toBeUndefined();
  });

  it('clock ranges', () => {
    expect(parseClockRange('08:00-20:00')).toEqual({ fromSec: 8 * H, toSec: 20 * H });
    expect(parseClockRange(' 8:30 - 24:00 ')).toEqual({ fromSec: 8.5 * H, toSec: 24 * H });
    expect(parseClockRange('22:00-06:00')).toEqual({ fromSec: 22 * H, toSec: 6 * H });
    expect(parseClockRange('24:00-08:00')).toBeUndefined();
    expect(parseClockRange('8-20')).toBeUndefined();
  });
});

describe('opening hours', () => {
  it('absent or 24/7: always open (no hours in the normalized channel)', () => {
    expect(buildScenario(scenario(undefined), 'a.yaml').channels.c!.open).toBeUndefined();
    expect(hours('24/7')).toBeUndefined();
  });

  it('ranges and single days; a day no key names is closed', () => {
    expect(hours({ 'mon-fri': '08:00-20:00', sat: '09:00-13:00' })).toEqual({
      days: [
        [[8 * H, 20 * H]],
        [[8 * H, 20 * H]],
        [[8 * H, 20 * H]],
        [[8 * H, 20 * H]],
        [[8 * H, 20 * H]],
        [[9 * H, 13 * H]],
        [],
      ],
    });
  });

  it('lists of periods, sorted; closed; an end at 24:00', () => {
    const open = hours({ daily: ['13:00-17:00', '08:00-12:00'] });
    expect(open!.days[3]).toEqual([[8 * H, 12 * H], [13 * H, 17 * H]]);
    expect(hours({ 'mon-sat': '18:00-24:00', sun: 'closed' })!.days).toEqual([
      ...Array(6).fill([[18 * H, 24 * H]]),
      [],
    ]);
  });

  it('an end before the start spills over midnight into the next weekday (sun into mon)', () => {
    const open = hours({ fri: '22:00-06:00', sun: '20:00-02:00' });
    expect(open!.days).toEqual([
      [[0, 2 * H]], // mon: from sunday
      [],
      [],
      [],
      [[22 * H, 24 * H]],
      [[0, 6 * H]], // sat: from friday
      [[20 * H, 24 * H]],
    ]);
    // "20:00-00:00" ends at midnight: nothing spills.
    expect(hours({ mon: '20:00-00:00' })!.days.slice(0, 2)).toEqual([[[20 * H, 24 * H]], []]);
  });

  it('periods that touch are merged, also across the spill-over', () => {
    const open = hours({ mon: ['08:00-12:00', '12:00-14:00'], fri: '22:00-02:00', sat: '02:00-10:00' });
    expect(open!.days[0]).toEqual([[8 * H, 14 * H]]);
    expect(open!.days[5]).toEqual([[0, 10 * H]]);
  });

  it('a weekly rota that runs every night', () => {
    const open = hours({ daily: '22:00-06:00' });
    for (const day of open!.days) expect(day).toEqual([[0, 6 * H], [22 * H, 24 * H]]);
  });

  it('allows hours on an email channel (emails still arrive and wait)', () => {
    const s = buildScenario(scenario({ 'mon-fri': '08:00-17:00' }, 'email'), 'e.yaml');
    expect(s.channels.c!.open!.days[0]).toEqual([[8 * H, 17 * H]]);
  });
});

describe('bad opening hours', () => {
  it('overlapping periods of a list name the day and both periods', () => {
    const p = problemOf({ mon: ['08:00-12:00', '11:00-14:00'] });
    expect(p.path).toBe('channels.c.open.mon[1]');
    expect(p.what).toBe('overlapping opening hours on mon: "08:00-12:00" (mon) and "11:00-14:00" (mon)');
  });

  it('overlap with the spill-over of the day before', () => {
    const p = problemOf({ 'mon-fri': '08:00-20:00', sat: '07:00-12:00', fri: '22:00-08:00' });
    // fri is named twice before any overlap is looked at
    expect(p).toMatchObject({ path: 'channels.c.open.fri', what: "fri is named by both 'mon-fri' and 'fri'" });
    const q = problemOf({ 'mon-thu': '08:00-20:00', fri: '20:00-08:00', sat: '07:00-12:00' });
    expect(q.path).toBe('channels.c.open.sat');
    expect(q.what).toContain('on sat');
    expect(q.what).toContain('"20:00-08:00" (fri, past midnight)');
    expect(q.what).toContain('"07:00-12:00" (sat)');
    const r = problemOf({ 'mon-fri': '20:00-08:00', tue: '07:00-12:00' });
    expect(r.what).toContain('tue is named by both');
    const s = problemOf({ 'sat-sun': '10:00-14:00', 'mon-fri': '23:00-10:30' });
    expect(s.what).toContain('"23:00-10:30" (mon-fri, from fri past midnight)');
    expect(s.path).toBe('channels.c.open.mon-fri');
  });

  it('unknown weekdays, with a suggestion where one is clear', () => {
    expect(problemOf({ Mon: '08:00-20:00' })).toMatchObject({ path: 'channels.c.open.Mon', what: "unknown weekday 'Mon'" });
    expect(problemOf({ Mon: '08:00-20:00' }).fix).toContain("did you mean 'mon'?");
    expect(problemOf({ 'tues-thurs': '08:00-20:00' }).fix).toContain("did you mean 'tue-thu'?");
    expect(problemOf({ weekdays: '08:00-20:00' }).fix).toContain('mon-fri');
  });

  it('bad periods, empty periods, closed inside a list, a string other than 24/7', () => {
    expect(problemOf({ mon: '8am-8pm' })).toMatchObject({ path: 'channels.c.open.mon', what: "bad opening period '8am-8pm'" });
    expect(problemOf({ mon: ['08:00-12:00', 'closed'] }).path).toBe('channels.c.open.mon[1]');
    expect(problemOf({ mon: '08:00-08:00' }).what).toContain('starts and ends at the same time');
    const p = problemOf('08:00-20:00');
    expect(p.path).toBe('channels.c.open');
    expect(p.fix).toContain('24/7');
    expect(problemOf({ mon: 8 }).path).toBe('channels.c.open.mon');
    expect(problemOf(true).path).toBe('channels.c.open');
  });

  it('readOpeningHours reports relative paths', () => {
    const seen: unknown[] = [];
    readOpeningHours({ 'mon-fri': ['08:00-12:00', 'x'] }, (entry, path) => seen.push([path, entry.what]));
    expect(seen).toEqual([[['mon-fri', 1], "bad opening period 'x'"]]);
  });
});
