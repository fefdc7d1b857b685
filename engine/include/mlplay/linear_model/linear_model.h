#pragma once
/// A fitted linear model ŷ = b + Σ_j β_j x_j and the scores the regression lessons show (MSE, MAE,
/// R², from metrics/metrics.h), with the one conversion every standardized fit needs: back to the
/// units of the original features.
#include <cstddef>
#include <vector>

#include "mlplay/data/table.h"
#include "mlplay/metrics/metrics.h"

namespace mlplay::linear_model {

/// ŷ = intercept + Σ_j coef[j] · x_j (scikit-learn's coef_ and intercept_).
struct LinearModel {
  std::vector<double> coef;
  double intercept = 0;

  /// ŷ for every row of `data` (data.cols must equal coef.size()).
  std::vector<double> predict(const data::Dataset& data) const;
  double predict_row(const double* row) const;
};

/// MSE, MAE and R² come from metrics/metrics.h (shared by every lesson).
using metrics::RegressionMetrics;
using metrics::regression_metrics;

/// A model fitted on standardized features z_j = (x_j − m_j) / s_j, written in the original units:
/// β_j = β'_j / s_j and b = b' − Σ_j β'_j m_j / s_j (the predictions are the same).
LinearModel unstandardize(const LinearModel& standardized, const data::Standardizer& scaler);
/// The inverse: the coefficients a standardized fit would have (β'_j = β_j s_j), comparable across features.
LinearModel standardize(const LinearModel& model, const data::Standardizer& scaler);

/// Extreme eigenvalues of the Hessian of the mean squared error in (b, β), H = [1 X]ᵀ[1 X] / n:
/// gradient descent is stable for a learning rate below 2 / largest and needs about
/// condition = largest / smallest steps to converge (smallest is 0 when X has dependent columns).
struct HessianSpectrum {
  double largest = 0, smallest = 0, condition = 0;
};
HessianSpectrum hessian_spectrum(const data::Dataset& data);

}  // namespace mlplay::linear_model
