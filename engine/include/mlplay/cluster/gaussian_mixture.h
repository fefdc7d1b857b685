#pragma once
/// Gaussian mixture models fitted by expectation–maximization (Dempster, Laird & Rubin 1977), with
/// full covariance matrices, as scikit-learn's GaussianMixture(covariance_type='full'): n_components,
/// weights, means, covariances, predict, predict_proba, score (mean log-likelihood), bic.
///
/// The model: p(x) = Σ_j π_j N(x; μ_j, Σ_j). EM alternates
///   E-step  r_ij = π_j N(x_i; μ_j, Σ_j) / p(x_i)                 (responsibilities, by log-sum-exp)
///   M-step  N_j = Σ_i r_ij,  π_j = N_j / n,  μ_j = Σ_i r_ij x_i / N_j,
///           Σ_j = Σ_i r_ij (x_i − μ_j)(x_i − μ_j)ᵀ / N_j + reg_covar · I
/// and the mean log-likelihood (1/n) Σ_i log p(x_i) never decreases. It stops when that rises by less
/// than tol. Initialization: responsibilities 0/1 from a k-means run (scikit-learn's default).
/// BIC = −2 log L + p ln n with p = k·d + k·d(d+1)/2 + k − 1 free parameters.
#include <cstdint>
#include <vector>

#include "mlplay/cluster/points.h"

namespace mlplay::cluster {

struct GaussianMixtureOptions {
  int64_t n_components = 1;
  int max_iter = 100;
  double tol = 1e-3;
  double reg_covar = 1e-6;
  /// Independent initializations (k-means seeds); the fit with the highest likelihood is kept.
  int n_init = 1;
  uint64_t seed = 0;
};

class GaussianMixture {
 public:
  explicit GaussianMixture(GaussianMixtureOptions options = {});

  /// n_init fits to convergence; keeps the best.
  GaussianMixture& fit(const Points& points);
  /// Starts one fit: k-means labels as responsibilities, then an M-step. Returns the mean log-likelihood.
  double initialize(const Points& points, uint64_t seed);
  /// One EM iteration (E-step, M-step); returns the mean log-likelihood of the parameters before it.
  double step(const Points& points);

  /// Responsibilities (n × k) and labels under the current parameters.
  std::vector<double> predict_proba(const Points& points) const;
  std::vector<int32_t> predict(const Points& points) const;
  /// Mean log-likelihood (1/n) Σ log p(x_i).
  double score(const Points& points) const;
  double bic(const Points& points) const;
  int64_t n_parameters() const;

  const std::vector<double>& weights() const { return weights_; }
  /// k × d.
  const std::vector<double>& means() const { return means_; }
  /// k × d × d.
  const std::vector<double>& covariances() const { return covariances_; }
  int n_iter() const { return n_iter_; }
  bool converged() const { return converged_; }
  /// The mean log-likelihood after each iteration of the kept fit.
  const std::vector<double>& history() const { return history_; }

 private:
  /// log π_j + log N(x_i; μ_j, Σ_j), n × k; also log p(x_i) in `norm` when given.
  std::vector<double> weighted_log_prob(const Points& points, std::vector<double>* norm) const;
  void m_step(const Points& points, const std::vector<double>& resp);

  GaussianMixtureOptions options_;
  int64_t d_ = 0;
  std::vector<double> weights_, means_, covariances_;
  std::vector<double> history_;
  int n_iter_ = 0;
  bool converged_ = false;
};

}  // namespace mlplay::cluster
