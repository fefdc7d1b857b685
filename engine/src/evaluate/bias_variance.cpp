#include "mlplay/evaluate/bias_variance.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "mlplay/core/error.h"
#include "mlplay/core/random.h"
#include "mlplay/fitting/least_squares.h"
#include "mlplay/metrics/metrics.h"

namespace mlplay::evaluate {

double bias_variance_truth(double x) { return std::sin(2 * std::numbers::pi * x); }

PolyBiasVariance poly_bias_variance(const PolyBiasVarianceOptions& o) {
  check(o.datasets >= 2 && o.datasets <= 2000, "bias_variance: datasets must be from 2 to 2000, got ", o.datasets);
  check(o.points >= 3 && o.points <= 1000, "bias_variance: points must be from 3 to 1000, got ", o.points);
  check(o.grid >= 2 && o.grid <= 2000, "bias_variance: grid must be from 2 to 2000, got ", o.grid);
  check(o.keep >= 0 && o.keep <= o.datasets, "bias_variance: keep must be from 0 to ", o.datasets, ", got ", o.keep);
  check(o.max_degree >= 1 && o.max_degree <= fitting::kMaxDegree && o.max_degree < o.points, "bias_variance: max degree must be from 1 to ",
        std::min(fitting::kMaxDegree, o.points - 1), " (below the ", o.points, " points), got ", o.max_degree);
  check(std::isfinite(o.noise) && o.noise >= 0 && o.noise <= 10, "bias_variance: noise must be from 0 to 10, got ", o.noise);
  const auto sets = static_cast<size_t>(o.datasets), n = static_cast<size_t>(o.points), g = static_cast<size_t>(o.grid);
  PolyBiasVariance out;
  for (size_t j = 0; j < g; ++j) {
    out.x.push_back(static_cast<double>(j) / static_cast<double>(g - 1));
    out.truth.push_back(bias_variance_truth(out.x.back()));
  }
  // The training sets, and for each a fresh noisy target at every test point.
  Generator gen(o.seed);
  std::vector<std::vector<double>> xs(sets, std::vector<double>(n)), ys = xs, fresh(sets, std::vector<double>(g));
  for (size_t d = 0; d < sets; ++d) {
    for (size_t i = 0; i < n; ++i) {
      xs[d][i] = (static_cast<double>(i) + gen.uniform_double()) / static_cast<double>(n);
      ys[d][i] = bias_variance_truth(xs[d][i]) + o.noise * gen.normal();
    }
    for (size_t j = 0; j < g; ++j) fresh[d][j] = out.truth[j] + o.noise * gen.normal();
  }
  out.sample_x = xs[0];
  out.sample_y = ys[0];
  std::vector<double> predictions(sets * g);  // set by set, at the grid points
  for (int degree = 1; degree <= o.max_degree; ++degree) {
    DegreeTerms t;
    t.degree = degree;
    t.noise = o.noise * o.noise;
    for (size_t d = 0; d < sets; ++d) {
      const fitting::PolynomialFit fit = fitting::fit_polynomial(xs[d], ys[d], degree);
      const std::vector<double> fitted = fit.predict(out.x);
      std::copy(fitted.begin(), fitted.end(), predictions.begin() + static_cast<std::ptrdiff_t>(d * g));
      t.train_mse += fit.mse(xs[d], ys[d]) / static_cast<double>(sets);
      for (size_t j = 0; j < g; ++j) t.test_mse += (fitted[j] - fresh[d][j]) * (fitted[j] - fresh[d][j]) / static_cast<double>(sets * g);
    }
    metrics::BiasVariance split = metrics::bias_variance(predictions, out.truth);
    t.bias2 = split.bias2;
    t.variance = split.variance;
    if (out.degrees.empty() || t.test_mse < out.degrees[static_cast<size_t>(out.best_degree - 1)].test_mse) out.best_degree = degree;
    out.degrees.push_back(t);
    out.fits.emplace_back(predictions.begin(), predictions.begin() + static_cast<std::ptrdiff_t>(size_t(o.keep) * g));
    out.mean_fit.push_back(std::move(split.mean));
  }
  return out;
}

}  // namespace mlplay::evaluate
