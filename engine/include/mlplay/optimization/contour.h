#pragma once
/// A surface sampled on a grid, shaded for a heat map and cut into contour lines by marching squares
/// (Lorensen & Cline 1987; https://en.wikipedia.org/wiki/Marching_squares).
#include <vector>

#include "mlplay/optimization/surface.h"

namespace mlplay::optimization {

struct ContourMap {
  int columns = 0, rows = 0;  // grid points along x and along y
  Bounds bounds{};
  /// f at grid point (i, j) = (x_min + i dx, y_min + j dy), row by row from y_min: values[j * columns + i].
  std::vector<double> values;
  /// Per grid point in [0, 1]: the fraction of finite grid values below it (histogram equalization,
  /// so a heat map shows structure whether f spans 1 or 10^6); NaN where f is not finite.
  std::vector<double> shade;
  /// The contour levels: evenly spaced quantiles of the finite grid values.
  std::vector<double> levels;
  /// Line segments [x0, y0, x1, y1, …] in surface coordinates, and the level index of each.
  std::vector<double> segments;
  std::vector<int> segment_levels;
  double low = 0, high = 0;  // smallest and largest finite grid value
  int undefined = 0;         // grid points where f is not finite
};

/// Samples `surface` over `bounds` on a columns x rows grid (2 to 1000 each) and traces
/// `level_count` (0 to 100) contour lines. Throws ValueError on bad sizes or bounds.
ContourMap contour_map(const Surface& surface, Bounds bounds, int columns, int rows, int level_count);

}  // namespace mlplay::optimization
