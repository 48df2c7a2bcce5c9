/** Weekday volumes and profiles, the start weekday, and the chat/email/group fields with their defaults. */
import { describe, it, expect } from 'vitest';
import { InputError, buildScenario } from '../../src/scenario/index.js';

const H = 3600;

function minimal(): Record<string, any> {
  return {
    name: 'week',
    horizon: '12h',
    channels: { voice: { arrivals: { perHour: 360 }, handle: { dist: 'exponential', mean: 240 } } },
    groups: { team: { agents: 25, skills: ['voice'] } },
  };
}

function problemOf(raw: unknown) {
  try {
    buildScenario(raw, 'week.yaml');
  } catch (e) {
    if (e instanceof InputError) return e.problem;
    throw e;
  }
  throw new Error('expected an InputError');
}

function arrivals(form: unknown, top: Record<string, unknown>) {
  const raw = { ...minimal(), ...top };
  raw.channels.voice.arrivals = form;
  return buildScenario(raw, 'arrivals.yaml').channels.voice!.arrivals;
}

/** Expected contacts per slot: rate × interval. */
const volumes = (a: { intervalSec: number; ratesPerSec: number[] }) => a.ratesPerSec.map((r) => r * a.intervalSec);

describe('weekday volumes and profiles', () => {
  it('a daily volume by weekday, starting on startDay at start', () => {
    // Friday 00:00 for 3 days at 12-hour slots, profile 1 : 3.
    const a = arrivals(
      { daily: { 'mon-fri': 2400, sat: 1200, sun: 0 }, profile: { interval: '12h', weights: [1, 3] } },
      { horizon: '3d', startDay: 'fri' },
    );
    expect(a.intervalSec).toBe(12 * H);
    expect(volumes(a)).toEqual([600, 1800, 300, 900, 0, 0].map((v) => expect.closeTo(v, 9)));
  });

  it('a profile by weekday: each day spreads its own volume with its own weights', () => {
    const a = arrivals(
      { daily: 2400, profile: { interval: '12h', weights: { 'mon-fri': [1, 3], 'sat-sun': [1, 1] } } },
      { horizon: '3d', startDay: 'fri' },
    );
    expect(volumes(a)).toEqual([600, 1800, 1200, 1200, 1200, 1200].map((v) => expect.closeTo(v, 9)));
  });

  it('the first slot is the start clock on the start day; sunday runs into monday', () => {
    const a = arrivals(
      {
        daily: { 'mon-sat': 100, sun: 40 },
        profile: { interval: '6h', weights: { 'mon-sat': [0, 1, 1, 2], sun: [1, 1, 1, 1] } },
      },
      { horizon: '1d', start: '12:00', startDay: 'sun' },
    );
    // sun 12-18, sun 18-24, mon 00-06, mon 06-12
    expect(volumes(a)).toEqual([10, 10, 0, 25].map((v) => expect.closeTo(v, 9)));
  });

  it('30-minute weekday profiles of 48 weights over a week integrate to the daily volumes', () => {
    const weekday = Array.from({ length: 48 }, (_, i) => (i >= 16 && i < 40 ? 2 : 0));
    const weekend = Array.from({ length: 48 }, (_, i) => (i >= 18 && i < 26 ? 1 : 0));
    const a = arrivals(
      {
        daily: { 'mon-fri': 1200, sat: 400, sun: 0 },
        profile: { interval: '30m', weights: { 'mon-fri': weekday, 'sat-sun': weekend } },
      },
      { horizon: '1w', startDay: 'wed', start: '08:00' },
    );
    const v = volumes(a);
    expect(v).toHaveLength(336);
    // Day d of simulated time runs from slot 48d − 16 (wed 08:00 is slot 16 of its day).
    const calendarDay = (d: number) => v.slice(Math.max(0, 48 * d - 16), 48 * d + 32).reduce((x, y) => x + y, 0);
    expect(calendarDay(0)).toBeCloseTo(1200, 9); // wed: all of its volume falls after 08:00
    expect(calendarDay(3)).toBeCloseTo(400, 9); // sat
    expect(calendarDay(4)).toBeCloseTo(0, 9); // sun
    expect(calendarDay(5)).toBeCloseTo(1200, 9); // mon
  });

  it('a day the horizon does not reach needs no volume', () => {
    const a = arrivals({ daily: { mon: 100 }, profile: { interval: '12h', weights: [1, 1] } }, { horizon: '1d' });
    expect(volumes(a)).toEqual([50, 50].map((v) => expect.closeTo(v, 9)));
  });

  it('a day the horizon reaches without a volume is an error naming the day', () => {
    const raw = { ...minimal(), horizon: '1d', start: '12:00', startDay: 'fri' };
    raw.channels.voice.arrivals = { daily: { 'mon-fri': 100 }, profile: { interval: '12h', weights: [1, 1] } };
    const p = problemOf(raw);
    expect(p.path).toBe('channels.voice.arrivals.daily');
    expect(p.what).toContain('no daily volume for sat');
    expect(p.what).toContain('fri 12:00');
  });

  it('a day with volume but no weights, a weekday list not one day long, a zero weekday list with volume', () => {
    const raw = { ...minimal(), horizon: '2d', startDay: 'fri' };
    raw.channels.voice.arrivals = { daily: 100, profile: { interval: '12h', weights: { 'mon-fri': [1, 1] } } };
    expect(problemOf(raw)).toMatchObject({ path: 'channels.voice.arrivals.profile.weights' });
    expect(problemOf(raw).what).toContain('no profile weights for sat');

    raw.channels.voice.arrivals = { daily: 100, profile: { interval: '12h', weights: { 'mon-fri': [1, 1], 'sat-sun': [1, 1, 1] } } };
    const p = problemOf(raw);
    expect(p.path).toBe('channels.voice.arrivals.profile.weights.sat-sun');
    expect(p.what).toContain('3 weights of 12h');

    raw.channels.voice.arrivals = { daily: { 'mon-fri': 100, 'sat-sun': 10 }, profile: { interval: '12h', weights: { daily: [1, 1], sun: [0, 0] } } };
    expect(problemOf(raw)).toMatchObject({ path: 'channels.voice.arrivals.profile.weights.sun' });
  });

  it('a zero weekday list is fine where that day has no volume', () => {
    const a = arrivals(
      { daily: { 'mon-sat': 100, sun: 0 }, profile: { interval: '12h', weights: { 'mon-sat': [1, 1], sun: [0, 0] } } },
      { horizon: '2d', startDay: 'sat' },
    );
    expect(volumes(a)).toEqual([50, 50, 0, 0].map((v) => expect.closeTo(v, 9)));
  });

  it('a day named twice, an unknown weekday, a negative volume', () => {
    const raw = minimal();
    raw.channels.voice.arrivals = { daily: { 'mon-fri': 100, fri: 10 }, profile: { interval: '12h', weights: [1, 1] } };
    expect(problemOf(raw)).toMatchObject({ path: 'channels.voice.arrivals.daily.fri', what: "fri is named by both 'mon-fri' and 'fri'" });
    raw.channels.voice.arrivals = { daily: { weekdays: 100 }, profile: { interval: '12h', weights: [1, 1] } };
    expect(problemOf(raw)).toMatchObject({ path: 'channels.voice.arrivals.daily.weekdays', what: "unknown weekday 'weekdays'" });
    raw.channels.voice.arrivals = { daily: { mon: -1 }, profile: { interval: '12h', weights: [1, 1] } };
    expect(problemOf(raw).path).toBe('channels.voice.arrivals.daily.mon');
    raw.channels.voice.arrivals = { daily: 'lots', profile: { interval: '12h', weights: [1, 1] } };
    expect(problemOf(raw)).toMatchObject({ path: 'channels.voice.arrivals.daily' });
    expect(problemOf(raw).fix).toContain('mon-fri');
  });
});

describe('new fields and their defaults', () => {
  it('defaults: monday start, one chat at a time, no slowdown, no mixing, no shrinkage, always open', () => {
    const s = buildScenario(minimal(), 'min.yaml');
    expect(s.startWeekday).toBe(0);
    expect(s.groups.team).toEqual({
      id: 'team',
      staffing: { kind: 'constant', agents: 25 },
      skills: ['voice'],
      chatConcurrency: 1,
      chatSlowdown: 1,
      mixChatAndCalls: false,
    });
    const voice = s.channels.voice!;
    for (const key of ['open', 'initialBacklog', 'forecastErrorCv']) expect(voice, key).not.toHaveProperty(key);
  });

  it('startDay names the weekday at t = 0', () => {
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    days.forEach((startDay, i) => expect(buildScenario({ ...minimal(), startDay }, 's.yaml').startWeekday).toBe(i));
    const p = problemOf({ ...minimal(), startDay: 'Monday' });
    expect(p.path).toBe('startDay');
    expect(p.fix).toContain('mon, tue');
  });

  it('chat settings of a group', () => {
    const raw = minimal();
    Object.assign(raw.groups.team, { chatConcurrency: 3, chatSlowdown: 1.15, mixChatAndCalls: true });
    expect(buildScenario(raw, 'c.yaml').groups.team).toMatchObject({ chatConcurrency: 3, chatSlowdown: 1.15, mixChatAndCalls: true });
    raw.groups.team.chatConcurrency = 0;
    expect(problemOf(raw)).toMatchObject({ path: 'groups.team.chatConcurrency', what: 'must be ≥ 1 (got 0)' });
    raw.groups.team.chatConcurrency = 2.5;
    expect(problemOf(raw).what).toContain('whole number');
    raw.groups.team.chatConcurrency = 2;
    raw.groups.team.chatSlowdown = 0.9;
    expect(problemOf(raw)).toMatchObject({ path: 'groups.team.chatSlowdown', what: 'must be ≥ 1 (got 0.9)' });
  });

  it('shrinkage: a share (per interval) or { share, mode }', () => {
    const group = (shrinkage: unknown) => {
      const raw = minimal();
      raw.groups.team.shrinkage = shrinkage;
      return raw;
    };
    expect(buildScenario(group(0.3), 'a.yaml').groups.team!.shrinkage).toEqual({ share: 0.3, mode: 'interval' });
    expect(buildScenario(group(0), 'a.yaml').groups.team!.shrinkage).toEqual({ share: 0, mode: 'interval' });
    expect(buildScenario(group({ share: 0.2, mode: 'day' }), 'a.yaml').groups.team!.shrinkage).toEqual({ share: 0.2, mode: 'day' });
    expect(buildScenario(group({ share: 0.2 }), 'a.yaml').groups.team!.shrinkage).toEqual({ share: 0.2, mode: 'interval' });
    expect(problemOf(group(1))).toMatchObject({ path: 'groups.team.shrinkage', what: 'must be < 1 (got 1)' });
    expect(problemOf(group({ share: 1.2, mode: 'day' }))).toMatchObject({ path: 'groups.team.shrinkage.share' });
    expect(problemOf(group({ share: 0.2, mode: 'week' }))).toMatchObject({ path: 'groups.team.shrinkage.mode' });
    expect(problemOf(group(-0.1)).path).toBe('groups.team.shrinkage');
    expect(problemOf(group('30%')).fix).toContain('shrinkage: 0.3');
  });

  it('forecast error on a channel', () => {
    const raw = minimal();
    raw.channels.voice.forecastError = { cv: 0.1 };
    expect(buildScenario(raw, 'f.yaml').channels.voice!.forecastErrorCv).toBe(0.1);
    raw.channels.voice.forecastError = { cv: 0 };
    expect(buildScenario(raw, 'f.yaml').channels.voice!.forecastErrorCv).toBe(0);
    raw.channels.voice.forecastError = { cv: -0.1 };
    expect(problemOf(raw).path).toBe('channels.voice.forecastError.cv');
  });

  it('an initial backlog on an email channel, with ages in seconds', () => {
    const raw = minimal();
    raw.channels.mail = {
      kind: 'email',
      arrivals: { perHour: 10 },
      handle: { dist: 'exponential', mean: '5m' },
      initialBacklog: { count: 2000, age: { dist: 'uniform', min: 0, max: '3d' } },
    };
    raw.groups.team.skills.push('mail');
    expect(buildScenario(raw, 'b.yaml').channels.mail!.initialBacklog).toEqual({
      count: 2000,
      age: { dist: 'uniform', min: 0, max: 3 * 24 * H },
    });
    raw.channels.mail.initialBacklog.count = 1.5;
    expect(problemOf(raw).path).toBe('channels.mail.initialBacklog.count');
  });

  it('an initial backlog on a live channel is an error', () => {
    const raw = minimal();
    raw.channels.voice.initialBacklog = { count: 5, age: { dist: 'fixed', value: 60 } };
    expect(problemOf(raw)).toMatchObject({ path: 'channels.voice.initialBacklog' });
    raw.channels.voice.kind = 'chat';
    expect(problemOf(raw).what).toContain('chat customer');
  });
});
