// Worker task types of the derivatives lesson (the protocol itself is in ../protocol.ts).

// derivatives: f(x) typed by the learner, its numerical derivative, the tangent at a point, the
// step-size error sweep and the critical points (engine/include/mlplay/calculus/).

export interface DerivativesPlotParams {
  expression: string;
  from: number;
  to: number;
  /** Step of the central difference drawn as f'. */
  h: number;
  /** Points along [from, to]. */
  samples: number;
}

/** A malformed expression: the engine's message and the 1-based character position it names. */
export interface DerivativesInvalid {
  valid: false;
  message: string;
  position: number;
}

export interface DerivativesCriticalPoint {
  x: number;
  y: number;
  kind: 'max' | 'min' | 'inflection';
  /** The second difference D²f(x). */
  secondDerivative: number;
  /** False when f'' ≈ 0 and the sign of f' on either side decided. */
  bySecondDerivative: boolean;
}

export interface DerivativesInflectionPoint {
  x: number;
  y: number;
  slope: number;
}

export interface DerivativesCurve {
  valid: true;
  /** How the parser read the expression ("2x" -> "2*x"). */
  parsed: string;
  /** f, the central difference with step h, and the exact derivative (forward-mode AD); NaN = gap. */
  x: Float32Array;
  f: Float32Array;
  derivative: Float32Array;
  exactDerivative: Float32Array;
  fLow: number;
  fHigh: number;
  derivativeLow: number;
  derivativeHigh: number;
  /** Points where f is not finite. */
  undefined: number;
  critical: DerivativesCriticalPoint[];
  inflections: DerivativesInflectionPoint[];
  truncated: boolean;
}

export type DerivativesPlotResult = DerivativesCurve | DerivativesInvalid;

export interface DerivativesPointParams {
  expression: string;
  a: number;
  h: number;
  from: number;
  to: number;
}

export interface DerivativesTangent {
  a: number;
  fa: number;
  /** Central difference with step h. */
  slope: number;
  exactSlope: number;
  error: number;
  secondDerivative: number;
  /** The tangent's endpoints at x = from and x = to. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface DerivativesSweep {
  /** h = 10^-16 … 10^0, and |error| of the central and forward differences at a, with the two model terms. */
  h: Float32Array;
  central: Float32Array;
  forward: Float32Array;
  truncation: Float32Array;
  roundoff: Float32Array;
  exact: number;
  bestH: number;
  bestError: number;
  modelBestH: number;
}

export interface DerivativesPointResult {
  tangent: DerivativesTangent;
  sweep: DerivativesSweep;
}

export interface DerivativesRollParams {
  expression: string;
  start: number;
  learningRate: number;
  maxSteps: number;
  from: number;
  to: number;
}

/** The path of x ← x − η f'(x), and why it stopped. */
export interface DerivativesRollResult {
  x: Float32Array;
  y: Float32Array;
  slope: Float32Array;
  reason: 'flat' | 'left the interval' | 'undefined' | 'step limit';
}
