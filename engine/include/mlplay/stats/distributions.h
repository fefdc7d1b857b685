#pragma once
/// Seven textbook distributions as one value type: density (PMF for the discrete ones), CDF,
/// quantile, mean, variance, skewness, and a sampler built on core's Generator.
///
///   family       parameters                support      sampler
///   normal       μ (mean), σ > 0            ℝ            Box–Muller (Generator::normal)
///   binomial     n ∈ 1…1000, 0 < p < 1      0…n          inverse CDF, sequential search
///   poisson      λ ∈ (0, 500]               0, 1, 2, …   inverse CDF, sequential search
///   exponential  λ > 0 (rate)               [0, ∞)       inverse CDF: −log(1 − U)/λ
///   uniform      a < b                      [a, b]       inverse CDF: a + (b − a)U
///   gamma        k ∈ [0.1, 1e6], θ > 0      (0, ∞)       rejection (Marsaglia & Tsang 2000)
///   beta         α, β ∈ [0.1, 1e6]          [0, 1]       X/(X + Y), X ~ Γ(α), Y ~ Γ(β) by rejection
///
/// Parameters follow scipy.stats: expon(scale = 1/λ), gamma(a = k, scale = θ), binom(n, p).
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "mlplay/core/random.h"

namespace mlplay::stats {

enum class Family { normal, binomial, poisson, exponential, uniform, beta, gamma };
enum class Sampler { box_muller, inverse_cdf, rejection };

/// "normal", "binomial", … and back; from_name throws ValueError naming the known families.
const char* family_name(Family family);
Family family_from_name(const std::string& name);
const char* sampler_name(Sampler sampler);  // "Box–Muller", "inverse CDF", "rejection"

class Distribution {
 public:
  /// Checks the parameters (ValueError naming the family and the bad value). Families with one
  /// parameter ignore `b`.
  Distribution(Family family, double a, double b = 0);
  static Distribution normal(double mu, double sigma) { return {Family::normal, mu, sigma}; }
  static Distribution binomial(int n, double p) { return {Family::binomial, static_cast<double>(n), p}; }
  static Distribution poisson(double lambda) { return {Family::poisson, lambda}; }
  static Distribution exponential(double rate) { return {Family::exponential, rate}; }
  static Distribution uniform(double low, double high) { return {Family::uniform, low, high}; }
  static Distribution beta(double alpha, double beta) { return {Family::beta, alpha, beta}; }
  static Distribution gamma(double shape, double scale) { return {Family::gamma, shape, scale}; }

  Family family() const { return family_; }
  /// Parameter values, in the order of the table above (one-parameter families: b = 0).
  double a() const { return a_; }
  double b() const { return b_; }
  int parameter_count() const;
  /// "N(μ = 0, σ = 1)", "Binomial(n = 10, p = 0.3)", …
  std::string describe() const;
  bool discrete() const { return family_ == Family::binomial || family_ == Family::poisson; }

  /// Smallest and largest possible values (±infinity where unbounded).
  double support_low() const;
  double support_high() const;

  /// Density f(x); for binomial and Poisson the PMF P(X = x) (0 off the integers).
  double pdf(double x) const;
  /// P(X ≤ x).
  double cdf(double x) const;
  /// Smallest x with P(X ≤ x) ≥ p, for 0 ≤ p ≤ 1. Closed form for normal (AS 241), exponential and
  /// uniform; bisection on the CDF for the others (over the integers for binomial and Poisson).
  double quantile(double p) const;
  bool quantile_closed_form() const;

  double mean() const;
  double variance() const;
  double stddev() const;
  /// E[(X − μ)³] / σ³.
  double skewness() const;

  Sampler sampler() const;
  /// One draw. Where the sampler rejects, `proposals` (if given) grows by the proposals it made.
  double sample(Generator& generator, int64_t* proposals = nullptr) const;
  /// `count` draws.
  std::vector<double> sample(Generator& generator, int64_t count, int64_t* proposals = nullptr) const;

  /// A range worth plotting: quantiles 0.0005 and 0.9995 widened a little, clipped to the support
  /// (whole numbers for the discrete families, the full interval for uniform and beta).
  std::array<double, 2> plot_range() const;

 private:
  double gamma_draw(Generator& generator, double shape, int64_t* proposals) const;
  double discrete_search(Generator& generator) const;

  Family family_;
  double a_, b_;
};

}  // namespace mlplay::stats
