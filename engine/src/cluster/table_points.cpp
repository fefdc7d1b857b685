#include "mlplay/cluster/table_points.h"

#include <cstdlib>
#include <set>

#include "mlplay/core/error.h"

namespace mlplay::cluster {
namespace {

size_t distinct(const data::CsvTable& table, size_t column) {
  std::set<std::string> values;
  for (const auto& row : table.rows) values.insert(row[column]);
  return values.size();
}

/// True when some cell of the table reads as a number (else no column can be a feature).
bool any_number(const data::CsvTable& table) {
  for (const auto& row : table.rows) {
    for (const auto& cell : row) {
      char* end = nullptr;
      std::strtod(cell.c_str(), &end);
      if (!cell.empty() && end == cell.c_str() + cell.size()) return true;
    }
  }
  return false;
}

}  // namespace

ClusterData cluster_data(const data::CsvTable& table, data::TableSpec spec, std::string_view label) {
  spec.target.clear();
  spec.target_kind = data::TargetKind::none;
  spec.one_hot = false;
  check(table.num_rows() == 0 || any_number(table), "clustering: no numeric column to cluster (the columns are ", [&] {
    std::string names;
    for (const auto& h : table.header) names += (names.empty() ? "" : ", ") + h;
    return names;
  }(), "); k-means needs numbers");
  std::string group;
  if (label == "none") {
    // no groups
  } else if (!label.empty()) {
    const size_t c = table.column_index(label);
    const size_t count = distinct(table, c);
    check(count <= kMaxGroups, "clustering: the group column '", label, "' has ", count, " different values; at most ", kMaxGroups,
          " can be coloured");
    group = std::string(label);
  } else {
    // The first text column with few values: load once without groups to learn which columns are text.
    const data::Dataset probe = data::load_table(table, spec);
    for (const auto& name : probe.skipped) {
      const size_t count = distinct(table, table.column_index(name));
      if (count >= 2 && count <= kMaxGroups) {
        group = name;
        break;
      }
    }
  }
  if (!group.empty()) {
    spec.target = group;
    spec.target_kind = data::TargetKind::classes;
    for (auto it = spec.features.begin(); it != spec.features.end();) it = *it == group ? spec.features.erase(it) : it + 1;
  }
  data::Dataset d = data::load_table(table, spec);
  ClusterData out;
  out.points = Points(static_cast<int64_t>(d.rows), static_cast<int64_t>(d.cols), std::move(d.x));
  out.feature_names = std::move(d.feature_names);
  out.skipped = std::move(d.skipped);
  out.dropped_rows = d.dropped_rows;
  if (!group.empty()) {
    out.label_name = group;
    out.classes = std::move(d.classes);
    out.labels.assign(d.labels.begin(), d.labels.end());
    out.skipped.insert(out.skipped.begin(), group);
  }
  return out;
}

}  // namespace mlplay::cluster
