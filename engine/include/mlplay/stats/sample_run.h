#pragma once
/// A sampling experiment: draw values from a distribution — or averages of n draws, for the central
/// limit theorem — in batches, and read moments, a density histogram and the Kolmogorov–Smirnov
/// distance at any time. The distributions lesson and `mlplay dist` both run through this.
#include <array>
#include <cstdint>
#include <vector>

#include "mlplay/core/random.h"
#include "mlplay/stats/distributions.h"
#include "mlplay/stats/sample_summary.h"

namespace mlplay::stats {

/// x, f(x) and F(x) on a grid: the density (PMF at the whole numbers for binomial and Poisson) and CDF.
struct Curve {
  std::vector<double> x, pdf, cdf;
};

/// `points` evenly spaced points over `range`; for binomial and Poisson every whole number in it.
Curve distribution_curve(const Distribution& distribution, std::array<double, 2> range, int points);
/// N(μ, σ²/n), what the central limit theorem promises for the mean of n draws, over `range`.
Curve normal_curve_for_means(const Distribution& distribution, int n, std::array<double, 2> range, int points);

class SampleRun {
 public:
  static constexpr int64_t kMaxValues = 2'000'000;
  static constexpr int kMaxN = 1000;

  /// Each value is the mean of `n` independent draws (n = 1: plain draws), 1 ≤ n ≤ 1000.
  SampleRun(const Distribution& distribution, int n, uint64_t seed);

  /// Appends `count` more values (the total stays ≤ kMaxValues; ValueError otherwise).
  void draw(int64_t count);

  const Distribution& distribution() const { return distribution_; }
  int n() const { return n_; }
  uint64_t seed() const { return seed_; }
  const std::vector<double>& values() const { return values_; }
  /// Proposals per accepted draw of the rejection sampler (1 for the other samplers).
  double proposals_per_draw() const;

  Moments moments() const;
  /// What the moments of a mean of n draws are: μ, σ²/n and γ/√n (count 0).
  Moments expected() const;

  /// Range of the histogram: the distribution's plot range for n = 1, otherwise μ ± 4.5 σ/√n
  /// clipped to the support.
  std::array<double, 2> range() const;
  /// The values binned over range(): one bin per whole number (or per k/n for means of discrete
  /// draws) where that gives at most 80 bins, else 60 equal bins.
  Histogram histogram() const;

  /// KS distance to the distribution itself (its exact CDF; meaningful for n = 1).
  double ks_to_distribution() const;
  /// KS distance to N(μ, σ²/n): how far from normal the means still are.
  double ks_to_normal() const;

 private:
  Distribution distribution_;
  int n_;
  uint64_t seed_;
  Generator generator_;
  std::vector<double> values_;
  int64_t draws_ = 0, proposals_ = 0;
};

}  // namespace mlplay::stats
