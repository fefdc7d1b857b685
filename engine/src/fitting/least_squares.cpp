#include "mlplay/fitting/least_squares.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "mlplay/core/error.h"

namespace mlplay::fitting {
namespace {

/// Φ (N, K+1) with Φ[n, k] = t_n^k.
Eigen::MatrixXd vandermonde(const std::vector<double>& t, int degree) {
  Eigen::MatrixXd phi(static_cast<Eigen::Index>(t.size()), degree + 1);
  for (size_t n = 0; n < t.size(); ++n) {
    double power = 1;
    for (int k = 0; k <= degree; ++k, power *= t[n]) phi(static_cast<Eigen::Index>(n), k) = power;
  }
  return phi;
}

/// λmax / λmin of a symmetric positive semi-definite matrix; infinity when λmin is not positive.
double condition_number(const Eigen::MatrixXd& gram) {
  const Eigen::VectorXd eigenvalues = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(gram, Eigen::EigenvaluesOnly).eigenvalues();
  const double lo = eigenvalues.minCoeff(), hi = eigenvalues.maxCoeff();
  if (!(lo > hi * 1e-300) || !std::isfinite(hi)) return std::numeric_limits<double>::infinity();
  return hi / lo;
}

}  // namespace

PolynomialFit fit_polynomial(const std::vector<double>& x, const std::vector<double>& y, int degree) {
  check(degree >= 0 && degree <= kMaxDegree, "fit_polynomial: degree must be from 0 to ", kMaxDegree, ", got ", degree);
  check(x.size() == y.size(), "fit_polynomial: x has ", x.size(), " values but y has ", y.size());
  check(x.size() > static_cast<size_t>(degree), "fit_polynomial: degree ", degree, " needs at least ", degree + 1,
        " points; got ", x.size());
  PolynomialFit fit;
  fit.degree = degree;
  fit.scaling = Scaling::of(x, y);
  const Scaling& s = fit.scaling;
  std::vector<double> u(x.size());
  Eigen::VectorXd v(static_cast<Eigen::Index>(y.size()));
  for (size_t i = 0; i < x.size(); ++i) {
    u[i] = (x[i] - s.x_mean) / s.x_std;
    v(static_cast<Eigen::Index>(i)) = (y[i] - s.y_mean) / s.y_std;
  }
  const Eigen::MatrixXd phi = vandermonde(u, degree);           // (N, K+1)
  const Eigen::MatrixXd gram = phi.transpose() * phi;           // ΦᵀΦ (K+1, K+1)
  const Eigen::VectorXd w = gram.ldlt().solve(phi.transpose() * v);  // ΦᵀΦ w = Φᵀv
  fit.coefficients.assign(w.data(), w.data() + w.size());
  fit.condition_scaled = condition_number(gram);
  const Eigen::MatrixXd raw = vandermonde(x, degree);
  fit.condition_raw = condition_number(raw.transpose() * raw);
  return fit;
}

std::vector<double> PolynomialFit::predict(const std::vector<double>& x) const {
  std::vector<double> y(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    const double u = (x[i] - scaling.x_mean) / scaling.x_std;
    double v = 0;
    for (size_t k = coefficients.size(); k-- > 0;) v = v * u + coefficients[k];  // Horner
    y[i] = scaling.y_mean + scaling.y_std * v;
  }
  return y;
}

double PolynomialFit::mse(const std::vector<double>& x, const std::vector<double>& y) const {
  check(x.size() == y.size(), "PolynomialFit.mse: x has ", x.size(), " values but y has ", y.size());
  if (x.empty()) return std::nan("");
  const std::vector<double> p = predict(x);
  double sum = 0;
  for (size_t i = 0; i < x.size(); ++i) sum += (p[i] - y[i]) * (p[i] - y[i]);
  return sum / static_cast<double>(x.size());
}

Split split_train_validation(int64_t n, double train_fraction, bool hold_out_end, uint64_t seed) {
  check(n >= 2, "split_train_validation: need at least 2 points, got ", n);
  check(train_fraction > 0 && train_fraction < 1, "split_train_validation: train fraction must be between 0 and 1, got ",
        train_fraction);
  const auto n_train = std::clamp<int64_t>(std::llround(static_cast<double>(n) * train_fraction), 1, n - 1);
  std::vector<int64_t> order(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) order[static_cast<size_t>(i)] = i;
  if (!hold_out_end) {
    // Fisher–Yates with mt19937_64 (the same sequence natively and in wasm; NOTE: modulo, not
    // std::uniform_int_distribution, whose algorithm differs between standard libraries).
    std::mt19937_64 gen(seed);
    for (int64_t i = n - 1; i > 0; --i) std::swap(order[static_cast<size_t>(i)], order[gen() % static_cast<uint64_t>(i + 1)]);
  }
  Split split;
  split.train.assign(order.begin(), order.begin() + n_train);
  split.validation.assign(order.begin() + n_train, order.end());
  std::sort(split.train.begin(), split.train.end());
  std::sort(split.validation.begin(), split.validation.end());
  return split;
}

std::vector<DegreeScore> degree_sweep(const std::vector<double>& x_train, const std::vector<double>& y_train,
                                      const std::vector<double>& x_validation, const std::vector<double>& y_validation,
                                      int max_degree) {
  check(max_degree >= 0 && max_degree <= kMaxDegree, "degree_sweep: max degree must be from 0 to ", kMaxDegree, ", got ",
        max_degree);
  std::vector<DegreeScore> scores;
  for (int degree = 0; degree <= max_degree; ++degree) {
    if (x_train.size() <= static_cast<size_t>(degree)) {
      scores.push_back({degree, std::nan(""), std::nan("")});
      continue;
    }
    const PolynomialFit fit = fit_polynomial(x_train, y_train, degree);
    scores.push_back({degree, fit.mse(x_train, y_train), fit.mse(x_validation, y_validation)});
  }
  return scores;
}

}  // namespace mlplay::fitting
