// Drawing from the seven families with nothing but core's Generator: Box–Muller for the normal,
// the inverse CDF for uniform, exponential, binomial and Poisson, rejection for gamma (and beta).
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/stats/distributions.h"

namespace mlplay::stats {

Sampler Distribution::sampler() const {
  switch (family_) {
    case Family::normal: return Sampler::box_muller;
    case Family::beta:
    case Family::gamma: return Sampler::rejection;
    default: return Sampler::inverse_cdf;
  }
}

// Inverse CDF for the discrete families: walk k = 0, 1, 2, … adding P(X = k) until the running sum
// passes U. Each PMF comes from the last by a ratio:
//   binomial  P(k + 1) = P(k) · (n − k)/(k + 1) · p/(1 − p),   Poisson  P(k + 1) = P(k) · λ/(k + 1).
// The expected number of steps is the mean, so the binomial walks with min(p, 1 − p) and mirrors.
double Distribution::discrete_search(Generator& generator) const {
  const double u = generator.uniform_double();
  if (family_ == Family::binomial) {
    const double n = a_;
    const bool mirror = b_ > 0.5;
    const double p = mirror ? 1 - b_ : b_;
    const double ratio = p / (1 - p);
    double pmf = std::exp(n * std::log1p(-p));  // P(X = 0) = (1 − p)^n ≥ 2^−1000: no underflow
    double cdf = pmf, k = 0;
    while (u >= cdf && k < n) {
      pmf *= ratio * (n - k) / (k + 1);
      k += 1;
      cdf += pmf;
    }
    return mirror ? n - k : k;
  }
  // Poisson: P(X = 0) = e^(−λ) ≥ e^(−500), representable.
  double pmf = std::exp(-a_), cdf = pmf, k = 0;
  while (u >= cdf) {
    k += 1;
    pmf *= a_ / k;
    cdf += pmf;
    if (pmf == 0 && k > a_) break;  // rounding left the sum a hair below U: stop in the far tail
  }
  return k;
}

// Gamma(shape, 1) by Marsaglia & Tsang, "A simple method for generating gamma variables" (2000):
// with d = shape − 1/3 and c = 1/√(9d), propose v = (1 + c·Z)³ for a standard normal Z and keep d·v
// when log U < Z²/2 + d − d·v + d·log v (a cheap squeeze accepts most proposals first).
// Shape < 1: draw Gamma(shape + 1) and multiply by U^(1/shape).
double Distribution::gamma_draw(Generator& generator, double shape, int64_t* proposals) const {
  if (shape < 1) {
    const double u = 1.0 - generator.uniform_double();  // (0, 1]
    return gamma_draw(generator, shape + 1, proposals) * std::exp(std::log(u) / shape);
  }
  const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    if (proposals) ++*proposals;
    const double z = generator.normal();
    double v = 1 + c * z;
    if (v <= 0) continue;
    v = v * v * v;
    const double u = 1.0 - generator.uniform_double();
    const double z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2) return d * v;
    if (std::log(u) < 0.5 * z2 + d * (1 - v + std::log(v))) return d * v;
  }
}

double Distribution::sample(Generator& generator, int64_t* proposals) const {
  switch (family_) {
    case Family::normal: return generator.normal(a_, b_);
    case Family::binomial:
    case Family::poisson: return discrete_search(generator);
    case Family::exponential: return -std::log1p(-generator.uniform_double()) / a_;  // U ∈ [0, 1)
    case Family::uniform: return a_ + (b_ - a_) * generator.uniform_double();
    case Family::gamma: return b_ * gamma_draw(generator, a_, proposals);
    case Family::beta: {
      const double x = gamma_draw(generator, a_, proposals);
      const double y = gamma_draw(generator, b_, proposals);
      return x / (x + y);
    }
  }
  return 0;
}

std::vector<double> Distribution::sample(Generator& generator, int64_t count, int64_t* proposals) const {
  check(count >= 0 && count <= 100'000'000, describe(), ": sample count must be from 0 to 100000000, got ", count);
  std::vector<double> out(static_cast<size_t>(count));
  for (auto& value : out) value = sample(generator, proposals);
  return out;
}

}  // namespace mlplay::stats
