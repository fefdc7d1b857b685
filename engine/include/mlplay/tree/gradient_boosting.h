#pragma once
/// Gradient-boosted regression trees with squared loss (Friedman 2001, "Greedy function
/// approximation: a gradient boosting machine"; scikit-learn's GradientBoostingRegressor names:
/// n_estimators, learning_rate, max_depth, subsample).
///
/// The model is a sum  F_M(x) = F_0 + η Σ_{m=1}^{M} h_m(x), F_0 the mean of y. For the loss
/// L = ½ Σ (y_i − F(x_i))² the negative gradient at each row is its residual r_i = y_i − F(x_i), so
/// round m fits a regression tree h_m to the residuals and adds η h_m (shrinkage η ≤ 1: smaller steps,
/// more trees, better generalisation). With least-squares leaves and 0 < η ≤ 1 every round lowers
/// the training loss:  Σ (r − η h)² = Σ r² − n_leaf m²(2η − η²) per leaf of mean m.
///
/// Grown step by step (begin, grow) so a lesson can stream the training and validation error.
#include <vector>

#include "mlplay/tree/decision_tree.h"

namespace mlplay::tree {

struct BoostingOptions {
  int n_estimators = 100;
  double learning_rate = 0.1;
  /// The regression trees (criterion squared_error; depth 3 by default).
  TreeOptions tree = {.criterion = Criterion::squared_error, .max_depth = 3};
};

class GradientBoosting {
 public:
  explicit GradientBoosting(BoostingOptions options = {});

  /// Starts on (x, y): F_0 = mean(y), no trees. The samples must outlive the booster.
  void begin(const Samples& x, const std::vector<double>& y);
  /// Rows whose MSE is tracked after every tree (optional; kept by pointer like begin's).
  void set_validation(const Samples& x, const std::vector<double>& y);
  /// Adds up to `count` trees (stopping at n_estimators); returns how many were added.
  int grow(int count);
  /// begin + grow(n_estimators).
  void fit(const Samples& x, const std::vector<double>& y);

  double predict_value(const double* row) const;
  std::vector<double> predict_values(const Samples& x) const;

  /// Training and validation MSE after 0, 1, … trees (index 0: the constant F_0).
  const std::vector<double>& train_loss() const { return train_loss_; }
  const std::vector<double>& validation_loss() const { return validation_loss_; }
  int n_trees() const { return static_cast<int>(trees_.size()); }
  double init() const { return init_; }
  const std::vector<DecisionTree>& trees() const { return trees_; }
  /// Summed split improvements over all trees, normalised to 1.
  std::vector<double> feature_importances() const;

 private:
  BoostingOptions options_;
  const Samples* x_ = nullptr;
  const std::vector<double>* y_ = nullptr;
  const Samples* vx_ = nullptr;
  const std::vector<double>* vy_ = nullptr;
  FeatureOrder order_;
  double init_ = 0;
  std::vector<double> f_, vf_;
  std::vector<DecisionTree> trees_;
  std::vector<double> train_loss_, validation_loss_;
};

}  // namespace mlplay::tree
