// Worker task types of the ab-testing lesson (the protocol itself is in ../protocol.ts).
// Rates are fractions (0.05 = 5%) everywhere; the page converts to percent only to show them.

export interface AbInterval {
  low: number;
  high: number;
}

export interface AbTestParams {
  conversionsA: number;
  visitorsA: number;
  conversionsB: number;
  visitorsB: number;
  alpha: number;
}

/** What the engine could not do with these inputs (say, no conversions in either arm), in words;
 *  the task reports it as a result rather than an error, so the worker and any simulation keep running. */
export interface AbProblem {
  problem: string;
}

export type AbTestOutcome = AbProblem | (AbTestResult & { problem: null });
export type AbPlanOutcome = AbProblem | (AbPlanResult & { problem: null });

export interface AbTestResult {
  rateA: number;
  rateB: number;
  rateAInterval: AbInterval;
  rateBInterval: AbInterval;
  difference: number;
  /** rateB / rateA − 1; Infinity when only A has no conversions. */
  lift: number;
  pooledRate: number;
  standardError: number;
  z: number;
  pValue: number;
  zCritical: number;
  significant: boolean;
  differenceInterval: AbInterval;
  /** NaN bounds when an arm has no conversions. */
  liftInterval: AbInterval;
  /** The N(0, 1) density of z under H0, over a range that includes the observed z. */
  nullCurve: { x: Float64Array; y: Float64Array };
  /** Sampling distributions N(p̂, p̂(1 − p̂)/n) of the two rates on one shared x grid. */
  rateCurves: { x: Float64Array; a: Float64Array; b: Float64Array };
}

export interface AbPlanParams {
  /** The control's conversion rate. */
  baseline: number;
  /** The smallest relative lift worth detecting (0.1 = +10%); may be negative. */
  lift: number;
  alpha: number;
  power: number;
}

export interface AbPlanResult {
  rateA: number;
  rateB: number;
  visitorsPerArm: number;
  /** Power against visitors per arm, from 0 to a little past visitorsPerArm. */
  powerCurve: { x: Float64Array; y: Float64Array };
}

export interface AbSimulateParams {
  rateA: number;
  rateB: number;
  visitorsPerArm: number;
  /** Evenly spaced looks at the data; 1 is the fixed-horizon test. */
  looks: number;
  alpha: number;
  seed: number;
  experiments: number;
  /** How many experiments' z paths to send back for drawing. */
  paths: number;
}

export interface AbSimulateProgress {
  experiments: number;
  /** Visitors per arm at each look. */
  lookVisitors: Float64Array;
  zCritical: number;
  zBonferroni: number;
  /** [k]: experiments significant at some look ≤ k + 1. */
  rejectedByLook: Float64Array;
  rejectedAtEnd: number;
  rejectedBonferroni: number;
}

export interface AbSimulateResult extends AbSimulateProgress {
  reason: 'done' | 'cancelled';
  /** paths × looks z values, experiment by experiment. */
  paths: Float64Array;
}
