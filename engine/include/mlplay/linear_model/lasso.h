#pragma once
/// The lasso by cyclic coordinate descent with soft-thresholding. It minimizes
///   J(b, β) = 1/(2n) Σ_i (y_i − b − x_iᵀβ)² + λ ‖β‖₁
/// (scikit-learn's Lasso(alpha = λ)). On centred features each coordinate has a closed-form update,
///   β_j ← S(ρ_j, λ) / z_j,   ρ_j = (1/n) Σ_i x_ij (r_i + x_ij β_j),   z_j = (1/n) Σ_i x_ij²,
/// where S(ρ, λ) = sign(ρ) max(|ρ| − λ, 0) sets small coefficients exactly to zero.
/// Friedman, Hastie & Tibshirani, "Regularization Paths for Generalized Linear Models via Coordinate
/// Descent", J. Stat. Software 33(1), 2010.
#include <vector>

#include "mlplay/data/table.h"
#include "mlplay/linear_model/linear_model.h"

namespace mlplay::linear_model {

struct LassoOptions {
  /// Stop when no coefficient moved more than tol × (the largest coefficient's size) in a sweep,
  /// scaled by the feature's spread.
  double tol = 1e-10;
  int max_sweeps = 100000;
};

struct LassoFit {
  LinearModel model;
  /// Full passes over the coefficients it took, and whether the tolerance was met.
  int sweeps = 0;
  bool converged = false;
};

/// S(ρ, λ) = sign(ρ) · max(|ρ| − λ, 0).
double soft_threshold(double rho, double lambda);

/// Fits the lasso for λ ≥ 0 on every row of `data`. `start` (coefficients, may be empty) warm-starts.
LassoFit fit_lasso(const data::Dataset& data, double lambda, const LassoOptions& options = {},
                   const std::vector<double>& start = {});

/// The smallest λ at which every coefficient is zero: max_j |(1/n) Σ_i x_ij (y_i − ȳ)| on centred x.
double lasso_lambda_max(const data::Dataset& data);

/// Lasso fits for each λ, computed from the largest λ down with warm starts (returned in the order given).
std::vector<LinearModel> lasso_path(const data::Dataset& data, const std::vector<double>& lambdas,
                                    const LassoOptions& options = {});

/// `count` values log-spaced from `high` down to `low` (both > 0).
std::vector<double> log_grid(double high, double low, int count);

}  // namespace mlplay::linear_model
