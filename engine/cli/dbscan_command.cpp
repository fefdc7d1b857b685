// mlplay dbscan: density-based clustering of a CSV file (the clustering lesson): clusters, core, border
// and noise points.
//   mlplay dbscan datasets/iris.csv --eps 0.5 --min-samples 5
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "args.h"
#include "commands.h"
#include "mlplay/cluster/dbscan.h"
#include "mlplay/cluster/table_points.h"
#include "table_args.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::cluster;

int run_dbscan(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("dbscan", tokens, {"eps", "min-samples", "label", "features", "drop", "missing"}, {"standardize", "json"});
  const std::string csv = table_csv_text(args);
  const data::TableSpec spec = table_spec(args, data::TargetKind::none);
  if (!args.has("eps")) throw UsageError("dbscan: --eps E is required (the neighbourhood radius)");
  DBSCANOptions options;
  options.eps = args.number("eps", 0.5, 0, 1e12);
  if (!(options.eps > 0)) throw UsageError("dbscan: --eps must be greater than 0");
  options.min_samples = args.integer("min-samples", 5, 1, 1'000'000);
  const ClusterData data = cluster_data(data::read_csv(csv), spec, args.value("label").value_or(""));
  const Points points = args.flag("standardize") ? standardized(data.points, feature_scaling(data.points)) : data.points;
  const DBSCANResult r = dbscan(points, options);
  std::vector<int64_t> sizes(static_cast<size_t>(r.n_clusters), 0);
  for (int32_t label : r.labels) {
    if (label >= 0) ++sizes[static_cast<size_t>(label)];
  }
  const auto core = std::count(r.kinds.begin(), r.kinds.end(), PointKind::core);
  const auto border = std::count(r.kinds.begin(), r.kinds.end(), PointKind::border);
  if (args.flag("json")) {
    nlohmann::ordered_json result = {{"samples", points.n}, {"features", points.d}, {"eps", options.eps},
                                     {"min_samples", options.min_samples}, {"standardize", args.flag("standardize")},
                                     {"clusters", r.n_clusters}, {"sizes", sizes}, {"core", core}, {"border", border},
                                     {"noise", r.n_noise}, {"labels", r.labels}};
    out << result.dump() << "\n";
    return 0;
  }
  char line[256];
  std::snprintf(line, sizeof line, "=== DBSCAN (eps %g, min_samples %lld) on %lld points with %lld features ===\n", options.eps,
                static_cast<long long>(options.min_samples), static_cast<long long>(points.n), static_cast<long long>(points.d));
  out << line;
  std::snprintf(line, sizeof line, "Core points: %lld, border points: %lld, noise: %lld\n", static_cast<long long>(core),
                static_cast<long long>(border), static_cast<long long>(r.n_noise));
  out << line << "Clusters: " << r.n_clusters << "\nCluster sizes: [";
  for (size_t c = 0; c < sizes.size(); ++c) out << (c ? ", " : "") << sizes[c];
  out << "]\n";
  return 0;
}

}  // namespace

Command dbscan_command() {
  return {"dbscan",
          "mlplay dbscan FILE.csv --eps E [--min-samples M] [--standardize] [--label COLUMN|none] [--features a,b] [--json]",
          "DBSCAN density clustering of the numeric columns: points with at least M neighbours within E are core points; "
          "clusters grow through them; the rest are border points or noise.",
          run_dbscan};
}

}  // namespace mlplay::cli
