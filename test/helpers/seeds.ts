/**
 * Seeds of the statistical tests. `CCSIM_TEST_SEEDS` (comma-separated whole numbers) sets
 * them; unset, each test uses the seed it was written with, so `npm test` is repeatable.
 * `npm run test:seeds` sets it to fresh seeds to prove the tests hold at any seed.
 */
export function testSeeds(fallback: number): number[] {
  const raw = process.env.CCSIM_TEST_SEEDS;
  if (raw === undefined || raw.trim() === '') return [fallback];
  return raw.split(',').map((s) => {
    const n = Number(s.trim());
    if (s.trim() === '' || !Number.isSafeInteger(n) || n < 0) throw new Error(`CCSIM_TEST_SEEDS: '${s}' is not a whole number ≥ 0 (write e.g. CCSIM_TEST_SEEDS=1,2,3)`);
    return n;
  });
}
