#pragma once
/// Linear regression trained by gradient descent on
///   J(b, β) = 1/(2n) Σ_i (y_i − b − x_iᵀβ)² + (λ/2) ‖β‖²,
///   ∂J/∂b = −(1/n) Σ_i r_i,   ∂J/∂β = −(1/n) Xᵀr + λβ,   r = y − b − Xβ,
/// either on the whole training set per step (batch) or on shuffled mini-batches of `batch_size` rows
/// (mini-batch / stochastic gradient descent), one epoch = one pass over the rows. Its minimum is the
/// normal equation's (ridge's when λ > 0), which the lesson shows both methods reaching.
/// Géron, Hands-On Machine Learning, 3rd ed., ch. 4 ("Gradient Descent").
#include <cstdint>
#include <vector>

#include "mlplay/core/random.h"
#include "mlplay/data/table.h"
#include "mlplay/linear_model/linear_model.h"

namespace mlplay::linear_model {

struct GdRegressorOptions {
  double lr = 0.1;
  /// Rows per step; 0 (or ≥ rows) = batch gradient descent.
  size_t batch_size = 0;
  /// Ridge penalty λ (0 = plain least squares).
  double lambda = 0;
  uint64_t seed = 0;
};

class GdRegressor {
 public:
  /// Starts from b = 0, β = 0 on a copy of `data` (the training rows; data.y is the target).
  GdRegressor(const data::Dataset& data, const GdRegressorOptions& options);

  /// Runs one epoch (one step for batch GD) and returns the training MSE after it.
  double step_epoch();
  /// The training MSE (1/n)‖r‖² of the current model (not halved, not penalized).
  double mse() const;
  const LinearModel& model() const { return model_; }
  int64_t epochs() const { return epochs_; }
  /// True once the loss or a coefficient stopped being finite, or the loss grew past 10⁴ × its value
  /// at the start (the learning rate is too large for these features or these batches).
  bool diverged() const { return diverged_; }

 private:
  /// One gradient step on rows [begin, end) of order_.
  void step(size_t begin, size_t end);

  data::Dataset data_;
  GdRegressorOptions options_;
  LinearModel model_;
  std::vector<size_t> order_;
  std::vector<double> grad_;
  Generator gen_;
  double initial_mse_ = 0;
  int64_t epochs_ = 0;
  bool diverged_ = false;
};

}  // namespace mlplay::linear_model
