import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, buildScenario, loadScenario } from '../../src/scenario/index.js';

const BAD = 'test/fixtures/bad';
const expected: Record<string, string> = JSON.parse(readFileSync(join(BAD, 'expected.json'), 'utf8'));

function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError, but it loaded');
}

describe('malformed scenario fixtures', () => {
  it('every fixture has an expected path and every expected path a fixture', () => {
    const files = readdirSync(BAD).filter((f) => f.endsWith('.yaml')).sort();
    expect(Object.keys(expected).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(Object.entries(expected))('%s → path %j', (name, path) => {
    const file = join(BAD, name);
    const err = inputErrorOf(() => loadScenario(file));
    expect(err.exitCode).toBe(2);
    expect(err.problem.file).toBe(file);
    expect(err.problem.path ?? '').toBe(path);
    expect(err.problem.what.length).toBeGreaterThan(0);
    expect(err.problem.fix.length).toBeGreaterThan(0);
    expect(err.message).toContain(name);
    expect(err.message).toContain('Fix: ');
    if (path) expect(err.message).toContain(`${file}: ${path}: `);
    expect(err.message).not.toContain('\n');
  });
});

describe('what the messages say', () => {
  const message = (name: string) => inputErrorOf(() => loadScenario(join(BAD, name))).message;

  it.each([
    ['missing-handle.yaml', ["missing required field 'handle'", 'handle: { dist: exponential, mean: 240 }']],
    ['unknown-skill.yaml', ["unknown channel 'emial'", 'voice, email']],
    ['negative-mean.yaml', ['must be > 0', '-240']],
    ['cv-not-positive.yaml', ['must be > 0 (got 0)', 'cv: 0.5']],
    ['unknown-distribution.yaml', ["'weibull'", 'fixed, exponential, lognormal, gamma, uniform, empirical']],
    ['bad-duration.yaml', ["bad duration '12 hours'", 's, m, h, d or w', '20s, 4m, 8h']],
    ['yaml-syntax.yaml', ['YAML syntax error', 'line 2, column 7']],
    ['empty.yaml', ['the file is empty']],
    ['unserved-channel.yaml', ["no group serves channel 'email'", "add 'email' to some group's skills"]],
    ['horizon-not-after-warmup.yaml', ['warm-up 2h', 'horizon 2h']],
    ['non-numeric-volume.yaml', ["'lots'", 'a number']],
    ['volume-table-length.yaml', ['3 values', 'needs 4', 'give exactly 4 values']],
    ['staffing-table-length.yaml', ['5 values', 'needs 4']],
    ['unknown-key-typo.yaml', ["unknown key 'patiense'", "did you mean 'patience'?"]],
    ['profile-weights-zero.yaml', ['add up to 0']],
    ['profile-not-one-day.yaml', ['3 weights of 6h', 'exactly 4 weights']],
    ['start-not-aligned.yaml', ['08:15', '1h']],
    ['uniform-max-below-min.yaml', ['max 30s is below min 2m']],
    ['arrivals-mixed-forms.yaml', ['one of three forms', 'perHour', 'volumes']],
    ['fractional-agents.yaml', ['whole number', '24.5']],
    ['bad-channel-id.yaml', ["'1st-line' is not a valid channel id"]],
    ['csv-not-found.yaml', ["'no-such-handle-times.csv'", 'relative to the scenario file']],
    ['top-level-list.yaml', ['not a list']],
    ['missing-groups.yaml', ["missing required field 'groups'", 'groups: { team: { agents: 25, skills: [voice] } }']],
    ['break-outside-shift.yaml', ['break outside its shift', '15:00-17:00', 'inside 08:00-16:00']],
    ['chat-concurrency-zero.yaml', ['must be ≥ 1 (got 0)', 'chatConcurrency: 3']],
    ['profile-weekday-weights-zero.yaml', ["'sat-sun' add up to 0"]],
    ['overlapping-opening-hours.yaml', ['overlapping opening hours on sat', '"08:00-02:00" (fri, past midnight)', '"01:00-13:00" (sat)']],
    ['unknown-weekday.yaml', ["unknown weekday 'tues'", "did you mean 'tue'?"]],
    ['initial-backlog-on-call.yaml', ["initialBacklog on call channel 'voice'", 'kind: email']],
    ['shrinkage-one.yaml', ['must be < 1 (got 1)', 'shrinkage: 0.3']],
    ['daily-missing-weekday.yaml', ['no daily volume for sat', 'fri 00:00']],
    ['weekday-named-twice.yaml', ["sun is named by both 'daily' and 'sun'"]],
  ] as const)('%s', (name, parts) => {
    const text = message(name);
    for (const part of parts) expect(text).toContain(part);
  });

  it('a nonexistent file', () => {
    const err = inputErrorOf(() => loadScenario('test/fixtures/no-such-scenario.yaml'));
    expect(err.problem).toMatchObject({ file: 'test/fixtures/no-such-scenario.yaml' });
    expect(err.problem.path).toBeUndefined();
    expect(err.message).toContain('no such file');
  });

  it('an unknown extension, a JSON syntax error, a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-bad-'));
    const txt = join(dir, 'scenario.txt');
    writeFileSync(txt, 'name: x\n');
    expect(inputErrorOf(() => loadScenario(txt)).message).toContain('is neither .yaml, .yml nor .json');
    const json = join(dir, 'scenario.json');
    writeFileSync(json, '{"name": "x",\n "horizon": }\n');
    const err = inputErrorOf(() => loadScenario(json));
    expect(err.problem.file).toBe(json);
    expect(err.message).toContain('JSON syntax error: line 2');
    expect(inputErrorOf(() => loadScenario(dir)).message).toContain('directory');
  });
});

describe('union fields explain their forms', () => {
  const base = () => ({
    name: 'u',
    horizon: '2h',
    channels: { voice: { arrivals: { perHour: 360 } as unknown, handle: { dist: 'exponential', mean: 240 } as unknown } },
    groups: { team: { agents: 5 as unknown, skills: ['voice'] } },
  });
  const problem = (raw: unknown) => inputErrorOf(() => buildScenario(raw, 'u.yaml')).problem;

  it('arrivals that match no form list the three forms', () => {
    const raw = base();
    raw.channels.voice.arrivals = 360;
    const p = problem(raw);
    expect(p.path).toBe('channels.voice.arrivals');
    expect(p.fix).toContain('{ perHour: 360 }');
    expect(p.fix).toContain('volumes');
    expect(p.fix).toContain('daily');
  });

  it('arrivals that pick a form report inside it', () => {
    const raw = base();
    raw.channels.voice.arrivals = { perHour: -5 };
    expect(problem(raw)).toMatchObject({ path: 'channels.voice.arrivals.perHour', what: 'must be ≥ 0 (got -5)' });
    raw.channels.voice.arrivals = { interval: '1h' };
    expect(problem(raw)).toMatchObject({ path: 'channels.voice.arrivals.volumes', what: "missing required field 'volumes'" });
  });

  it('a distribution that is not a map, or has no dist', () => {
    const raw = base();
    raw.channels.voice.handle = 240;
    expect(problem(raw).fix).toContain('exponential (mean)');
    raw.channels.voice.handle = { mean: 240 };
    expect(problem(raw)).toMatchObject({ path: 'channels.voice.handle.dist', what: "missing required field 'dist'" });
  });

  it('agents that are neither a number nor a table', () => {
    const raw = base();
    raw.groups.team.agents = 'lots';
    const p = problem(raw);
    expect(p.path).toBe('groups.team.agents');
    expect(p.fix).toContain('counts');
  });

  it('a duration of the wrong type', () => {
    const raw = { ...base(), warmup: true };
    expect(problem(raw)).toMatchObject({ path: 'warmup', what: "bad duration 'true'" });
  });

  it('an unknown key far from every valid key lists the valid keys', () => {
    const raw = { ...base(), colour: 'blue' };
    const p = problem(raw);
    expect(p.path).toBe('colour');
    expect(p.fix).toContain('horizon');
  });

  it('reports the issue that comes first in the file', () => {
    const raw = { name: 'u', chanels: {}, horizon: 'soon' };
    expect(problem(raw)).toMatchObject({ path: 'chanels', fix: "did you mean 'channels'?" });
  });
});
