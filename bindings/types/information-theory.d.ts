// information-theory: entropy, cross-entropy, KL divergence and the loss curves (bindings/wasm/information-theory.cpp).

/** What bindings/wasm/information-theory.cpp adds to the module object. */
export interface InformationTheoryModule {
  /** information-theory: H(p), H(q), H(p, q), KL(p‖q), KL(q‖p) and each outcome's term, in 'bits' or 'nats';
   *  throws when p or q is not a distribution (naming the entry or the sum) or their lengths differ. Infinity where q misses an outcome p needs. */
  informationMeasures(p: ArrayLike<number>, q: ArrayLike<number>, unit: string): {
    entropyP: number; entropyQ: number; crossEntropy: number; klPQ: number; klQP: number;
    terms: { entropyP: Float64Array; entropyQ: Float64Array; crossEntropy: Float64Array; klPQ: Float64Array; klQP: Float64Array };
  };
  /** Throws an Error naming `name` and the bad entry or the sum when `p` is not a probability distribution. */
  checkDistribution(p: ArrayLike<number>, name: string): void;
  /** p with outcome `index` set to `value` and the others rescaled to share the rest. */
  withProbability(p: ArrayLike<number>, index: number, value: number): Float64Array;
  /** −log q and (1 − q)² at `points` q in (0, 1]. */
  lossCurves(points: number, unit: string): { q: Float64Array; crossEntropy: Float64Array; squaredError: Float64Array };
}
