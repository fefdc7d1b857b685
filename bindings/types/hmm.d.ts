// hmm: a discrete hidden Markov model as plain data, its algorithms and Baum–Welch (bindings/wasm/hmm.cpp).
import type { Deletable } from './deletable';

/** hmm: a discrete hidden Markov model as plain data: matrices flat and row-major
 *  (transition K × K, emission K × M; engine/include/mlplay/hmm/hmm.h). */
export interface HmmSpec {
  states: string[];
  symbols: string[];
  start: ArrayLike<number>;
  transition: ArrayLike<number>;
  emission: ArrayLike<number>;
}

/** hmm: Baum–Welch on sequences sampled from a true model (the same experiment as `mlplay hmm fit`). */
export interface HmmFitter extends Deletable {
  /** One EM step; returns the log-likelihood before it. */
  step(): number;
  logLikelihood(): number;
  /** The true model's log-likelihood on the same sequences. */
  trueLogLikelihood(): number;
  iterations(): number;
  model(): HmmSpec & { start: Float64Array; transition: Float64Array; emission: Float64Array };
}

/** What bindings/wasm/hmm.cpp adds to the module object. */
export interface HmmModule {
  /** hmm: a preset model: 'casino' | 'weather' | 'fever'. */
  hmmPreset(name: string): HmmSpec & { start: Float64Array; transition: Float64Array; emission: Float64Array };
  /** '' when the model is usable, else what is wrong ("transition row 'Fair' sums to 0.9, not 1"). */
  hmmModelProblem(model: HmmSpec): string;
  /** Every row divided by its sum (an all-zero row becomes uniform). */
  hmmNormalized(model: HmmSpec): HmmSpec & { start: Float64Array; transition: Float64Array; emission: Float64Array };
  /** Symbol indices of a typed sequence; throws naming a token that is not a symbol. */
  hmmParseObservations(text: string, model: HmmSpec): Int32Array;
  /** Forward (scaled α̂, log α, c_t, log P(x)), posterior γ and its path, the Viterbi path and log P(path, x);
   *  tables are T × K row by row. Throws when the sequence is impossible under the model. */
  hmmAnalyze(model: HmmSpec, observations: ArrayLike<number>): {
    alphaHat: Float64Array; logAlpha: Float64Array; scale: Float64Array; logLikelihood: number;
    gamma: Float64Array; posteriorPath: Int32Array; viterbiPath: Int32Array; viterbiLogProbability: number;
  };
  hmmSample(model: HmmSpec, length: number, seed: number): { states: Int32Array; observations: Int32Array };
  /** Fraction of positions where two paths agree. */
  hmmAgreement(a: ArrayLike<number>, b: ArrayLike<number>): number;
  HmmFitter: new (truth: HmmSpec, sequences: number, length: number, seed: number) => HmmFitter;
}
