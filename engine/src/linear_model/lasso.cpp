#include "mlplay/linear_model/lasso.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "mlplay/core/error.h"

namespace mlplay::linear_model {
namespace {

/// Column-major centred features (p columns of n) and their means; the centred target.
struct Centred {
  size_t n = 0, p = 0;
  std::vector<double> x, x_mean, y;
  double y_mean = 0;
  const double* col(size_t j) const { return &x[j * n]; }
};

Centred centre(const data::Dataset& data) {
  check<ValueError>(data.y.size() == data.rows && data.rows >= 1, "lasso: ", data.rows, " rows and ", data.y.size(),
                    " targets (need the same number, at least one)");
  Centred c;
  c.n = data.rows, c.p = data.cols;
  c.x.resize(c.n * c.p);
  c.x_mean.assign(c.p, 0.0);
  for (size_t j = 0; j < c.p; ++j) {
    for (size_t i = 0; i < c.n; ++i) c.x_mean[j] += data.at(i, j);
    c.x_mean[j] /= static_cast<double>(c.n);
    for (size_t i = 0; i < c.n; ++i) c.x[j * c.n + i] = data.at(i, j) - c.x_mean[j];
  }
  c.y_mean = std::accumulate(data.y.begin(), data.y.end(), 0.0) / static_cast<double>(c.n);
  c.y.resize(c.n);
  for (size_t i = 0; i < c.n; ++i) c.y[i] = data.y[i] - c.y_mean;
  return c;
}

LassoFit coordinate_descent(const Centred& c, double lambda, const LassoOptions& options, std::vector<double> beta) {
  const double n = static_cast<double>(c.n);
  if (beta.size() != c.p) beta.assign(c.p, 0.0);
  // z_j = (1/n) Σ x_ij²; r = y_c − X_c β.
  std::vector<double> z(c.p, 0.0), r = c.y;
  for (size_t j = 0; j < c.p; ++j) {
    const double* x = c.col(j);
    for (size_t i = 0; i < c.n; ++i) z[j] += x[i] * x[i];
    z[j] /= n;
    if (beta[j] != 0) {
      for (size_t i = 0; i < c.n; ++i) r[i] -= x[i] * beta[j];
    }
  }
  LassoFit fit;
  for (fit.sweeps = 1; fit.sweeps <= options.max_sweeps; ++fit.sweeps) {
    double largest_step = 0, largest_coef = 0;
    for (size_t j = 0; j < c.p; ++j) {
      if (z[j] == 0) continue;  // a constant feature stays at 0
      const double* x = c.col(j);
      double rho = 0;
      for (size_t i = 0; i < c.n; ++i) rho += x[i] * r[i];
      rho = rho / n + z[j] * beta[j];
      const double updated = soft_threshold(rho, lambda) / z[j];
      const double delta = updated - beta[j];
      if (delta != 0) {
        for (size_t i = 0; i < c.n; ++i) r[i] -= x[i] * delta;
        beta[j] = updated;
      }
      // Compare moves in units of ŷ: |Δβ_j| · sd(x_j).
      const double spread = std::sqrt(z[j]);
      largest_step = std::max(largest_step, std::abs(delta) * spread);
      largest_coef = std::max(largest_coef, std::abs(updated) * spread);
    }
    if (largest_step <= options.tol * std::max(largest_coef, 1e-300)) {
      fit.converged = true;
      break;
    }
  }
  fit.sweeps = std::min(fit.sweeps, options.max_sweeps);
  fit.model.coef = beta;
  fit.model.intercept = c.y_mean;
  for (size_t j = 0; j < c.p; ++j) fit.model.intercept -= beta[j] * c.x_mean[j];
  return fit;
}

}  // namespace

double soft_threshold(double rho, double lambda) {
  if (rho > lambda) return rho - lambda;
  if (rho < -lambda) return rho + lambda;
  return 0.0;
}

LassoFit fit_lasso(const data::Dataset& data, double lambda, const LassoOptions& options, const std::vector<double>& start) {
  check<ValueError>(std::isfinite(lambda) && lambda >= 0, "fit_lasso: λ must be ≥ 0, got ", lambda);
  check<ValueError>(options.tol > 0 && options.max_sweeps >= 1, "fit_lasso: tol must be > 0 and max_sweeps ≥ 1, got ", options.tol,
                    " and ", options.max_sweeps);
  check<ValueError>(start.empty() || start.size() == data.cols, "fit_lasso: a warm start of ", start.size(), " coefficients for ",
                    data.cols, " features");
  return coordinate_descent(centre(data), lambda, options, start);
}

double lasso_lambda_max(const data::Dataset& data) {
  const Centred c = centre(data);
  double best = 0;
  for (size_t j = 0; j < c.p; ++j) {
    double dot = 0;
    for (size_t i = 0; i < c.n; ++i) dot += c.col(j)[i] * c.y[i];
    best = std::max(best, std::abs(dot) / static_cast<double>(c.n));
  }
  return best;
}

std::vector<LinearModel> lasso_path(const data::Dataset& data, const std::vector<double>& lambdas, const LassoOptions& options) {
  const Centred c = centre(data);
  std::vector<size_t> order(lambdas.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return lambdas[a] > lambdas[b]; });
  std::vector<LinearModel> out(lambdas.size());
  std::vector<double> beta;
  for (size_t k : order) {
    check<ValueError>(std::isfinite(lambdas[k]) && lambdas[k] >= 0, "lasso_path: every λ must be ≥ 0, got ", lambdas[k]);
    out[k] = coordinate_descent(c, lambdas[k], options, beta).model;
    beta = out[k].coef;
  }
  return out;
}

std::vector<double> log_grid(double high, double low, int count) {
  check<ValueError>(high > 0 && low > 0 && count >= 2, "log_grid: need high, low > 0 and count ≥ 2, got ", high, ", ", low, ", ", count);
  std::vector<double> out(static_cast<size_t>(count));
  const double a = std::log(high), b = std::log(low);
  for (int k = 0; k < count; ++k) out[static_cast<size_t>(k)] = std::exp(a + (b - a) * k / (count - 1));
  return out;
}

}  // namespace mlplay::linear_model
