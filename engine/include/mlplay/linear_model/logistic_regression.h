#pragma once
/// Logistic regression trained by gradient descent: the sigmoid for two classes, the softmax for
/// three or more, the mean cross-entropy loss with an L2 penalty on the weights (not the biases):
///   two classes:  p_i = σ(b + x_iᵀw),  J = −(1/n) Σ_i [y_i log p_i + (1 − y_i) log(1 − p_i)] + (λ/2)‖w‖²
///   K classes:    p_ik = softmax_k(b + W x_i),  J = −(1/n) Σ_i log p_i,y_i + (λ/2)‖W‖²_F
/// Both gradients have the same form, (1/n) Xᵀ(P − Y) + λW: predicted minus true probabilities.
/// scikit-learn's LogisticRegression(C = 1 / (n λ)) minimizes the same function (multinomial for K ≥ 3).
/// Bishop, Pattern Recognition and Machine Learning, §4.3.2 and §4.3.4.
#include <cstddef>
#include <vector>

#include "mlplay/data/table.h"
#include "mlplay/metrics/metrics.h"

namespace mlplay::linear_model {

/// σ(z) = 1 / (1 + e^−z), computed without overflow for large |z|.
double sigmoid(double z);
/// softmax(z)_k = e^(z_k − max z) / Σ_j e^(z_j − max z), in place.
void softmax(std::vector<double>& z);

struct LogisticRegressionOptions {
  double lr = 0.5;
  /// L2 penalty λ on the weights.
  double l2 = 0;
};

/// Confusion matrices (rows true classes, columns predicted) come from metrics/metrics.h.
using metrics::ConfusionMatrix;
using metrics::confusion_matrix;

class LogisticRegression {
 public:
  /// A model for `num_classes` ≥ 2 classes and `num_features` features, all parameters 0 (every
  /// class equally likely).
  LogisticRegression(size_t num_features, size_t num_classes, const LogisticRegressionOptions& options = {});

  size_t num_features() const { return num_features_; }
  size_t num_classes() const { return num_classes_; }
  /// Rows of weights: one (for the positive class) with two classes, K with softmax.
  size_t num_outputs() const { return num_classes_ == 2 ? 1 : num_classes_; }
  /// Weights (num_outputs × num_features, row-major) and biases (num_outputs).
  const std::vector<double>& weights() const { return weights_; }
  const std::vector<double>& biases() const { return biases_; }
  /// All parameters as one vector [weights…, biases…] (for gradient checks and comparisons).
  std::vector<double> parameters() const;
  void set_parameters(const std::vector<double>& parameters);

  /// Class probabilities (num_classes) of one row of num_features values.
  std::vector<double> predict_proba_row(const double* row) const;
  /// Class probabilities of every row (rows × num_classes, row-major).
  std::vector<double> predict_proba(const data::Dataset& data) const;
  /// The most probable class of every row.
  std::vector<int> predict(const data::Dataset& data) const;

  /// The penalized mean cross-entropy J on `data` (data.labels are the classes).
  double loss(const data::Dataset& data) const;
  /// The mean cross-entropy without the penalty (what the lesson plots for the test rows).
  double cross_entropy(const data::Dataset& data) const;
  /// ∂J/∂parameters, laid out like parameters().
  std::vector<double> gradient(const data::Dataset& data) const;
  /// One batch gradient-descent step on `data`; returns J before the step.
  double step(const data::Dataset& data);

  const LogisticRegressionOptions& options() const { return options_; }

 private:
  /// Logits of one row (num_outputs).
  void logits(const double* row, std::vector<double>& out) const;
  void check_data(const data::Dataset& data, const char* what) const;

  size_t num_features_, num_classes_;
  LogisticRegressionOptions options_;
  std::vector<double> weights_, biases_;
};

/// Share of `predicted` equal to `labels`.
double accuracy(const std::vector<int>& labels, const std::vector<int>& predicted);

}  // namespace mlplay::linear_model
