#pragma once
/// The closed-form least-squares polynomial (normal equations ΦᵀΦ w = Φᵀv solved with Eigen), the
/// train/validation split and the degree sweep that shows overfitting.
#include <cstdint>
#include <vector>

#include "mlplay/fitting/curve_fitter.h"

namespace mlplay::fitting {

/// A polynomial fitted in closed form on scaled data, u = (x − x̄)/s_x, v = (y − ȳ)/s_y.
struct PolynomialFit {
  int degree = 0;
  Scaling scaling;
  /// w0…wK of v = Σ w_k u^k (same meaning as CurveFitter's poly parameters).
  std::vector<double> coefficients;
  /// Condition number λmax/λmin of ΦᵀΦ built from the scaled u, and from the raw x (infinity when
  /// numerically singular): why feature scaling matters.
  double condition_scaled = 0, condition_raw = 0;

  std::vector<double> predict(const std::vector<double>& x) const;
  double mse(const std::vector<double>& x, const std::vector<double>& y) const;
};

/// Solves the normal equations for a degree-K polynomial (0 ≤ K ≤ 12) with Eigen's LDLT in double.
/// Throws ValueError when there are fewer than K + 1 points or x and y differ in length.
PolynomialFit fit_polynomial(const std::vector<double>& x, const std::vector<double>& y, int degree);

/// Indices of the training and validation points.
struct Split {
  std::vector<int64_t> train, validation;
};

/// Puts round(n·train_fraction) points (at least 1, leaving at least 1) in training: a seeded
/// shuffle, or with `hold_out_end` the first ones in order (the rest is extrapolation).
Split split_train_validation(int64_t n, double train_fraction, bool hold_out_end, uint64_t seed);

struct DegreeScore {
  int degree;
  double train_mse, validation_mse;  // NaN where the degree has too few training points
};

/// Closed-form fits of degree 0…max_degree on the training points, scored on both sets.
std::vector<DegreeScore> degree_sweep(const std::vector<double>& x_train, const std::vector<double>& y_train,
                                      const std::vector<double>& x_validation, const std::vector<double>& y_validation,
                                      int max_degree);

}  // namespace mlplay::fitting
