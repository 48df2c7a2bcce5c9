/**
 * Golden bytes: the SHA-256 of `run --json` and of the contact log (CSV, and NDJSON at the
 * first seed) of every bundled scenario at three seeds. A refactor of the engine must leave
 * every hash unchanged; a change that means to alter output updates the table in a commit
 * of its own that says why:
 *
 *     CCSIM_GOLDEN_UPDATE=1 npx vitest run --config test/vitest.config.ts test/golden
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const TABLE = 'test/golden/hashes.json';
const SEEDS = [1, 7, 2026];
const REPLICATIONS = '2';
const UPDATE = process.env.CCSIM_GOLDEN_UPDATE === '1';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-golden-'));
const scenarios = readdirSync('scenarios').filter((f) => /\.ya?ml$/.test(f)).sort();
const expected: Record<string, string> = existsSync(TABLE) ? JSON.parse(readFileSync(TABLE, 'utf8')) : {};
const actual: Record<string, string> = {};

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** Hash the JSON document and every file the log writer produced. */
async function hashRun(file: string, seed: number, ext: 'csv' | 'ndjson'): Promise<Record<string, string>> {
  // One stem per format: two logs may not share a .meta.json.
  const stem = join(dir, `${file}-${seed}-${ext}`);
  const r = await cli('run', join('scenarios', file), '-r', REPLICATIONS, '--seed', String(seed), '--json', '--log', `${stem}.${ext}`);
  expect(r.code, r.err).toBe(0);
  const out: Record<string, string> = { json: sha(r.out) };
  for (const side of [`.${ext}`, `.agents.${ext}`, '.meta.json']) {
    if (existsSync(stem + side)) out[`log${side}`] = sha(readFileSync(stem + side));
  }
  return out;
}

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (UPDATE) writeFileSync(TABLE, JSON.stringify(Object.fromEntries(Object.entries(actual).sort()), null, 2) + '\n');
});

describe('golden bytes of every bundled scenario', () => {
  for (const file of scenarios) {
    for (const [i, seed] of SEEDS.entries()) {
      it(`${file} at seed ${seed}`, async () => {
        const formats: ('csv' | 'ndjson')[] = i === 0 ? ['csv', 'ndjson'] : ['csv'];
        for (const ext of formats) {
          for (const [what, hash] of Object.entries(await hashRun(file, seed, ext))) {
            const key = `${file} seed ${seed} ${ext === 'csv' || what === 'json' ? '' : 'ndjson '}${what}`.replace(/\s+/g, ' ');
            actual[key] = hash;
            if (!UPDATE) expect(hash, `${key} changed: if intended, regenerate ${TABLE} (see this file's comment)`).toBe(expected[key]);
          }
        }
      });
    }
  }
});
