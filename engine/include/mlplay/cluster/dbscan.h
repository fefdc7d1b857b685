#pragma once
/// DBSCAN: density-based clustering (Ester, Kriegel, Sander & Xu 1996), scikit-learn's names eps and
/// min_samples. A point is a *core* point when at least min_samples points (itself included) lie
/// within distance eps of it. Core points within eps of each other share a cluster; a non-core point
/// within eps of a core point is a *border* point of that core point's cluster; everything else is
/// *noise* (label −1). Clusters are numbered in the order their first core point appears.
#include <cstdint>
#include <vector>

#include "mlplay/cluster/points.h"

namespace mlplay::cluster {

enum class PointKind : int8_t { noise = 0, border = 1, core = 2 };

struct DBSCANOptions {
  double eps = 0.5;
  int64_t min_samples = 5;
};

struct DBSCANResult {
  /// Cluster of every point, −1 for noise.
  std::vector<int32_t> labels;
  std::vector<PointKind> kinds;
  int32_t n_clusters = 0;
  int64_t n_noise = 0;
};

/// Throws ValueError for eps ≤ 0 or min_samples < 1. Brute-force neighbour search: O(n²) distances.
DBSCANResult dbscan(const Points& points, const DBSCANOptions& options);

}  // namespace mlplay::cluster
