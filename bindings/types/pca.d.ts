// pca: PcaSession, one data set and its PCA fitted a component at a time (bindings/wasm/pca.cpp).
import type { Deletable } from './deletable';

/** pca: one data set and its PCA, fitted a component at a time (engine/include/mlplay/linalg/pca.h). */
export interface PcaSession extends Deletable {
  /** CSV text; label: a column name, '' to pick the first text column, 'none' for none. Throws naming a bad row and column. */
  loadCsv(text: string, label: string): void;
  /** The first `count` images of MNIST IDX files (pixels / 255). */
  loadMnist(images: Uint8Array, labels: Uint8Array, count: number): void;
  dataInfo(): { samples: number; features: number; featureNames: string[]; label: string; classes: string[]; ignored: string[]; labels: Int32Array };
  /** Centres (and with standardize scales) the data and forms the covariance; returns its trace. */
  prepare(standardize: boolean, tolerance: number, maxIterations: number, seed: number): number;
  /** Power iteration with deflation for the next component. */
  fitNext(): { value: number; ratio: number; iterations: number; residual: number; converged: boolean };
  nFitted(): number;
  totalVariance(): number;
  /** Scores on the first k components, n × k row by row. */
  scores(k: number): Float32Array;
  /** The first k unit eigenvectors, k × d row by row. */
  components(k: number): Float32Array;
  moments(): { mean: Float64Array; scale: Float64Array; covariance: Float64Array };
  /** Sample `index` rebuilt from k components, in the data's units. */
  reconstruct(index: number, k: number): { original: Float32Array; reconstruction: Float32Array; squaredError: number };
  /** σ_1…σ_k of the centred data by power iteration on Zᵀ(Z w), and |cos| to the covariance eigenvectors. */
  singularValues(k: number): { values: Float64Array; alignment: Float64Array };
}

/** What bindings/wasm/pca.cpp adds to the module object. */
export interface PcaModule {
  /** pca: an empty session; loadCsv or loadMnist, then prepare and fitNext. */
  PcaSession: new () => PcaSession;
}
