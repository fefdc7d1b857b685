// Worker task types of the clustering lesson (the protocol itself is in ../protocol.ts).

export type ClusteringShape = 'moons' | 'circles' | 'blobs';
export type ClusteringLinkage = 'single' | 'complete' | 'average' | 'ward';

export type ClusteringLoadParams =
  | { source: 'shape'; shape: ClusteringShape; n: number; noise: number; seed: number }
  | { source: 'csv'; csv: string; label: string };

export interface ClusteringData {
  samples: number;
  features: number;
  featureNames: string[];
  label: string;
  classes: string[];
  groups: Int32Array;
  /** samples × features, row by row. */
  points: Float32Array;
}

export interface DbscanParams {
  eps: number;
  minSamples: number;
  standardize: boolean;
}

export interface DbscanResult {
  /** Cluster per point, −1 for noise. */
  labels: Int32Array;
  /** 0 noise, 1 border, 2 core. */
  kinds: Int32Array;
  clusters: number;
  noise: number;
  /** Adjusted Rand index against the data's groups (NaN when there are none). */
  agreement: number;
}

export interface HclustParams {
  linkage: ClusteringLinkage;
  standardize: boolean;
  /** Clusters to cut the tree into. */
  k: number;
}

export interface HclustResult {
  /** scipy's linkage matrix by columns: merge i joins a[i] and b[i] (ids ≥ n are merges) at height[i]. */
  a: Float64Array;
  b: Float64Array;
  height: Float64Array;
  size: Float64Array;
  /** The points from left to right in the dendrogram. */
  order: Int32Array;
  k: number;
  labels: Int32Array;
  agreement: number;
}

export interface HclustCutParams {
  /** Cut into k clusters, or (when k is 0) at this height. */
  k: number;
  height: number;
}

export interface HclustCutResult {
  k: number;
  labels: Int32Array;
  agreement: number;
}

export interface GmmParams {
  k: number;
  seed: number;
  standardize: boolean;
  /** Milliseconds between EM iterations sent as progress (0: as fast as possible). */
  frameMs: number;
  maxIter: number;
}

export interface GmmState {
  iteration: number;
  /** Mean log-likelihood per point under the current parameters. */
  logLikelihood: number;
  converged: boolean;
  bic: number;
  weights: Float64Array;
  /** k × features, in the data's units. */
  means: Float64Array;
  /** k × features × features, in the data's units. */
  covariances: Float64Array;
  labels: Int32Array;
}

export interface GmmResult extends GmmState {
  reason: 'converged' | 'max-iter' | 'cancelled';
  agreement: number;
}

export interface GmmBicParams {
  kMax: number;
  seed: number;
  standardize: boolean;
}

export interface ClusteringKMeansParams {
  k: number;
  seed: number;
  standardize: boolean;
}

export interface ClusteringKMeansResult {
  labels: Int32Array;
  agreement: number;
}
