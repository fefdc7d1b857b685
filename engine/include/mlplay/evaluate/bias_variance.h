#pragma once
/// The bias–variance trade-off with polynomial models (Hastie, Tibshirani & Friedman, ESL §7.3;
/// Bishop, PRML §3.2). Draw many training sets of `points` noisy samples y = f(x) + ε of the known
/// function f(x) = sin(2πx) on [0, 1], ε ~ N(0, σ²), x jittered on a grid (x_i = (i + U_i) / points,
/// so every training set covers the interval). Fit a least-squares polynomial of each degree to each
/// set (fitting::fit_polynomial, the normal equations of the curve-fitting lesson). At the test
/// points x of a grid, with ŷ_d(x) the fit of set d and ȳ(x) their mean over the sets:
///   bias²    = mean_x (ȳ(x) − f(x))²
///   variance = mean_x mean_d (ŷ_d(x) − ȳ(x))²
///   noise    = σ²
///   test MSE = mean_x mean_d (ŷ_d(x) − y)² with a fresh y = f(x) + ε for every d and x
/// and E[test MSE] = bias² + variance + noise. (mean_x mean_d (ŷ_d − f)² = bias² + variance holds
/// exactly; the noise term only on average, so the sum matches the Monte Carlo test MSE to within its
/// sampling error.) Low degrees underfit (bias), high degrees overfit (variance): the test MSE is U-shaped.
#include <cstdint>
#include <vector>

namespace mlplay::evaluate {

struct PolyBiasVarianceOptions {
  int datasets = 200;
  int points = 20;
  double noise = 0.3;
  /// Degrees 1 … max_degree (at most fitting::kMaxDegree = 12 and points − 1).
  int max_degree = 12;
  /// Test points, evenly spaced over [0, 1].
  int grid = 101;
  /// Fits of each degree to return for drawing (the first `keep` data sets).
  int keep = 20;
  uint64_t seed = 0;
};

struct DegreeTerms {
  int degree = 0;
  double bias2 = 0, variance = 0, noise = 0, test_mse = 0;
  /// Mean training MSE over the sets (falls as the degree grows).
  double train_mse = 0;
};

struct PolyBiasVariance {
  /// The test grid and f on it.
  std::vector<double> x, truth;
  std::vector<DegreeTerms> degrees;
  /// The degree of the lowest test MSE (the bottom of the U).
  int best_degree = 1;
  /// Per degree (index degree − 1): keep × grid fitted values, and the mean fit ȳ over all sets.
  std::vector<std::vector<double>> fits, mean_fit;
  /// The first training set, to draw.
  std::vector<double> sample_x, sample_y;
};

/// f(x) = sin(2πx).
double bias_variance_truth(double x);

/// Throws ValueError for counts out of range (datasets 2–2000, points 3–1000, grid 2–2000,
/// keep 0–datasets, max_degree 1–12 and < points) or noise outside [0, 10].
PolyBiasVariance poly_bias_variance(const PolyBiasVarianceOptions& options);

}  // namespace mlplay::evaluate
