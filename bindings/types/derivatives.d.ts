// derivatives: f(x) parsed once and explored by FunctionExplorer (bindings/wasm/derivatives.cpp).
import type { Deletable } from './deletable';

/** derivatives: checking an expression never throws; a typo is reported with its position. */
export interface ExpressionCheck {
  valid: boolean;
  /** e.g. "expression: unknown name 'y' at position 5; use x, pi, e, …"; "" when valid. */
  message: string;
  /** 1-based character of the problem; 0 when valid. */
  position: number;
  /** How the parser read it ("2x" -> "2*x"); "" when invalid. */
  parsed: string;
}

/** f(x) parsed once (engine/include/mlplay/calculus/{expression,derivative,critical_points}.h).
 *  Undefined values (log of a negative, poles, far off the plotted range) are NaN. */
export interface FunctionExplorer extends Deletable {
  parsed(): string;
  /** f, the central difference with step h, and the exact derivative (forward-mode AD) on n points. */
  sample(from: number, to: number, n: number, h: number): {
    x: Float32Array; f: Float32Array; derivative: Float32Array; exactDerivative: Float32Array;
    fLow: number; fHigh: number; derivativeLow: number; derivativeHigh: number; undefined: number;
  };
  /** The tangent at a: slope by central difference (step h) and exactly, f''(a), endpoints at from and to. */
  tangent(a: number, h: number, from: number, to: number): {
    a: number; fa: number; slope: number; exactSlope: number; error: number; secondDerivative: number;
    x0: number; y0: number; x1: number; y1: number;
  };
  /** |D_h f(x) − f'(x)| for h = 10^minExponent … 10^maxExponent, perDecade per decade. */
  errorSweep(x: number, minExponent: number, maxExponent: number, perDecade: number): {
    h: Float32Array; central: Float32Array; forward: Float32Array; truncation: Float32Array; roundoff: Float32Array;
    exact: number; bestH: number; bestError: number; modelBestH: number;
  };
  /** x ← x − learningRate · f'(x) from start: the path, and why it stopped. */
  rollDownhill(start: number, learningRate: number, maxSteps: number, from: number, to: number): {
    x: Float32Array; y: Float32Array; slope: Float32Array;
    reason: 'flat' | 'left the interval' | 'undefined' | 'step limit';
  };
  /** Critical points (kind 'max' | 'min' | 'inflection') and inflection points on [from, to]. */
  criticalPoints(from: number, to: number): {
    critical: { x: number; y: number; kind: 'max' | 'min' | 'inflection'; secondDerivative: number; bySecondDerivative: boolean }[];
    inflections: { x: number; y: number; slope: number }[];
    truncated: boolean;
  };
}

/** What bindings/wasm/derivatives.cpp adds to the module object. */
export interface DerivativesModule {
  /** derivatives: parse without throwing. */
  checkExpression(text: string): ExpressionCheck;
  /** Throws an Error naming the position when the expression is malformed. */
  FunctionExplorer: new (expression: string) => FunctionExplorer;
}
