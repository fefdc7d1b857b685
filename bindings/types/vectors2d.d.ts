// vectors-2d: shapes, 2D transforms as 3×3 matrices, and the Asteroids game (bindings/wasm/vectors2d.cpp).
import type { Deletable } from './deletable';

/** An ordered list of 2D steps as 3×3 homogeneous matrices (engine/include/mlplay/linalg/transform2d.h).
 *  Steps apply in the order added; matrix() = M_k · … · M_1. Matrices are Float64Array(9), row by row. */
export interface Transform2D extends Deletable {
  translate(tx: number, ty: number): void;
  /** Counter-clockwise, in degrees (y up). */
  rotate(degrees: number): void;
  scale(sx: number, sy: number): void;
  stepCount(): number;
  /** "scale", "rotate" or "translate". */
  stepName(index: number): string;
  stepMatrix(index: number): Float64Array;
  matrix(): Float64Array;
  determinant(): number;
  /** [x0, y0, x1, y1, …] → the same points after all steps. */
  apply(xy: Float32Array): Float32Array;
  /** The points after step 1, after step 2, …: stepCount() blocks of xy.length floats. */
  trace(xy: Float32Array): Float32Array;
}

/** Asteroids where every object is placed by its model matrix T · R · S (engine/include/mlplay/linalg/asteroids.h).
 *  World: 20 × 15 units centred on the origin, y up, wrapping at the edges. */
export interface AsteroidsGame extends Deletable {
  /** Advances dt seconds (0 to 0.25) with these keys held, then transforms the whole frame in one batch. */
  step(dt: number, left: boolean, right: boolean, thrust: boolean, fire: boolean): void;
  /** Every transformed vertex of the frame, shape after shape. */
  vertices(): Float32Array;
  /** Points per shape. */
  counts(): Int32Array;
  /** Per shape: 0 ship, 1 flame, 2 asteroid, 3 bullet. */
  kinds(): Uint8Array;
  shipMatrix(): Float64Array;
  shipAngle(): number;
  score(): number;
  lives(): number;
  level(): number;
  over(): boolean;
  invulnerable(): boolean;
  asteroidCount(): number;
  bulletCount(): number;
}

/** What bindings/wasm/vectors2d.cpp adds to the module object. */
export interface Vectors2dModule {
  /** vectors-2d: the built-in shapes and their corner points [x0, y0, …]. */
  shapeNames(): string[];
  shapeVertices(name: string): Float32Array;
  /** Shape s has counts[s] points of xy and matrix matrices[9s … 9s+8]; returns all points transformed. */
  transformBatch(matrices: Float32Array, counts: Int32Array, xy: Float32Array): Float32Array;
  Transform2D: (new () => Transform2D) & {
    /** Steps in the order of the letters of a permutation of "srt" (s scale, r rotate, t translate). */
    fromOrder(order: string, degrees: number, sx: number, sy: number, tx: number, ty: number): Transform2D;
  };
  AsteroidsGame: new (seed: number) => AsteroidsGame;
}
