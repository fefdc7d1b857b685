#pragma once
/// What a pile of draws looks like: sample moments, a histogram scaled to a density (so it sits on
/// top of the PDF), its empirical CDF, and the Kolmogorov–Smirnov distance to a model CDF.
#include <cstdint>
#include <functional>
#include <vector>

namespace mlplay::stats {

struct Moments {
  int64_t count = 0;
  double mean = 0;
  /// Unbiased: Σ(x − x̄)² / (n − 1) (0 for n < 2).
  double variance = 0;
  /// g₁ = m₃ / m₂^(3/2) with m_k = Σ(x − x̄)^k / n (0 for n < 3 or when all values are equal).
  double skewness = 0;
};

/// Two passes in double: the mean first, then the centred sums (no catastrophic cancellation).
Moments sample_moments(const std::vector<double>& values);

/// Equal-width bins [low + i·width, low + (i + 1)·width); values outside are counted in below/above.
struct Histogram {
  double low = 0, width = 1;
  std::vector<int64_t> counts;
  int64_t below = 0, above = 0;

  /// `bins` bins of `width` from `low`. Throws ValueError unless bins ≥ 1 and width > 0.
  static Histogram with_bins(double low, double width, int bins);
  /// Bins covering [lo, hi]. With lattice > 0 (values are multiples of it: whole numbers, or means of
  /// n whole numbers with lattice 1/n) every bin is centred on and holds the same number of lattice
  /// points; otherwise `max_bins` equal bins.
  static Histogram covering(double lo, double hi, double lattice, int max_bins);

  void add(double value);
  void add(const std::vector<double>& values);
  int64_t total() const;
  double high() const { return low + width * static_cast<double>(counts.size()); }
  /// Centre of each bin.
  std::vector<double> centers() const;
  /// count / (total · width): comparable with a PDF (with the PMF for whole-number bins of width 1).
  std::vector<double> density() const;
  /// Fraction of all values below each bin's right edge: the empirical CDF there.
  std::vector<double> cumulative() const;
};

/// sup_x |F_n(x) − F(x)| for the empirical CDF F_n of `values`, checked on both sides of every jump.
/// For a discrete model pass `cdf_below`, the left limit F(x⁻) = P(X < x); by default F is continuous.
double ks_distance(std::vector<double> values, const std::function<double(double)>& cdf,
                   const std::function<double(double)>& cdf_below = nullptr);

}  // namespace mlplay::stats
