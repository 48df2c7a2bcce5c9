/**
 * How hard the fuzz tests push. `npm test` runs a short pass at a fixed seed, so the suite
 * stays fast and repeatable; `npm run test:fuzz` sets CCSIM_FUZZ_RUNS high and draws a fresh
 * seed (printed, so a failure can be replayed with CCSIM_FUZZ_SEED).
 */
import { expect } from 'vitest';
import type { CliResult } from '../helpers/cli.js';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name}=${raw} is not a whole number ≥ 0`);
  return n;
}

/** Cases per property. */
export const FUZZ_RUNS = envInt('CCSIM_FUZZ_RUNS', 60);
/** fast-check seed; the default keeps `npm test` deterministic. */
export const FUZZ_SEED = envInt('CCSIM_FUZZ_SEED', 20261202);
/**
 * Hang guard, not a performance figure: a single command on a tiny, contact-capped input
 * that takes this long is stuck (the largest case takes well under a second here).
 */
export const CASE_BOUND_MS = 30_000;

/** The contract every outcome must keep: exit 0, 1 or 2, and never an internal error or a stack trace. */
export function expectContract(r: CliResult, elapsedMs: number, what: string): void {
  const context = `${what}\nexit ${r.code}\nstderr: ${r.err.slice(0, 2000)}`;
  expect([0, 1, 2], context).toContain(r.code);
  expect(r.err, context).not.toMatch(/internal error|RangeError|TypeError|Maximum call stack|\n\s+at /);
  if (r.code === 2) expect(r.err.trim().split('\n').length, `one message on stderr\n${context}`).toBeLessThanOrEqual(3);
  expect(elapsedMs, `took ${elapsedMs} ms\n${context}`).toBeLessThan(CASE_BOUND_MS);
}
