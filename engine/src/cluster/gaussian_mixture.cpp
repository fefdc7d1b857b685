#include "mlplay/cluster/gaussian_mixture.h"

#include <Eigen/Dense>
#include <cmath>
#include <limits>
#include <numbers>

#include "mlplay/cluster/kmeans.h"
#include "mlplay/core/error.h"
#include "mlplay/core/random.h"

namespace mlplay::cluster {

GaussianMixture::GaussianMixture(GaussianMixtureOptions options) : options_(options) {}

double GaussianMixture::initialize(const Points& points, uint64_t seed) {
  const int64_t k = options_.n_components, n = points.n;
  check(k >= 1 && k <= n, "GaussianMixture: n_components must be from 1 to the number of points (", n, "), got ", k);
  check(options_.max_iter >= 1, "GaussianMixture: max_iter must be at least 1, got ", options_.max_iter);
  check(options_.reg_covar >= 0 && options_.tol >= 0, "GaussianMixture: reg_covar and tol must be >= 0");
  d_ = points.d;
  KMeans kmeans({.n_clusters = k, .seed = seed});
  kmeans.fit(points);
  std::vector<double> resp(static_cast<size_t>(n * k), 0.0);
  for (int64_t i = 0; i < n; ++i) resp[static_cast<size_t>(i * k + kmeans.labels()[static_cast<size_t>(i)])] = 1.0;
  m_step(points, resp);
  history_.clear();
  n_iter_ = 0;
  converged_ = false;
  return score(points);
}

std::vector<double> GaussianMixture::weighted_log_prob(const Points& points, std::vector<double>* norm) const {
  const int64_t n = points.n, d = d_, k = options_.n_components;
  check(!means_.empty(), "GaussianMixture: fit first");
  check(points.d == d, "GaussianMixture: fitted on ", d, " features, got ", points.d);
  std::vector<double> out(static_cast<size_t>(n * k));
  for (int64_t j = 0; j < k; ++j) {
    Eigen::Map<const Eigen::MatrixXd> cov(covariances_.data() + j * d * d, d, d);
    const Eigen::LLT<Eigen::MatrixXd> llt(cov);
    check(llt.info() == Eigen::Success, "GaussianMixture: covariance ", j, " is not positive definite; raise reg_covar");
    const Eigen::MatrixXd L = llt.matrixL();
    const double log_det = 2 * L.diagonal().array().log().sum();
    const double constant = std::log(weights_[static_cast<size_t>(j)]) - 0.5 * (static_cast<double>(d) * std::log(2 * std::numbers::pi) + log_det);
    Eigen::VectorXd diff(d);
    for (int64_t i = 0; i < n; ++i) {
      for (int64_t f = 0; f < d; ++f) diff[f] = points(i, f) - means_[static_cast<size_t>(j * d + f)];
      // Mahalanobis distance² = ‖L⁻¹ (x − μ)‖².
      const Eigen::VectorXd z = L.triangularView<Eigen::Lower>().solve(diff);
      out[static_cast<size_t>(i * k + j)] = constant - 0.5 * z.squaredNorm();
    }
  }
  if (norm) {
    norm->assign(static_cast<size_t>(n), 0.0);
    for (int64_t i = 0; i < n; ++i) {
      double top = -std::numeric_limits<double>::infinity();
      for (int64_t j = 0; j < k; ++j) top = std::max(top, out[static_cast<size_t>(i * k + j)]);
      double sum = 0;
      for (int64_t j = 0; j < k; ++j) sum += std::exp(out[static_cast<size_t>(i * k + j)] - top);
      (*norm)[static_cast<size_t>(i)] = top + std::log(sum);
    }
  }
  return out;
}

void GaussianMixture::m_step(const Points& points, const std::vector<double>& resp) {
  const int64_t n = points.n, d = d_, k = options_.n_components;
  weights_.assign(static_cast<size_t>(k), 0.0);
  means_.assign(static_cast<size_t>(k * d), 0.0);
  covariances_.assign(static_cast<size_t>(k * d * d), 0.0);
  for (int64_t j = 0; j < k; ++j) {
    // NOTE: 10·eps keeps an empty component finite, as scikit-learn does.
    double nj = 10 * std::numeric_limits<double>::epsilon();
    for (int64_t i = 0; i < n; ++i) nj += resp[static_cast<size_t>(i * k + j)];
    double* mu = means_.data() + j * d;
    for (int64_t i = 0; i < n; ++i) {
      for (int64_t f = 0; f < d; ++f) mu[f] += resp[static_cast<size_t>(i * k + j)] * points(i, f);
    }
    for (int64_t f = 0; f < d; ++f) mu[f] /= nj;
    double* cov = covariances_.data() + j * d * d;
    for (int64_t i = 0; i < n; ++i) {
      const double r = resp[static_cast<size_t>(i * k + j)];
      if (r == 0) continue;
      for (int64_t a = 0; a < d; ++a) {
        const double da = points(i, a) - mu[a];
        for (int64_t b = 0; b < d; ++b) cov[a * d + b] += r * da * (points(i, b) - mu[b]);
      }
    }
    for (int64_t t = 0; t < d * d; ++t) cov[t] /= nj;
    for (int64_t a = 0; a < d; ++a) cov[a * d + a] += options_.reg_covar;
    weights_[static_cast<size_t>(j)] = nj / static_cast<double>(n);
  }
}

double GaussianMixture::step(const Points& points) {
  const int64_t n = points.n, k = options_.n_components;
  std::vector<double> norm;
  std::vector<double> resp = weighted_log_prob(points, &norm);
  double mean = 0;
  for (int64_t i = 0; i < n; ++i) {
    mean += norm[static_cast<size_t>(i)];
    for (int64_t j = 0; j < k; ++j) resp[static_cast<size_t>(i * k + j)] = std::exp(resp[static_cast<size_t>(i * k + j)] - norm[static_cast<size_t>(i)]);
  }
  mean /= static_cast<double>(n);
  m_step(points, resp);
  ++n_iter_;
  if (!history_.empty() && std::abs(mean - history_.back()) < options_.tol) converged_ = true;
  history_.push_back(mean);
  return mean;
}

GaussianMixture& GaussianMixture::fit(const Points& points) {
  check(options_.n_init >= 1, "GaussianMixture: n_init must be at least 1, got ", options_.n_init);
  double best = -std::numeric_limits<double>::infinity();
  GaussianMixture kept(options_);
  for (int r = 0; r < options_.n_init; ++r) {
    GaussianMixture trial(options_);
    trial.initialize(points, stream_key(options_.seed, static_cast<uint64_t>(r)));
    while (!trial.converged_ && trial.n_iter_ < options_.max_iter) trial.step(points);
    const double s = trial.score(points);
    if (r == 0 || s > best) best = s, kept = trial;
  }
  *this = kept;
  return *this;
}

std::vector<double> GaussianMixture::predict_proba(const Points& points) const {
  std::vector<double> norm;
  std::vector<double> out = weighted_log_prob(points, &norm);
  const int64_t k = options_.n_components;
  for (int64_t i = 0; i < points.n; ++i) {
    for (int64_t j = 0; j < k; ++j) out[static_cast<size_t>(i * k + j)] = std::exp(out[static_cast<size_t>(i * k + j)] - norm[static_cast<size_t>(i)]);
  }
  return out;
}

std::vector<int32_t> GaussianMixture::predict(const Points& points) const {
  const std::vector<double> p = weighted_log_prob(points, nullptr);
  const int64_t k = options_.n_components;
  std::vector<int32_t> out(static_cast<size_t>(points.n));
  for (int64_t i = 0; i < points.n; ++i) {
    int32_t best = 0;
    for (int64_t j = 1; j < k; ++j) {
      if (p[static_cast<size_t>(i * k + j)] > p[static_cast<size_t>(i * k + best)]) best = static_cast<int32_t>(j);
    }
    out[static_cast<size_t>(i)] = best;
  }
  return out;
}

double GaussianMixture::score(const Points& points) const {
  std::vector<double> norm;
  weighted_log_prob(points, &norm);
  double sum = 0;
  for (double v : norm) sum += v;
  return sum / static_cast<double>(points.n);
}

int64_t GaussianMixture::n_parameters() const {
  const int64_t k = options_.n_components, d = d_;
  return k * d + k * d * (d + 1) / 2 + k - 1;
}

double GaussianMixture::bic(const Points& points) const {
  return -2 * score(points) * static_cast<double>(points.n) + static_cast<double>(n_parameters()) * std::log(static_cast<double>(points.n));
}

}  // namespace mlplay::cluster
