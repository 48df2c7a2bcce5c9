/** Special functions against exact identities (factorials, Poisson sums, direct series). */
import { describe, it, expect } from 'vitest';
import { gammaSeriesSums, logGamma, regularizedGammaP, regularizedGammaQ } from '../../src/analytic/index.js';
import { digammaGap, log1pmx, logGammaPrefactor } from '../../src/analytic/special.js';

function expectRel(actual: number, expected: number, rel: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('logGamma', () => {
  it('equals ln((n−1)!) for whole numbers', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 170; n++) {
      if (n > 1) logFactorial += Math.log(n - 1);
      // Absolute error of a few ulps of ln Γ(10), where small arguments are shifted to.
      expect(Math.abs(logGamma(n) - logFactorial)).toBeLessThan(1e-14 * Math.max(1, logFactorial));
    }
  });

  it('equals ln √π at ½ and follows Γ(x + 1) = x·Γ(x)', () => {
    expect(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI))).toBeLessThan(1e-14);
    for (const x of [1e-3, 0.3, 2.7, 9.99, 10.01, 123.4, 1e6]) {
      expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(1e-13 * Math.max(1, Math.abs(logGamma(x))));
    }
  });
});

describe('log1pmx', () => {
  it('matches the alternating series near 0 and log1p(d) − d further out', () => {
    for (const d of [1e-8, -1e-5, 1e-3, 0.3, -0.45]) {
      let series = 0;
      for (let k = 2; k < 200; k++) series += ((k % 2 === 0 ? -1 : 1) * d ** k) / k;
      expectRel(log1pmx(d), series, 1e-14);
    }
    expectRel(log1pmx(3), Math.log(4) - 3, 1e-15);
  });
});

describe('regularized incomplete gamma', () => {
  it('P(1, z) = 1 − e^(−z)', () => {
    for (const z of [1e-3, 0.5, 1.9, 2.1, 10, 50]) expectRel(regularizedGammaP(1, z), -Math.expm1(-z), 1e-14);
  });

  it('Q(n, z) is the Poisson(z) CDF at n − 1 on both sides of z = n + 1', () => {
    for (const [n, z] of [[1, 0.3], [5, 2], [5, 9], [30, 25], [30, 40], [200, 210]]) {
      let term = Math.exp(-z);
      let cdf = 0;
      for (let k = 0; k < n; k++) {
        cdf += term;
        term *= z / (k + 1);
      }
      expectRel(regularizedGammaQ(n, z), cdf, 1e-12);
      expectRel(regularizedGammaP(n, z) + regularizedGammaQ(n, z), 1, 1e-15);
    }
  });
});

describe('A(x, y) = x·e^y·y^(−x)·γ(x, y)', () => {
  /** Σ_j y^j/((x+1)…(x+j)) and Σ j·t_j / Σ t_j by brute force (small arguments only). */
  function direct(x: number, y: number) {
    let t = 1;
    let s0 = 1;
    let s1 = 0;
    for (let j = 1; j < 5000; j++) {
      t *= y / (x + j);
      s0 += t;
      s1 += j * t;
    }
    return { logSum: Math.log(s0), meanIndex: s1 / s0 };
  }

  it.each([
    [0.01, 0.5], [0.01, 3], [3, 0.5], [3, 3.9], [3, 4.1], [3, 30], [40, 35], [40, 41.5], [40, 80], [250, 300],
  ])('x=%f, y=%f: series and continued-fraction branches agree with the direct sum', (x, y) => {
    const got = gammaSeriesSums(x, y);
    const want = direct(x, y);
    expectRel(got.logSum, want.logSum, 1e-13);
    expectRel(got.meanIndex, want.meanIndex, 1e-11);
  });

  it('stays finite where A itself would overflow', () => {
    const { logSum, meanIndex } = gammaSeriesSums(2e5, 2.4e5);
    expect(Number.isFinite(logSum) && logSum > 709).toBe(true);
    expect(meanIndex).toBeGreaterThan(4e4 - 10);
    expect(Math.abs(logGammaPrefactor(2e5, 2.4e5) - logSum)).toBeLessThan(1e-3);
  });
});

describe('digammaGap', () => {
  it.each([
    [0.3, 5], [0.3, 250_000], [1, 2], [7.5, 7.5], [12, 400_000], [1e6, 1.3e6], [6.7e9, 6.7e9 + 200_000],
  ])('ψ(b) − ψ(a) for a=%f, b=a+… equals Σ 1/(a+i) (a=%f)', (a, lastB) => {
    const steps = Math.round(lastB - a);
    let direct = 0;
    for (let i = steps - 1; i >= 0; i--) direct += 1 / (a + i);
    const got = digammaGap(a, a + steps);
    if (steps === 0) expect(got).toBe(0);
    else expectRel(got, direct, 1e-12);
  });
});
