// Worker task types of the vectors2d lesson (the protocol itself is in ../protocol.ts).

// vectors-2d: shapes moved by 3×3 matrices, and the Asteroids game.

/** One shape and its transform: steps in the order of the letters of `order` (a permutation of "srt"). */
export interface Vectors2dShapeSpec {
  shape: string;
  order: string;
  /** Degrees, counter-clockwise. */
  rotate: number;
  scaleX: number;
  scaleY: number;
  translateX: number;
  translateY: number;
}

export interface Vectors2dTransformParams {
  items: Vectors2dShapeSpec[];
}

export interface Vectors2dTransformed {
  /** Each step with its matrix (9 entries, row by row), first applied first. */
  steps: { op: 'scale' | 'rotate' | 'translate'; matrix: number[] }[];
  /** The composed matrix M = M_3 · M_2 · M_1, row by row. */
  matrix: number[];
  determinant: number;
  /** The shape's own corner points [x0, y0, …]. */
  model: Float32Array;
  /** The points after step 1, 2 and 3 (3 blocks of model.length). */
  stages: Float32Array;
  /** The points after all steps, M p. */
  points: Float32Array;
  /** M applied to the origin, (1, 0) and (0, 1): where the shape's own axes land. */
  axes: Float32Array;
}

export interface Vectors2dTransformResult {
  shapeNames: string[];
  items: Vectors2dTransformed[];
}

export interface AsteroidsStepParams {
  /** Start a new game (with `seed`) before stepping. */
  reset: boolean;
  seed: number;
  /** Seconds since the last frame, 0 to 0.25. */
  dt: number;
  left: boolean;
  right: boolean;
  thrust: boolean;
  fire: boolean;
}

export interface AsteroidsFrame {
  /** Every transformed vertex [x0, y0, …] in world units (20 × 15, centred, y up). */
  vertices: Float32Array;
  /** Points per shape, and per shape 0 ship, 1 flame, 2 asteroid, 3 bullet. */
  counts: Int32Array;
  kinds: Uint8Array;
  /** The ship's model matrix T · R · S, row by row. */
  shipMatrix: number[];
  shipAngle: number;
  score: number;
  lives: number;
  level: number;
  over: boolean;
  invulnerable: boolean;
  asteroids: number;
  bullets: number;
}
