// Worker task types of the distributions lesson (the protocol itself is in ../protocol.ts).

export type DistributionFamily = 'normal' | 'binomial' | 'poisson' | 'exponential' | 'uniform' | 'beta' | 'gamma';

/** A family and its parameters (a, b) as the engine orders them: normal (μ, σ), binomial (n, p),
 *  poisson (λ), exponential (λ), uniform (a, b), beta (α, β), gamma (k, θ). */
export interface DistributionParams {
  family: DistributionFamily;
  a: number;
  b: number;
}

export interface DistributionsDescribeParams extends DistributionParams {
  /** Where to evaluate P(X ≤ x). */
  x: number;
  /** Which quantile to find (0 ≤ p ≤ 1). */
  p: number;
}

/** Parameters the engine refuses come back as `{ ok: false, message }` (the engine's own words),
 *  not as an error, so the worker — and any run in flight — carries on. */
export type DistributionsDescribeResult = DistributionsDescription | { ok: false; message: string };

export interface DistributionsDescription {
  ok: true;
  description: string;
  discrete: boolean;
  sampler: string;
  quantileClosedForm: boolean;
  mean: number;
  variance: number;
  std: number;
  skewness: number;
  range: [number, number];
  /** PDF (PMF at the whole numbers for discrete families) and CDF over `range`. */
  curve: { x: Float64Array; pdf: Float64Array; cdf: Float64Array };
  cdfAtX: number;
  quantileAtP: number;
}

export interface DistributionsSampleParams extends DistributionParams {
  /** Draws per value: 1 for plain samples, n for the central limit theorem's means. */
  n: number;
  /** How many values (draws or means). */
  count: number;
  seed: number;
}

export interface SampleMomentsView {
  mean: number;
  variance: number;
  std: number;
  skewness: number;
}

export interface DistributionsSampleProgress {
  drawn: number;
  count: number;
  sample: SampleMomentsView;
  /** μ, σ²/n, σ/√n and γ/√n. */
  expected: SampleMomentsView;
  histogram: { low: number; width: number; centers: Float64Array; density: Float64Array; cumulative: Float64Array; below: number; above: number };
  range: [number, number];
}

export interface DistributionsSampleResult extends DistributionsSampleProgress {
  /** KS distance to the distribution's own CDF (meaningful for n = 1) and to N(μ, σ²/n). */
  ksToDistribution: number;
  ksToNormal: number;
  proposalsPerDraw: number;
  /** N(μ, σ²/n) over `range`. */
  normal: { x: Float64Array; pdf: Float64Array };
  cancelled: boolean;
}
