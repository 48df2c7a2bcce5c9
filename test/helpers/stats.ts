/**
 * The false-alarm budget of the statistical tests, and the interval they use to spend it.
 *
 * The suite's chance of failing at a seed when the simulator is right is at most the sum
 * of the files' budgets below (0.001 in all). A file that makes k checks gives each
 * alpha / k (Bonferroni: valid whatever the dependence between the checks), and each check
 * is a two-sided Student-t interval on the mean over the replications.
 */
import { mean, probit, sampleStandardDeviation } from 'simple-statistics';
import { expect } from 'vitest';
import { studentTQuantile } from '../../src/metrics/confidence.js';

/** Budget per statistical test file: the chance it fails at one seed with a correct simulator. */
export const FALSE_ALARM_BUDGET = {
  'model/erlang-agreement': 0.0005,
  'model/fcr-statistics': 0.0002,
  'model/workday-stats': 0.0002,
} as const;

/** Half-width multiplier for one of `checks` two-sided checks sharing `alpha`, with `df` degrees of freedom. */
export function bonferroniT(alpha: number, checks: number, df: number): number {
  return studentTQuantile(1 - alpha / (2 * checks), df);
}

/** Assert that `exact` lies in mean ± t·s/√n of the per-replication `values`. */
export function expectCovers(name: string, values: readonly number[], exact: number, t: number): void {
  const m = mean(values as number[]);
  const half = (t * sampleStandardDeviation(values as number[])) / Math.sqrt(values.length);
  const msg = `${name}: analytic ${exact} outside [${m - half}, ${m + half}] (mean ${m}, t ${t.toFixed(2)})`;
  expect(Math.abs(exact - m), msg).toBeLessThanOrEqual(half);
}

/** The p-quantile of chi-squared with `df` degrees of freedom (Wilson–Hilferty; within 0.5 % for df ≥ 20 in the tails used here). */
export function chiSquaredQuantile(p: number, df: number): number {
  const z = probit(p);
  const h = 2 / (9 * df);
  return df * (1 - h + z * Math.sqrt(h)) ** 3;
}
