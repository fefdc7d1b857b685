#pragma once
/// User–user collaborative filtering: to guess how you would rate a movie, find the k users most
/// similar to you among those who rated it and average their ratings, weighted by similarity:
///   plain (dot, cosine)   r̂_i = Σ_v s_v r_vi / Σ_v s_v
///   centered              r̂_i = r̄_you + Σ_v s_v (r_vi − r̄_v) / Σ_v s_v
/// over the (at most k) users v with s_v > 0 who rated i. Herlocker, Konstan, Borchers & Riedl,
/// "An algorithmic framework for performing collaborative filtering", SIGIR 1999.
#include <cstdint>
#include <vector>

#include "mlplay/recommend/ratings.h"
#include "mlplay/recommend/similarity.h"

namespace mlplay::recommend {

struct KnnOptions {
  Similarity similarity = Similarity::Centered;
  /// Neighbours per prediction.
  int k = 30;
  /// A movie is recommended only when at least this many neighbours rated it.
  int min_support = 10;
};

struct Neighbour {
  int32_t user;
  double similarity;
  /// Movies both you and this user rated.
  int32_t overlap;
  /// Movies this user rated in all.
  int32_t count;
};

struct Prediction {
  int32_t item;
  /// Predicted rating, clipped to [min rating, max rating] of the data.
  double score;
  /// Neighbours whose ratings it is made of.
  int32_t support;
};

/// The `count` users most similar to `profile` (similarity > 0), most similar first.
std::vector<Neighbour> nearest_users(const RatingMatrix& ratings, const SparseVector& profile, Similarity kind, int count,
                                     int32_t exclude = -1);

/// Predicted ratings for the profile from the similarities of every user to it (similarities_to_users):
/// one Prediction per item in `items`, support 0 (score = fallback) when no neighbour rated it.
/// `profile_mean` is the profile's mean rating (used when centered).
std::vector<Prediction> predict_items(const RatingMatrix& ratings, const std::vector<double>& similarities,
                                      double profile_mean, const std::vector<int32_t>& items, const KnnOptions& options);

/// The top `count` movies the profile has not rated, by predicted rating (ties: more support, then
/// item index), among those with at least options.min_support neighbours.
std::vector<Prediction> recommend_for(const RatingMatrix& ratings, const SparseVector& profile, const KnnOptions& options,
                                      int count);

/// Held-out accuracy: each test rating predicted from the other users' training ratings, with the
/// user's own training ratings as the profile (min_support is ignored; with no neighbour the user's
/// mean is used, and `coverage` is the share predicted from neighbours).
struct KnnEvaluation {
  double rmse;
  double coverage;
  int64_t predictions;
};
KnnEvaluation evaluate_user_knn(const RatingMatrix& train, const RatingMatrix& test, const KnnOptions& options);

}  // namespace mlplay::recommend
