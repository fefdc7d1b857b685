// Worker task types of the information-theory lesson (the protocol itself is in ../protocol.ts).

export type InformationUnit = 'bits' | 'nats';

export interface InformationParams {
  p: number[];
  q: number[];
  unit: InformationUnit;
  /** Optionally set one probability first (a dragged bar); the others are rescaled by the engine. */
  edit: { which: 'p' | 'q'; index: number; value: number } | null;
}

export interface InformationMeasures {
  /** The distributions after the edit. */
  p: Float64Array;
  q: Float64Array;
  entropyP: number;
  entropyQ: number;
  /** H(p, q); Infinity when q gives 0 to an outcome p needs. */
  crossEntropy: number;
  klPQ: number;
  klQP: number;
  /** Each outcome's term of the sums. */
  terms: { entropyP: Float64Array; entropyQ: Float64Array; crossEntropy: Float64Array; klPQ: Float64Array; klQP: Float64Array };
  /** −log q and (1 − q)² against q, for a one-hot target. */
  lossCurves: { q: Float64Array; crossEntropy: Float64Array; squaredError: Float64Array };
}

/** problem: why the engine could not use the distributions (say, p sums to 1.2), in words. */
export type InformationOutcome = { problem: string; which: 'p' | 'q' | null } | (InformationMeasures & { problem: null });
