#include "mlplay/linear_model/logistic_regression.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "mlplay/core/error.h"

namespace mlplay::linear_model {

double sigmoid(double z) {
  // NOTE: for z < 0 use e^z / (1 + e^z), so e^−z never overflows.
  if (z >= 0) return 1 / (1 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1 + e);
}

void softmax(std::vector<double>& z) {
  if (z.empty()) return;
  const double top = *std::max_element(z.begin(), z.end());
  double sum = 0;
  for (double& v : z) sum += (v = std::exp(v - top));
  for (double& v : z) v /= sum;
}

LogisticRegression::LogisticRegression(size_t num_features, size_t num_classes, const LogisticRegressionOptions& options)
    : num_features_(num_features), num_classes_(num_classes), options_(options) {
  check<ValueError>(num_classes >= 2, "LogisticRegression: need at least 2 classes, got ", num_classes);
  check<ValueError>(num_features >= 1, "LogisticRegression: need at least 1 feature, got ", num_features);
  check<ValueError>(std::isfinite(options.lr) && options.lr > 0, "LogisticRegression: the learning rate must be > 0, got ", options.lr);
  check<ValueError>(std::isfinite(options.l2) && options.l2 >= 0, "LogisticRegression: the L2 penalty must be ≥ 0, got ", options.l2);
  weights_.assign(num_outputs() * num_features, 0.0);
  biases_.assign(num_outputs(), 0.0);
}

std::vector<double> LogisticRegression::parameters() const {
  std::vector<double> out = weights_;
  out.insert(out.end(), biases_.begin(), biases_.end());
  return out;
}

void LogisticRegression::set_parameters(const std::vector<double>& parameters) {
  check<ValueError>(parameters.size() == weights_.size() + biases_.size(), "LogisticRegression::set_parameters: expected ",
                    weights_.size() + biases_.size(), " values, got ", parameters.size());
  std::copy(parameters.begin(), parameters.begin() + static_cast<std::ptrdiff_t>(weights_.size()), weights_.begin());
  std::copy(parameters.begin() + static_cast<std::ptrdiff_t>(weights_.size()), parameters.end(), biases_.begin());
}

void LogisticRegression::logits(const double* row, std::vector<double>& out) const {
  out.assign(num_outputs(), 0.0);
  // z = b + W x: (outputs, features) @ (features) -> (outputs)
  for (size_t k = 0; k < out.size(); ++k) {
    double z = biases_[k];
    const double* w = &weights_[k * num_features_];
    for (size_t j = 0; j < num_features_; ++j) z += w[j] * row[j];
    out[k] = z;
  }
}

std::vector<double> LogisticRegression::predict_proba_row(const double* row) const {
  std::vector<double> z;
  logits(row, z);
  if (num_classes_ == 2) {
    const double p = sigmoid(z[0]);
    return {1 - p, p};
  }
  softmax(z);
  return z;
}

void LogisticRegression::check_data(const data::Dataset& data, const char* what) const {
  check<ValueError>(data.cols == num_features_, "LogisticRegression::", what, ": the model has ", num_features_,
                    " features but the data has ", data.cols);
  check<ValueError>(data.labels.size() == data.rows || std::string(what) == "predict", "LogisticRegression::", what, ": ", data.rows,
                    " rows but ", data.labels.size(), " class labels");
  for (int label : data.labels) {
    check<ValueError>(label >= 0 && static_cast<size_t>(label) < num_classes_, "LogisticRegression::", what, ": class label ", label,
                      " outside 0…", num_classes_ - 1);
  }
}

std::vector<double> LogisticRegression::predict_proba(const data::Dataset& data) const {
  check<ValueError>(data.cols == num_features_, "LogisticRegression::predict_proba: the model has ", num_features_,
                    " features but the data has ", data.cols);
  std::vector<double> out;
  out.reserve(data.rows * num_classes_);
  for (size_t i = 0; i < data.rows; ++i) {
    const auto p = predict_proba_row(&data.x[i * data.cols]);
    out.insert(out.end(), p.begin(), p.end());
  }
  return out;
}

std::vector<int> LogisticRegression::predict(const data::Dataset& data) const {
  const std::vector<double> p = predict_proba(data);
  std::vector<int> out(data.rows);
  for (size_t i = 0; i < data.rows; ++i) {
    const auto first = p.begin() + static_cast<std::ptrdiff_t>(i * num_classes_);
    out[i] = static_cast<int>(std::max_element(first, first + static_cast<std::ptrdiff_t>(num_classes_)) - first);
  }
  return out;
}

double LogisticRegression::cross_entropy(const data::Dataset& data) const {
  check_data(data, "cross_entropy");
  double sum = 0;
  std::vector<double> z;
  for (size_t i = 0; i < data.rows; ++i) {
    logits(&data.x[i * data.cols], z);
    const int y = data.labels[i];
    if (num_classes_ == 2) {
      // −log σ(z) = log(1 + e^−z), written stably for either sign of z.
      const double s = y == 1 ? -z[0] : z[0];
      sum += s > 0 ? s + std::log1p(std::exp(-s)) : std::log1p(std::exp(s));
    } else {
      // −log softmax_y(z) = logsumexp(z) − z_y
      const double top = *std::max_element(z.begin(), z.end());
      double total = 0;
      for (double v : z) total += std::exp(v - top);
      sum += top + std::log(total) - z[static_cast<size_t>(y)];
    }
  }
  return sum / static_cast<double>(data.rows);
}

double LogisticRegression::loss(const data::Dataset& data) const {
  double penalty = 0;
  for (double w : weights_) penalty += w * w;
  return cross_entropy(data) + 0.5 * options_.l2 * penalty;
}

std::vector<double> LogisticRegression::gradient(const data::Dataset& data) const {
  check_data(data, "gradient");
  const size_t outputs = num_outputs();
  std::vector<double> grad(weights_.size() + biases_.size(), 0.0);
  double* gw = grad.data();
  double* gb = grad.data() + weights_.size();
  std::vector<double> z;
  for (size_t i = 0; i < data.rows; ++i) {
    const double* x = &data.x[i * data.cols];
    logits(x, z);
    const int y = data.labels[i];
    // error e_k = p_k − [y = k] (binary: σ(z) − y)
    if (num_classes_ == 2) {
      z[0] = sigmoid(z[0]) - (y == 1 ? 1.0 : 0.0);
    } else {
      softmax(z);
      z[static_cast<size_t>(y)] -= 1;
    }
    for (size_t k = 0; k < outputs; ++k) {
      gb[k] += z[k];
      for (size_t j = 0; j < num_features_; ++j) gw[k * num_features_ + j] += z[k] * x[j];
    }
  }
  const double n = static_cast<double>(data.rows);
  for (size_t k = 0; k < weights_.size(); ++k) gw[k] = gw[k] / n + options_.l2 * weights_[k];
  for (size_t k = 0; k < outputs; ++k) gb[k] /= n;
  return grad;
}

double LogisticRegression::step(const data::Dataset& data) {
  const double before = loss(data);
  const std::vector<double> grad = gradient(data);
  for (size_t k = 0; k < weights_.size(); ++k) weights_[k] -= options_.lr * grad[k];
  for (size_t k = 0; k < biases_.size(); ++k) biases_[k] -= options_.lr * grad[weights_.size() + k];
  return before;
}

double accuracy(const std::vector<int>& labels, const std::vector<int>& predicted) {
  check<ValueError>(labels.size() == predicted.size() && !labels.empty(), "accuracy: ", labels.size(), " labels and ", predicted.size(),
                    " predictions (need the same number, at least one)");
  size_t right = 0;
  for (size_t i = 0; i < labels.size(); ++i) right += labels[i] == predicted[i];
  return static_cast<double>(right) / static_cast<double>(labels.size());
}

}  // namespace mlplay::linear_model
