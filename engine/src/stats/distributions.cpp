// Densities, CDFs, quantiles and moments of the seven families (sampling is in samplers.cpp).
#include "mlplay/stats/distributions.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "mlplay/core/error.h"
#include "mlplay/stats/normal.h"
#include "mlplay/stats/special.h"

namespace mlplay::stats {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr Family kFamilies[] = {Family::normal, Family::binomial, Family::poisson, Family::exponential,
                                Family::uniform, Family::beta, Family::gamma};

bool is_whole(double x) { return std::isfinite(x) && x == std::floor(x); }

// log C(n, k) = log n! − log k! − log (n − k)!
double log_choose(double n, double k) { return log_gamma(n + 1) - log_gamma(k + 1) - log_gamma(n - k + 1); }

std::string format_number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", v);
  return text;
}

}  // namespace

const char* family_name(Family family) {
  switch (family) {
    case Family::normal: return "normal";
    case Family::binomial: return "binomial";
    case Family::poisson: return "poisson";
    case Family::exponential: return "exponential";
    case Family::uniform: return "uniform";
    case Family::beta: return "beta";
    case Family::gamma: return "gamma";
  }
  return "?";
}

Family family_from_name(const std::string& name) {
  for (Family family : kFamilies)
    if (name == family_name(family)) return family;
  throw ValueError("distribution: unknown family '" + name +
                   "'; expected normal, binomial, poisson, exponential, uniform, beta or gamma");
}

const char* sampler_name(Sampler sampler) {
  switch (sampler) {
    case Sampler::box_muller: return "Box–Muller";
    case Sampler::inverse_cdf: return "inverse CDF";
    case Sampler::rejection: return "rejection";
  }
  return "?";
}

Distribution::Distribution(Family family, double a, double b) : family_(family), a_(a), b_(b) {
  const char* name = family_name(family);
  auto positive = [&](double v, const char* what, double max) {
    check(std::isfinite(v) && v > 0 && v <= max, name, ": ", what, " must be > 0 and at most ", max, ", got ", v);
  };
  switch (family) {
    case Family::normal:
      check(std::isfinite(a) && std::fabs(a) <= 1e12, "normal: mean μ must be a finite number, got ", a);
      positive(b, "standard deviation σ", 1e12);
      break;
    case Family::binomial:
      check(is_whole(a) && a >= 1 && a <= 1000, "binomial: number of trials n must be a whole number from 1 to 1000, got ", a);
      check(b > 0 && b < 1, "binomial: success probability p must be strictly between 0 and 1, got ", b);
      break;
    case Family::poisson: positive(a, "rate λ", 500); b_ = 0; break;
    case Family::exponential: positive(a, "rate λ", 1e12); b_ = 0; break;
    case Family::uniform:
      check(std::isfinite(a) && std::isfinite(b) && a < b, "uniform: need finite bounds a < b, got a = ", a, ", b = ", b);
      break;
    case Family::beta:
      check(std::isfinite(a) && a >= 0.1 && a <= 1e6, "beta: α must be from 0.1 to 1e6, got ", a);
      check(std::isfinite(b) && b >= 0.1 && b <= 1e6, "beta: β must be from 0.1 to 1e6, got ", b);
      break;
    case Family::gamma:
      check(std::isfinite(a) && a >= 0.1 && a <= 1e6, "gamma: shape k must be from 0.1 to 1e6, got ", a);
      positive(b, "scale θ", 1e12);
      break;
  }
}

int Distribution::parameter_count() const {
  return family_ == Family::poisson || family_ == Family::exponential ? 1 : 2;
}

std::string Distribution::describe() const {
  const std::string a = format_number(a_), b = format_number(b_);
  switch (family_) {
    case Family::normal: return "N(μ = " + a + ", σ = " + b + ")";
    case Family::binomial: return "Binomial(n = " + a + ", p = " + b + ")";
    case Family::poisson: return "Poisson(λ = " + a + ")";
    case Family::exponential: return "Exponential(λ = " + a + ")";
    case Family::uniform: return "Uniform(a = " + a + ", b = " + b + ")";
    case Family::beta: return "Beta(α = " + a + ", β = " + b + ")";
    case Family::gamma: return "Gamma(k = " + a + ", θ = " + b + ")";
  }
  return "?";
}

double Distribution::support_low() const {
  switch (family_) {
    case Family::normal: return -kInf;
    case Family::uniform: return a_;
    default: return 0;
  }
}

double Distribution::support_high() const {
  switch (family_) {
    case Family::binomial: return a_;
    case Family::uniform: return b_;
    case Family::beta: return 1;
    default: return kInf;
  }
}

double Distribution::pdf(double x) const {
  if (std::isnan(x)) return std::nan("");
  switch (family_) {
    case Family::normal: return normal_pdf(x, a_, b_);
    case Family::binomial:  // C(n, k) p^k (1 − p)^(n − k)
      if (!is_whole(x) || x < 0 || x > a_) return 0;
      return std::exp(log_choose(a_, x) + x * std::log(b_) + (a_ - x) * std::log1p(-b_));
    case Family::poisson:  // λ^k e^(−λ) / k!
      if (!is_whole(x) || x < 0) return 0;
      return std::exp(x * std::log(a_) - a_ - log_gamma(x + 1));
    case Family::exponential: return x < 0 ? 0 : a_ * std::exp(-a_ * x);
    case Family::uniform: return x < a_ || x > b_ ? 0 : 1 / (b_ - a_);
    case Family::beta: {  // x^(α−1) (1 − x)^(β−1) / B(α, β)
      if (x < 0 || x > 1) return 0;
      if ((x == 0 && a_ < 1) || (x == 1 && b_ < 1)) return kInf;
      if (x == 0) return a_ == 1 ? b_ : 0;  // B(1, β) = 1/β
      if (x == 1) return b_ == 1 ? a_ : 0;
      return std::exp((a_ - 1) * std::log(x) + (b_ - 1) * std::log1p(-x) - log_beta(a_, b_));
    }
    case Family::gamma: {  // x^(k−1) e^(−x/θ) / (Γ(k) θ^k)
      if (x < 0) return 0;
      if (x == 0) return a_ < 1 ? kInf : a_ == 1 ? 1 / b_ : 0;
      return std::exp((a_ - 1) * std::log(x) - x / b_ - log_gamma(a_) - a_ * std::log(b_));
    }
  }
  return 0;
}

double Distribution::cdf(double x) const {
  if (std::isnan(x)) return std::nan("");
  switch (family_) {
    case Family::normal: return normal_cdf(x, a_, b_);
    case Family::binomial: {  // P(X ≤ k) = I_{1−p}(n − k, k + 1)
      const double k = std::floor(x);
      if (k < 0) return 0;
      if (k >= a_) return 1;
      return regularized_beta(a_ - k, k + 1, 1 - b_);
    }
    case Family::poisson: {  // P(X ≤ k) = Q(k + 1, λ)
      const double k = std::floor(x);
      return k < 0 ? 0 : std::isinf(k) ? 1 : regularized_gamma_q(k + 1, a_);
    }
    case Family::exponential: return x <= 0 ? 0 : -std::expm1(-a_ * x);
    case Family::uniform: return x <= a_ ? 0 : x >= b_ ? 1 : (x - a_) / (b_ - a_);
    case Family::beta: return x <= 0 ? 0 : x >= 1 ? 1 : regularized_beta(a_, b_, x);
    case Family::gamma: return x <= 0 ? 0 : regularized_gamma_p(a_, x / b_);
  }
  return 0;
}

bool Distribution::quantile_closed_form() const {
  return family_ == Family::normal || family_ == Family::exponential || family_ == Family::uniform;
}

double Distribution::quantile(double p) const {
  check(p >= 0 && p <= 1, describe(), ": quantile needs a probability from 0 to 1, got ", p);
  switch (family_) {
    case Family::normal: return normal_quantile(p, a_, b_);
    case Family::exponential: return -std::log1p(-p) / a_;
    case Family::uniform: return a_ + p * (b_ - a_);
    default: break;
  }
  if (p == 0) return support_low();
  if (p == 1) return support_high();
  // Bracket [lo, hi] with cdf(lo) < p ≤ cdf(hi), then halve it.
  double lo = support_low(), hi = support_high();
  if (std::isinf(hi)) {
    hi = std::max(1.0, mean() + 10 * stddev());
    while (cdf(hi) < p && hi < 1e300) hi *= 2;
  }
  if (discrete()) {
    if (cdf(lo) >= p) return lo;
    while (hi - lo > 1) {  // invariant: cdf(lo) < p ≤ cdf(hi)
      const double mid = std::floor((lo + hi) / 2);
      (cdf(mid) >= p ? hi : lo) = mid;
    }
    return hi;
  }
  for (int i = 0; i < 2000 && hi - lo > 1e-15 * std::max(1.0, std::fabs(hi)); ++i) {
    const double mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    (cdf(mid) >= p ? hi : lo) = mid;
  }
  return 0.5 * (lo + hi);
}

double Distribution::mean() const {
  switch (family_) {
    case Family::normal: return a_;
    case Family::binomial: return a_ * b_;
    case Family::poisson: return a_;
    case Family::exponential: return 1 / a_;
    case Family::uniform: return 0.5 * (a_ + b_);
    case Family::beta: return a_ / (a_ + b_);
    case Family::gamma: return a_ * b_;
  }
  return 0;
}

double Distribution::variance() const {
  switch (family_) {
    case Family::normal: return b_ * b_;
    case Family::binomial: return a_ * b_ * (1 - b_);
    case Family::poisson: return a_;
    case Family::exponential: return 1 / (a_ * a_);
    case Family::uniform: return (b_ - a_) * (b_ - a_) / 12;
    case Family::beta: return a_ * b_ / ((a_ + b_) * (a_ + b_) * (a_ + b_ + 1));
    case Family::gamma: return a_ * b_ * b_;
  }
  return 0;
}

double Distribution::stddev() const { return std::sqrt(variance()); }

double Distribution::skewness() const {
  switch (family_) {
    case Family::normal: return 0;
    case Family::binomial: return (1 - 2 * b_) / std::sqrt(a_ * b_ * (1 - b_));
    case Family::poisson: return 1 / std::sqrt(a_);
    case Family::exponential: return 2;
    case Family::uniform: return 0;
    case Family::beta: return 2 * (b_ - a_) * std::sqrt(a_ + b_ + 1) / ((a_ + b_ + 2) * std::sqrt(a_ * b_));
    case Family::gamma: return 2 / std::sqrt(a_);
  }
  return 0;
}

std::array<double, 2> Distribution::plot_range() const {
  switch (family_) {
    case Family::normal: return {a_ - 4 * b_, a_ + 4 * b_};
    case Family::uniform: {
      const double margin = 0.15 * (b_ - a_);
      return {a_ - margin, b_ + margin};
    }
    case Family::beta: return {0, 1};
    case Family::binomial:
    case Family::poisson: {
      const double lo = std::max(0.0, quantile(0.0005) - 1);
      const double hi = std::min(support_high(), quantile(0.9995) + 1);
      return {lo, hi};
    }
    case Family::exponential:
    case Family::gamma: return {0, quantile(0.9995) * 1.05};
  }
  return {0, 1};
}

}  // namespace mlplay::stats
