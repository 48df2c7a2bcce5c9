/**
 * Fuzz: every bundled scenario, broken in one to three places (keys deleted, wrong types,
 * extreme numbers, dangling references, prototype keys, deep nesting), then validated and run.
 * Whatever the input, ccsim answers with exit 0, 1 or 2 and one clear message: never an
 * internal error, never a hang. Contacts are capped per run (`--max-contacts`) so a mutated
 * horizon or rate is refused rather than simulated for minutes.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { mutate, mutation } from './mutate.js';
import { expectContract, FUZZ_RUNS, FUZZ_SEED } from './settings.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = [...readdirSync('scenarios').filter((f) => /\.ya?ml$/.test(f)).map((f) => join('scenarios', f)), 'test/fixtures/conformance.yaml'];
const docs = files.map((f) => ({ file: f, doc: parse(readFileSync(f, 'utf8')) }));

describe('fuzz: mutated scenarios', () => {
  it(`validate and run answer 0, 1 or 2 on ${FUZZ_RUNS} mutated scenarios (seed ${FUZZ_SEED})`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(docs.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom('run', 'check'), async (which, ms, command) => {
        const base = docs[which];
        const file = join(dir, `case-${n++}.json`);
        writeFileSync(file, JSON.stringify(mutate(base.doc, ms)));
        const what = `${base.file} with ${JSON.stringify(ms).slice(0, 600)}`;
        let t = Date.now();
        const v = await cli('validate', file);
        expectContract(v, Date.now() - t, `validate ${what}`);
        if (v.code !== 0) return;
        t = Date.now();
        const args = command === 'run' ? ['run', file, '-r', '1', '--json'] : ['check', file, '-r', '1'];
        const r = await cli(...args, '--max-contacts', '100000', '--workers', '1');
        expectContract(r, Date.now() - t, `${command} ${what}`);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true },
    );
  });
});
