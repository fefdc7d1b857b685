// mlplay hclust: agglomerative hierarchical clustering of a CSV file (the clustering lesson): the merge
// heights and the clusters when the tree is cut into K.
//   mlplay hclust datasets/iris.csv --linkage ward --clusters 3
#include <cstdio>
#include <nlohmann/json.hpp>

#include "args.h"
#include "commands.h"
#include "mlplay/cluster/hierarchical.h"
#include "mlplay/cluster/table_points.h"
#include "mlplay/core/error.h"
#include "table_args.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::cluster;

int run_hclust(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("hclust", tokens, {"linkage", "clusters", "label", "features", "drop", "missing"}, {"standardize", "json"});
  const std::string csv = table_csv_text(args);
  const data::TableSpec spec = table_spec(args, data::TargetKind::none);
  Linkage method = Linkage::ward;
  try {
    method = parse_linkage(args.value("linkage").value_or("ward"));
  } catch (const ValueError&) {
    throw UsageError("hclust: --linkage must be single, complete, average or ward, got '" + *args.value("linkage") + "'");
  }
  const ClusterData data = cluster_data(data::read_csv(csv), spec, args.value("label").value_or(""));
  const Points points = args.flag("standardize") ? standardized(data.points, feature_scaling(data.points)) : data.points;
  const int64_t k = args.integer("clusters", 2, 1, 1'000'000);
  if (k > points.n) throw UsageError("hclust: --clusters " + std::to_string(k) + " is more than the " + std::to_string(points.n) + " points");
  const std::vector<Merge> merges = linkage(points, method);
  const std::vector<int32_t> labels = cut_tree(merges, points.n, k);
  std::vector<int64_t> sizes(static_cast<size_t>(k), 0);
  for (int32_t label : labels) ++sizes[static_cast<size_t>(label)];
  // The cut lies between the heights of merge n − k − 1 and merge n − k.
  const double below = points.n - k - 1 >= 0 ? merges[static_cast<size_t>(points.n - k - 1)].height : 0.0;
  const double above = points.n - k < points.n - 1 ? merges[static_cast<size_t>(points.n - k)].height : below;
  if (args.flag("json")) {
    nlohmann::ordered_json z = nlohmann::ordered_json::array();
    for (const Merge& m : merges) z.push_back({m.a, m.b, m.height, m.size});
    nlohmann::ordered_json result = {{"samples", points.n}, {"features", points.d}, {"linkage", to_string(method)},
                                     {"standardize", args.flag("standardize")}, {"clusters", k}, {"sizes", sizes},
                                     {"cut_between", {below, above}}, {"labels", labels}, {"merges", z}};
    out << result.dump() << "\n";
    return 0;
  }
  char line[256];
  std::snprintf(line, sizeof line, "=== Hierarchical clustering (%s linkage) of %lld points with %lld features ===\n", to_string(method),
                static_cast<long long>(points.n), static_cast<long long>(points.d));
  out << line << "Last merges (the top of the dendrogram):\n";
  for (size_t m = merges.size() > 5 ? merges.size() - 5 : 0; m < merges.size(); ++m) {
    std::snprintf(line, sizeof line, "  merge %zu: clusters %lld + %lld at height %.4g (%lld points)\n", m + 1, static_cast<long long>(merges[m].a),
                  static_cast<long long>(merges[m].b), merges[m].height, static_cast<long long>(merges[m].size));
    out << line;
  }
  std::snprintf(line, sizeof line, "Cutting into %lld clusters: any height from %.4g to %.4g\nCluster sizes: [", static_cast<long long>(k), below, above);
  out << line;
  for (size_t c = 0; c < sizes.size(); ++c) out << (c ? ", " : "") << sizes[c];
  out << "]\n";
  return 0;
}

}  // namespace

Command hclust_command() {
  return {"hclust",
          "mlplay hclust FILE.csv [--linkage single|complete|average|ward] [--clusters K] [--standardize] [--label COLUMN|none] "
          "[--features a,b] [--json]",
          "Agglomerative hierarchical clustering of the numeric columns: every merge and its height (scipy's linkage "
          "matrix with --json), and the clusters when the dendrogram is cut into K.",
          run_hclust};
}

}  // namespace mlplay::cli
