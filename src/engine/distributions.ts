/**
 * Distributions of non-negative durations, separate from the generators that feed them.
 *
 * A spec is plain data (what a scenario file says); `makeSampler` turns it into an object
 * whose `sample(rng)` draws one value and whose `mean` is the analytic mean, so tests can
 * check draws against it and the analytic models can use it.
 */
import type { Rng } from './rng.js';

export type DistSpec =
  | { dist: 'fixed'; value: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'lognormal'; mean: number; cv: number }
  | { dist: 'gamma'; mean: number; cv: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'empirical'; values: number[] };

export interface Sampler {
  readonly mean: number;
  sample(rng: Rng): number;
}

class Fixed implements Sampler {
  constructor(readonly mean: number) {}
  sample(): number {
    return this.mean;
  }
}

class Exponential implements Sampler {
  constructor(readonly mean: number) {}
  sample(rng: Rng): number {
    // 1 − u lies in (0, 1], so the log is finite.
    return -this.mean * Math.log(1 - rng.next());
  }
}

/** Standard normal by Box–Muller; always two uniforms per draw so stream use is predictable. */
function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

class LogNormal implements Sampler {
  private readonly mu: number;
  private readonly sigma: number;
  constructor(
    readonly mean: number,
    cv: number,
  ) {
    const s2 = Math.log(1 + cv * cv);
    this.sigma = Math.sqrt(s2);
    this.mu = Math.log(mean) - s2 / 2;
  }
  sample(rng: Rng): number {
    return Math.exp(this.mu + this.sigma * standardNormal(rng));
  }
}

/** Marsaglia & Tsang (2000) for shape ≥ 1; shape < 1 via the u^(1/k) boost. */
export function sampleGamma(shape: number, scale: number, rng: Rng): number {
  if (shape < 1) {
    const u = 1 - rng.next();
    return sampleGamma(shape + 1, scale, rng) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(rng);
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

class Gamma implements Sampler {
  private readonly shape: number;
  private readonly scale: number;
  constructor(
    readonly mean: number,
    cv: number,
  ) {
    this.shape = 1 / (cv * cv);
    this.scale = mean / this.shape;
  }
  sample(rng: Rng): number {
    return sampleGamma(this.shape, this.scale, rng);
  }
}

class Uniform implements Sampler {
  readonly mean: number;
  constructor(
    private readonly min: number,
    private readonly max: number,
  ) {
    this.mean = (min + max) / 2;
  }
  sample(rng: Rng): number {
    return this.min + (this.max - this.min) * rng.next();
  }
}

/** Resamples the given values with equal weight (the empirical distribution of data). */
class Empirical implements Sampler {
  readonly mean: number;
  private readonly values: Float64Array;
  constructor(values: number[]) {
    this.values = Float64Array.from(values);
    this.mean = values.reduce((a, b) => a + b, 0) / values.length;
  }
  sample(rng: Rng): number {
    return this.values[Math.floor(rng.next() * this.values.length)];
  }
}

/** Build a sampler; the spec is assumed validated (the scenario loader does that). */
export function makeSampler(spec: DistSpec): Sampler {
  switch (spec.dist) {
    case 'fixed':
      return new Fixed(spec.value);
    case 'exponential':
      return new Exponential(spec.mean);
    case 'lognormal':
      return new LogNormal(spec.mean, spec.cv);
    case 'gamma':
      return new Gamma(spec.mean, spec.cv);
    case 'uniform':
      return new Uniform(spec.min, spec.max);
    case 'empirical':
      return new Empirical(spec.values);
  }
}

/** Analytic mean of a spec. */
export function distMean(spec: DistSpec): number {
  return makeSampler(spec).mean;
}
