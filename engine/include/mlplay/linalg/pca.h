#pragma once
/// Principal component analysis from scratch (scikit-learn's PCA names: fit, transform,
/// inverse_transform, components, explained_variance, explained_variance_ratio).
///
/// Given n samples x_i ∈ ℝ^d (rows of X), centre them, z_i = (x_i − μ) / s (s = 1, or each
/// feature's sample standard deviation when standardizing), form the covariance matrix
///   C = Zᵀ Z / (n − 1)        (d × d, symmetric, positive semi-definite)
/// and find its eigenpairs C u_k = λ_k u_k by power iteration with deflation (power_iteration.h).
/// λ_k is the variance of the data along u_k; λ_k / tr C is the share of the total variance it
/// explains. Projecting on the first k components, t_i = U_kᵀ z_i, keeps as much variance as any k
/// directions can; x̂_i = μ + s ⊙ (U_k t_i) is the reconstruction from k components.
/// SVD relation: Z = V Σ Wᵀ gives C = W (Σ² / (n − 1)) Wᵀ, so λ_k = σ_k² / (n − 1) and the
/// components are Z's right singular vectors (top_singular_values checks this numerically).
#include <cstdint>
#include <memory>
#include <vector>

#include "mlplay/linalg/power_iteration.h"

namespace mlplay::decomposition {

/// A row-major rows × cols matrix of doubles (samples in rows, features in columns).
struct Matrix {
  int64_t rows = 0, cols = 0;
  std::vector<double> values;

  Matrix() = default;
  Matrix(int64_t rows, int64_t cols, std::vector<double> values);
  double operator()(int64_t r, int64_t c) const { return values[static_cast<size_t>(r * cols + c)]; }
  double& operator()(int64_t r, int64_t c) { return values[static_cast<size_t>(r * cols + c)]; }
};

/// C = Zᵀ Z / (n − 1) for already-centred Z (n × d, n ≥ 2): d × d, row-major. Features split among threads.
std::vector<double> covariance_of_centred(const Matrix& z);

struct PCAOptions {
  /// How many components fit() finds: 1 to d, or 0 for all d.
  int64_t n_components = 0;
  /// Divide every centred feature by its sample standard deviation (PCA on the correlation matrix).
  bool standardize = false;
  PowerIterationOptions power;
};

class PCA {
 public:
  explicit PCA(PCAOptions options = {});

  /// Centres (and scales) X, forms the covariance and finds n_components components.
  PCA& fit(const Matrix& x);
  /// The first half of fit(): centring, scaling and the covariance; no components yet.
  void prepare(const Matrix& x);
  /// Finds the next component by power iteration on the deflated covariance (after prepare()).
  const EigenPair& fit_next();

  /// Scores of X on the first k components (k = 0: all fitted): n × k.
  Matrix transform(const Matrix& x, int64_t k = 0) const;
  /// From scores (n × k, k ≤ fitted) back to the data's units: μ + s ⊙ (U_k t).
  Matrix inverse_transform(const Matrix& scores) const;
  /// inverse_transform(transform(x, k)): X rebuilt from k components.
  Matrix reconstruct(const Matrix& x, int64_t k) const;

  int64_t n_features() const { return d_; }
  int64_t n_samples() const { return n_; }
  int64_t n_fitted() const { return solver_ ? solver_->found() : 0; }
  const std::vector<double>& mean() const { return mean_; }
  /// Each feature's divisor: its sample standard deviation when standardizing (1 for a constant
  /// feature), else 1.
  const std::vector<double>& scale() const { return scale_; }
  /// The d × d covariance (or correlation) matrix C.
  const std::vector<double>& covariance() const { return covariance_; }
  /// The centred, scaled data Z (n × d).
  const Matrix& centred() const { return z_; }
  /// tr C: the total variance, the sum of all d eigenvalues.
  double total_variance() const { return total_variance_; }
  /// Component k (unit length, d values).
  const std::vector<double>& component(int64_t k) const;
  /// The eigenpairs found so far, with their iteration counts and residuals.
  const std::vector<EigenPair>& eigenpairs() const;
  /// λ_k of each fitted component.
  std::vector<double> explained_variance() const;
  /// λ_k / tr C of each fitted component.
  std::vector<double> explained_variance_ratio() const;

 private:
  PCAOptions options_;
  int64_t n_ = 0, d_ = 0;
  std::vector<double> mean_, scale_, covariance_;
  Matrix z_;
  double total_variance_ = 0;
  std::unique_ptr<DeflationSolver> solver_;
};

/// A singular value of Z with its right singular vector w (unit, d values).
struct SingularPair {
  double value = 0;
  std::vector<double> vector;
  int iterations = 0;
};

/// The k largest singular values of Z (n × d) by power iteration on ZᵀZ applied as Zᵀ(Z w) — ZᵀZ is
/// never formed — with deflation: σ_k² are the eigenvalues of ZᵀZ.
std::vector<SingularPair> top_singular_values(const Matrix& z, int64_t k, PowerIterationOptions options = {});

}  // namespace mlplay::decomposition
