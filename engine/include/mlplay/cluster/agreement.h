#pragma once
/// How far two clusterings of the same points agree, whatever the clusters are called: the adjusted
/// Rand index (Hubert & Arabie 1985), as scikit-learn's adjusted_rand_score. Over all pairs of points,
/// the Rand index counts the pairs both clusterings put together or both put apart; the adjustment
/// subtracts what random labels with the same cluster sizes would score: 1 for identical partitions,
/// about 0 for chance, below 0 for worse than chance. Any integer is a label (DBSCAN's −1 included).
#include <cstdint>
#include <vector>

namespace mlplay::cluster {

/// Throws ValueError when the two label lists differ in length.
double adjusted_rand_index(const std::vector<int32_t>& a, const std::vector<int32_t>& b);

}  // namespace mlplay::cluster
