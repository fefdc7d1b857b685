// Worker task types of the recommender lesson (the protocol itself is in ../protocol.ts).
// recommender: MovieLens ratings fetched and parsed in the worker, user–user CF by three similarities,
// held-out evaluation, and a matrix factorization trained epoch by epoch.

export type RecommenderSimilarity = 'dot' | 'cosine' | 'centered';

/** Where the two CSV files are (absolute URLs); every task names them, so a fresh worker reloads. */
export interface RecommenderData {
  ratingsUrl: string;
  moviesUrl: string;
}

export interface RecommenderLoadProgress {
  stage: 'download' | 'parse';
  /** Bytes downloaded so far and in all (0 when the server does not say). */
  loaded: number;
  total: number;
}

export interface RecommenderCatalog {
  users: number;
  movies: number;
  ratings: number;
  minRating: number;
  maxRating: number;
  /** Every rated movie, most rated first. */
  ids: Int32Array;
  titles: string[];
  years: Int32Array;
  /** Number of ratings and mean rating of each movie. */
  counts: Int32Array;
  means: Float32Array;
}

export interface RecommenderPredictionList {
  movieIds: Int32Array;
  scores: Float64Array;
  /** Neighbours behind each score (CF), or the movie's number of ratings (matrix factorization). */
  supports: Int32Array;
}

export interface RecommenderRecommendParams {
  data: RecommenderData;
  /** Your ratings: parallel arrays. */
  movieIds: number[];
  ratings: number[];
  /** Neighbours per prediction. */
  k: number;
  /** Movies to recommend per similarity. */
  top: number;
  /** Least number of neighbours behind a recommendation. */
  minSupport: number;
  /** Most similar users to list. */
  neighbours: number;
}

export interface RecommenderMethod {
  similarity: RecommenderSimilarity;
  /** The most similar users: index (into `users`), id, similarity, movies in common, movies rated;
   *  meanCount: the mean number of movies they rated. */
  neighbours: { indices: Int32Array; userIds: Int32Array; similarities: Float64Array; overlaps: Int32Array; counts: Int32Array; meanCount: number };
  items: RecommenderPredictionList;
  /** Every user: how many movies they rated and their similarity to you; the mean count, and how many
   *  users have a positive or a negative similarity. */
  users: { counts: Int32Array; similarities: Float64Array; meanCount: number; positive: number; negative: number };
}

export interface RecommenderRecommendResult {
  methods: RecommenderMethod[];
}

export interface RecommenderEvaluateParams {
  data: RecommenderData;
  k: number;
  testFraction: number;
  seed: number;
}

export interface RecommenderKnnScore {
  similarity: RecommenderSimilarity;
  rmse: number;
  /** Share of test ratings predicted from neighbours (the rest fall back to the user's mean). */
  coverage: number;
}

export interface RecommenderEvaluateResult {
  train: number;
  test: number;
  baselines: { globalMean: number; userMean: number; itemMean: number; userItemBias: number };
  knn: RecommenderKnnScore[];
}

export interface RecommenderTrainParams {
  data: RecommenderData;
  movieIds: number[];
  ratings: number[];
  factors: number;
  epochs: number;
  lr: number;
  reg: number;
  /** μ + b_u + b_i + p·q (true) or p·q alone. */
  centered: boolean;
  testFraction: number;
  seed: number;
  top: number;
  /** Recommend only movies with at least this many ratings. */
  minRatings: number;
  /** Spend at least this long per epoch, so the loss curve can be watched (0: as fast as possible). */
  paceMs: number;
}

export interface RecommenderTrainProgress {
  epoch: number;
  trainRmse: number;
  testRmse: number;
}

export interface RecommenderTrainResult {
  reason: 'done' | 'stopped' | 'diverged';
  epochs: number;
  trainRmse: number;
  testRmse: number;
  /** Your top movies by the model (empty when you rated nothing or it diverged). */
  items: RecommenderPredictionList;
}
