// gradient-descent: LossSurface and the check of a typed f(x, y) (bindings/wasm/gradient_descent.cpp).
import type { Deletable } from './deletable';

/** gradient-descent: a loss surface f(x, y), built-in or typed (engine/include/mlplay/optimization/surface.h). */
export interface LossSurface extends Deletable {
  /** bounds [xMin, xMax, yMin, yMax], the default start [x, y], the known minima [x0, y0, …], and L for a quadratic (else 0). */
  info(): { name: string; formula: string; bounds: Float64Array; start: Float64Array; minima: Float64Array; lipschitz: number };
  /** f sampled on a columns × rows grid, shaded by rank, and levelCount contour lines by marching squares. */
  contour(columns: number, rows: number, levelCount: number): {
    columns: number; rows: number; shade: Float32Array; levels: Float64Array; segments: Float32Array;
    segmentLevels: Int32Array; low: number; high: number; undefined: number;
  };
  /** One optimizer ('sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam' | 'adamw') for `steps` steps from
   *  (x0, y0) with a schedule ('constant' | 'step' | 'cosine' | 'warmup'); stops a path that diverges. */
  descend(optimizer: string, lr: number, steps: number, x0: number, y0: number, schedule: string): {
    x: Float64Array; y: Float64Array; loss: Float64Array; lr: Float64Array; stepsTaken: number; diverged: boolean; reason: string;
  };
  value(x: number, y: number): number;
}

/** checkSurfaceExpression's verdict on a typed f(x, y). */
export interface SurfaceExpressionCheck {
  valid: boolean;
  message: string;
  /** 1-based character of the problem; 0 when valid. */
  position: number;
  parsed: string;
}

/** What bindings/wasm/gradient_descent.cpp adds to the module object. */
export interface GradientDescentModule {
  /** gradient-descent: parse f(x, y) without throwing. */
  checkSurfaceExpression(text: string): SurfaceExpressionCheck;
  /** A built-in surface by name, or 'custom' for `expression` over [-halfWidth, halfWidth]²; throws on a bad one. */
  LossSurface: new (name: string, expression: string, halfWidth: number) => LossSurface;
}
