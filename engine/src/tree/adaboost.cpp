#include "mlplay/tree/adaboost.h"

#include <algorithm>
#include <cmath>

#include "mlplay/core/error.h"

namespace mlplay::tree {

AdaBoost::AdaBoost(AdaBoostOptions options) : options_(options) {
  check<ValueError>(options_.n_estimators >= 1 && options_.n_estimators <= 100000, "AdaBoost: n_estimators must be 1 to 100000, got ",
                    options_.n_estimators);
  check<ValueError>(options_.learning_rate > 0 && std::isfinite(options_.learning_rate), "AdaBoost: learning_rate must be > 0, got ",
                    options_.learning_rate);
  check<ValueError>(is_classification(options_.tree.criterion), "AdaBoost: the weak trees need gini or entropy");
  check_options(options_.tree);
}

void AdaBoost::fit(const Samples& x, const std::vector<int>& labels, int n_classes) {
  check<ValueError>(n_classes >= 2, "AdaBoost.fit: needs at least 2 classes, got ", n_classes);
  check<ValueError>(labels.size() == static_cast<size_t>(x.rows), "AdaBoost.fit: ", x.rows, " rows but ", labels.size(), " labels");
  n_classes_ = n_classes;
  trees_.clear(), errors_.clear(), alphas_.clear();
  const auto n = static_cast<size_t>(x.rows);
  std::vector<double> w(n, 1.0 / static_cast<double>(n));
  weights_ = {w};
  const FeatureOrder order = FeatureOrder::of(x);
  for (int m = 0; m < options_.n_estimators; ++m) {
    DecisionTree tree(options_.tree);
    tree.fit(x, labels, n_classes, w, &order);
    std::vector<char> wrong(n);
    double error = 0, total = 0;
    for (size_t i = 0; i < n; ++i) {
      wrong[i] = tree.predict(x.row(static_cast<int64_t>(i))) != labels[i];
      error += wrong[i] * w[i];
      total += w[i];
    }
    error /= total;
    if (error <= 0) {  // perfect: keep it with weight 1 and stop
      trees_.push_back(std::move(tree)), errors_.push_back(0.0), alphas_.push_back(1.0);
      break;
    }
    if (error >= 1.0 - 1.0 / n_classes) break;  // no better than guessing
    const double alpha = options_.learning_rate * (std::log((1 - error) / error) + std::log(n_classes - 1.0));
    trees_.push_back(std::move(tree)), errors_.push_back(error), alphas_.push_back(alpha);
    double sum = 0;
    for (size_t i = 0; i < n; ++i) {
      if (wrong[i]) w[i] *= std::exp(alpha);
      sum += w[i];
    }
    for (double& v : w) v /= sum;
    weights_.push_back(w);
  }
  check<ValueError>(!trees_.empty(), "AdaBoost.fit: the first weak tree is no better than chance; allow deeper trees");
}

int AdaBoost::predict(const double* row, int rounds) const {
  check<ValueError>(!trees_.empty(), "AdaBoost.predict: fit first");
  const int use = rounds < 0 ? this->rounds() : std::clamp(rounds, 1, this->rounds());
  std::vector<double> score(static_cast<size_t>(n_classes_), 0.0);
  for (int m = 0; m < use; ++m) score[static_cast<size_t>(trees_[static_cast<size_t>(m)].predict(row))] += alphas_[static_cast<size_t>(m)];
  return static_cast<int>(std::max_element(score.begin(), score.end()) - score.begin());
}

std::vector<int> AdaBoost::predict(const Samples& x, int rounds) const {
  std::vector<int> out(static_cast<size_t>(x.rows));
  for (int64_t r = 0; r < x.rows; ++r) out[static_cast<size_t>(r)] = predict(x.row(r), rounds);
  return out;
}

}  // namespace mlplay::tree
