import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InputError,
  buildScenario,
  loadScenario,
  readScenarioFile,
  type Scenario,
} from '../../src/scenario/index.js';

const CONFORMANCE = 'test/fixtures/conformance.yaml';

/** A minimal valid scenario file as plain data; tests change one thing at a time. */
function minimal(): Record<string, any> {
  return {
    name: 'minimal',
    horizon: '12h',
    channels: { voice: { arrivals: { perHour: 360 }, handle: { dist: 'exponential', mean: 240 } } },
    groups: { team: { agents: 25, skills: ['voice'] } },
  };
}

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ccsim-scenario-'));
}

describe('the contracts.md conformance example', () => {
  it('loads unchanged and normalizes to the expected numbers', () => {
    const s = loadScenario(CONFORMANCE);
    expect(s.name).toBe('single-queue-erlang-a');
    expect(s.seed).toBe(1);
    expect(s.replications).toBe(10);
    expect(s.horizonSec).toBe(720000);
    expect(s.startClockSec).toBe(0);
    expect(s.metrics).toEqual({
      warmupSec: 7200,
      intervalSec: 1800,
      serviceLevelFormula: 'offered',
      shortAbandonSec: 0,
      fcrWindowSec: 604800,
      defaultWithinSec: 20,
    });
    const voice = s.channels.voice!;
    expect(voice).toEqual({
      id: 'voice',
      kind: 'call',
      priority: 0,
      arrivals: { intervalSec: 720000, ratesPerSec: [0.1] },
      handle: { dist: 'exponential', mean: 240 },
      patience: { dist: 'exponential', mean: 180 },
      target: { serviceLevel: 0.8, withinSec: 20 },
    });
    expect(voice.wrapup).toBeUndefined();
    expect(s.startWeekday).toBe(0);
    expect(s.groups).toEqual({
      team: {
        id: 'team',
        staffing: { kind: 'constant', agents: 25 },
        skills: ['voice'],
        chatConcurrency: 1,
        chatSlowdown: 1,
        mixChatAndCalls: false,
      },
    });
  });

  it('reads the same from JSON', () => {
    const dir = tempDir();
    const file = join(dir, 'conformance.json');
    writeFileSync(file, JSON.stringify(readScenarioFile(CONFORMANCE)));
    expect(loadScenario(file)).toEqual(loadScenario(CONFORMANCE));
  });
});

describe('buildScenario', () => {
  it('never mutates its input', () => {
    const raw = deepFreeze(minimal());
    const copy = JSON.parse(JSON.stringify(raw));
    buildScenario(raw, 'frozen.yaml');
    expect(raw).toEqual(copy);
  });

  it('keeps the file key order of channels and groups and fills in ids', () => {
    const raw = minimal();
    raw.channels = {
      zeta: { kind: 'chat', arrivals: { perHour: 10 }, handle: { dist: 'fixed', value: '5m' } },
      alpha: { kind: 'email', priority: -1, arrivals: { perHour: 5 }, handle: { dist: 'fixed', value: 60 } },
      voice: raw.channels.voice,
    };
    raw.groups = { z: { agents: 1, skills: ['zeta', 'alpha'] }, a: { agents: 2, skills: ['voice'] } };
    const s = buildScenario(raw, 'order.yaml');
    expect(Object.keys(s.channels)).toEqual(['zeta', 'alpha', 'voice']);
    expect(Object.keys(s.groups)).toEqual(['z', 'a']);
    expect(s.channels.zeta!.id).toBe('zeta');
    expect(s.channels.alpha!).toMatchObject({ kind: 'email', priority: -1 });
    expect(s.groups.z).toEqual({
      id: 'z',
      staffing: { kind: 'constant', agents: 1 },
      skills: ['zeta', 'alpha'],
      chatConcurrency: 1,
      chatSlowdown: 1,
      mixChatAndCalls: false,
    });
  });

  it('applies top-level settings and converts every duration to seconds', () => {
    const raw = {
      ...minimal(),
      description: 'all the knobs',
      seed: 7,
      replications: 3,
      horizon: '1d',
      warmup: '90m',
      start: '08:00',
      interval: '15m',
      serviceLevelFormula: 'answered',
      shortAbandon: '5s',
    };
    raw.channels.voice.wrapup = { dist: 'uniform', min: '10s', max: '1m' };
    raw.channels.voice.patience = { dist: 'lognormal', mean: '2m', cv: 1.2 };
    raw.channels.voice.target = { serviceLevel: 0.9, within: '30' };
    const s = buildScenario(raw, 'knobs.yaml');
    expect(s).toMatchObject({
      description: 'all the knobs',
      seed: 7,
      replications: 3,
      horizonSec: 86400,
      startClockSec: 28800,
      metrics: { warmupSec: 5400, intervalSec: 900, serviceLevelFormula: 'answered', shortAbandonSec: 5 },
    });
    expect(s.channels.voice!.wrapup).toEqual({ dist: 'uniform', min: 10, max: 60 });
    expect(s.channels.voice!.patience).toEqual({ dist: 'lognormal', mean: 120, cv: 1.2 });
    expect(s.channels.voice!.target).toEqual({ serviceLevel: 0.9, withinSec: 30 });
  });

  it('normalizes each distribution', () => {
    const dists: [unknown, unknown][] = [
      [{ dist: 'fixed', value: '30s' }, { dist: 'fixed', value: 30 }],
      [{ dist: 'fixed', value: 0 }, { dist: 'fixed', value: 0 }],
      [{ dist: 'exponential', mean: '4m' }, { dist: 'exponential', mean: 240 }],
      [{ dist: 'lognormal', mean: 240, cv: 0.5 }, { dist: 'lognormal', mean: 240, cv: 0.5 }],
      [{ dist: 'gamma', mean: '1h', cv: 2 }, { dist: 'gamma', mean: 3600, cv: 2 }],
      [{ dist: 'uniform', min: 60, max: 60 }, { dist: 'uniform', min: 60, max: 60 }],
      [{ dist: 'empirical', values: [10, '1m', 0] }, { dist: 'empirical', values: [10, 60, 0] }],
    ];
    for (const [input, output] of dists) {
      const raw = minimal();
      raw.channels.voice.handle = input;
      expect(buildScenario(raw, 'dist.yaml').channels.voice!.handle).toEqual(output);
    }
  });

  it('reads an empirical distribution from a CSV column next to the scenario file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'aht.csv'), 'agent;seconds\nann;120\nbob;"4m"\n\ncid;95.5\n');
    const raw = minimal();
    raw.channels.voice.handle = { dist: 'empirical', csv: 'aht.csv', column: 'seconds' };
    const s = buildScenario(raw, join(dir, 'scenario.yaml'));
    expect(s.channels.voice!.handle).toEqual({ dist: 'empirical', values: [120, 240, 95.5] });
  });

  it('names the CSV file, line and column of a bad cell, and a missing column', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'aht.csv'), 'agent,seconds\nann,120\nbob,n/a\n');
    const file = join(dir, 'scenario.yaml');
    const raw = minimal();
    raw.channels.voice.handle = { dist: 'empirical', csv: 'aht.csv', column: 'seconds' };
    const bad = catchInputError(() => buildScenario(raw, file));
    expect(bad.problem).toMatchObject({ file, path: 'channels.voice.handle.csv' });
    expect(bad.problem.what).toContain("'aht.csv' line 3");
    expect(bad.problem.what).toContain("'n/a'");

    raw.channels.voice.handle = { dist: 'empirical', csv: 'aht.csv', column: 'secs' };
    const missing = catchInputError(() => buildScenario(raw, file));
    expect(missing.problem).toMatchObject({ file, path: 'channels.voice.handle.column' });
    expect(missing.problem.fix).toContain('agent, seconds');
  });
});

describe('arrivals', () => {
  function arrivals(form: unknown, extra: Record<string, unknown> = {}): Scenario['channels'][string]['arrivals'] {
    const raw = { ...minimal(), ...extra };
    raw.channels.voice.arrivals = form;
    return buildScenario(raw, 'arrivals.yaml').channels.voice!.arrivals;
  }

  it('perHour: one interval as long as the horizon', () => {
    expect(arrivals({ perHour: 360 })).toEqual({ intervalSec: 43200, ratesPerSec: [0.1] });
    expect(arrivals({ perHour: 0 })).toEqual({ intervalSec: 43200, ratesPerSec: [0] });
  });

  it('volume table: volume ÷ interval, one rate per interval from t = 0', () => {
    const a = arrivals({ interval: '30m', volumes: [180, 360, 0, 90] }, { horizon: '2h' });
    expect(a.intervalSec).toBe(1800);
    expect(a.ratesPerSec).toEqual([0.1, 0.2, 0, 0.05]);
  });

  it('volume table whose last interval runs past the horizon', () => {
    const a = arrivals({ interval: '1h', volumes: [3600, 7200, 1800] }, { horizon: '150m' });
    expect(a).toEqual({ intervalSec: 3600, ratesPerSec: [1, 2, 0.5] });
  });

  it('daily + profile: spread by clock time, repeated every day, starting at the start slot', () => {
    // 4 slots of 6 h: 00-06, 06-12, 12-18, 18-24 with shares 0, 1/4, 1/2, 1/4 of 8640 a day.
    const profile = { interval: '6h', weights: [0, 1, 2, 1] };
    const a = arrivals({ daily: 8640, profile }, { horizon: '36h', start: '06:00' });
    expect(a.intervalSec).toBe(21600);
    // slot rate = 8640 × share ÷ 21600 s
    const rate = (share: number) => (8640 * share) / 21600;
    expect(a.ratesPerSec).toHaveLength(6);
    const expected = [rate(1 / 4), rate(1 / 2), rate(1 / 4), rate(0), rate(1 / 4), rate(1 / 2)];
    a.ratesPerSec.forEach((r, i) => expect(r).toBeCloseTo(expected[i]!, 12));
    // A whole day of rates integrates to the daily volume.
    const day = a.ratesPerSec.slice(0, 4).reduce((x, y) => x + y, 0) * a.intervalSec;
    expect(day).toBeCloseTo(8640, 9);
  });

  it('daily + profile at 30-minute slots with an 08:00 start uses the 08:00 slot first', () => {
    const weights = Array.from({ length: 48 }, (_, i) => i + 1); // slot i has weight i + 1
    const a = arrivals({ daily: 1176, profile: { interval: '30m', weights } }, { horizon: '2h', start: '08:00' });
    const total = (48 * 49) / 2; // 1176
    expect(a.intervalSec).toBe(1800);
    expect(a.ratesPerSec.map((r) => (r * 1800 * total) / 1176)).toEqual([17, 18, 19, 20].map((w) => expect.closeTo(w, 9)));
  });

  it('the reporting interval defaults to the first table interval, else 30m', () => {
    const raw = minimal();
    raw.channels.voice.arrivals = { interval: '15m', volumes: Array(48).fill(10) };
    expect(buildScenario(raw, 'a.yaml').metrics.intervalSec).toBe(900);
    const staffed = minimal();
    staffed.groups.team.agents = { interval: '1h', counts: Array(12).fill(3) };
    expect(buildScenario(staffed, 'b.yaml').metrics.intervalSec).toBe(3600);
    expect(buildScenario(minimal(), 'c.yaml').metrics.intervalSec).toBe(1800);
  });
});

describe('staffing', () => {
  it('is a constant or a table from t = 0', () => {
    expect(buildScenario(minimal(), 'a.yaml').groups.team!.staffing).toEqual({ kind: 'constant', agents: 25 });
    const raw = minimal();
    raw.groups.team.agents = { interval: '4h', counts: [10, 20, 0] };
    expect(buildScenario(raw, 'b.yaml').groups.team!.staffing).toEqual({
      kind: 'table',
      intervalSec: 14400,
      agents: [10, 20, 0],
    });
  });
});

function catchInputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}
