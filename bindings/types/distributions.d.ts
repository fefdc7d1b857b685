// distributions: a family's summary and curves, and SampleRun (bindings/wasm/distributions.cpp).
import type { Deletable } from './deletable';

/** distributions: a family's summary (engine/include/mlplay/stats/distributions.h). Families: 'normal' (a = μ, b = σ),
 *  'binomial' (n, p), 'poisson' (λ), 'exponential' (λ), 'uniform' (a, b), 'beta' (α, β), 'gamma' (k, θ). */
export interface DistributionInfo {
  description: string;
  discrete: boolean;
  /** 'Box–Muller' | 'inverse CDF' | 'rejection'. */
  sampler: string;
  quantileClosedForm: boolean;
  mean: number;
  variance: number;
  std: number;
  skewness: number;
  /** [lo, hi] worth plotting. */
  range: Float64Array;
}

export interface DistributionCurve {
  x: Float64Array;
  /** Density, or the PMF at whole-number x for binomial and Poisson. */
  pdf: Float64Array;
  cdf: Float64Array;
}

export interface SampleMoments {
  count: number;
  mean: number;
  variance: number;
  std: number;
  skewness: number;
}

/** distributions: draws (n = 1) or means of n draws from one family, kept for summaries
 *  (engine/include/mlplay/stats/sample_run.h). The same seed gives the same values. */
export interface SampleRun extends Deletable {
  /** Appends `count` more values (2,000,000 at most in all). */
  draw(count: number): void;
  count(): number;
  moments(): SampleMoments;
  /** μ, σ²/n and γ/√n: what the values should show (count 0). */
  expected(): SampleMoments;
  /** Proposals per accepted gamma draw for the rejection samplers, else 1. */
  proposalsPerDraw(): number;
  /** The values binned over range(), scaled to a density; cumulative: the empirical CDF at each bin's right edge. */
  histogram(): { low: number; width: number; centers: Float64Array; density: Float64Array; cumulative: Float64Array; below: number; above: number };
  range(): Float64Array;
  ksToDistribution(): number;
  ksToNormal(): number;
  /** N(μ, σ²/n) over range(). */
  normalCurve(points: number): DistributionCurve;
}

/** What bindings/wasm/distributions.cpp adds to the module object. */
export interface DistributionsModule {
  /** distributions: summary of a family with parameters (a, b); throws naming a bad parameter. */
  distributionInfo(family: string, a: number, b: number): DistributionInfo;
  /** PDF/PMF and CDF over the family's plot range at `points` points (every whole number for discrete families). */
  distributionCurve(family: string, a: number, b: number, points: number): DistributionCurve;
  distributionCdf(family: string, a: number, b: number, x: number): number;
  distributionQuantile(family: string, a: number, b: number, p: number): number;
  /** Each value is the mean of n draws (1 ≤ n ≤ 1000). */
  SampleRun: new (family: string, a: number, b: number, n: number, seed: number) => SampleRun;
}
