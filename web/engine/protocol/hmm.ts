// Worker task types of the hmm lesson (the protocol itself is in ../protocol.ts).

export type HmmPresetName = 'casino' | 'weather' | 'fever';

/** A discrete HMM: π (K), A (K × K) and B (K × M), row-major. */
export interface HmmModel {
  states: string[];
  symbols: string[];
  start: number[];
  transition: number[];
  emission: number[];
}

export interface HmmPresetParams {
  name: HmmPresetName;
}

export interface HmmNormalizeParams {
  model: HmmModel;
}

export interface HmmAnalyzeParams {
  model: HmmModel;
  /** The observations as typed: symbol names separated by spaces or commas (casino rolls may run together). */
  text: string;
  /** The true hidden states when the sequence was sampled (same length), else null. */
  hidden: number[] | null;
}

export type HmmAnalyzeResult =
  | { ok: false; where: 'model' | 'observations'; problem: string }
  | {
      ok: true;
      observations: number[];
      /** α̂_t(i) = P(z_t = i | x_1..t), T × K row by row. */
      alphaHat: number[];
      /** log α_t(i), T × K (−Infinity where α is 0). */
      logAlpha: number[];
      /** c_t = P(x_t | x_1..t−1). */
      scale: number[];
      logLikelihood: number;
      /** γ_t(i) = P(z_t = i | x_1..T), T × K. */
      gamma: number[];
      posteriorPath: number[];
      viterbiPath: number[];
      viterbiLogProbability: number;
      /** Share of steps where each decoding matches the true states (null without them). */
      viterbiAccuracy: number | null;
      posteriorAccuracy: number | null;
    };

export interface HmmSampleParams {
  model: HmmModel;
  length: number;
  seed: number;
}
export type HmmSampleResult =
  | { ok: false; problem: string }
  | { ok: true; states: number[]; observations: number[]; text: string };

export interface HmmFitParams {
  /** The true model the sequences are sampled from. */
  model: HmmModel;
  sequences: number;
  length: number;
  seed: number;
  iterations: number;
}
export interface HmmFitProgress {
  /** Iterations done so far. */
  iteration: number;
  /** Log-likelihoods of the models before each new iteration since the previous message. */
  logLikelihood: number[];
  model: HmmModel;
}
export interface HmmFitResult {
  iterations: number;
  /** Log-likelihood of every model from the random start (iteration 0) to the last. */
  logLikelihood: number[];
  trueLogLikelihood: number;
  model: HmmModel;
  reason: 'done' | 'cancelled';
}
