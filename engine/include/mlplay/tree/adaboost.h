#pragma once
/// AdaBoost with the SAMME rule for K classes (Zhu, Zou, Rosset & Hastie 2009, "Multi-class
/// AdaBoost"; scikit-learn's AdaBoostClassifier(algorithm="SAMME")).
///
/// Start with equal sample weights w_i = 1/n. Round m fits a weak tree (a stump by default) to the
/// weighted rows, measures its weighted error  ε_m = Σ w_i [h_m(x_i) ≠ y_i] / Σ w_i,  gives it the say
///   α_m = η (ln((1 − ε_m)/ε_m) + ln(K − 1)),
/// and multiplies the weight of every row it got wrong by e^{α_m} (then renormalises), so the next
/// tree concentrates on the hard rows. The ensemble predicts  argmax_k Σ_m α_m [h_m(x) = k].
/// A tree no better than chance (ε ≥ 1 − 1/K) ends the boosting; a perfect one (ε = 0) is kept
/// with α = 1 and ends it too, as in scikit-learn.
#include <vector>

#include "mlplay/tree/decision_tree.h"

namespace mlplay::tree {

struct AdaBoostOptions {
  int n_estimators = 50;
  double learning_rate = 1.0;
  TreeOptions tree = {.max_depth = 1};
};

class AdaBoost {
 public:
  explicit AdaBoost(AdaBoostOptions options = {});

  void fit(const Samples& x, const std::vector<int>& labels, int n_classes);

  /// Weighted vote of the first `rounds` trees (all by default).
  int predict(const double* row, int rounds = -1) const;
  std::vector<int> predict(const Samples& x, int rounds = -1) const;

  /// Sample weights (summing to 1) before round m, for m = 0 … rounds(): weights()[0] is uniform.
  const std::vector<std::vector<double>>& weights() const { return weights_; }
  const std::vector<double>& errors() const { return errors_; }
  const std::vector<double>& alphas() const { return alphas_; }
  const std::vector<DecisionTree>& trees() const { return trees_; }
  int rounds() const { return static_cast<int>(trees_.size()); }

 private:
  AdaBoostOptions options_;
  int n_classes_ = 0;
  std::vector<DecisionTree> trees_;
  std::vector<std::vector<double>> weights_;
  std::vector<double> errors_, alphas_;
};

}  // namespace mlplay::tree
