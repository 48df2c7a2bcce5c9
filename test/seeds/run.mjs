#!/usr/bin/env node
/**
 * `npm run test:seeds`: the statistical tests at many seeds, to prove they hold at any seed
 * and not only at the one `npm test` uses. Seeds come from CCSIM_TEST_SEEDS (comma-separated)
 * or, when it is unset, 20 drawn afresh. Each seed is one vitest run; two run at a time (one
 * per core). Ends with `seeds: N/M passed`; exits 1 unless every seed passed.
 */
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';

/** The test files that take their seeds from CCSIM_TEST_SEEDS (test/helpers/seeds.ts). */
const STATISTICAL = ['test/model/erlang-agreement.test.ts', 'test/model/fcr-statistics.test.ts', 'test/model/workday-stats.test.ts'];
const PARALLEL = 2;

const given = process.env.CCSIM_TEST_SEEDS?.trim();
const seeds = given ? given.split(',').map((s) => s.trim()) : Array.from({ length: 20 }, () => String(randomInt(0, 2 ** 31)));
process.stdout.write(`test:seeds: ${seeds.length} seeds: ${seeds.join(',')}\n`);

function runSeed(seed) {
  return new Promise((done) => {
    const child = spawn('npx', ['vitest', 'run', '--config', 'test/vitest.config.ts', ...STATISTICAL], {
      env: { ...process.env, CCSIM_TEST_SEEDS: seed },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      process.stdout.write(`seed ${seed}: ${code === 0 ? 'passed' : 'FAILED'}\n`);
      if (code !== 0) process.stdout.write(out.split('\n').filter((l) => /FAIL|analytic|Error/.test(l)).slice(0, 20).join('\n') + '\n');
      done(code === 0);
    });
  });
}

const queue = [...seeds];
let passed = 0;
await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    for (let seed = queue.shift(); seed !== undefined; seed = queue.shift()) if (await runSeed(seed)) passed++;
  }),
);
process.stdout.write(`seeds: ${passed}/${seeds.length} passed\n`);
process.exitCode = passed === seeds.length ? 0 : 1;
