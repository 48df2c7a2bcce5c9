/**
 * Log round trip: a log written to CSV (and NDJSON) and read back measures exactly like
 * the in-memory log, so `ccsim metrics` on a saved log equals `ccsim run`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LogWriter, type LogMeta } from '../../src/logs/files.js';
import { LogFormatError, readContactLog } from '../../src/logs/read.js';
import { measure, summarize } from '../../src/metrics/index.js';
import { simulate } from '../../src/model/simulation.js';
import { measureOptionsOf } from '../../src/plan/study.js';
import { cli } from '../helpers/cli.js';
import { expo, scenario } from '../helpers/scenarios.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const s = scenario(
  {
    voice: { perHour: 300, handle: { dist: 'lognormal', mean: 200, cv: 0.7 }, wrapup: expo(20), patience: expo(90), withinSec: 20 },
    sales: { perHour: 120, handle: expo(300), patience: expo(200), priority: 1, withinSec: 30 },
  },
  {
    general: { agents: { intervalSec: 1800, agents: [6, 9, 7, 5] }, skills: ['voice', 'sales'] },
    sales: { agents: 3, skills: ['sales'] },
  },
  { horizonSec: 7200, warmupSec: 600, intervalSec: 900 },
);
const meta: LogMeta = { format: 'ccsim-log', version: 1, horizonSec: s.horizonSec, channels: [{ id: 'voice', kind: 'call' }, { id: 'sales', kind: 'call' }], groups: ['general', 'sales'] };

describe('contact log round trip', () => {
  for (const ext of ['csv', 'ndjson'] as const) {
    it(`metrics from a ${ext} log equal the in-memory ones, replication by replication`, () => {
      const path = join(dir, `calls.${ext}`);
      const writer = new LogWriter(path, ext, meta);
      const opts = measureOptionsOf(s);
      const inMemory = [];
      for (let r = 0; r < 3; r++) {
        const log = simulate(s, r);
        writer.write(log);
        inMemory.push(measure(log, opts));
      }
      writer.commit();
      const back = readContactLog(path);
      expect(back.logs).toHaveLength(3);
      expect(back.hasAgentStates).toBe(true);
      const fromFile = back.logs.map((l) => measure(l, opts));
      expect(fromFile).toEqual(inMemory);
      expect(summarize(fromFile)).toEqual(summarize(inMemory));
    });
  }

  it('writes files a person can read: a header, names not codes, empty cells for steps that did not happen', () => {
    const path = join(dir, 'look.csv');
    const w = new LogWriter(path, 'csv', meta);
    w.write(simulate(s, 0));
    w.commit();
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines[0]).toBe(
      'replication,contact,leg,issue,customer,attempt,channel,kind,queue,arrival,ivrExit,ivrOutcome,queueEntry,answer,abandon,talkEnd,wrapEnd,agent,group,concurrency,outcome,resolved,callbackOffer',
    );
    expect(lines[1]).toMatch(/^0,0,1,0,0,1,(voice|sales),call,(voice|sales),[\d.]+,,,[\d.]+,/);
    expect(readFileSync(join(dir, 'look.agents.csv'), 'utf8').split('\n')[0]).toBe('replication,agent,group,state,start,end');
    expect(JSON.parse(readFileSync(join(dir, 'look.meta.json'), 'utf8')).format).toBe('ccsim-log');
  });

  it('an aborted write leaves an earlier log untouched', () => {
    const path = join(dir, 'keep.csv');
    writeFileSync(path, 'earlier results\n');
    const w = new LogWriter(path, 'csv', meta);
    w.write(simulate(s, 0));
    w.abort();
    expect(readFileSync(path, 'utf8')).toBe('earlier results\n');
  });

  it('names the line of a malformed row', () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'channel,arrival,answer\nvoice,1,2\nvoice,abc,3\n');
    expect(() => readContactLog(path)).toThrow(LogFormatError);
    try {
      readContactLog(path);
    } catch (e) {
      expect((e as LogFormatError).what).toContain("'arrival' is 'abc'");
      expect((e as LogFormatError).where).toBe("line 3, column 'arrival'");
    }
  });
});

describe('idle rows', () => {
  it('the written agent-state file adds idle intervals: staffed minus busy, wrap-up and break', () => {
    const path = join(dir, 'idle.csv');
    const w = new LogWriter(path, 'csv', meta);
    const log = simulate(s, 0);
    w.write(log);
    w.commit();
    const rows = readFileSync(join(dir, 'idle.agents.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const total = (state: string) => rows.filter((r) => r[3] === state).reduce((sum, r) => sum + Number(r[5]) - Number(r[4]), 0);
    expect(total('idle')).toBeGreaterThan(0);
    // Every staffed second is idle, busy, wrap-up or break (the busy rows are clipped to the horizon like the staffed ones).
    expect(total('idle') + total('busy') + total('wrapup') + total('break')).toBeCloseTo(total('staffed'), 6);
    // And reading it back measures the same occupancy (idle rows are ignored by the formulas).
    expect(readContactLog(path).logs[0].agentStates!.length).toBe(rows.length);
  });
});

describe('the strict reader takes every log ccsim writes', () => {
  // IVR, escalation and transfer legs, email backlog from before t = 0 (negative times):
  // each log read back gives the very bytes `run --json` printed.
  for (const name of ['utility-ivr', 'two-tier-support', 'backoffice-backlog']) {
    it(`${name}: metrics of the written log equal the run's, in CSV and NDJSON`, async () => {
      for (const ext of ['csv', 'ndjson']) {
        // One stem per format: the two would share one .meta.json side file.
        const log = join(dir, `${name}-${ext}.${ext}`);
        const run = await cli('run', `scenarios/${name}.yaml`, '-r', '1', '--json', '--log', log);
        expect(run.code, run.err).toBe(0);
        const back = await cli('metrics', log, '--json');
        expect(back.err).toBe('');
        expect(back.out).toBe(run.out);
      }
    });
  }
});
