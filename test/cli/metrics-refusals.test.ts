/**
 * `ccsim metrics` refuses a log or export it cannot trust: exit 2 and one line on stderr
 * naming the file, the line and column (or field) and the fix. Each case is a small file
 * written here, so the line numbers in the expected messages can be read off the case.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-refuse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Write `files` (name → text) into a fresh folder; returns the folder. */
function files(spec: Record<string, string>): string {
  const d = join(dir, `case${n++}`);
  mkdirSync(d);
  for (const [name, text] of Object.entries(spec)) writeFileSync(join(d, name), text);
  return d;
}

/** Expect exit 2 with one line on stderr matching `pattern` and carrying a fix. */
async function refused(args: string[], pattern: RegExp): Promise<void> {
  const r = await cli('metrics', ...args);
  expect(r.err).toMatch(pattern);
  expect(r.code).toBe(2);
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/\. Fix: \S/);
}

const HEAD = 'replication,contact,leg,channel,arrival,queueEntry,answer,abandon,wrapEnd\n';
const EXPORT_HEAD = 'call_id,queue,call_start,wait_sec,handle_sec,abandoned_at\n';
const MAP = 'columns:\n  contact: call_id\n  channel: queue\n  arrival: call_start\n  answer: { column: wait_sec, after: arrival }\n  wrapEnd: { column: handle_sec, after: answer }\n  abandon: abandoned_at\ntimes: iso\n';

describe('ccsim metrics refuses what it cannot trust', () => {
  it('an ISO time without an offset (it would depend on the machine’s TZ), unless the mapping names the zone', async () => {
    const local = files({ 'x.csv': EXPORT_HEAD + '1,B,2026-03-02T09:00:00Z,5,300,\n2,B,2026-03-02T09:01:00,5,300,\n', 'm.yaml': MAP });
    await refused([join(local, 'x.csv'), '--map', join(local, 'm.yaml')], /x\.csv: line 3, column 'call_start': 'call_start' is '2026-03-02T09:01:00', a local time without a zone.*Fix: write the offset, as in 2026-03-02T09:00:00Z .*timezone: UTC/);
    // The zone in the mapping: the same KPIs as the times written with that offset, whatever TZ says.
    const zoned = files({
      'local.csv': EXPORT_HEAD + '1,B,2026-03-02 09:00:00,5,300,\n2,B,2026-03-02T09:01:00,40,300,\n3,B,2026-03-02T09:20:00,,,2026-03-02T09:21:00\n',
      'offset.csv': EXPORT_HEAD + '1,B,2026-03-02T08:00:00Z,5,300,\n2,B,2026-03-02T09:01:00+01:00,40,300,\n3,B,2026-03-02T09:20:00+0100,,,2026-03-02T08:21:00Z\n',
      'tz.yaml': MAP + 'timezone: "+01:00"\norigin: "2026-03-02T08:00:00"\n',
      'utc.yaml': MAP + 'origin: "2026-03-02T07:00:00Z"\n',
    });
    const saved = process.env.TZ;
    const outs: string[] = [];
    try {
      for (const tz of ['UTC', 'Asia/Kolkata']) {
        process.env.TZ = tz;
        for (const [log, map] of [['local.csv', 'tz.yaml'], ['offset.csv', 'utc.yaml']]) {
          const r = await cli('metrics', join(zoned, log), '--map', join(zoned, map), '--json');
          expect(r.code, r.err).toBe(0);
          outs.push(r.out.replace(/"scenario": "[^"]*"/, '"scenario": ""'));
        }
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(new Set(outs).size).toBe(1);
    const b = JSON.parse(outs[0]).channels.B;
    expect([b.offered.mean, b.answered.mean, b.asaSeconds.mean, b.serviceLevel.mean]).toEqual([3, 2, 22.5, 1 / 3]);
    const badZone = files({ 'm.yaml': MAP + 'timezone: Europe/Paris\n', 'x.csv': EXPORT_HEAD + '1,B,2026-03-02T09:00:00,5,300,\n' });
    await refused([join(badZone, 'x.csv'), '--map', join(badZone, 'm.yaml')], /m\.yaml: timezone: timezone is 'Europe\/Paris', not UTC or a fixed offset/);
  });

  it('negative handle times and waits, and an answer before the arrival', async () => {
    const neg = files({ 'x.csv': EXPORT_HEAD + '1,B,2026-03-02T09:00:00Z,5,300,\n2,B,2026-03-02T09:01:00Z,5,-20,\n', 'm.yaml': MAP });
    await refused([join(neg, 'x.csv'), '--map', join(neg, 'm.yaml')], /x\.csv: line 3, column 'handle_sec': 'handle_sec' is -20: a duration cannot be negative/);
    const negWait = files({ 'x.csv': EXPORT_HEAD + '1,B,2026-03-02T09:00:00Z,-1,300,\n', 'm.yaml': MAP });
    await refused([join(negWait, 'x.csv'), '--map', join(negWait, 'm.yaml')], /line 2, column 'wait_sec': 'wait_sec' is -1: a duration cannot be negative/);
    const early = files({ 'log.csv': HEAD + '0,1,1,voice,100,100,110,,400\n0,2,1,voice,200,200,150,,500\n' });
    await refused([join(early, 'log.csv')], /log\.csv: line 3, column 'answer': 'answer' \(150\) is before 'arrival' \(200\).*Fix: a leg's times run arrival ≤ ivrExit ≤ queueEntry ≤ answer/);
    const queued = files({ 'log.csv': HEAD + '0,1,1,voice,100,130,120,,400\n' });
    await refused([join(queued, 'log.csv')], /line 2, column 'answer': 'answer' \(120\) is before 'queueEntry' \(130\)/);
    const handle = files({ 'log.csv': HEAD + '0,1,1,voice,100,100,110,,90\n' });
    await refused([join(handle, 'log.csv')], /line 2, column 'wrapEnd': 'wrapEnd' \(90\) is before 'answer' \(110\)/);
    const abandon = files({ 'log.csv': HEAD + '0,1,1,voice,100,100,,50,\n' });
    await refused([join(abandon, 'log.csv')], /line 2, column 'abandon': 'abandon' \(50\) is before 'arrival'/);
  });

  it('numbers that are not decimal: hex, a dangling exponent, Infinity; 1e3 is a decimal with an exponent', async () => {
    for (const [cell, shown] of [['0x10', '0x10'], ['1e', '1e'], ['Infinity', 'Infinity'], ['NaN', 'NaN'], [' 12', ' 12'], ['1_000', '1_000']]) {
      const d = files({ 'log.csv': HEAD + `0,1,1,voice,${cell},,,,\n` });
      await refused([join(d, 'log.csv')], new RegExp(`line 2, column 'arrival': 'arrival' is '${shown}', not a decimal number.*Fix: write a decimal number`));
    }
    const exp = files({ 'log.csv': HEAD + '0,1,1,voice,1e3,1e3,1.01e3,,1100\n' });
    const r = await cli('metrics', join(exp, 'log.csv'), '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).channels.voice.asaSeconds.mean).toBe(10);
  });

  it('fractional or negative replication numbers, a leg number beyond the column, resolved other than 0 or 1', async () => {
    const frac = files({ 'log.csv': HEAD + '0.5,1,1,voice,10,10,20,,100\n' });
    await refused([join(frac, 'log.csv')], /line 2, column 'replication': 'replication' is '0\.5', not a whole number ≥ 0/);
    const neg = files({ 'log.csv': HEAD + '0,1,1,voice,10,10,20,,100\n-1,1,1,voice,10,10,20,,100\n' });
    await refused([join(neg, 'log.csv')], /line 3, column 'replication': 'replication' is '-1', not a whole number ≥ 0/);
    const leg = files({ 'log.csv': HEAD + '0,1,256,voice,10,10,20,,100\n' });
    await refused([join(leg, 'log.csv')], /column 'leg': 'leg' is '256', not a whole number from 1 to 255/);
    const res = files({ 'log.csv': 'channel,arrival,resolved\nvoice,10,yes\n' });
    await refused([join(res, 'log.csv')], /column 'resolved': 'resolved' is 'yes', not a decimal number/);
  });

  it('a row in the file twice (same replication, contact and leg)', async () => {
    const d = files({ 'log.csv': HEAD + '0,1,1,voice,10,10,20,,100\n0,1,2,voice,100,100,120,,200\n1,1,1,voice,10,10,20,,100\n0,1,1,voice,10,10,20,,100\n' });
    await refused([join(d, 'log.csv')], /log\.csv: line 5, column 'contact': replication 0, contact '1', leg 1 is in the file twice \(first on line 2\)\. Fix: remove the duplicate row/);
  });

  it('a mapping that maps a field as seconds after itself, or after each other in a circle', async () => {
    const self = files({ 'x.csv': EXPORT_HEAD + '1,B,2026-03-02T09:00:00Z,5,300,\n', 'm.yaml': MAP.replace('after: arrival', 'after: answer') });
    await refused([join(self, 'x.csv'), '--map', join(self, 'm.yaml')], /m\.yaml: columns\.answer\.after: 'answer' is mapped as seconds after itself\. Fix: name another time field/);
    const circle = files({
      'x.csv': EXPORT_HEAD + '1,B,2026-03-02T09:00:00Z,5,300,\n',
      'm.yaml': 'columns:\n  channel: queue\n  arrival: call_start\n  answer: { column: wait_sec, after: wrapEnd }\n  wrapEnd: { column: handle_sec, after: answer }\ntimes: iso\n',
    });
    await refused([join(circle, 'x.csv'), '--map', join(circle, 'm.yaml')], /m\.yaml: columns\.answer\.after: the fields are mapped as seconds after each other in a circle \(answer → wrapEnd → answer\)/);
    const unmapped = files({ 'x.csv': EXPORT_HEAD + '1,B,2026-03-02T09:00:00Z,5,300,\n', 'm.yaml': 'columns:\n  channel: queue\n  arrival: call_start\n  wrapEnd: { column: handle_sec, after: answer }\n' });
    await refused([join(unmapped, 'x.csv'), '--map', join(unmapped, 'm.yaml')], /columns\.wrapEnd\.after: 'wrapEnd' is mapped as seconds after 'answer', which the mapping does not map/);
  });

  it('an agent-state interval that ends before it starts', async () => {
    const d = files({
      'log.csv': HEAD + '0,1,1,voice,10,10,20,,100\n',
      'log.agents.csv': 'replication,agent,group,state,start,end\n0,a1,team,staffed,0,3600\n0,a1,team,busy,100,20\n',
    });
    await refused([join(d, 'log.csv')], /log\.agents\.csv: line 3, column 'end': the state interval ends \(20\) before it starts \(100\)\. Fix: swap or correct/);
  });

  it('contacts before the mapping’s origin', async () => {
    const d = files({ 'x.csv': EXPORT_HEAD + '1,B,2026-03-02T09:00:00Z,5,300,\n2,B,2026-03-02T07:59:59Z,5,300,\n', 'm.yaml': MAP + 'origin: "2026-03-02T08:00:00Z"\n' });
    await refused([join(d, 'x.csv'), '--map', join(d, 'm.yaml')], /x\.csv: line 3, column 'call_start': 'call_start' is 2026-03-02T07:59:59Z, before the mapping's origin 2026-03-02T08:00:00Z\. Fix: set origin at or before the earliest arrival/);
  });

  it('times beyond 100 years, and a .meta.json with an absurd interval or horizon', async () => {
    const far = files({ 'log.csv': HEAD + '0,1,1,voice,10,10,1e308,,\n' });
    await refused([join(far, 'log.csv')], /line 2, column 'answer': 'answer' is 1e308 s, more than 100 years from t = 0/);
    const meta = (m: object) => files({ 'log.csv': HEAD + '0,1,1,voice,10,10,20,,100\n', 'log.meta.json': JSON.stringify({ format: 'ccsim-log', version: 1, ...m }) });
    await refused([join(meta({ intervalSec: 1e-9 }), 'log.csv')], /log\.meta\.json: intervalSec: 'intervalSec' is 1e-9; it must be a number of seconds ≥ 60/);
    await refused([join(meta({ horizonSec: 1e308 }), 'log.csv')], /log\.meta\.json: horizonSec: 'horizonSec' is 1e\+308; it must be a number of seconds > 0 and at most 100 years/);
    await refused([join(meta({ warmupSec: -5 }), 'log.csv')], /warmupSec: 'warmupSec' is -5/);
    await refused([join(meta({ withinSec: { voice: 'soon' } }), 'log.csv')], /withinSec: 'withinSec' is \{"voice":"soon"\}/);
    await refused([join(meta({ serviceLevelFormula: 'mine' }), 'log.csv')], /log\.meta\.json: serviceLevelFormula: 'serviceLevelFormula' is "mine"; it must be one of offered/);
    // Within the limits but too many intervals to hold: refused with the flag to change.
    const long = files({ 'log.csv': HEAD + '0,1,1,voice,10,10,20,,3000000000\n' });
    await refused([join(long, 'log.csv')], /--horizon: 1,666,667 reporting intervals: more than 100,000\. Fix: use a longer --interval/);
    await refused([join(long, 'log.csv'), '--interval', '0.001'], /--interval: .* reporting intervals/);
  });
});

describe('ccsim metrics reads names and ids without losing any', () => {
  it('a UTF-8 byte-order mark is read the same way in CSV and NDJSON', async () => {
    const csv = HEAD + '0,1,1,voice,10,10,20,,100\n0,2,1,voice,30,30,70,,200\n';
    const nd = '{"contact":1,"channel":"voice","arrival":10,"queueEntry":10,"answer":20,"wrapEnd":100}\n{"contact":2,"channel":"voice","arrival":30,"queueEntry":30,"answer":70,"wrapEnd":200}\n';
    const d = files({ 'a.csv': csv, 'b.csv': '\uFEFF' + csv, 'a.ndjson': nd, 'b.ndjson': '\uFEFF' + nd });
    const outs = await Promise.all(['a.csv', 'b.csv', 'a.ndjson', 'b.ndjson'].map((f) => cli('metrics', join(d, f), '--json', '--horizon', '300')));
    for (const r of outs) expect(r.code, r.err).toBe(0);
    const strip = (s: string) => s.replace(/"scenario": "[^"]*"/, '');
    expect(new Set(outs.map((r) => strip(r.out))).size).toBe(1);
    expect(JSON.parse(outs[0].out).channels.voice.asaSeconds.mean).toBe(25);
  });

  it('a channel named __proto__ or given as an object is refused; one named constructor is kept', async () => {
    const proto = files({ 'log.csv': 'channel,arrival,answer,wrapEnd\n__proto__,10,20,100\n' });
    await refused([join(proto, 'log.csv')], /line 2, column 'channel': 'channel' is '__proto__', a name ccsim cannot use\. Fix: rename it/);
    const obj = files({ 'log.ndjson': '{"channel":{"name":"voice"},"arrival":10}\n' });
    await refused([join(obj, 'log.ndjson')], /log\.ndjson: line 1, column 'channel': 'channel' is \{"name":"voice"\}, not a name/);
    const protoColumn = files({ 'log.ndjson': '{"channel":"voice","arrival":10,"answer":20,"wrapEnd":50,"__proto__":{"x":1}}\n' });
    expect((await cli('metrics', join(protoColumn, 'log.ndjson'), '--json')).code).toBe(0);
    // A CSV column named __proto__ is a column like any other: mapped, it names the agent.
    const protoCsv = files({ 'x.csv': 'q,t,w,h,__proto__\nB,0,5,100,A1\n', 'm.yaml': 'columns:\n  channel: q\n  arrival: t\n  answer: { column: w, after: arrival }\n  wrapEnd: { column: h, after: answer }\n  agent: __proto__\n' });
    const pc = await cli('metrics', join(protoCsv, 'x.csv'), '--map', join(protoCsv, 'm.yaml'), '--json');
    expect(pc.code, pc.err).toBe(0);
    expect(JSON.parse(pc.out).channels.B.ahtSeconds.mean).toBe(100);
    const ctor = files({
      'log.csv': 'channel,arrival,answer,wrapEnd\nconstructor,10,20,100\ntoString,10,50,100\n',
      'log.meta.json': JSON.stringify({ format: 'ccsim-log', version: 1, horizonSec: 600, withinSec: {} }),
    });
    const r = await cli('metrics', join(ctor, 'log.csv'), '--json');
    expect(r.code, r.err).toBe(0);
    const ch = JSON.parse(r.out).channels;
    expect(Object.keys(ch)).toEqual(['constructor', 'toString']);
    // The default threshold (20 s) applies: Object's own methods are not thresholds.
    expect([ch.constructor.serviceLevel.mean, ch.toString.serviceLevel.mean]).toEqual([1, 0]);
  });

  it('customer and issue ids like C1 are kept, so FCR and the repeat rate are measured', async () => {
    // C1 calls twice within the FCR window (a repeat), C2 and C3 once: FCR 2/3, repeat rate 1/3.
    const head = 'call_id,queue,call_start,wait_sec,handle_sec,abandoned_at,cust\n';
    const rows = [
      '1,B,2026-03-02T09:00:00Z,5,300,,C1',
      '2,B,2026-03-02T09:10:00Z,5,300,,C2',
      '3,B,2026-03-02T10:00:00Z,5,300,,C1',
      '4,B,2026-03-02T10:05:00Z,5,300,,C3',
    ];
    const d = files({ 'x.csv': head + rows.join('\n') + '\n', 'm.yaml': MAP.replace('columns:\n', 'columns:\n  customer: cust\n') });
    const r = await cli('metrics', join(d, 'x.csv'), '--map', join(d, 'm.yaml'), '--json');
    expect(r.code, r.err).toBe(0);
    const b = JSON.parse(r.out).channels.B;
    expect(b.fcr.mean).toBeCloseTo(2 / 3, 12);
    expect(b.repeatContactRate.mean).toBeCloseTo(1 / 3, 12);
    // Issue ids as strings link contacts of different customers' numbers just as well.
    const issues = files({ 'log.csv': 'contact,issue,channel,arrival,answer,wrapEnd\nK1,T-1,voice,0,5,100\nK2,T-2,voice,10,15,100\nK3,T-1,voice,500,505,600\n' });
    const i = await cli('metrics', join(issues, 'log.csv'), '--json');
    expect(i.code, i.err).toBe(0);
    expect(JSON.parse(i.out).channels.voice.repeatContactRate.mean).toBe(0.5);
  });
});
