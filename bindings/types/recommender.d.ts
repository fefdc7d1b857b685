// recommender: user–user collaborative filtering and matrix factorization on MovieLens (bindings/wasm/recommender.cpp).
import type { Deletable } from './deletable';

/** recommender: MovieLens ratings read by the engine (bindings/wasm/recommender.cpp). Movie ids are the
 *  file's ids; `similarity` is 'dot' | 'cosine' | 'centered'. */
export interface Recommender extends Deletable {
  summary(): { users: number; movies: number; ratings: number; minRating: number; maxRating: number };
  /** Every rated movie, most rated first. */
  movies(): { ids: Int32Array; titles: string[]; years: Int32Array; counts: Int32Array; means: Float32Array };
  /** User–user CF for your ratings: the `neighbours` most similar users, the top `top` movies (k neighbours
   *  per movie, at least minSupport of them), and every user's rating count and similarity to you. */
  recommend(movieIds: ArrayLike<number>, ratings: ArrayLike<number>, similarity: string, k: number, top: number,
    minSupport: number, neighbours: number): {
    /** indices: user index (0-based, into `users`); meanCount: mean number of movies these users rated. */
    neighbours: { indices: Int32Array; userIds: Int32Array; similarities: Float64Array; overlaps: Int32Array; counts: Int32Array; meanCount: number };
    items: RecommenderPredictions;
    /** positive / negative: how many users have a similarity above / below 0. */
    users: { counts: Int32Array; similarities: Float64Array; meanCount: number; positive: number; negative: number };
  };
  /** Held-out RMSE of the baselines on the split (testFraction of each user's ratings, seed). */
  baselines(testFraction: number, seed: number): { globalMean: number; userMean: number; itemMean: number; userItemBias: number; train: number; test: number };
  /** Held-out RMSE of user–user CF with k neighbours; coverage: share predicted from neighbours. */
  evaluate(similarity: string, k: number, testFraction: number, seed: number): { rmse: number; coverage: number };
}

export interface RecommenderPredictions {
  movieIds: Int32Array;
  scores: Float64Array;
  /** Neighbours behind each score (CF), or the movie's number of ratings (matrix factorization). */
  supports: Int32Array;
}

/** recommender: a matrix factorization trained by SGD on the training split plus you. */
export interface MatrixFactorization extends Deletable {
  /** One SGD epoch over the training ratings; returns the training RMSE. */
  epoch(): number;
  epochs(): number;
  diverged(): boolean;
  trainRmse(): number;
  testRmse(): number;
  /** Your top movies among those with at least minRatings ratings. */
  recommend(top: number, minRatings: number): RecommenderPredictions;
}

/** What bindings/wasm/recommender.cpp adds to the module object. */
export interface RecommenderModule {
  /** recommender: parses MovieLens ratings (userId, movieId, rating) and movies (movieId, title, year, genres) CSV text. */
  Recommender: new (ratingsCsv: string, moviesCsv: string) => Recommender;
  /** factors 1–500, lr in (0, 1], reg λ in [0, 10]; centered: μ + b_u + b_i + p·q, else p·q. */
  MatrixFactorization: new (data: Recommender, movieIds: ArrayLike<number>, ratings: ArrayLike<number>, factors: number,
    lr: number, reg: number, centered: boolean, testFraction: number, seed: number) => MatrixFactorization;
}
