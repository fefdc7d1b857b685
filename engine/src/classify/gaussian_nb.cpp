#include "mlplay/classify/gaussian_nb.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "mlplay/core/error.h"

namespace mlplay::classify {

GaussianNB::GaussianNB(GaussianNBOptions options) : options_(options) {
  check(options.var_smoothing >= 0 && std::isfinite(options.var_smoothing), "GaussianNB: var_smoothing must be a number ≥ 0, got ",
        options.var_smoothing);
}

GaussianNB& GaussianNB::fit(const Samples& train) {
  check(train.rows >= 1 && train.cols >= 1, "GaussianNB.fit: no training samples");
  classes_ = train.num_classes;
  features_ = train.cols;
  const auto c_count = static_cast<size_t>(classes_), d = static_cast<size_t>(features_);
  count_ = train.class_counts();
  for (size_t c = 0; c < c_count; ++c) check(count_[c] > 0, "GaussianNB.fit: class ", c, " has no training samples");
  // Two passes (mean, then squared deviations) for accuracy; ε from the variance over all samples.
  theta_.assign(c_count * d, 0.0);
  var_.assign(c_count * d, 0.0);
  std::vector<double> mean(d, 0.0), spread(d, 0.0);
  for (int64_t i = 0; i < train.rows; ++i) {
    const size_t c = static_cast<size_t>(train.labels[static_cast<size_t>(i)]);
    for (size_t j = 0; j < d; ++j) theta_[c * d + j] += train.row(i)[j], mean[j] += train.row(i)[j];
  }
  for (size_t c = 0; c < c_count; ++c) {
    for (size_t j = 0; j < d; ++j) theta_[c * d + j] /= static_cast<double>(count_[c]);
  }
  for (size_t j = 0; j < d; ++j) mean[j] /= static_cast<double>(train.rows);
  for (int64_t i = 0; i < train.rows; ++i) {
    const size_t c = static_cast<size_t>(train.labels[static_cast<size_t>(i)]);
    for (size_t j = 0; j < d; ++j) {
      const double dc = train.row(i)[j] - theta_[c * d + j], da = train.row(i)[j] - mean[j];
      var_[c * d + j] += dc * dc;
      spread[j] += da * da;
    }
  }
  epsilon_ = options_.var_smoothing * (*std::max_element(spread.begin(), spread.end()) / static_cast<double>(train.rows));
  prior_.assign(c_count, 0.0);
  for (size_t c = 0; c < c_count; ++c) {
    for (size_t j = 0; j < d; ++j) var_[c * d + j] = var_[c * d + j] / static_cast<double>(count_[c]) + epsilon_;
    prior_[c] = static_cast<double>(count_[c]) / static_cast<double>(train.rows);
  }
  // NOTE: with var_smoothing 0 and a feature constant within a class, σ² = 0 and the likelihood is a
  // spike; scikit-learn divides by zero there too. Refuse it with a message instead.
  for (double v : var_) check(v > 0, "GaussianNB.fit: a feature is constant within a class and var_smoothing is 0; use var_smoothing > 0");
  return *this;
}

std::vector<double> GaussianNB::joint_log_likelihood(const double* x, int64_t n) const {
  check(classes_ > 0, "GaussianNB: call fit() before predicting");
  const auto c_count = static_cast<size_t>(classes_), d = static_cast<size_t>(features_);
  std::vector<double> out(static_cast<size_t>(n) * c_count);
  for (int64_t i = 0; i < n; ++i) {
    const double* row = x + static_cast<size_t>(i) * d;
    for (size_t c = 0; c < c_count; ++c) {
      double sum = std::log(prior_[c]);
      for (size_t j = 0; j < d; ++j) {
        const double v = var_[c * d + j], diff = row[j] - theta_[c * d + j];
        sum -= 0.5 * (std::log(2 * std::numbers::pi * v) + diff * diff / v);
      }
      out[static_cast<size_t>(i) * c_count + c] = sum;
    }
  }
  return out;
}

std::vector<double> GaussianNB::predict_log_proba(const double* x, int64_t n) const {
  std::vector<double> out = joint_log_likelihood(x, n);
  const auto c_count = static_cast<size_t>(classes_);
  for (int64_t i = 0; i < n; ++i) {
    double* row = out.data() + static_cast<size_t>(i) * c_count;
    const double top = *std::max_element(row, row + c_count);
    double sum = 0;
    for (size_t c = 0; c < c_count; ++c) sum += std::exp(row[c] - top);
    const double log_z = top + std::log(sum);
    for (size_t c = 0; c < c_count; ++c) row[c] -= log_z;
  }
  return out;
}

std::vector<double> GaussianNB::predict_proba(const double* x, int64_t n) const {
  std::vector<double> out = predict_log_proba(x, n);
  for (double& v : out) v = std::exp(v);
  return out;
}

std::vector<int32_t> GaussianNB::predict(const double* x, int64_t n) const {
  const std::vector<double> jll = joint_log_likelihood(x, n);
  const auto c_count = static_cast<size_t>(classes_);
  std::vector<int32_t> out(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    const auto first = jll.begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(i) * c_count);
    out[static_cast<size_t>(i)] = static_cast<int32_t>(std::max_element(first, first + static_cast<std::ptrdiff_t>(c_count)) - first);
  }
  return out;
}

}  // namespace mlplay::classify
