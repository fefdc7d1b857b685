#pragma once
/// Decision regions of a 2D classifier: a grid of cell centres over the plane, and the class (and
/// its probability) a model gives each cell. The lessons paint it as an image behind the samples.
#include <cstdint>
#include <vector>

#include "mlplay/classify/samples.h"

namespace mlplay::classify {

/// The rectangle [x0, x1] × [y0, y1] cut into nx × ny cells.
struct GridSpec {
  double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
  int64_t nx = 100, ny = 100;
};

/// The bounding box of 2D samples widened by `pad` × its size on every side (a degenerate side gets
/// ±1). Throws ValueError unless samples have 2 columns.
GridSpec padded_bounds(const Samples& samples, double pad, int64_t nx, int64_t ny);

/// Cell centres (nx·ny, 2) row-major, image order: the first row of cells is the top (y near y1).
std::vector<double> grid_points(const GridSpec& grid);

struct GridClasses {
  /// The most probable class of each cell, image order.
  std::vector<uint8_t> labels;
  /// Its probability.
  std::vector<float> confidence;
};

/// argmax and max of each row of proba (cells, classes).
GridClasses grid_classes(const std::vector<double>& proba, int64_t cells, int32_t classes);

}  // namespace mlplay::classify
