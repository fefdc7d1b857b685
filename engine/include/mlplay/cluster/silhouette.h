#pragma once
/// Silhouette coefficients (Rousseeuw 1987, "Silhouettes: a graphical aid to the interpretation and
/// validation of cluster analysis"), as scikit-learn's silhouette_samples and silhouette_score.
///
/// For point i in cluster A: a(i) = mean distance to the other points of A, b(i) = the smallest mean
/// distance to the points of another cluster, and s(i) = (b − a) / max(a, b) ∈ [−1, 1]: near 1 when
/// i sits well inside its cluster, near 0 on a border, negative when another cluster is closer.
/// A point alone in its cluster gets s = 0. The score is the mean of s(i). Distances are Euclidean.
/// Cost: all n² pairs, so large data are scored on a random sample.
#include <cstdint>
#include <vector>

#include "mlplay/cluster/points.h"

namespace mlplay::cluster {

/// s(i) for every point; labels in [0, k), 2 ≤ (clusters used) ≤ n − 1, else ValueError.
std::vector<double> silhouette_samples(const Points& points, const std::vector<int32_t>& labels);

/// The mean of silhouette_samples. With 0 < sample_size < n, the score of sample_size points drawn
/// without replacement with `seed` (all n² distances are then avoided).
double silhouette_score(const Points& points, const std::vector<int32_t>& labels, int64_t sample_size = 0, uint64_t seed = 0);

}  // namespace mlplay::cluster
