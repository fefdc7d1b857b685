// ab-testing: the two-proportion z-test, power, sample size and the peeking simulation (bindings/wasm/ab-testing.cpp).
import type { Deletable } from './deletable';

/** ab-testing: everything the two-sided two-proportion z-test reports (engine/include/mlplay/stats/ab_test.h).
 *  Rates and differences are fractions (0.05 = 5%); intervals are at level 1 − alpha. */
export interface AbTestResult {
  rateA: number;
  rateB: number;
  /** Each rate's own Wald interval. */
  rateAInterval: { low: number; high: number };
  rateBInterval: { low: number; high: number };
  /** rateB − rateA. */
  difference: number;
  /** rateB / rateA − 1: Infinity when only A has no conversions, NaN when neither has. */
  lift: number;
  pooledRate: number;
  /** sqrt(p̄ (1 − p̄) (1/nA + 1/nB)), the spread of the difference under H0. */
  standardError: number;
  z: number;
  pValue: number;
  zCritical: number;
  significant: boolean;
  /** The unpooled spread used for the difference's interval. */
  differenceStandardError: number;
  differenceInterval: { low: number; high: number };
  /** Katz's log interval for the lift; NaN bounds when an arm has no conversions. */
  liftInterval: { low: number; high: number };
}

/** ab-testing: experiments that look at their data `looks` times (engine/include/mlplay/stats/peeking.h).
 *  Experiment i depends only on (options, seed, i). Counts are cumulative over every run(). */
export interface PeekingSimulator extends Deletable {
  /** Simulates the next `count` experiments on all engine threads. */
  run(count: number): void;
  experiments(): number;
  /** [k]: experiments significant at some look ≤ k + 1. */
  rejectedByLook(): Float64Array;
  /** Experiments significant at the last look (the fixed-horizon test). */
  rejectedAtEnd(): number;
  /** Experiments significant at some look with the Bonferroni threshold. */
  rejectedBonferroni(): number;
  zCritical(): number;
  zBonferroni(): number;
  /** Visitors per arm at each look. */
  lookVisitors(): Float64Array;
  /** Experiment `index`'s z at every look. */
  zPath(index: number): Float64Array;
}

/** What bindings/wasm/ab-testing.cpp adds to the module object. */
export interface AbTestingModule {
  /** ab-testing: the two-proportion z-test of B against A at level alpha; throws for 0 visitors, conversions > visitors, or no variation. */
  abTest(conversionsA: number, visitorsA: number, conversionsB: number, visitorsB: number, alpha: number): AbTestResult;
  /** Power of the two-sided test with `visitorsPerArm` in each arm when the true rates are rateA and rateB. */
  abPower(rateA: number, rateB: number, visitorsPerArm: number, alpha: number): number;
  /** Visitors per arm to reach `power`; throws when the rates are equal. */
  abSampleSize(rateA: number, rateB: number, alpha: number, power: number): number;
  /** abPower at `points` visitor counts from 0 to maxVisitorsPerArm. */
  abPowerCurve(rateA: number, rateB: number, alpha: number, maxVisitorsPerArm: number, points: number): { x: Float64Array; y: Float64Array };
  /** The N(mean, std²) density at `points` x from `from` to `to`. */
  abDensityCurve(mean: number, std: number, from: number, to: number, points: number): { x: Float64Array; y: Float64Array };
  PeekingSimulator: new (rateA: number, rateB: number, visitorsPerArm: number, looks: number, alpha: number, seed: number) => PeekingSimulator;
}
