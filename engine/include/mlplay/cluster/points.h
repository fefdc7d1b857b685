#pragma once
/// Points to cluster: n samples of d features, row-major (sample i is values[i*d … i*d + d − 1]).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mlplay::cluster {

struct Points {
  int64_t n = 0, d = 0;
  std::vector<double> values;

  Points() = default;
  /// Throws ValueError unless values.size() == n × d.
  Points(int64_t n, int64_t d, std::vector<double> values);
  const double* row(int64_t i) const { return values.data() + i * d; }
  double* row(int64_t i) { return values.data() + i * d; }
  double operator()(int64_t i, int64_t f) const { return values[static_cast<size_t>(i * d + f)]; }
};

/// ‖a − b‖² over d features.
inline double squared_distance(const double* a, const double* b, int64_t d) {
  double s = 0;
  for (int64_t f = 0; f < d; ++f) {
    const double t = a[f] - b[f];
    s += t * t;
  }
  return s;
}

/// Each feature's mean and population standard deviation (ddof 0, as scikit-learn's StandardScaler).
struct FeatureScaling {
  std::vector<double> mean, scale;
};

/// The mean and spread of every feature (a constant feature gets scale 1).
FeatureScaling feature_scaling(const Points& points);
/// (x − mean) / scale, feature by feature.
Points standardized(const Points& points, const FeatureScaling& scaling);
/// Back to the data's units: x · scale + mean (for centroids found on standardized data).
std::vector<double> unstandardize(const std::vector<double>& rows, const FeatureScaling& scaling);

}  // namespace mlplay::cluster
