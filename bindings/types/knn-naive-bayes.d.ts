// knn-naive-bayes: one call that fits k-NN and Gaussian naive Bayes on a CSV (bindings/wasm/knn-naive-bayes.cpp).
import type { KnnNbBlobsResult, KnnNbParams, KnnNbResult } from '../../web/engine/protocol/knn-naive-bayes';

/** What bindings/wasm/knn-naive-bayes.cpp adds to the module object. */
export interface KnnNaiveBayesModule {
  /** knn-naive-bayes: fits k-NN and Gaussian naive Bayes on a CSV and returns both models' decision regions on the
   *  chosen feature pair, accuracies and the accuracy against k (engine/include/mlplay/classify/{knn,gaussian_nb}.h). */
  knnNaiveBayes(options: KnnNbParams): KnnNbResult;
  /** `count` points in 3 blobs inside [0, 10]², for the knn-naive-bayes drawing pad. */
  classifyExampleBlobs(count: number, seed: number): KnnNbBlobsResult;
}
