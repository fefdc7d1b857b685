#pragma once
/// Generated 2D data sets for the clustering lessons (after scikit-learn's make_blobs, make_moons and
/// make_circles), seeded so a link reproduces the same points.
#include <cstdint>
#include <vector>

#include "mlplay/cluster/points.h"

namespace mlplay::cluster {

struct LabeledPoints {
  Points points;
  /// The group each point was drawn from.
  std::vector<int32_t> labels;
};

/// n points around `centers` centres drawn uniformly in [−10, 10]², each point the centre plus
/// N(0, cluster_std²) noise per coordinate; point i belongs to blob i mod centers.
LabeledPoints make_blobs(int64_t n, int64_t centers, double cluster_std, uint64_t seed);

/// Two interleaving half circles (radius 1, the second shifted by (1, −0.5) and flipped) with
/// N(0, noise²) added to each coordinate.
LabeledPoints make_moons(int64_t n, double noise, uint64_t seed);

/// Two concentric circles, radius 1 and `factor` (0 < factor < 1), with N(0, noise²) noise.
LabeledPoints make_circles(int64_t n, double factor, double noise, uint64_t seed);

}  // namespace mlplay::cluster
