// Worker task types of the spam-filter lesson (the protocol itself is in ../protocol.ts).

export interface SpamLoadParams {
  /** URL of the gzip'd corpus file (data/spam/spamassassin.bin.gz under the site root). */
  url: string;
  /** Laplace smoothing α > 0. */
  alpha: number;
  /** Seed of the stratified 80/20 split. */
  seed: number;
}

export interface SpamLoadProgress {
  stage: 'download' | 'train';
  loadedBytes: number;
  totalBytes: number;
}

export interface SpamSummary {
  messages: number;
  vocabulary: number;
  trainSpam: number;
  trainHam: number;
  testSpam: number;
  testHam: number;
  /** P(spam) learned from the training messages. */
  pSpam: number;
}

export interface SpamMetrics {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
}

export interface SpamWord {
  word: string;
  /** Seen in training; the other numbers are 0 when not. */
  known: boolean;
  spamCount: number;
  hamCount: number;
  /** Fraction of training spam / ham messages that contain the word. */
  spamDocuments: number;
  hamDocuments: number;
  logPSpam: number;
  logPHam: number;
  /** log P(w | spam) − log P(w | ham). */
  logRatio: number;
  /** Occurrences in the classified text (classifications only). */
  count: number;
}

export interface SpamClassification {
  label: 'spam' | 'ham';
  pSpam: number;
  scoreSpam: number;
  scoreHam: number;
  logPriorSpam: number;
  logPriorHam: number;
  knownTokens: number;
  unknownTokens: number;
  /** The text cut into plain stretches and tokens; pieceToken[i] is the token index of piece i, or −1. */
  pieces: string[];
  pieceToken: Int32Array;
  /** Each token as counted (lower case, <url>, <number>…), its log ratio, and 1 when seen in training. */
  tokens: string[];
  tokenLogRatio: Float64Array;
  tokenKnown: Uint8Array;
  /** The distinct known words with the largest total push |count × logRatio|, strongest first. */
  words: SpamWord[];
  distinctWords: number;
}

export interface SpamHeldOutMessage extends SpamClassification {
  truth: 'spam' | 'ham';
  /** Position among the held-out messages. */
  index: number;
}

export interface SpamEvaluation {
  alpha: number;
  metrics: SpamMetrics;
  /** Per held-out message: P(spam), prediction and truth (1 = spam). */
  pSpam: Float64Array;
  predicted: Uint8Array;
  truth: Uint8Array;
  topSpam: SpamWord[];
  topHam: SpamWord[];
}

export interface SpamLoadResult extends SpamEvaluation {
  summary: SpamSummary;
  /** Held-out metrics over a grid of α (log spaced). */
  sweep: { alpha: Float64Array; accuracy: Float64Array; f1: Float64Array };
}

export interface SpamAlphaParams {
  alpha: number;
}

export interface SpamClassifyParams {
  text: string;
}

export interface SpamMessageParams {
  /** Position among the held-out messages. */
  index: number;
}

export interface SpamWordParams {
  word: string;
}

/** A lookup of text that is not one token answers ok: false with a message (not an error, which
 *  would cost the worker and its trained filter). */
export type SpamWordLookup = { ok: true; word: SpamWord } | { ok: false; message: string };
