#include "mlplay/stats/sample_run.h"

#include <algorithm>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/stats/normal.h"

namespace mlplay::stats {
namespace {

void check_grid(const char* where, std::array<double, 2> range, int points) {
  check(std::isfinite(range[0]) && std::isfinite(range[1]) && range[0] < range[1], where,
        ": need a finite range lo < hi, got ", range[0], " to ", range[1]);
  check(points >= 2 && points <= 100000, where, ": points must be from 2 to 100000, got ", points);
}

std::vector<double> grid(std::array<double, 2> range, int points) {
  std::vector<double> x(static_cast<size_t>(points));
  for (int i = 0; i < points; ++i) x[i] = range[0] + (range[1] - range[0]) * i / (points - 1);
  return x;
}

}  // namespace

Curve distribution_curve(const Distribution& distribution, std::array<double, 2> range, int points) {
  check_grid("distribution_curve", range, points);
  Curve curve;
  if (distribution.discrete()) {
    for (double k = std::ceil(range[0]); k <= range[1]; k += 1) curve.x.push_back(k);
  } else {
    curve.x = grid(range, points);
  }
  for (double x : curve.x) {
    curve.pdf.push_back(distribution.pdf(x));
    curve.cdf.push_back(distribution.cdf(x));
  }
  return curve;
}

Curve normal_curve_for_means(const Distribution& distribution, int n, std::array<double, 2> range, int points) {
  check_grid("normal_curve_for_means", range, points);
  check(n >= 1, "normal_curve_for_means: n must be >= 1, got ", n);
  const double mu = distribution.mean(), sigma = distribution.stddev() / std::sqrt(static_cast<double>(n));
  Curve curve;
  curve.x = grid(range, points);
  for (double x : curve.x) {
    curve.pdf.push_back(normal_pdf(x, mu, sigma));
    curve.cdf.push_back(normal_cdf(x, mu, sigma));
  }
  return curve;
}

SampleRun::SampleRun(const Distribution& distribution, int n, uint64_t seed)
    : distribution_(distribution), n_(n), seed_(seed), generator_(seed) {
  check(n >= 1 && n <= kMaxN, "SampleRun: n (draws per mean) must be from 1 to ", kMaxN, ", got ", n);
}

void SampleRun::draw(int64_t count) {
  check(count >= 0 && count <= kMaxValues - static_cast<int64_t>(values_.size()), "SampleRun.draw: ", count,
        " more values would pass the limit of ", kMaxValues, " (", values_.size(), " drawn so far)");
  values_.reserve(values_.size() + static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) {
    double sum = 0;
    for (int j = 0; j < n_; ++j) sum += distribution_.sample(generator_, &proposals_);
    values_.push_back(n_ == 1 ? sum : sum / n_);
  }
  draws_ += count * n_;
}

double SampleRun::proposals_per_draw() const {
  if (distribution_.sampler() != Sampler::rejection || draws_ == 0) return 1;
  // A beta draw is two gamma draws.
  const double gammas = static_cast<double>(draws_) * (distribution_.family() == Family::beta ? 2 : 1);
  return static_cast<double>(proposals_) / gammas;
}

Moments SampleRun::moments() const { return sample_moments(values_); }

Moments SampleRun::expected() const {
  Moments m;
  m.mean = distribution_.mean();
  m.variance = distribution_.variance() / n_;
  m.skewness = distribution_.skewness() / std::sqrt(static_cast<double>(n_));
  return m;
}

std::array<double, 2> SampleRun::range() const {
  if (n_ == 1) return distribution_.plot_range();
  const double mu = distribution_.mean(), spread = 4.5 * distribution_.stddev() / std::sqrt(static_cast<double>(n_));
  return {std::max(mu - spread, distribution_.support_low()), std::min(mu + spread, distribution_.support_high())};
}

Histogram SampleRun::histogram() const {
  const auto [lo, hi] = range();
  Histogram h = distribution_.discrete() ? Histogram::covering(lo, hi, 1.0 / n_, 80) : Histogram::covering(lo, hi, 0, 60);
  h.add(values_);
  return h;
}

double SampleRun::ks_to_distribution() const {
  if (!distribution_.discrete()) return ks_distance(values_, [&](double x) { return distribution_.cdf(x); });
  // Whole-number values: P(X < k) = P(X ≤ k − 1).
  return ks_distance(
      values_, [&](double x) { return distribution_.cdf(x); }, [&](double x) { return distribution_.cdf(x - 1); });
}

double SampleRun::ks_to_normal() const {
  const double mu = distribution_.mean(), sigma = distribution_.stddev() / std::sqrt(static_cast<double>(n_));
  return ks_distance(values_, [&](double x) { return normal_cdf(x, mu, sigma); });
}

}  // namespace mlplay::stats
