#include "mlplay/tree/gradient_boosting.h"

#include <cmath>
#include <numeric>

#include "mlplay/core/error.h"

namespace mlplay::tree {
namespace {
double mse(const std::vector<double>& f, const std::vector<double>& y) {
  double sum = 0;
  for (size_t i = 0; i < y.size(); ++i) sum += (y[i] - f[i]) * (y[i] - f[i]);
  return sum / static_cast<double>(y.size());
}
}  // namespace

GradientBoosting::GradientBoosting(BoostingOptions options) : options_(options) {
  check<ValueError>(options_.n_estimators >= 1 && options_.n_estimators <= 100000, "GradientBoosting: n_estimators must be 1 to 100000, got ",
                    options_.n_estimators);
  check<ValueError>(options_.learning_rate > 0 && options_.learning_rate <= 1, "GradientBoosting: learning_rate must be in (0, 1], got ",
                    options_.learning_rate);
  check<ValueError>(options_.tree.criterion == Criterion::squared_error, "GradientBoosting: the trees need criterion squared_error");
  check_options(options_.tree);
}

void GradientBoosting::begin(const Samples& x, const std::vector<double>& y) {
  check<ValueError>(x.rows > 0 && y.size() == static_cast<size_t>(x.rows), "GradientBoosting.begin: ", x.rows, " rows but ", y.size(),
                    " targets");
  x_ = &x, y_ = &y;
  order_ = FeatureOrder::of(x);
  init_ = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(y.size());
  f_.assign(y.size(), init_);
  trees_.clear();
  train_loss_ = {mse(f_, y)};
  validation_loss_.clear();
  if (vx_) set_validation(*vx_, *vy_);
}

void GradientBoosting::set_validation(const Samples& x, const std::vector<double>& y) {
  check<ValueError>(y.size() == static_cast<size_t>(x.rows), "GradientBoosting.set_validation: ", x.rows, " rows but ", y.size(), " targets");
  vx_ = &x, vy_ = &y;
  vf_.assign(y.size(), init_);
  for (const DecisionTree& tree : trees_) {
    for (size_t i = 0; i < y.size(); ++i) vf_[i] += options_.learning_rate * tree.predict_value(x.row(static_cast<int64_t>(i)));
  }
  validation_loss_ = {mse(vf_, y)};
}

int GradientBoosting::grow(int count) {
  check<ValueError>(x_ != nullptr, "GradientBoosting.grow: call begin first");
  const auto& y = *y_;
  std::vector<double> residual(y.size());
  int added = 0;
  while (added < count && n_trees() < options_.n_estimators) {
    for (size_t i = 0; i < y.size(); ++i) residual[i] = y[i] - f_[i];  // the negative gradient of ½(y − F)²
    DecisionTree tree(options_.tree);
    tree.fit_regression(*x_, residual, {}, &order_);
    for (size_t i = 0; i < y.size(); ++i) f_[i] += options_.learning_rate * tree.predict_value(x_->row(static_cast<int64_t>(i)));
    train_loss_.push_back(mse(f_, y));
    if (vx_) {
      for (size_t i = 0; i < vy_->size(); ++i) vf_[i] += options_.learning_rate * tree.predict_value(vx_->row(static_cast<int64_t>(i)));
      validation_loss_.push_back(mse(vf_, *vy_));
    }
    trees_.push_back(std::move(tree));
    ++added;
  }
  return added;
}

void GradientBoosting::fit(const Samples& x, const std::vector<double>& y) {
  begin(x, y);
  grow(options_.n_estimators);
}

double GradientBoosting::predict_value(const double* row) const {
  check<ValueError>(x_ != nullptr, "GradientBoosting.predict_value: fit first");
  double f = init_;
  for (const DecisionTree& tree : trees_) f += options_.learning_rate * tree.predict_value(row);
  return f;
}

std::vector<double> GradientBoosting::predict_values(const Samples& x) const {
  std::vector<double> out(static_cast<size_t>(x.rows));
  for (int64_t r = 0; r < x.rows; ++r) out[static_cast<size_t>(r)] = predict_value(x.row(r));
  return out;
}

std::vector<double> GradientBoosting::feature_importances() const {
  check<ValueError>(!trees_.empty(), "GradientBoosting.feature_importances: no trees yet");
  std::vector<double> total(static_cast<size_t>(trees_[0].n_features()), 0.0);
  for (const DecisionTree& tree : trees_) {
    for (const TreeNode& node : tree.nodes()) {
      if (!node.is_leaf()) total[static_cast<size_t>(node.feature)] += node.improvement;
    }
  }
  const double sum = std::accumulate(total.begin(), total.end(), 0.0);
  if (sum > 0) {
    for (double& v : total) v /= sum;
  }
  return total;
}

}  // namespace mlplay::tree
