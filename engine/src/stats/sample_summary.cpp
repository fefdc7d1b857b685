#include "mlplay/stats/sample_summary.h"

#include <algorithm>
#include <cmath>

#include "mlplay/core/error.h"

namespace mlplay::stats {

Moments sample_moments(const std::vector<double>& values) {
  Moments m;
  m.count = static_cast<int64_t>(values.size());
  if (values.empty()) return m;
  double sum = 0;
  for (double v : values) sum += v;
  const double n = static_cast<double>(values.size());
  m.mean = sum / n;
  double s2 = 0, s3 = 0;
  for (double v : values) {
    const double d = v - m.mean;
    s2 += d * d;
    s3 += d * d * d;
  }
  m.variance = values.size() > 1 ? s2 / (n - 1) : 0;
  const double m2 = s2 / n, m3 = s3 / n;
  m.skewness = values.size() > 2 && m2 > 0 ? m3 / std::pow(m2, 1.5) : 0;
  return m;
}

Histogram Histogram::with_bins(double low, double width, int bins) {
  check(std::isfinite(low), "Histogram: low edge must be finite, got ", low);
  check(std::isfinite(width) && width > 0, "Histogram: bin width must be > 0, got ", width);
  check(bins >= 1 && bins <= 100000, "Histogram: bins must be from 1 to 100000, got ", bins);
  Histogram h;
  h.low = low;
  h.width = width;
  h.counts.assign(static_cast<size_t>(bins), 0);
  return h;
}

Histogram Histogram::covering(double lo, double hi, double lattice, int max_bins) {
  check(std::isfinite(lo) && std::isfinite(hi) && lo < hi, "Histogram: need a finite range lo < hi, got ", lo, " to ", hi);
  check(max_bins >= 1, "Histogram: max_bins must be >= 1, got ", max_bins);
  if (lattice > 0) {
    // Lattice points j·lattice for j = first … last; m of them per bin, bin edges halfway between.
    const double first = std::floor(lo / lattice + 1e-9), last = std::ceil(hi / lattice - 1e-9);
    const double points = last - first + 1;
    const double per_bin = std::max(1.0, std::ceil(points / max_bins));
    const int bins = static_cast<int>(std::ceil(points / per_bin));
    return with_bins((first - 0.5) * lattice, per_bin * lattice, bins);
  }
  return with_bins(lo, (hi - lo) / max_bins, max_bins);
}

void Histogram::add(double value) {
  const double position = (value - low) / width;
  if (!(position >= 0)) {  // also NaN
    ++below;
    return;
  }
  const auto index = static_cast<size_t>(position);
  if (position >= static_cast<double>(counts.size())) {
    ++above;
    return;
  }
  ++counts[index];
}

void Histogram::add(const std::vector<double>& values) {
  for (double v : values) add(v);
}

int64_t Histogram::total() const {
  int64_t sum = below + above;
  for (int64_t c : counts) sum += c;
  return sum;
}

std::vector<double> Histogram::centers() const {
  std::vector<double> out(counts.size());
  for (size_t i = 0; i < out.size(); ++i) out[i] = low + (static_cast<double>(i) + 0.5) * width;
  return out;
}

std::vector<double> Histogram::density() const {
  const double scale = total() > 0 ? 1.0 / (static_cast<double>(total()) * width) : 0.0;
  std::vector<double> out(counts.size());
  for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<double>(counts[i]) * scale;
  return out;
}

std::vector<double> Histogram::cumulative() const {
  const double n = static_cast<double>(total());
  std::vector<double> out(counts.size());
  double running = static_cast<double>(below);
  for (size_t i = 0; i < out.size(); ++i) {
    running += static_cast<double>(counts[i]);
    out[i] = n > 0 ? running / n : 0.0;
  }
  return out;
}

double ks_distance(std::vector<double> values, const std::function<double(double)>& cdf,
                   const std::function<double(double)>& cdf_below) {
  check(!values.empty(), "ks_distance: no values");
  std::sort(values.begin(), values.end());
  const double n = static_cast<double>(values.size());
  double worst = 0;
  for (size_t i = 0; i < values.size();) {
    // Ties: F_n jumps once, from i/n to j/n, at a repeated value (the discrete families).
    size_t j = i + 1;
    while (j < values.size() && values[j] == values[i]) ++j;
    const double f = cdf(values[i]), f_below = cdf_below ? cdf_below(values[i]) : f;
    worst = std::max({worst, std::fabs(f - static_cast<double>(j) / n), std::fabs(static_cast<double>(i) / n - f_below)});
    i = j;
  }
  return worst;
}

}  // namespace mlplay::stats
