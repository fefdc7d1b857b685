#include "mlplay/tree/random_forest.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "mlplay/core/error.h"
#include "mlplay/core/random.h"

namespace mlplay::tree {

int parse_max_features(const std::string& text, int64_t n_features) {
  check<ValueError>(n_features >= 1, "max_features: the data has no features");
  const auto d = static_cast<double>(n_features);
  int m = 0;
  if (text == "sqrt") {
    m = static_cast<int>(std::sqrt(d));
  } else if (text == "log2") {
    m = static_cast<int>(std::log2(d));
  } else if (text == "all" || text == "none" || text == "None") {
    m = static_cast<int>(n_features);
  } else {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    check<ValueError>(!text.empty() && end == text.c_str() + text.size() && v > 0 && std::isfinite(v),
                      "max_features: expected sqrt, log2, all, a whole number or a fraction in (0, 1), got '", text, "'");
    if (v < 1) {
      m = static_cast<int>(v * d);
    } else {
      check<ValueError>(v == std::floor(v), "max_features: ", text, " is neither a whole number nor a fraction below 1");
      check<ValueError>(v <= d, "max_features: ", text, " is more than the ", n_features, " features");
      m = static_cast<int>(v);
    }
  }
  return std::max(1, m);
}

RandomForest::RandomForest(ForestOptions options) : options_(options) {
  check<ValueError>(options_.n_estimators >= 1 && options_.n_estimators <= 100000, "RandomForest: n_estimators must be 1 to 100000, got ",
                    options_.n_estimators);
  check_options(options_.tree);
}

template <typename FitTree, typename AddOob>
void RandomForest::grow(const Samples& x, FitTree fit_tree, AddOob add_oob) {
  trees_.clear();
  oob_history_.clear();
  const auto n = static_cast<size_t>(x.rows);
  const FeatureOrder order = FeatureOrder::of(x);
  std::vector<double> weights(n);
  for (int t = 0; t < options_.n_estimators; ++t) {
    Generator rng(stream_key(options_.seed, static_cast<uint64_t>(t)));
    if (options_.bootstrap) {
      std::fill(weights.begin(), weights.end(), 0.0);
      for (size_t i = 0; i < n; ++i) weights[rng.randint(static_cast<uint32_t>(n))] += 1;
    } else {
      std::fill(weights.begin(), weights.end(), 1.0);
    }
    TreeOptions tree_options = options_.tree;
    tree_options.seed = rng.next_u64();
    trees_.emplace_back(tree_options);
    fit_tree(trees_.back(), weights, order);
    oob_history_.push_back(add_oob(trees_.back(), weights));
  }
}

void RandomForest::fit(const Samples& x, const std::vector<int>& labels, int n_classes) {
  check<ValueError>(is_classification(options_.tree.criterion), "RandomForest.fit: use gini or entropy for classes");
  check<ValueError>(labels.size() == static_cast<size_t>(x.rows), "RandomForest.fit: ", x.rows, " rows but ", labels.size(), " labels");
  n_classes_ = n_classes;
  const auto n = static_cast<size_t>(x.rows), k = static_cast<size_t>(n_classes);
  std::vector<double> votes(n * k, 0.0);
  std::vector<int> voted(n, 0);
  grow(
      x, [&](DecisionTree& tree, const std::vector<double>& w, const FeatureOrder& order) { tree.fit(x, labels, n_classes, w, &order); },
      [&](const DecisionTree& tree, const std::vector<double>& w) {
        size_t seen = 0, wrong = 0;
        for (size_t i = 0; i < n; ++i) {
          if (w[i] == 0) {
            const auto p = tree.predict_proba(x.row(static_cast<int64_t>(i)));
            for (size_t c = 0; c < k; ++c) votes[i * k + c] += p[c];
            voted[i] = 1;
          }
          if (!voted[i]) continue;
          ++seen;
          const double* v = votes.data() + i * k;
          wrong += static_cast<int>(std::max_element(v, v + k) - v) != labels[i];
        }
        return seen ? static_cast<double>(wrong) / static_cast<double>(seen) : std::nan("");
      });
}

void RandomForest::fit_regression(const Samples& x, const std::vector<double>& y) {
  check<ValueError>(options_.tree.criterion == Criterion::squared_error, "RandomForest.fit_regression: use squared_error");
  check<ValueError>(y.size() == static_cast<size_t>(x.rows), "RandomForest.fit_regression: ", x.rows, " rows but ", y.size(), " targets");
  n_classes_ = 0;
  const auto n = static_cast<size_t>(x.rows);
  std::vector<double> sum(n, 0.0);
  std::vector<int> count(n, 0);
  grow(
      x, [&](DecisionTree& tree, const std::vector<double>& w, const FeatureOrder& order) { tree.fit_regression(x, y, w, &order); },
      [&](const DecisionTree& tree, const std::vector<double>& w) {
        size_t seen = 0;
        double squares = 0;
        for (size_t i = 0; i < n; ++i) {
          if (w[i] == 0) sum[i] += tree.predict_value(x.row(static_cast<int64_t>(i))), ++count[i];
          if (!count[i]) continue;
          ++seen;
          const double e = sum[i] / count[i] - y[i];
          squares += e * e;
        }
        return seen ? squares / static_cast<double>(seen) : std::nan("");
      });
}

std::vector<double> RandomForest::predict_proba(const double* row) const {
  check<ValueError>(!trees_.empty() && n_classes_ > 0, "RandomForest.predict_proba: fit a classification forest first");
  std::vector<double> p(static_cast<size_t>(n_classes_), 0.0);
  for (const DecisionTree& tree : trees_) {
    const auto q = tree.predict_proba(row);
    for (size_t c = 0; c < p.size(); ++c) p[c] += q[c];
  }
  for (double& v : p) v /= static_cast<double>(trees_.size());
  return p;
}

int RandomForest::predict(const double* row, int trees) const {
  check<ValueError>(!trees_.empty() && n_classes_ > 0, "RandomForest.predict: fit a classification forest first");
  const int use = std::clamp(trees, 1, static_cast<int>(trees_.size()));
  std::vector<double> p(static_cast<size_t>(n_classes_), 0.0);
  for (int t = 0; t < use; ++t) {
    const auto q = trees_[static_cast<size_t>(t)].predict_proba(row);
    for (size_t c = 0; c < p.size(); ++c) p[c] += q[c];
  }
  return static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
}

int RandomForest::predict(const double* row) const { return predict(row, static_cast<int>(trees_.size())); }

double RandomForest::predict_value(const double* row, int trees) const {
  check<ValueError>(!trees_.empty() && n_classes_ == 0, "RandomForest.predict_value: fit a regression forest first");
  const int use = std::clamp(trees, 1, static_cast<int>(trees_.size()));
  double sum = 0;
  for (int t = 0; t < use; ++t) sum += trees_[static_cast<size_t>(t)].predict_value(row);
  return sum / use;
}

double RandomForest::predict_value(const double* row) const { return predict_value(row, static_cast<int>(trees_.size())); }

std::vector<int> RandomForest::predict(const Samples& x) const {
  std::vector<int> out(static_cast<size_t>(x.rows));
  for (int64_t r = 0; r < x.rows; ++r) out[static_cast<size_t>(r)] = predict(x.row(r));
  return out;
}

std::vector<double> RandomForest::predict_values(const Samples& x) const {
  std::vector<double> out(static_cast<size_t>(x.rows));
  for (int64_t r = 0; r < x.rows; ++r) out[static_cast<size_t>(r)] = predict_value(x.row(r));
  return out;
}

std::vector<double> RandomForest::feature_importances() const {
  check<ValueError>(!trees_.empty(), "RandomForest.feature_importances: fit the forest first");
  std::vector<double> total(static_cast<size_t>(trees_[0].n_features()), 0.0);
  for (const DecisionTree& tree : trees_) {
    const auto imp = tree.feature_importances();
    for (size_t f = 0; f < total.size(); ++f) total[f] += imp[f];
  }
  for (double& v : total) v /= static_cast<double>(trees_.size());
  return total;
}

}  // namespace mlplay::tree
