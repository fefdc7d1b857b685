#pragma once
/// Agglomerative (bottom-up) hierarchical clustering: start with every point its own cluster and merge
/// the two closest clusters n − 1 times. "Closest" is the linkage (scipy.cluster.hierarchy.linkage's
/// names): single (nearest pair of points), complete (farthest pair), average (mean over all pairs),
/// ward (the merge that raises the within-cluster sum of squares least; its height is
/// √(2 |A||B| / (|A|+|B|)) ‖μ_A − μ_B‖, as scipy, so two single points merge at their distance).
/// Distances are Euclidean.
///
/// The merges are found by the nearest-neighbour chain algorithm with Lance–Williams updates of the
/// distance matrix (Müllner 2011, "Modern hierarchical, agglomerative clustering algorithms"):
/// O(n²) time and memory.
#include <cstdint>
#include <string_view>
#include <vector>

#include "mlplay/cluster/points.h"

namespace mlplay::cluster {

enum class Linkage { single, complete, average, ward };

/// "single" | "complete" | "average" | "ward"; throws ValueError otherwise.
Linkage parse_linkage(std::string_view name);
const char* to_string(Linkage linkage);

/// One merge, as a row of scipy's linkage matrix Z: clusters a < b (ids below n are points; n + i is
/// the cluster made by merge i), the merge height, and the size of the new cluster.
struct Merge {
  int64_t a = 0, b = 0;
  double height = 0;
  int64_t size = 0;
};

/// The n − 1 merges in increasing height. Throws ValueError for fewer than 2 points.
std::vector<Merge> linkage(const Points& points, Linkage method);

/// Cluster labels after the first n − clusters merges (scipy's fcluster criterion 'maxclust'), numbered
/// 0, 1, … in the order of each cluster's first point.
std::vector<int32_t> cut_tree(const std::vector<Merge>& merges, int64_t n, int64_t clusters);

/// The number of clusters left when every merge at or below `height` is made.
int64_t clusters_below(const std::vector<Merge>& merges, double height);

/// The points in the left-to-right order of the dendrogram (each merge draws a left, b right).
std::vector<int64_t> leaf_order(const std::vector<Merge>& merges, int64_t n);

}  // namespace mlplay::cluster
