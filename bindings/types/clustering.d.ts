// clustering: DBSCAN, agglomerative clustering and a Gaussian mixture on one data set (bindings/wasm/clustering.cpp).
import type { Deletable } from './deletable';

/** clustering: one data set for DBSCAN, agglomerative clustering and a Gaussian mixture stepped by EM
 *  (engine/include/mlplay/cluster/{dbscan,hierarchical,gaussian_mixture}.h). */
export interface ClusteringSession extends Deletable {
  /** shape: 'moons' | 'circles' | 'blobs' (3 blobs; noise is their spread). */
  loadShape(shape: string, n: number, noise: number, seed: number): void;
  loadCsv(text: string, label: string): void;
  info(): { samples: number; features: number; featureNames: string[]; label: string; classes: string[]; groups: Int32Array; points: Float32Array };
  /** kinds: 0 noise, 1 border, 2 core; labels −1 for noise. */
  dbscan(eps: number, minSamples: number, standardize: boolean): { labels: Int32Array; kinds: Int32Array; clusters: number; noise: number };
  /** linkage: 'single' | 'complete' | 'average' | 'ward'. Keeps the merges for cut and clustersAt. */
  linkage(linkage: string, standardize: boolean): { a: Float64Array; b: Float64Array; height: Float64Array; size: Float64Array; order: Int32Array };
  cut(k: number): Int32Array;
  clustersAt(height: number): number;
  gmmStart(k: number, seed: number, standardize: boolean): GmmSessionState;
  gmmStep(): GmmSessionState;
  gmmState(): GmmSessionState;
  gmmBic(kMax: number, seed: number, standardize: boolean): Float64Array;
  kmeansLabels(k: number, seed: number, standardize: boolean): Int32Array;
}

export interface GmmSessionState {
  iteration: number; logLikelihood: number; converged: boolean; bic: number;
  weights: Float64Array; means: Float64Array; covariances: Float64Array; labels: Int32Array;
}

/** What bindings/wasm/clustering.cpp adds to the module object. */
export interface ClusteringModule {
  /** clustering: an empty session; loadShape or loadCsv, then dbscan, linkage, gmmStart… */
  ClusteringSession: new () => ClusteringSession;
  /** clustering: the adjusted Rand index of two labelings of the same points (1 identical, about 0 chance). */
  adjustedRandIndex(a: Int32Array, b: Int32Array): number;
}
