/**
 * Fuzz: contact logs (one written by `ccsim run --log`, the hand-written FCR log, and a
 * mapped ACD export) with cells replaced by junk, columns dropped, rows duplicated or cut
 * short, and a BOM added; then measured with `ccsim metrics`. Every outcome is exit 0 or 2
 * with one clear message, never an internal error.
 */
import fc from 'fast-check';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { csvEdit, editCsv } from './mutate.js';
import { expectContract, FUZZ_RUNS, FUZZ_SEED } from './settings.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-fuzzlog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Sample {
  name: string;
  csv: string;
  /** Side files (path, suffix) copied next to each mutated copy. */
  side: [string, string][];
  args: string[];
}
const samples: Sample[] = [];

beforeAll(async () => {
  const log = join(dir, 'own.csv');
  const r = await cli('run', 'scenarios/two-tier-support.yaml', '-r', '2', '--log', log, '--json');
  expect(r.code, r.err).toBe(0);
  samples.push({ name: 'own', csv: readFileSync(log, 'utf8'), side: [], args: [] });
  samples.push({ name: 'fcr', csv: readFileSync('test/fixtures/fcr-log.csv', 'utf8'), side: [], args: [] });
  samples.push({ name: 'acd', csv: readFileSync('test/fixtures/export/acd-calls.csv', 'utf8'), side: [], args: ['--map', 'test/fixtures/export/acd-map.yaml'] });
  // The ccsim log keeps its side files (agents, meta) so their readers are exercised too.
  for (const ext of ['.agents.csv', '.meta.json']) {
    const side = log.replace(/\.csv$/, ext);
    if (existsSync(side)) samples[0].side.push([side, ext]);
  }
});

describe('fuzz: mutated contact logs', () => {
  it(`metrics answers 0 or 2 on ${FUZZ_RUNS} mutated logs (seed ${FUZZ_SEED})`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(2), fc.array(csvEdit, { minLength: 1, maxLength: 4 }), async (which, edits) => {
        const s = samples[which];
        const file = join(dir, `case-${n++}.csv`);
        writeFileSync(file, editCsv(s.csv, edits));
        for (const [side, ext] of s.side) copyFileSync(side, file.replace(/\.csv$/, ext));
        const t = Date.now();
        const r = await cli('metrics', file, ...s.args, '--json');
        expectContract(r, Date.now() - t, `metrics ${s.name} with ${JSON.stringify(edits)}`);
        expect([0, 2]).toContain(r.code);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true },
    );
  });
});
