#include "mlplay/optimization/contour.h"

#include <algorithm>
#include <cmath>

#include "mlplay/core/error.h"

namespace mlplay::optimization {
namespace {

/// The point where the level crosses the edge from (x0, y0, value a) to (x1, y1, value b).
void crossing(double x0, double y0, double a, double x1, double y1, double b, double level, double& x, double& y) {
  const double t = b == a ? 0.5 : (level - a) / (b - a);
  x = x0 + t * (x1 - x0);
  y = y0 + t * (y1 - y0);
}

/// Marching squares over one level: each grid cell's corners above/below the level pick which of its
/// edges the line crosses; a saddle cell (opposite corners alike) is split by the cell's mean.
void trace_level(ContourMap& map, double level, int level_index) {
  const double dx = (map.bounds.x_max - map.bounds.x_min) / (map.columns - 1);
  const double dy = (map.bounds.y_max - map.bounds.y_min) / (map.rows - 1);
  for (int j = 0; j + 1 < map.rows; ++j) {
    for (int i = 0; i + 1 < map.columns; ++i) {
      // corners counter-clockwise from bottom-left: (i, j), (i+1, j), (i+1, j+1), (i, j+1)
      const double v[4] = {map.values[j * map.columns + i], map.values[j * map.columns + i + 1],
                           map.values[(j + 1) * map.columns + i + 1], map.values[(j + 1) * map.columns + i]};
      if (!std::isfinite(v[0]) || !std::isfinite(v[1]) || !std::isfinite(v[2]) || !std::isfinite(v[3])) continue;
      const double x0 = map.bounds.x_min + i * dx, y0 = map.bounds.y_min + j * dy;
      const double cx[4] = {x0, x0 + dx, x0 + dx, x0};
      const double cy[4] = {y0, y0, y0 + dy, y0 + dy};
      int mask = 0;
      for (int k = 0; k < 4; ++k) mask |= (v[k] > level ? 1 : 0) << k;
      if (mask == 0 || mask == 15) continue;
      // The crossing on each edge k (corner k to corner k+1) where the corners disagree.
      double ex[4], ey[4];
      int crossed[4], count = 0;
      for (int k = 0; k < 4; ++k) {
        const int next = (k + 1) % 4;
        if (((mask >> k) & 1) == ((mask >> next) & 1)) continue;
        crossing(cx[k], cy[k], v[k], cx[next], cy[next], v[next], level, ex[k], ey[k]);
        crossed[count++] = k;
      }
      auto emit = [&](int a, int b) {
        map.segments.insert(map.segments.end(), {ex[a], ey[a], ex[b], ey[b]});
        map.segment_levels.push_back(level_index);
      };
      if (count == 2) {
        emit(crossed[0], crossed[1]);
      } else if (count == 4) {
        // Saddle: corners 0 and 2 alike. If the centre agrees with corner 0, corners 1 and 3 are cut
        // off on their own (edges 0-1 and 2-3); otherwise corners 0 and 2 are (edges 3-0 and 1-2).
        const bool centre_above = (v[0] + v[1] + v[2] + v[3]) / 4 > level;
        if (centre_above == ((mask & 1) != 0)) {
          emit(0, 1);
          emit(2, 3);
        } else {
          emit(3, 0);
          emit(1, 2);
        }
      }
    }
  }
}

}  // namespace

ContourMap contour_map(const Surface& surface, Bounds bounds, int columns, int rows, int level_count) {
  check<ValueError>(columns >= 2 && columns <= 1000 && rows >= 2 && rows <= 1000, "contour_map: grid must be 2 to 1000 points each way, got ",
                    columns, " x ", rows);
  check<ValueError>(level_count >= 0 && level_count <= 100, "contour_map: level_count must be 0 to 100, got ", level_count);
  check<ValueError>(std::isfinite(bounds.x_min) && std::isfinite(bounds.x_max) && bounds.x_min < bounds.x_max &&
                        std::isfinite(bounds.y_min) && std::isfinite(bounds.y_max) && bounds.y_min < bounds.y_max,
                    "contour_map: invalid bounds [", bounds.x_min, ", ", bounds.x_max, "] x [", bounds.y_min, ", ", bounds.y_max, "]");
  ContourMap map;
  map.columns = columns;
  map.rows = rows;
  map.bounds = bounds;
  map.values.resize(static_cast<size_t>(columns) * rows);
  std::vector<double> finite;
  finite.reserve(map.values.size());
  for (int j = 0; j < rows; ++j) {
    const double y = bounds.y_min + (bounds.y_max - bounds.y_min) * j / (rows - 1);
    for (int i = 0; i < columns; ++i) {
      const double x = bounds.x_min + (bounds.x_max - bounds.x_min) * i / (columns - 1);
      const double f = surface.value(x, y);
      map.values[j * columns + i] = f;
      if (std::isfinite(f)) finite.push_back(f);
    }
  }
  map.undefined = static_cast<int>(map.values.size() - finite.size());
  std::sort(finite.begin(), finite.end());
  map.shade.resize(map.values.size());
  for (size_t k = 0; k < map.values.size(); ++k) {
    const double f = map.values[k];
    if (!std::isfinite(f) || finite.empty()) {
      map.shade[k] = NAN;
      continue;
    }
    const auto below = std::lower_bound(finite.begin(), finite.end(), f) - finite.begin();
    map.shade[k] = finite.size() > 1 ? static_cast<double>(below) / (finite.size() - 1) : 0.5;
  }
  if (finite.empty()) return map;
  map.low = finite.front();
  map.high = finite.back();
  for (int l = 0; l < level_count; ++l) {
    // Quantiles (l + 0.5) / level_count, skipping repeats (a flat region has one level).
    const double q = (l + 0.5) / level_count;
    const double level = finite[static_cast<size_t>(q * (finite.size() - 1))];
    if (!map.levels.empty() && level <= map.levels.back()) continue;
    map.levels.push_back(level);
  }
  for (size_t l = 0; l < map.levels.size(); ++l) trace_level(map, map.levels[l], static_cast<int>(l));
  return map;
}

}  // namespace mlplay::optimization
