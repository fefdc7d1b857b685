#include "mlplay/classify/decision_grid.h"

#include <algorithm>
#include <cmath>

#include "mlplay/core/error.h"

namespace mlplay::classify {

GridSpec padded_bounds(const Samples& samples, double pad, int64_t nx, int64_t ny) {
  check(samples.cols == 2, "padded_bounds: decision regions need 2 features, got ", samples.cols);
  check(samples.rows >= 1, "padded_bounds: no samples");
  check(nx >= 2 && ny >= 2 && nx <= 2000 && ny <= 2000, "padded_bounds: the grid must be 2 to 2000 cells a side, got ", nx, " × ", ny);
  double lo[2] = {INFINITY, INFINITY}, hi[2] = {-INFINITY, -INFINITY};
  for (int64_t i = 0; i < samples.rows; ++i) {
    for (int j = 0; j < 2; ++j) lo[j] = std::min(lo[j], samples.row(i)[j]), hi[j] = std::max(hi[j], samples.row(i)[j]);
  }
  for (int j = 0; j < 2; ++j) {
    const double size = hi[j] - lo[j];
    if (size == 0) {
      lo[j] -= 1, hi[j] += 1;
    } else {
      lo[j] -= pad * size, hi[j] += pad * size;
    }
  }
  return {lo[0], hi[0], lo[1], hi[1], nx, ny};
}

std::vector<double> grid_points(const GridSpec& grid) {
  check(grid.nx >= 1 && grid.ny >= 1 && grid.x1 > grid.x0 && grid.y1 > grid.y0, "grid_points: empty grid [", grid.x0, ", ", grid.x1,
        "] × [", grid.y0, ", ", grid.y1, "]");
  std::vector<double> out(static_cast<size_t>(grid.nx * grid.ny * 2));
  const double dx = (grid.x1 - grid.x0) / static_cast<double>(grid.nx), dy = (grid.y1 - grid.y0) / static_cast<double>(grid.ny);
  for (int64_t r = 0; r < grid.ny; ++r) {
    for (int64_t c = 0; c < grid.nx; ++c) {
      const size_t cell = static_cast<size_t>(r * grid.nx + c);
      out[2 * cell] = grid.x0 + (static_cast<double>(c) + 0.5) * dx;
      out[2 * cell + 1] = grid.y1 - (static_cast<double>(r) + 0.5) * dy;
    }
  }
  return out;
}

GridClasses grid_classes(const std::vector<double>& proba, int64_t cells, int32_t classes) {
  check(classes >= 1 && classes <= 255 && proba.size() == static_cast<size_t>(cells * classes), "grid_classes: ", proba.size(),
        " probabilities for ", cells, " cells × ", classes, " classes");
  GridClasses out{std::vector<uint8_t>(static_cast<size_t>(cells)), std::vector<float>(static_cast<size_t>(cells))};
  for (int64_t i = 0; i < cells; ++i) {
    const auto first = proba.begin() + static_cast<std::ptrdiff_t>(i * classes);
    const auto best = std::max_element(first, first + classes);
    out.labels[static_cast<size_t>(i)] = static_cast<uint8_t>(best - first);
    out.confidence[static_cast<size_t>(i)] = static_cast<float>(*best);
  }
  return out;
}

}  // namespace mlplay::classify
