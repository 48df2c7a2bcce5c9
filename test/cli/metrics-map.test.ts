/**
 * `ccsim metrics --map`: a real ACD export (ISO times, durations in seconds, its own
 * column names) mapped onto the log schema and measured by the same formulas. The
 * expected values are worked out by hand from test/fixtures/export/acd-calls.csv.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const CSV = 'test/fixtures/export/acd-calls.csv';
const MAP = 'test/fixtures/export/acd-map.yaml';
const dir = mkdtempSync(join(tmpdir(), 'ccsim-map-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ccsim metrics --map', () => {
  it('measures a mapped export like one of our logs', async () => {
    const r = await cli('metrics', CSV, '--map', MAP, '--within', '20', '--json');
    expect(r.code).toBe(0);
    const billing = JSON.parse(r.out).channels.Billing;
    // Billing: waits 5 and 30 (answered), 90 and 10 (abandoned); handle 300 and 240.
    expect(billing.offered.mean).toBe(4);
    expect(billing.answered.mean).toBe(2);
    expect(billing.abandoned.mean).toBe(2);
    expect(billing.serviceLevel.mean).toBe(0.25);
    expect(billing.asaSeconds.mean).toBe(17.5);
    expect(billing.avgWaitSeconds.mean).toBe(33.75);
    expect(billing.ahtSeconds.mean).toBe(270);
    const sales = JSON.parse(r.out).channels.Sales;
    expect([sales.offered.mean, sales.serviceLevel.mean, sales.asaSeconds.mean, sales.ahtSeconds.mean]).toEqual([2, 1, 6, 400]);
  });

  it('names the mapping file and field when the mapping is wrong, exit 2', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'columns: { arrival: call_start, chanel: queue }\n');
    const r = await cli('metrics', CSV, '--map', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.yaml: columns\.chanel: 'chanel' is not a log field/);
    const missing = join(dir, 'missing.yaml');
    writeFileSync(missing, 'columns: { arrival: start_time, channel: queue }\ntimes: iso\n');
    const m = await cli('metrics', CSV, '--map', missing);
    expect(m.code).toBe(2);
    expect(m.err).toMatch(/acd-calls\.csv: line 1: .*no column 'start_time'/);
    expect((await cli('metrics', CSV, '--map', join(dir, 'nope.yaml'))).code).toBe(2);
  });
});
