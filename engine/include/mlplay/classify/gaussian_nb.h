#pragma once
/// Gaussian naive Bayes, after scikit-learn's GaussianNB
/// (https://scikit-learn.org/stable/modules/naive_bayes.html#gaussian-naive-bayes): each feature of
/// each class is a normal distribution N(θ_cj, σ²_cj), the features independent given the class, so
///   log P(c | x) = log π_c − ½ Σ_j [log(2π σ²_cj) + (x_j − θ_cj)² / σ²_cj] − log Z(x).
/// θ and σ² are the per-class mean and population variance; every σ² gets ε = var_smoothing × the
/// largest variance of any feature over all samples added, so a constant feature cannot divide by 0.
#include <cstdint>
#include <vector>

#include "mlplay/classify/samples.h"

namespace mlplay::classify {

struct GaussianNBOptions {
  double var_smoothing = 1e-9;
};

class GaussianNB {
 public:
  explicit GaussianNB(GaussianNBOptions options = {});

  /// Fits θ, σ² and the class priors π_c = n_c / n. Throws ValueError when a class has no samples.
  GaussianNB& fit(const Samples& train);

  /// log π_c + Σ_j log N(x_j; θ_cj, σ²_cj), (n, classes) row-major.
  std::vector<double> joint_log_likelihood(const double* x, int64_t n) const;
  /// log P(c | x), normalized with log-sum-exp, (n, classes).
  std::vector<double> predict_log_proba(const double* x, int64_t n) const;
  std::vector<double> predict_proba(const double* x, int64_t n) const;
  std::vector<int32_t> predict(const double* x, int64_t n) const;
  std::vector<int32_t> predict(const Samples& samples) const { return predict(samples.x.data(), samples.rows); }

  /// θ (classes, features) row-major.
  const std::vector<double>& theta() const { return theta_; }
  /// σ² (classes, features), smoothing included.
  const std::vector<double>& var() const { return var_; }
  const std::vector<double>& class_prior() const { return prior_; }
  const std::vector<int64_t>& class_count() const { return count_; }
  /// The ε added to every variance.
  double epsilon() const { return epsilon_; }
  int32_t num_classes() const { return classes_; }
  int64_t num_features() const { return features_; }

 private:
  GaussianNBOptions options_;
  int32_t classes_ = 0;
  int64_t features_ = 0;
  std::vector<double> theta_, var_, prior_;
  std::vector<int64_t> count_;
  double epsilon_ = 0;
};

}  // namespace mlplay::classify
