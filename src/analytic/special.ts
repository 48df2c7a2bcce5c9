/**
 * Special functions behind the analytic queue models: log-gamma, the regularized
 * incomplete gamma functions and the Erlang-A factor A(x, y) built on them.
 *
 * Everything is computed in log space or as ratios, because a 2,000-agent Erlang A
 * involves terms like Γ(10⁵) and e^(10⁵) that overflow a double long before the
 * answer (a probability) does. A leaf module: it imports nothing.
 */

const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);
/** Relative size below which a series term no longer changes a double. */
const EPS = 1e-17;
/** Floor for the modified Lentz algorithm (keeps denominators off zero). */
const TINY = 1e-300;

/** Stirling remainder lnΓ(x) − [(x − ½)·ln x − x + ½·ln 2π]; accurate to ~1e-17 for x ≥ 10. */
function stirlingTail(x: number): number {
  const r = 1 / (x * x);
  return (1 / 12 + r * (-1 / 360 + r * (1 / 1260 + r * (-1 / 1680 + r * (1 / 1188 + r * (-691 / 360360 + r / 156)))))) / x;
}

/** ln Γ(x) for x > 0 (Stirling series after shifting x up to 10). */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`logGamma needs a finite x > 0, got ${x}`);
  let product = 1;
  while (x < 10) {
    product *= x; // Γ(x) = Γ(x + 1) / x
    x += 1;
  }
  return (x - 0.5) * Math.log(x) - x + HALF_LN_2PI + stirlingTail(x) - Math.log(product);
}

/** ln(1 + d) − d without the cancellation of the naive form near d = 0 (d > −1). */
export function log1pmx(d: number): number {
  if (Math.abs(d) > 0.5) return Math.log1p(d) - d;
  // ln(1 + d) = 2·atanh(u) with u = d / (2 + d), and d − 2u = 2u² / (1 − u).
  const u = d / (2 + d);
  const u2 = u * u;
  let term = u * u2;
  let sum = 0;
  for (let k = 3; Math.abs(term) > EPS * Math.abs(sum) || sum === 0; k += 2) {
    sum += term / k;
    term *= u2;
    if (term === 0) break;
  }
  return 2 * sum - (2 * u2) / (1 - u);
}

/** ln[Γ(x + 1)·e^y·y^(−x)], the scale of the Erlang-A sum, stable for large x and y. */
export function logGammaPrefactor(x: number, y: number): number {
  if (x < 10) return logGamma(x + 1) + y - x * Math.log(y);
  // Stirling for Γ(x + 1) folds y − x·ln y into −x·log1pmx((y − x)/x), which has no cancellation.
  return 0.5 * Math.log(2 * Math.PI * x) + stirlingTail(x) - x * log1pmx((y - x) / x);
}

/**
 * Continued fraction h with Q(s, z) = e^(−z)·z^s/Γ(s)·h (Numerical Recipes' gcf, modified Lentz);
 * converges fast for z > s + 1.
 */
function upperGammaFraction(s: number, z: number): number {
  let b = z + 1 - s;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) return h;
  }
  throw new Error(`incomplete gamma continued fraction did not converge for s=${s}, z=${z}`);
}

/** The Erlang-A factor A(x, y) = x·e^y·y^(−x)·γ(x, y) in log form, with the mean of its series index. */
export interface GammaSeriesSums {
  /** ln A(x, y), where A(x, y) = Σ_{j≥0} y^j / ((x+1)(x+2)…(x+j)). */
  logSum: number;
  /** ln P(x, y), the regularized lower incomplete gamma; A = Γ(x+1)·e^y·y^(−x)·P(x, y). */
  logP: number;
  /** Σ j·t_j / Σ t_j for those terms t_j: the mean queue length seen by a waiting arrival in Erlang A. */
  meanIndex: number;
}

/**
 * A(x, y) = x·e^y·y^(−x)·γ(x, y) (Mandelbaum & Zeltyn's notation) for x > 0, y ≥ 0.
 * Below y = x + 1 the terms shrink from the start, so the series (the power series of γ) is
 * summed directly, which also gives the mean index without cancellation; above it the
 * continued fraction for the upper gamma Q converges fast and A = e^D·(1 − Q).
 */
export function gammaSeriesSums(x: number, y: number): GammaSeriesSums {
  if (!(x > 0) || !(y >= 0)) throw new RangeError(`gammaSeriesSums needs x > 0 and y ≥ 0, got x=${x}, y=${y}`);
  if (y === 0) return { logSum: 0, logP: -Infinity, meanIndex: 0 };
  if (y < x + 1) {
    let term = 1;
    let sum = 1;
    let weighted = 0;
    for (let j = 1; ; j++) {
      term *= y / (x + j);
      sum += term;
      weighted += j * term;
      if (j * term <= EPS * weighted) break;
    }
    const logSum = Math.log(sum);
    return { logSum, logP: logSum - logGammaPrefactor(x, y), meanIndex: weighted / sum };
  }
  const logScale = logGammaPrefactor(x, y);
  // x·h·e^(−D) is Q(x, y) < ½ in this branch, so the log1p below loses nothing.
  const logP = Math.log1p(-x * upperGammaFraction(x, y) * Math.exp(-logScale));
  const logSum = logScale + logP;
  // Σ j·t_j = y·A − x·(A − 1), from t_j·(x + j) = y·t_{j−1}; both parts are positive here.
  return { logSum, logP, meanIndex: x * Math.exp(-logSum) + (y - x) };
}

/** Regularized lower incomplete gamma P(s, z) = γ(s, z)/Γ(s), for s > 0, z ≥ 0. */
export function regularizedGammaP(s: number, z: number): number {
  return Math.exp(gammaSeriesSums(s, z).logP);
}

/** Regularized upper incomplete gamma Q(s, z) = 1 − P(s, z), for s > 0, z ≥ 0. */
export function regularizedGammaQ(s: number, z: number): number {
  if (z < s + 1) return 1 - regularizedGammaP(s, z);
  return Math.exp(Math.log(s) - logGammaPrefactor(s, z)) * upperGammaFraction(s, z);
}

/**
 * ψ(b) − ψ(a) for 0 < a ≤ b, without the cancellation of subtracting two digammas:
 * the asymptotic series ψ(z) ~ ln z − 1/(2z) − Σ c_k/z^(2k) is differenced term by term.
 */
export function digammaGap(a: number, b: number): number {
  let shift = 0;
  while (a < 10) {
    shift += 1 / a; // ψ(a) = ψ(a + 1) − 1/a
    a += 1;
    if (b < 10) {
      shift -= 1 / b;
      b += 1;
    }
  }
  const coefficients = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760];
  let series = 0;
  for (let k = 0; k < coefficients.length; k++) {
    const power = 2 * (k + 1);
    series += coefficients[k] * (a ** -power - b ** -power);
  }
  return shift + Math.log1p((b - a) / a) + (b - a) / (2 * a * b) + series;
}

/** ln(e^p + e^q) without overflow. */
export function logAddExp(p: number, q: number): number {
  if (p === -Infinity) return q;
  if (q === -Infinity) return p;
  const hi = Math.max(p, q);
  return hi + Math.log1p(Math.exp(Math.min(p, q) - hi));
}
