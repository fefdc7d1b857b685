#include "mlplay/cluster/agreement.h"

#include <map>
#include <utility>

#include "mlplay/core/error.h"

namespace mlplay::cluster {
namespace {
double pairs(double m) { return m * (m - 1) / 2; }
}  // namespace

double adjusted_rand_index(const std::vector<int32_t>& a, const std::vector<int32_t>& b) {
  check(a.size() == b.size(), "adjusted_rand_index: ", a.size(), " and ", b.size(), " labels");
  // The contingency table n_ij and its row and column sums.
  std::map<std::pair<int32_t, int32_t>, double> table;
  std::map<int32_t, double> rows, cols;
  for (size_t i = 0; i < a.size(); ++i) ++table[{a[i], b[i]}], ++rows[a[i]], ++cols[b[i]];
  double index = 0, sum_rows = 0, sum_cols = 0;
  for (const auto& [cell, m] : table) index += pairs(m);
  for (const auto& [label, m] : rows) sum_rows += pairs(m);
  for (const auto& [label, m] : cols) sum_cols += pairs(m);
  const double expected = sum_rows * sum_cols / pairs(static_cast<double>(a.size()));
  const double maximum = (sum_rows + sum_cols) / 2;
  // NOTE: both clusterings trivial (one cluster, or all singletons): identical partitions, ARI 1.
  if (maximum == expected) return 1.0;
  return (index - expected) / (maximum - expected);
}

}  // namespace mlplay::cluster
