#pragma once
/// Matrix factorization for ratings ("Funk SVD"): each user u gets a vector p_u and each movie i a
/// vector q_i of `factors` learned numbers, and a rating is predicted by their dot product,
///   centered (biased):  r̂_ui = μ + b_u + b_i + p_u · q_i
///   raw:                r̂_ui = p_u · q_i
/// trained by stochastic gradient descent on the squared error plus an L2 penalty λ:
///   e = r_ui − r̂_ui,  b_u += η (e − λ b_u),  b_i += η (e − λ b_i),
///   p_u += η (e q_i − λ p_u),  q_i += η (e p_u − λ q_i)   (p_u and q_i updated from their old values).
/// Koren, Bell & Volinsky, "Matrix factorization techniques for recommender systems", IEEE Computer 2009.
#include <cstdint>
#include <vector>

#include "mlplay/recommend/ratings.h"
#include "mlplay/recommend/user_knn.h"

namespace mlplay::recommend {

struct MatrixFactorizationOptions {
  int factors = 20;
  /// Learning rate η.
  double lr = 0.01;
  /// L2 penalty λ (weight decay) on biases and factors.
  double reg = 0.05;
  /// Predict μ + b_u + b_i + p·q (true) or p·q alone (false).
  bool centered = true;
  /// Factors start as N(0, init_std²).
  double init_std = 0.1;
  uint64_t seed = 1;
};

class MatrixFactorization {
 public:
  /// Throws ValueError for factors outside 1..500, a learning rate outside (0, 1], λ outside [0, 10].
  MatrixFactorization(RatingMatrix train, const MatrixFactorizationOptions& options);

  /// One pass of SGD over every training rating in a fresh random order. Returns the training RMSE
  /// after the pass (NaN or infinity once it has diverged).
  double epoch();
  int epochs() const { return epochs_; }
  bool diverged() const { return diverged_; }

  double predict(int32_t user, int32_t item) const;
  /// Root mean squared error of the predictions on the ratings of `data` (same users and items).
  double rmse(const RatingMatrix& data) const;
  /// The top `count` items user `user` has not rated in training, by predicted rating, among items
  /// with at least `min_ratings` training ratings (a movie one person loved says little). Each
  /// Prediction's support is the item's number of training ratings.
  std::vector<Prediction> recommend(int32_t user, int count, int min_ratings = 1) const;

  const RatingMatrix& train() const { return train_; }
  const MatrixFactorizationOptions& options() const { return options_; }
  /// (num_users, factors) and (num_items, factors), row-major.
  const std::vector<double>& user_factors() const { return p_; }
  const std::vector<double>& item_factors() const { return q_; }
  const std::vector<double>& user_biases() const { return user_bias_; }
  const std::vector<double>& item_biases() const { return item_bias_; }
  double mu() const { return mu_; }

 private:
  RatingMatrix train_;
  MatrixFactorizationOptions options_;
  std::vector<RatingMatrix::Entry> entries_;
  std::vector<double> p_, q_, user_bias_, item_bias_;
  double mu_ = 0;
  int epochs_ = 0;
  bool diverged_ = false;
  uint64_t shuffle_state_;
};

/// Held-out RMSE of the simple predictors every model should beat: the global mean μ, each user's
/// mean, each movie's mean, and μ + b_u + b_i with damped biases
/// b_i = Σ_u (r_ui − μ) / (n_i + damping), b_u = Σ_i (r_ui − μ − b_i) / (n_u + damping).
struct BaselineRmse {
  double global_mean;
  double user_mean;
  double item_mean;
  double user_item_bias;
};
BaselineRmse baseline_rmse(const RatingMatrix& train, const RatingMatrix& test, double damping = 5.0);

}  // namespace mlplay::recommend
