#include "mlplay/cluster/dbscan.h"

#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"

namespace mlplay::cluster {

DBSCANResult dbscan(const Points& points, const DBSCANOptions& options) {
  check(options.eps > 0 && std::isfinite(options.eps), "DBSCAN: eps must be a positive number, got ", options.eps);
  check(options.min_samples >= 1, "DBSCAN: min_samples must be at least 1, got ", options.min_samples);
  const int64_t n = points.n, d = points.d;
  const double eps2 = options.eps * options.eps;
  // Every point's neighbours within eps (itself included), rows split among threads.
  std::vector<std::vector<int64_t>> neighbours(static_cast<size_t>(n));
  parallel_for(0, n, 64, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) {
      for (int64_t j = 0; j < n; ++j) {
        if (squared_distance(points.row(i), points.row(j), d) <= eps2) neighbours[static_cast<size_t>(i)].push_back(j);
      }
    }
  });
  DBSCANResult out;
  out.labels.assign(static_cast<size_t>(n), -1);
  out.kinds.assign(static_cast<size_t>(n), PointKind::noise);
  for (int64_t i = 0; i < n; ++i) {
    if (static_cast<int64_t>(neighbours[static_cast<size_t>(i)].size()) >= options.min_samples) out.kinds[static_cast<size_t>(i)] = PointKind::core;
  }
  // Grow a cluster from each unlabelled core point, breadth first through core points.
  std::vector<int64_t> frontier;
  for (int64_t i = 0; i < n; ++i) {
    if (out.kinds[static_cast<size_t>(i)] != PointKind::core || out.labels[static_cast<size_t>(i)] >= 0) continue;
    const int32_t cluster = out.n_clusters++;
    out.labels[static_cast<size_t>(i)] = cluster;
    frontier.assign(1, i);
    for (size_t f = 0; f < frontier.size(); ++f) {
      for (int64_t j : neighbours[static_cast<size_t>(frontier[f])]) {
        if (out.labels[static_cast<size_t>(j)] >= 0) continue;
        out.labels[static_cast<size_t>(j)] = cluster;
        if (out.kinds[static_cast<size_t>(j)] == PointKind::core) {
          frontier.push_back(j);
        } else {
          out.kinds[static_cast<size_t>(j)] = PointKind::border;
        }
      }
    }
  }
  for (int32_t label : out.labels) out.n_noise += label < 0;
  return out;
}

}  // namespace mlplay::cluster
