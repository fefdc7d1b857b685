#pragma once
/// Bagging and random forests (Breiman 1996 "Bagging predictors", 2001 "Random forests";
/// scikit-learn's RandomForestClassifier / RandomForestRegressor names: n_estimators, max_features,
/// bootstrap, oob_score).
///
/// Each tree is grown on a bootstrap sample: n rows drawn with replacement (a row drawn c times
/// gets sample weight c; about 1 − 1/e ≈ 63% of the rows appear). A random forest also draws
/// max_features features at random at every node (√d is usual for classes, d/3 for regression);
/// with max_features = all features it is plain bagging. The forest predicts the average of the
/// trees' class shares (soft vote) or values.
///
/// Out-of-bag (OOB) error: each row is predicted only by the trees whose bootstrap left it out
/// (about 37% of them), so the OOB error estimates the error on unseen data without a held-out set.
#include <cstdint>
#include <string>
#include <vector>

#include "mlplay/tree/decision_tree.h"

namespace mlplay::tree {

struct ForestOptions {
  int n_estimators = 100;
  /// Per-tree options; tree.max_features 0 = all features (bagging).
  TreeOptions tree;
  bool bootstrap = true;
  uint64_t seed = 0;
};

/// "sqrt", "log2", "all" (or "none"), a whole number, or a fraction in (0, 1) → features per node
/// for `n_features` features (at least 1). Throws ValueError otherwise.
int parse_max_features(const std::string& text, int64_t n_features);

class RandomForest {
 public:
  explicit RandomForest(ForestOptions options = {});

  void fit(const Samples& x, const std::vector<int>& labels, int n_classes);
  void fit_regression(const Samples& x, const std::vector<double>& y);

  std::vector<double> predict_proba(const double* row) const;
  int predict(const double* row) const;
  double predict_value(const double* row) const;
  std::vector<int> predict(const Samples& x) const;
  std::vector<double> predict_values(const Samples& x) const;
  /// Prediction of the first `trees` trees only (the forest as it grew).
  double predict_value(const double* row, int trees) const;
  int predict(const double* row, int trees) const;

  /// OOB error after each tree: 1 − accuracy for classes, MSE for regression, over the rows that
  /// were out of bag for at least one of the trees so far (NaN while there are none).
  const std::vector<double>& oob_error_history() const { return oob_history_; }
  double oob_error() const { return oob_history_.empty() ? 0.0 : oob_history_.back(); }
  /// Mean of the trees' normalised importances.
  std::vector<double> feature_importances() const;
  const std::vector<DecisionTree>& trees() const { return trees_; }
  const ForestOptions& options() const { return options_; }

 private:
  template <typename FitTree, typename AddOob>
  void grow(const Samples& x, FitTree fit_tree, AddOob add_oob);

  ForestOptions options_;
  std::vector<DecisionTree> trees_;
  std::vector<double> oob_history_;
  int n_classes_ = 0;
};

}  // namespace mlplay::tree
