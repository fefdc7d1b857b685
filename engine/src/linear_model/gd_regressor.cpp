#include "mlplay/linear_model/gd_regressor.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "mlplay/core/error.h"

namespace mlplay::linear_model {

GdRegressor::GdRegressor(const data::Dataset& data, const GdRegressorOptions& options)
    : data_(data), options_(options), gen_(options.seed) {
  check<ValueError>(std::isfinite(options.lr) && options.lr > 0, "GdRegressor: the learning rate must be > 0, got ", options.lr);
  check<ValueError>(std::isfinite(options.lambda) && options.lambda >= 0, "GdRegressor: λ must be ≥ 0, got ", options.lambda);
  check<ValueError>(data.rows >= 1 && data.y.size() == data.rows, "GdRegressor: ", data.rows, " rows and ", data.y.size(),
                    " targets (need the same number, at least one)");
  model_.coef.assign(data.cols, 0.0);
  grad_.assign(data.cols + 1, 0.0);
  order_.resize(data.rows);
  std::iota(order_.begin(), order_.end(), size_t{0});
  initial_mse_ = mse();
}

void GdRegressor::step(size_t begin, size_t end) {
  const size_t p = data_.cols;
  std::fill(grad_.begin(), grad_.end(), 0.0);
  // grad = −(1/m) Σ_i r_i [1, x_i] over the batch, r_i = y_i − ŷ_i.
  for (size_t k = begin; k < end; ++k) {
    const size_t i = order_[k];
    const double* x = &data_.x[i * p];
    const double r = data_.y[i] - model_.predict_row(x);
    grad_[0] -= r;
    for (size_t j = 0; j < p; ++j) grad_[j + 1] -= r * x[j];
  }
  const double m = static_cast<double>(end - begin);
  model_.intercept -= options_.lr * grad_[0] / m;
  for (size_t j = 0; j < p; ++j) model_.coef[j] -= options_.lr * (grad_[j + 1] / m + options_.lambda * model_.coef[j]);
}

double GdRegressor::step_epoch() {
  if (diverged_) return mse();
  const size_t n = data_.rows;
  const size_t batch = options_.batch_size == 0 || options_.batch_size >= n ? n : options_.batch_size;
  if (batch < n) {
    for (size_t i = n; i > 1; --i) std::swap(order_[i - 1], order_[gen_.randint(static_cast<uint32_t>(i))]);
  }
  for (size_t begin = 0; begin < n; begin += batch) step(begin, std::min(n, begin + batch));
  ++epochs_;
  const double loss = mse();
  bool finite = std::isfinite(loss) && std::isfinite(model_.intercept);
  for (double c : model_.coef) finite = finite && std::isfinite(c);
  // NOTE: with a learning rate below 2/L batch descent never raises the loss; 10⁴ × the starting
  // loss (the model that predicts 0) means it is on its way to infinity: stop before it overflows.
  diverged_ = !finite || loss > 1e4 * std::max(initial_mse_, 1e-300);
  return loss;
}

double GdRegressor::mse() const {
  double sum = 0;
  for (size_t i = 0; i < data_.rows; ++i) {
    const double r = data_.y[i] - model_.predict_row(&data_.x[i * data_.cols]);
    sum += r * r;
  }
  return sum / static_cast<double>(data_.rows);
}

}  // namespace mlplay::linear_model
