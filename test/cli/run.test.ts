/** `ccsim run`, `metrics`, `validate`, `schema` through the real yargs parser, on real files. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CONFORMANCE = 'scenarios/single-queue-erlang-a.yaml';
const BANK = 'scenarios/retail-bank-day.yaml';

describe('ccsim run', () => {
  it('prints the contract JSON: every metric {mean, lo, hi}, rates in [0, 1], no FCR without a resolution model', async () => {
    const r = await cli('run', CONFORMANCE, '--replications', '3', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['scenario', 'seed', 'replications', 'channels', 'groups', 'total']);
    expect(j).toMatchObject({ scenario: 'single-queue-erlang-a', seed: 1, replications: 3 });
    const voice = j.channels.voice;
    for (const k of ['offered', 'answered', 'abandoned', 'answerRate', 'abandonRate', 'serviceLevel', 'asaSeconds', 'avgWaitSeconds', 'p90WaitSeconds', 'ahtSeconds']) {
      expect(Object.keys(voice[k])).toEqual(['mean', 'lo', 'hi']);
      expect(voice[k].lo).toBeLessThanOrEqual(voice[k].mean);
      expect(voice[k].hi).toBeGreaterThanOrEqual(voice[k].mean);
    }
    for (const k of ['answerRate', 'abandonRate', 'serviceLevel']) expect(voice[k].hi).toBeLessThanOrEqual(1);
    expect(voice.fcr).toBeUndefined();
    expect(voice.backlogEnd).toBeUndefined();
    expect(j.groups.team.occupancy.mean).toBeGreaterThan(0.8);
    expect(j.total.offered.mean).toBe(voice.offered.mean);
    // 360/h over 198 counted hours: each replication's count is Poisson(71,280), so the mean
    // of 3 has sd √(71,280 / 3); 4.9 sd is a false alarm of 1e-6 (the seed is the scenario's).
    expect(Math.abs(voice.offered.mean - 71280)).toBeLessThanOrEqual(4.9 * Math.sqrt(71280 / 3));
  });

  it('is byte-identical for the same seed and differs for another', async () => {
    const a = await cli('run', BANK, '-r', '2', '--json');
    const b = await cli('run', BANK, '-r', '2', '--json');
    const c = await cli('run', BANK, '-r', '2', '--json', '--seed', '7');
    expect(b.out).toBe(a.out);
    expect(c.out).not.toBe(a.out);
  });

  it('prints a KPI table with every channel, the total, the targets and the groups', async () => {
    const r = await cli('run', BANK, '-r', '2');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('retail-bank-day: seed 2026, 2 replications; mean ± 95 % CI half-width');
    expect(lines[2]).toMatch(/^\s+accounts\s+cards\s+mortgages\s+total$/);
    for (const label of ['offered', 'answer rate', 'abandon rate', 'service level', 'ASA (s)', 'avg wait (s)', 'p90 wait (s)', 'AHT (s)', 'SL target']) {
      expect(r.out).toContain(label);
    }
    expect(r.out).toMatch(/service\s+\d+\.\d% ± \d+\.\d%/);
    expect(r.out).toMatch(/lending\s+\d+\.\d% ± \d+\.\d%/);
  });

  it('writes summary.json and the interval CSVs with --report, and the log with --log; metrics reads the log back to the same JSON', async () => {
    const report = join(dir, 'report');
    const log = join(dir, 'calls.csv');
    const r = await cli('run', BANK, '-r', '2', '--json', '--report', report, '--log', log);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(report, 'summary.json'), 'utf8'));
    expect(summary.channels).toEqual(JSON.parse(r.out).channels);
    expect(summary.intervals).toHaveLength(24);
    expect(summary.intervals[0].clock).toBe('08:00');
    expect(summary.intervals[23].clock).toBe('19:30');
    const csv = readFileSync(join(report, 'intervals.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(1 + 24 * 3);
    expect(csv[0].startsWith('intervalStartSec,clock,channel,offered,offered_lo,offered_hi,')).toBe(true);
    expect(readFileSync(join(report, 'groups-intervals.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 24 * 2);
    for (const f of ['calls.csv', 'calls.agents.csv', 'calls.meta.json']) expect(existsSync(join(dir, f))).toBe(true);

    const m = await cli('metrics', log, '--json');
    expect(m.code).toBe(0);
    expect(m.out).toBe(r.out);
    // Another stem: calls.ndjson would share calls.meta.json with calls.csv, which --log refuses to replace.
    const nd = join(dir, 'calls-nd.ndjson');
    await cli('run', BANK, '-r', '2', '--log', nd);
    expect((await cli('metrics', nd, '--json')).out).toBe(r.out);
  });

  it('metrics on a log without side files measures what it can and says occupancy is missing', async () => {
    const path = join(dir, 'export.csv');
    writeFileSync(path, 'channel,arrival,answer,abandon,wrapEnd\nvoice,0,5,,100\nvoice,10,,40,\nvoice,20,50,,200\n');
    const r = await cli('metrics', path, '--json', '--within', '20');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.channels.voice.offered.mean).toBe(3);
    expect(j.channels.voice.answerRate.mean).toBeCloseTo(2 / 3, 12);
    expect(j.channels.voice.serviceLevel.mean).toBeCloseTo(1 / 3, 12);
    expect(j.groups).toEqual({});
    expect(r.err).toContain('occupancy is not reported');
  });
});

describe('ccsim validate and schema', () => {
  it('validates every bundled scenario', async () => {
    const r = await cli('validate', BANK, CONFORMANCE);
    expect(r.code).toBe(0);
    expect(r.out).toContain("ok scenarios/retail-bank-day.yaml: 'retail-bank-day', 3 channels (accounts, cards, mortgages), 2 groups (service, lending), horizon 12 h");
  });

  it('prints a JSON Schema', async () => {
    const r = await cli('schema');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.properties.channels).toBeDefined();
    expect(s.properties.groups).toBeDefined();
  });

  it('lists every command in --help', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const c of ['run', 'erlang', 'metrics', 'validate', 'schema']) expect(r.out).toContain(`ccsim ${c}`);
  });
});

describe('usage errors exit 2 with one line and no stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /name a command/],
    ['unknown command', ['simulate', BANK], /^ccsim: unknown command 'simulate'\. Fix: use one of the commands run, erlang, /],
    ['missing scenario', ['run'], /Not enough non-option arguments|scenario/],
    ['nonexistent file', ['run', 'scenarios/nope.yaml'], /scenarios\/nope\.yaml.*no such file/],
    ['zero replications', ['run', BANK, '-r', '0'], /--replications: '0' is not a whole number ≥ 1/],
    ['bad log extension', ['run', BANK, '--log', join(dir, 'x.txt')], /--log: .*neither \.csv nor \.ndjson/],
    ['metrics of a missing log', ['metrics', join(dir, 'none.csv')], /no such file/],
  ];
  for (const [name, args, re] of cases) {
    it(name, async () => {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(re);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    });
  }
});
