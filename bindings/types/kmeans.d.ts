// kmeans: KMeansSession stepped by the page, and colour quantization (bindings/wasm/kmeans.cpp).
import type { Deletable } from './deletable';

/** kmeans: one data set and one k-means run stepped by the page (engine/include/mlplay/cluster/kmeans.h). */
export interface KMeansSession extends Deletable {
  /** CSV text; label: the group column, '' to pick the first text column, 'none'. Throws naming a bad row and column. */
  loadCsv(text: string, label: string): void;
  /** n points around `centers` random centres in [−10, 10]², standard deviation `spread`; the blob is each point's group. */
  loadBlobs(n: number, centers: number, spread: number, seed: number): void;
  info(): {
    samples: number; features: number; featureNames: string[]; label: string; classes: string[]; skipped: string[];
    groups: Int32Array; points: Float32Array;
  };
  /** init: 'kmeans++' | 'random'. Picks the starting centroids and assigns every point (iteration 0). */
  start(k: number, init: string, seed: number, standardize: boolean, maxIter: number, tol: number): KMeansRunState;
  /** One Lloyd iteration: centroids to their clusters' means, then points to their nearest centroid. */
  step(): KMeansRunState;
  state(): KMeansRunState;
  /** Sizes, the mean silhouette (NaN for one cluster; a 2,000-point sample for larger data) and clusters × groups counts. */
  summary(): { sizes: Float64Array; silhouette: number; crosstab: Int32Array };
  /** The best of nInit runs with k clusters, for the elbow and silhouette plots. */
  sweepOne(k: number, init: string, nInit: number, seed: number, standardize: boolean): { inertia: number; silhouette: number; iterations: number };
}

export interface KMeansRunState {
  iteration: number; moved: number; shift: number; inertia: number; relocated: number; converged: boolean; done: boolean;
  tolerance: number; labels: Int32Array; centroids: Float64Array; initial: Int32Array;
}

/** What bindings/wasm/kmeans.cpp adds to the module object. */
export interface KMeansModule {
  /** kmeans: an empty session; loadCsv or loadBlobs, then start and step. */
  KMeansSession: new () => KMeansSession;
  /** kmeans: RGBA pixels repainted with `colors` k-means colours fitted on `sample` random pixels. */
  quantizeColors(rgba: Uint8ClampedArray | Uint8Array, colors: number, init: string, seed: number, sample: number): {
    palette: Uint8Array; counts: Float64Array; rgba: Uint8ClampedArray<ArrayBuffer>; mse: number; iterations: number; sampled: number;
  };
}
