#include "mlplay/cluster/points.h"

#include <cmath>
#include <utility>

#include "mlplay/core/error.h"

namespace mlplay::cluster {

Points::Points(int64_t n_, int64_t d_, std::vector<double> values_) : n(n_), d(d_), values(std::move(values_)) {
  check(n >= 0 && d >= 1 && static_cast<int64_t>(values.size()) == n * d, "Points: ", n, " samples of ", d, " features need ", n * d,
        " values, got ", values.size());
}

FeatureScaling feature_scaling(const Points& points) {
  check(points.n >= 1, "feature_scaling: no samples");
  FeatureScaling s{std::vector<double>(static_cast<size_t>(points.d), 0.0), std::vector<double>(static_cast<size_t>(points.d), 0.0)};
  for (int64_t i = 0; i < points.n; ++i) {
    for (int64_t f = 0; f < points.d; ++f) s.mean[static_cast<size_t>(f)] += points(i, f);
  }
  for (double& m : s.mean) m /= static_cast<double>(points.n);
  for (int64_t i = 0; i < points.n; ++i) {
    for (int64_t f = 0; f < points.d; ++f) {
      const double t = points(i, f) - s.mean[static_cast<size_t>(f)];
      s.scale[static_cast<size_t>(f)] += t * t;
    }
  }
  // NOTE: a constant feature keeps scale 1 (as scikit-learn's StandardScaler), so it becomes all zeros.
  for (double& v : s.scale) v = v > 0 ? std::sqrt(v / static_cast<double>(points.n)) : 1.0;
  return s;
}

Points standardized(const Points& points, const FeatureScaling& scaling) {
  Points out = points;
  for (int64_t i = 0; i < points.n; ++i) {
    double* row = out.row(i);
    for (int64_t f = 0; f < points.d; ++f) row[f] = (row[f] - scaling.mean[static_cast<size_t>(f)]) / scaling.scale[static_cast<size_t>(f)];
  }
  return out;
}

std::vector<double> unstandardize(const std::vector<double>& rows, const FeatureScaling& scaling) {
  const size_t d = scaling.mean.size();
  std::vector<double> out(rows);
  for (size_t i = 0; i < out.size(); ++i) out[i] = out[i] * scaling.scale[i % d] + scaling.mean[i % d];
  return out;
}

}  // namespace mlplay::cluster
