/** Ids are strings kept end to end (interned to codes), and ISO times never use the machine's zone. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IdCodes } from '../../src/logs/idCodes.js';
import { parseIsoSeconds, parseZoneOffset } from '../../src/logs/isoTime.js';
import { LogWriter } from '../../src/logs/files.js';
import { readContactLog } from '../../src/logs/read.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('IdCodes', () => {
  it('gives equal strings equal codes and different strings different codes; canonical numbers are their own code', () => {
    const ids = new IdCodes();
    const names = ['C1', '17', '017', 'C2', '0', '1073741824', 'C1', '17'];
    const codes = names.map((n) => ids.code(n));
    expect(codes[0]).toBe(codes[6]);
    expect(codes[1]).toBe(17);
    expect(codes[4]).toBe(0);
    expect(new Set(codes).size).toBe(6);
    expect(codes.map((c) => ids.name(c))).toEqual(['C1', 17, '017', 'C2', 0, '1073741824', 'C1', 17]);
    expect(ids.name(ids.fresh())).toBeNull();
  });

  it('a log read with string ids writes them back as read', () => {
    const path = join(dir, 'ids.csv');
    writeFileSync(path, 'contact,issue,customer,channel,arrival,answer,wrapEnd\nK-1,T1,C1,voice,0,5,100\nK-2,T1,C1,voice,50,55,150\n7,,,voice,60,61,90\n');
    const log = readContactLog(path).logs[0];
    const out = join(dir, 'again.csv');
    const w = new LogWriter(out, 'csv', { format: 'ccsim-log', version: 1 });
    w.write(log);
    w.commit();
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(1, 5));
    expect(rows).toEqual([
      ['K-1', '1', 'T1', 'C1'],
      ['K-2', '1', 'T1', 'C1'],
      ['7', '1', '', ''],
    ]);
  });
});

describe('ISO date-times', () => {
  it.each([
    ['2026-03-02T09:00:00Z', undefined, Date.UTC(2026, 2, 2, 9) / 1000],
    ['2026-03-02 09:00:00+01:00', undefined, Date.UTC(2026, 2, 2, 8) / 1000],
    ['2026-03-02T09:00:00-0530', undefined, Date.UTC(2026, 2, 2, 14, 30) / 1000],
    ['2026-03-02T09:00:00.250Z', undefined, Date.UTC(2026, 2, 2, 9) / 1000 + 0.25],
    ['2026-03-02T09:00', 3600, Date.UTC(2026, 2, 2, 8) / 1000],
    ['2026-03-02T09:00:00', undefined, 'no zone'],
    ['2026-02-30T09:00:00Z', undefined, 'bad'],
    ['2026-03-02T24:00:00Z', undefined, 'bad'],
    ['2026-03-02', 0, 'bad'],
    ['yesterday', 0, 'bad'],
  ] as const)('%s (default offset %s) → %s', (text, offset, expected) => {
    expect(parseIsoSeconds(text, offset)).toBe(expected);
  });

  it('reads zones as fixed offsets only', () => {
    expect([parseZoneOffset('UTC'), parseZoneOffset('+01:00'), parseZoneOffset('-05'), parseZoneOffset('+0530')]).toEqual([0, 3600, -18000, 19800]);
    expect([parseZoneOffset('Europe/Paris'), parseZoneOffset('+25:00'), parseZoneOffset('')]).toEqual([undefined, undefined, undefined]);
  });
});
