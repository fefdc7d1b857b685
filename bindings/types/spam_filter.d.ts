// spam-filter: the lesson's naive Bayes spam filter (bindings/wasm/spam_filter.cpp).
import type { Deletable } from './deletable';
import type { SpamClassification, SpamHeldOutMessage, SpamMetrics, SpamSummary, SpamWord } from '../../web/engine/protocol/spam-filter';

/** spam-filter: multinomial naive Bayes on the SpamAssassin corpus (bindings/wasm/spam_filter.cpp,
 *  engine/include/mlplay/text/spam_filter.h). */
export interface SpamFilter extends Deletable {
  /** Laplace smoothing α > 0; the counts stay, only the probabilities change. */
  setAlpha(alpha: number): void;
  alpha(): number;
  summary(): SpamSummary;
  /** The held-out messages scored with the current α (truth and predicted: 1 = spam). */
  evaluate(): { metrics: SpamMetrics; pSpam: Float64Array; predicted: Uint8Array; truth: Uint8Array };
  /** Held-out metrics for each α (the filter's α is left as it was). */
  alphaSweep(alphas: ArrayLike<number>): { accuracy: Float64Array; precision: Float64Array; recall: Float64Array; f1: Float64Array };
  /** Classifies any text; the `maxWords` strongest words come back. */
  classify(text: string, maxWords: number): SpamClassification;
  /** The index-th held-out message classified, with its true label. */
  testMessage(index: number, maxWords: number): Omit<SpamHeldOutMessage, 'index'>;
  /** What training learned about one token (lower case, or <url>, <email>, <number>). */
  wordStats(word: string): SpamWord;
  /** The k words pushing hardest towards 'spam' or 'ham' among words in at least minDocuments training messages. */
  topWords(label: 'spam' | 'ham', k: number, minDocuments: number): SpamWord[];
}

/** What bindings/wasm/spam_filter.cpp adds to the module object. */
export interface SpamFilterModule {
  /** spam-filter: parses the gunzipped corpus file ('ham N' / 'spam N' records), decodes the e-mails, holds out a
   *  stratified testFraction with `seed` and counts words with smoothing α; throws naming a malformed record. */
  SpamFilter: new (corpus: Uint8Array, testFraction: number, seed: number, alpha: number) => SpamFilter;
  /** The tokens the spam filter counts in `text`. */
  spamTokenize(text: string): string[];
}
