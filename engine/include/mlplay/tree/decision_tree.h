#pragma once
/// A CART decision tree for classification (gini, entropy) or regression (squared_error), grown
/// greedily from the root (scikit-learn's DecisionTreeClassifier / DecisionTreeRegressor names:
/// criterion, max_depth, min_samples_split, min_samples_leaf, max_features, fit, predict,
/// predict_proba, apply, decision_path, feature_importances).
/// https://scikit-learn.org/stable/modules/tree.html
///
/// Growing a node: for every feature (or a random max_features of them), sort the node's samples by
/// that feature and sweep the split point from left to right, keeping running class counts (or Σw,
/// Σwy, Σwy²) on each side. Between two neighbouring distinct values v_i < v_{i+1} the candidate rule
/// is  x_f ≤ (v_i + v_{i+1}) / 2  (the midpoint). The split with the largest weighted impurity
/// decrease (impurity.h) wins; ties go to the feature tried first (the lower index unless
/// max_features draws a random order) and the lower threshold. A one-hot
/// column is just a 0/1 number, so its only threshold is 0.5.
/// A node stays a leaf when it is pure, reached max_depth, has fewer than min_samples_split samples,
/// or no split leaves min_samples_leaf samples on both sides and lowers the impurity.
///
/// Each feature's sample order is sorted once per fit and partitioned stably at every split, so a
/// level of the tree costs O(N · features) rather than a sort per node.
#include <cstdint>
#include <string>
#include <vector>

#include "mlplay/tree/impurity.h"

namespace mlplay::tree {

struct TreeOptions {
  Criterion criterion = Criterion::gini;
  /// Deepest level a node may sit at (the root is depth 0); 0 = no limit.
  int max_depth = 0;
  /// A node with fewer samples is not split (≥ 2).
  int min_samples_split = 2;
  /// Each child of a split keeps at least this many samples (≥ 1).
  int min_samples_leaf = 1;
  /// Features tried at each node, drawn at random without replacement (random forests); features
  /// constant in the node are skipped and do not count, as in scikit-learn. 0 = all.
  int max_features = 0;
  /// Seeds the feature draws.
  uint64_t seed = 0;
};

/// Throws ValueError naming the bad option.
void check_options(const TreeOptions& options);

struct TreeNode {
  /// Split feature, or −1 for a leaf.
  int feature = -1;
  /// x[feature] ≤ threshold goes left.
  double threshold = 0;
  int left = -1, right = -1, parent = -1;
  int depth = 0;
  /// Training samples that reach the node (rows with weight > 0; a bootstrap repeat counts once).
  int64_t samples = 0;
  /// Their total sample weight.
  double weight = 0;
  double impurity = 0;
  /// Weighted impurity decrease of this node's split, (w / W)(I − w_L/w I_L − w_R/w I_R); 0 at a leaf.
  double improvement = 0;
  /// Classification: the weighted count of each class. Regression: {weighted mean}.
  std::vector<double> value;
  bool is_leaf() const { return feature < 0; }
};

/// Row-major samples: x[r * cols + c].
struct Samples {
  const double* x = nullptr;
  int64_t rows = 0, cols = 0;
  const double* row(int64_t r) const { return x + r * cols; }
};

/// Each feature's rows sorted by value (ties by row index), computed once and reused by every tree
/// fitted on the same samples (boosting fits hundreds).
struct FeatureOrder {
  std::vector<std::vector<int32_t>> rows;
  static FeatureOrder of(const Samples& x);
};

class DecisionTree {
 public:
  explicit DecisionTree(TreeOptions options = {});

  /// Classification: labels in [0, n_classes). `weights` (optional, one per row, ≥ 0) scale each
  /// row's vote; a row with weight 0 is left out (bootstrap samples, AdaBoost).
  void fit(const Samples& x, const std::vector<int>& labels, int n_classes, const std::vector<double>& weights = {},
           const FeatureOrder* order = nullptr);
  /// Regression (criterion squared_error): leaves predict the weighted mean of their y.
  /// `order` (optional): FeatureOrder::of(x), to skip sorting.
  void fit_regression(const Samples& x, const std::vector<double>& y, const std::vector<double>& weights = {},
                      const FeatureOrder* order = nullptr);

  /// Index of the leaf a row lands in.
  int apply(const double* row) const;
  /// The nodes from the root to that leaf.
  std::vector<int> decision_path(const double* row) const;
  /// The class with the largest weight in the row's leaf (the lowest index on a tie).
  int predict(const double* row) const;
  /// Class shares in the row's leaf.
  std::vector<double> predict_proba(const double* row) const;
  /// Regression: the leaf's mean.
  double predict_value(const double* row) const;
  /// predict for every row.
  std::vector<int> predict(const Samples& x) const;
  std::vector<double> predict_values(const Samples& x) const;

  /// Summed improvement per feature, normalised to sum to 1 (all 0 for a single-leaf tree).
  std::vector<double> feature_importances() const;

  const std::vector<TreeNode>& nodes() const { return nodes_; }
  const TreeOptions& options() const { return options_; }
  bool fitted() const { return !nodes_.empty(); }
  bool regression() const { return options_.criterion == Criterion::squared_error; }
  int n_classes() const { return n_classes_; }
  int64_t n_features() const { return n_features_; }
  /// Deepest leaf's depth (0 for a lone root).
  int depth() const;
  int n_leaves() const;

 private:
  void check_fitted(const char* what) const;
  void check_row_count(const char* what, const Samples& x) const;

  TreeOptions options_;
  std::vector<TreeNode> nodes_;
  int n_classes_ = 0;
  int64_t n_features_ = 0;
};

/// Share of rows whose prediction equals the label.
double accuracy(const std::vector<int>& predicted, const std::vector<int>& labels);

/// A split rule as text: "age ≤ 9.5", or for a one-hot column "name=level" at threshold 0.5,
/// "gender = male" / "gender ≠ male". `left` picks the rule of the left (≤) branch or its negation.
std::string rule_text(const std::string& feature_name, double threshold, bool left);

}  // namespace mlplay::tree
