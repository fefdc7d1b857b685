#pragma once
/// Ordinary least squares and ridge regression in closed form: the normal equation
///   (X_cᵀ X_c + n λ I) β = X_cᵀ y_c,   b = ȳ − x̄ᵀ β
/// on centred features X_c and target y_c (so the intercept b is not penalized), solved with Eigen's
/// LDLT (a Cholesky factorization with pivoting). It minimizes
///   J(b, β) = 1/(2n) Σ_i (y_i − b − x_iᵀβ)² + (λ/2) ‖β‖²,
/// which is scikit-learn's Ridge(alpha = n λ) (LinearRegression when λ = 0).
/// Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §3.2 and §3.4.1.
#include <string>
#include <vector>

#include "mlplay/core/error.h"
#include "mlplay/data/table.h"
#include "mlplay/linear_model/linear_model.h"

namespace mlplay::linear_model {

/// XᵀX is singular (λ = 0): the message names the culprit — a constant feature, two identical (or
/// proportional) features, or a feature that is a combination of others — and what to do.
class SingularMatrixError : public ValueError {
 public:
  using ValueError::ValueError;
};

struct NormalEquationFit {
  LinearModel model;
  /// Condition number of the centred X_cᵀX_c + nλI (largest / smallest eigenvalue; infinity if singular).
  double condition = 0;
};

/// Solves the normal equation on every row of `data` (data.y is the target). λ ≥ 0 is the ridge
/// penalty. Throws SingularMatrixError when λ = 0 and the features are linearly dependent, ValueError
/// on too few rows or a bad λ.
NormalEquationFit fit_normal_equation(const data::Dataset& data, double lambda = 0);

/// Why X_cᵀX_c is singular, in words ("" when it is not): constant features, identical or
/// proportional pairs, or else the features a pivoted LDLT found dependent on the others.
std::string explain_singular(const data::Dataset& data);

/// Ridge fits for each λ (all > 0), e.g. a log-spaced grid: the coefficient paths.
std::vector<LinearModel> ridge_path(const data::Dataset& data, const std::vector<double>& lambdas);

}  // namespace mlplay::linear_model
