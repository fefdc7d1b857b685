#include "mlplay/tree/decision_tree.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "mlplay/core/error.h"
#include "mlplay/core/random.h"

namespace mlplay::tree {
namespace {

/// Neighbouring values closer than this are treated as equal (no threshold between them), as in
/// scikit-learn's FEATURE_THRESHOLD.
constexpr double kFeatureThreshold = 1e-7;
/// A node whose impurity is at most this is pure.
constexpr double kPure = 1e-7;
/// A split must lower the impurity by more than this (a zero-gain split only adds nodes).
constexpr double kMinGain = 1e-12;

struct Split {
  int feature = -1;
  double threshold = 0;
  double gain = 0;  // I(t) − (w_L I_L + w_R I_R) / w
  int64_t left_count = 0;
};

/// Node to grow: its samples are positions [begin, end) of every feature's order.
struct Pending {
  int64_t begin, end;
  int depth, parent;
  bool left;
};

class Builder {
 public:
  Builder(const TreeOptions& options, const Samples& x, const std::vector<double>& weights, int n_classes,
          const std::vector<int>* labels, const std::vector<double>* y, const FeatureOrder* presorted)
      : options_(options), x_(x), weights_(weights), k_(n_classes), labels_(labels), y_(y), rng_(options.seed) {
    std::vector<int32_t> active;
    for (int64_t r = 0; r < x.rows; ++r) {
      if (weights_[static_cast<size_t>(r)] > 0) active.push_back(static_cast<int32_t>(r));
    }
    check<ValueError>(!active.empty(), "DecisionTree.fit: every sample weight is 0; nothing to learn from");
    for (int32_t r : active) total_weight_ += weights_[static_cast<size_t>(r)];
    if (presorted) {
      check<ValueError>(presorted->rows.size() == static_cast<size_t>(x.cols), "DecisionTree.fit: the feature order is for ",
                        presorted->rows.size(), " features, not ", x.cols);
      order_.resize(static_cast<size_t>(x.cols));
      for (size_t f = 0; f < order_.size(); ++f) {
        order_[f].reserve(active.size());
        for (int32_t r : presorted->rows[f]) {
          if (weights_[static_cast<size_t>(r)] > 0) order_[f].push_back(r);
        }
      }
    } else {
      order_ = FeatureOrder::of(x).rows;
      if (active.size() != static_cast<size_t>(x.rows)) {
        for (auto& order : order_) {
          order.erase(std::remove_if(order.begin(), order.end(), [&](int32_t r) { return weights_[static_cast<size_t>(r)] <= 0; }),
                      order.end());
        }
      }
    }
    scratch_.resize(active.size());
    goes_left_.assign(static_cast<size_t>(x.rows), 0);
    features_.resize(static_cast<size_t>(x.cols));
  }

  std::vector<TreeNode> build() {
    std::vector<TreeNode> nodes;
    std::vector<Pending> stack = {{0, static_cast<int64_t>(order_[0].size()), 0, -1, false}};
    while (!stack.empty()) {
      const Pending p = stack.back();
      stack.pop_back();
      const int id = static_cast<int>(nodes.size());
      nodes.push_back(stats(p));
      if (p.parent >= 0) (p.left ? nodes[static_cast<size_t>(p.parent)].left : nodes[static_cast<size_t>(p.parent)].right) = id;
      TreeNode& node = nodes.back();
      if (!may_split(node)) continue;
      const Split split = best_split(p.begin, p.end, node);
      if (split.feature < 0) continue;
      node.feature = split.feature;
      node.threshold = split.threshold;
      node.improvement = node.weight / total_weight_ * split.gain;
      partition(p.begin, p.end, split);
      const int64_t mid = p.begin + split.left_count;
      // Right first so the left child is grown next: node ids come out in pre-order.
      stack.push_back({mid, p.end, p.depth + 1, id, false});
      stack.push_back({p.begin, mid, p.depth + 1, id, true});
    }
    return nodes;
  }

 private:
  double at(int64_t row, int64_t feature) const { return x_.x[row * x_.cols + feature]; }
  double w(int32_t row) const { return weights_[static_cast<size_t>(row)]; }

  TreeNode stats(const Pending& p) {
    TreeNode node;
    node.parent = p.parent;
    node.depth = p.depth;
    node.samples = p.end - p.begin;
    const auto& rows = order_[0];
    if (k_ > 0) {
      node.value.assign(static_cast<size_t>(k_), 0.0);
      for (int64_t i = p.begin; i < p.end; ++i) {
        const int32_t r = rows[static_cast<size_t>(i)];
        node.value[static_cast<size_t>((*labels_)[static_cast<size_t>(r)])] += w(r);
        node.weight += w(r);
      }
      node.impurity = class_impurity(options_.criterion, node.value.data(), k_, node.weight);
    } else {
      double sum = 0, sum_squares = 0;
      for (int64_t i = p.begin; i < p.end; ++i) {
        const int32_t r = rows[static_cast<size_t>(i)];
        const double y = (*y_)[static_cast<size_t>(r)];
        node.weight += w(r), sum += w(r) * y, sum_squares += w(r) * y * y;
      }
      node.value = {sum / node.weight};
      node.impurity = variance(node.weight, sum, sum_squares);
      sum_ = sum, sum_squares_ = sum_squares;
    }
    return node;
  }

  bool may_split(const TreeNode& node) const {
    if (options_.max_depth > 0 && node.depth >= options_.max_depth) return false;
    if (node.samples < options_.min_samples_split || node.samples < 2 * options_.min_samples_leaf) return false;
    return node.impurity > kPure;
  }

  /// The order to try features in: by index, or (with max_features) a fresh random permutation.
  void draw_features() {
    std::iota(features_.begin(), features_.end(), 0);
    if (options_.max_features <= 0 || options_.max_features >= x_.cols) return;
    for (size_t i = features_.size() - 1; i > 0; --i) {  // Fisher–Yates
      std::swap(features_[i], features_[rng_.randint(static_cast<uint32_t>(i + 1))]);
    }
  }

  Split best_split(int64_t begin, int64_t end, const TreeNode& node) {
    Split best;
    const int64_t n = end - begin, min_leaf = options_.min_samples_leaf;
    draw_features();
    // Like scikit-learn, features constant in this node do not count towards max_features.
    const int64_t wanted = options_.max_features > 0 ? options_.max_features : x_.cols;
    int64_t tried = 0;
    std::vector<double> left(static_cast<size_t>(std::max(k_, 1))), right(left.size());
    for (size_t t = 0; t < features_.size() && tried < wanted; ++t) {
      const int f = features_[t];
      const int32_t* order = order_[static_cast<size_t>(f)].data();
      if (at(order[end - 1], f) <= at(order[begin], f) + kFeatureThreshold) continue;  // constant here
      ++tried;
      std::fill(left.begin(), left.end(), 0.0);
      double wl = 0, sum_l = 0, sum_squares_l = 0;
      for (int64_t i = begin; i < end - 1; ++i) {
        const int32_t r = order[i];
        const int64_t nl = i - begin + 1;
        wl += w(r);
        if (k_ > 0) {
          left[static_cast<size_t>((*labels_)[static_cast<size_t>(r)])] += w(r);
        } else {
          const double y = (*y_)[static_cast<size_t>(r)];
          sum_l += w(r) * y, sum_squares_l += w(r) * y * y;
        }
        if (n - nl < min_leaf) break;
        const double v = at(r, f), next = at(order[i + 1], f);
        if (nl < min_leaf || next <= v + kFeatureThreshold) continue;
        const double wr = node.weight - wl;
        double il, ir;
        if (k_ > 0) {
          for (size_t c = 0; c < left.size(); ++c) right[c] = node.value[c] - left[c];
          il = class_impurity(options_.criterion, left.data(), k_, wl);
          ir = class_impurity(options_.criterion, right.data(), k_, wr);
        } else {
          il = variance(wl, sum_l, sum_squares_l);
          ir = variance(wr, sum_ - sum_l, sum_squares_ - sum_squares_l);
        }
        const double gain = node.impurity - (wl * il + wr * ir) / node.weight;
        if (gain > kMinGain && gain > best.gain + kMinGain) {
          double threshold = 0.5 * (v + next);
          if (threshold >= next) threshold = v;  // rounding put the midpoint on the upper value
          best = {f, threshold, gain, nl};
        }
      }
    }
    return best;
  }

  /// Every feature's order over [begin, end): the left child's samples first, each side still sorted.
  void partition(int64_t begin, int64_t end, const Split& split) {
    const int32_t* chosen = order_[static_cast<size_t>(split.feature)].data();
    for (int64_t i = begin; i < end; ++i) goes_left_[static_cast<size_t>(chosen[i])] = i < begin + split.left_count;
    for (auto& order : order_) {
      int64_t l = begin, r = 0;
      for (int64_t i = begin; i < end; ++i) {
        const int32_t row = order[static_cast<size_t>(i)];
        if (goes_left_[static_cast<size_t>(row)]) {
          order[static_cast<size_t>(l++)] = row;
        } else {
          scratch_[static_cast<size_t>(r++)] = row;
        }
      }
      std::copy(scratch_.begin(), scratch_.begin() + r, order.begin() + l);
    }
  }

  const TreeOptions& options_;
  const Samples& x_;
  const std::vector<double>& weights_;
  int k_;
  const std::vector<int>* labels_;
  const std::vector<double>* y_;
  Generator rng_;
  double total_weight_ = 0;
  /// The regression sums of the node being split (set by stats()).
  double sum_ = 0, sum_squares_ = 0;
  std::vector<std::vector<int32_t>> order_;
  std::vector<int32_t> scratch_;
  std::vector<char> goes_left_;
  std::vector<int> features_;
};

void check_samples(const char* what, const Samples& x, size_t targets, const std::vector<double>& weights) {
  check<ValueError>(x.rows > 0 && x.cols > 0 && x.x, what, ": no samples (", x.rows, " rows × ", x.cols, " features)");
  check<ValueError>(targets == static_cast<size_t>(x.rows), what, ": ", x.rows, " rows but ", targets, " targets");
  check<ValueError>(weights.empty() || weights.size() == static_cast<size_t>(x.rows), what, ": ", x.rows, " rows but ",
                    weights.size(), " sample weights");
  for (int64_t r = 0; r < x.rows; ++r) {
    for (int64_t c = 0; c < x.cols; ++c) {
      check<ValueError>(std::isfinite(x.row(r)[c]), what, ": feature ", c, " of row ", r, " is ", x.row(r)[c],
                        "; fill or drop missing values first");
    }
  }
  for (size_t r = 0; r < weights.size(); ++r) {
    check<ValueError>(std::isfinite(weights[r]) && weights[r] >= 0, what, ": sample weight ", r, " is ", weights[r],
                      "; weights must be finite and ≥ 0");
  }
}

}  // namespace

FeatureOrder FeatureOrder::of(const Samples& x) {
  FeatureOrder out;
  std::vector<int32_t> all(static_cast<size_t>(x.rows));
  std::iota(all.begin(), all.end(), 0);
  out.rows.assign(static_cast<size_t>(x.cols), all);
  for (int64_t f = 0; f < x.cols; ++f) {
    std::sort(out.rows[static_cast<size_t>(f)].begin(), out.rows[static_cast<size_t>(f)].end(), [&](int32_t a, int32_t b) {
      const double va = x.x[a * x.cols + f], vb = x.x[b * x.cols + f];
      return va < vb || (va == vb && a < b);
    });
  }
  return out;
}

void check_options(const TreeOptions& options) {
  check<ValueError>(options.max_depth >= 0, "DecisionTree: max_depth must be ≥ 0 (0 = no limit), got ", options.max_depth);
  check<ValueError>(options.min_samples_split >= 2, "DecisionTree: min_samples_split must be ≥ 2, got ", options.min_samples_split);
  check<ValueError>(options.min_samples_leaf >= 1, "DecisionTree: min_samples_leaf must be ≥ 1, got ", options.min_samples_leaf);
  check<ValueError>(options.max_features >= 0, "DecisionTree: max_features must be ≥ 0 (0 = all), got ", options.max_features);
}

DecisionTree::DecisionTree(TreeOptions options) : options_(options) { check_options(options_); }

void DecisionTree::fit(const Samples& x, const std::vector<int>& labels, int n_classes, const std::vector<double>& weights,
                       const FeatureOrder* order) {
  check<ValueError>(is_classification(options_.criterion), "DecisionTree.fit: criterion ", to_string(options_.criterion),
                    " is for regression; use fit_regression or gini/entropy");
  check_samples("DecisionTree.fit", x, labels.size(), weights);
  check<ValueError>(n_classes >= 1, "DecisionTree.fit: n_classes must be ≥ 1, got ", n_classes);
  for (size_t r = 0; r < labels.size(); ++r) {
    check<ValueError>(labels[r] >= 0 && labels[r] < n_classes, "DecisionTree.fit: label ", labels[r], " of row ", r,
                      " is outside 0 … ", n_classes - 1);
  }
  const std::vector<double> w = weights.empty() ? std::vector<double>(labels.size(), 1.0) : weights;
  n_classes_ = n_classes;
  n_features_ = x.cols;
  nodes_ = Builder(options_, x, w, n_classes, &labels, nullptr, order).build();
}

void DecisionTree::fit_regression(const Samples& x, const std::vector<double>& y, const std::vector<double>& weights,
                                  const FeatureOrder* order) {
  check<ValueError>(options_.criterion == Criterion::squared_error, "DecisionTree.fit_regression: criterion ",
                    to_string(options_.criterion), " is for classes; use squared_error");
  check_samples("DecisionTree.fit_regression", x, y.size(), weights);
  for (size_t r = 0; r < y.size(); ++r) {
    check<ValueError>(std::isfinite(y[r]), "DecisionTree.fit_regression: target of row ", r, " is ", y[r]);
  }
  const std::vector<double> w = weights.empty() ? std::vector<double>(y.size(), 1.0) : weights;
  n_classes_ = 0;
  n_features_ = x.cols;
  nodes_ = Builder(options_, x, w, 0, nullptr, &y, order).build();
}

void DecisionTree::check_fitted(const char* what) const {
  check<ValueError>(fitted(), "DecisionTree.", what, ": the tree is not fitted; call fit first");
}

void DecisionTree::check_row_count(const char* what, const Samples& x) const {
  check_fitted(what);
  check<ValueError>(x.cols == n_features_, "DecisionTree.", what, ": rows have ", x.cols, " features but the tree was fitted on ",
                    n_features_);
}

int DecisionTree::apply(const double* row) const {
  check_fitted("apply");
  int id = 0;
  while (!nodes_[static_cast<size_t>(id)].is_leaf()) {
    const TreeNode& node = nodes_[static_cast<size_t>(id)];
    id = row[node.feature] <= node.threshold ? node.left : node.right;
  }
  return id;
}

std::vector<int> DecisionTree::decision_path(const double* row) const {
  check_fitted("decision_path");
  std::vector<int> path = {0};
  while (!nodes_[static_cast<size_t>(path.back())].is_leaf()) {
    const TreeNode& node = nodes_[static_cast<size_t>(path.back())];
    path.push_back(row[node.feature] <= node.threshold ? node.left : node.right);
  }
  return path;
}

int DecisionTree::predict(const double* row) const {
  check<ValueError>(!regression(), "DecisionTree.predict: a regression tree predicts values; use predict_value");
  const auto& value = nodes_[static_cast<size_t>(apply(row))].value;
  return static_cast<int>(std::max_element(value.begin(), value.end()) - value.begin());
}

std::vector<double> DecisionTree::predict_proba(const double* row) const {
  check<ValueError>(!regression(), "DecisionTree.predict_proba: a regression tree has no classes");
  const TreeNode& leaf = nodes_[static_cast<size_t>(apply(row))];
  std::vector<double> p = leaf.value;
  for (double& v : p) v /= leaf.weight;
  return p;
}

double DecisionTree::predict_value(const double* row) const {
  check<ValueError>(regression(), "DecisionTree.predict_value: a classification tree predicts classes; use predict");
  return nodes_[static_cast<size_t>(apply(row))].value[0];
}

std::vector<int> DecisionTree::predict(const Samples& x) const {
  check_row_count("predict", x);
  std::vector<int> out(static_cast<size_t>(x.rows));
  for (int64_t r = 0; r < x.rows; ++r) out[static_cast<size_t>(r)] = predict(x.row(r));
  return out;
}

std::vector<double> DecisionTree::predict_values(const Samples& x) const {
  check_row_count("predict_values", x);
  std::vector<double> out(static_cast<size_t>(x.rows));
  for (int64_t r = 0; r < x.rows; ++r) out[static_cast<size_t>(r)] = predict_value(x.row(r));
  return out;
}

std::vector<double> DecisionTree::feature_importances() const {
  check_fitted("feature_importances");
  std::vector<double> importance(static_cast<size_t>(n_features_), 0.0);
  for (const TreeNode& node : nodes_) {
    if (!node.is_leaf()) importance[static_cast<size_t>(node.feature)] += node.improvement;
  }
  const double total = std::accumulate(importance.begin(), importance.end(), 0.0);
  if (total > 0) {
    for (double& v : importance) v /= total;
  }
  return importance;
}

int DecisionTree::depth() const {
  int deepest = 0;
  for (const TreeNode& node : nodes_) deepest = std::max(deepest, node.depth);
  return deepest;
}

int DecisionTree::n_leaves() const {
  return static_cast<int>(std::count_if(nodes_.begin(), nodes_.end(), [](const TreeNode& n) { return n.is_leaf(); }));
}

double accuracy(const std::vector<int>& predicted, const std::vector<int>& labels) {
  check<ValueError>(predicted.size() == labels.size() && !labels.empty(), "accuracy: ", predicted.size(), " predictions for ",
                    labels.size(), " labels");
  size_t right = 0;
  for (size_t i = 0; i < labels.size(); ++i) right += predicted[i] == labels[i];
  return static_cast<double>(right) / static_cast<double>(labels.size());
}

std::string rule_text(const std::string& feature_name, double threshold, bool left) {
  const size_t eq = feature_name.find('=');
  if (eq != std::string::npos && eq > 0 && threshold > 0 && threshold < 1) {
    // A one-hot column is 0 or 1: ≤ 0.5 means "not this level".
    return feature_name.substr(0, eq) + (left ? " ≠ " : " = ") + feature_name.substr(eq + 1);
  }
  char number[32];
  std::snprintf(number, sizeof number, "%.4g", threshold);
  return feature_name + (left ? " ≤ " : " > ") + number;
}

}  // namespace mlplay::tree
