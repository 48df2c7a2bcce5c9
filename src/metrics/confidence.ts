/**
 * Mean and 95 % Student-t confidence interval over replications.
 * simple-statistics gives the mean and sample standard deviation; it has no inverse t
 * distribution, so the t quantile is computed here from the regularized incomplete beta.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';

/** A metric across replications: mean and 95 % CI (lo = hi = mean for one replication). */
export interface Estimate {
  mean: number;
  lo: number;
  hi: number;
}

/** Mean and two-sided `level` Student-t interval of the values; undefined for none. */
export function estimate(values: readonly number[], level = 0.95): Estimate | undefined {
  if (values.length === 0) return undefined;
  const m = mean(values as number[]);
  if (values.length === 1) return { mean: m, lo: m, hi: m };
  const half = studentTQuantile(1 - (1 - level) / 2, values.length - 1) * (sampleStandardDeviation(values as number[]) / Math.sqrt(values.length));
  return { mean: m, lo: m - half, hi: m + half };
}


const quantileCache = new Map<string, number>();

/** The p-quantile (p > 0.5) of Student's t with `df` degrees of freedom. */
export function studentTQuantile(p: number, df: number): number {
  const key = `${p}:${df}`;
  const hit = quantileCache.get(key);
  if (hit !== undefined) return hit;
  // Bisection on the CDF: monotone, 100 halvings reach full double precision.
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  const q = (lo + hi) / 2;
  quantileCache.set(key, q);
  return q;
}

/** CDF of Student's t at t ≥ 0. */
export function studentTCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  return 1 - 0.5 * regularizedBeta(x, df / 2, 0.5);
}

/** Regularized incomplete beta I_x(a, b) by Lentz's continued fraction (Numerical Recipes §6.4). */
function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** ln Γ(x) by the Lanczos approximation (g = 7, 9 terms), good to ~1e-15 relative. */
function logGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xx = x - 1;
  let s = g[0];
  for (let i = 1; i < 9; i++) s += g[i] / (xx + i);
  const t = xx + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(s);
}
