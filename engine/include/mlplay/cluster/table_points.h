#pragma once
/// Points to cluster from a CSV, read by the tabular loader (data/table.h) with no target: the numeric
/// columns are the features; text columns are not features, but one of them may name a group per
/// row (Iris's species) that the lessons use to colour points and to compare with the clusters.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mlplay/cluster/points.h"
#include "mlplay/data/table.h"

namespace mlplay::cluster {

inline constexpr size_t kMaxGroups = 20;

struct ClusterData {
  Points points;
  std::vector<std::string> feature_names;
  /// The group column ("" when there is none), its values in order, and each row's index into them.
  std::string label_name;
  std::vector<std::string> classes;
  std::vector<int32_t> labels;
  /// Text columns that are not features (the group column included).
  std::vector<std::string> skipped;
  size_t dropped_rows = 0;
};

/// `spec` chooses features, dropped columns and what to do with missing cells (its target is ignored).
/// `label`: the group column; "" picks the first text column with at most kMaxGroups values; "none"
/// for no groups. Throws ValueError as load_table does (naming the row and column), and when the
/// group column has more than kMaxGroups values.
ClusterData cluster_data(const data::CsvTable& table, data::TableSpec spec, std::string_view label = "");

}  // namespace mlplay::cluster
