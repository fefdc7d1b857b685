// mlplay kmeans: k-means clustering of a CSV file, as in the kmeans lesson: initialization (k-means++ or
// random), Lloyd's iterations with the points moved and the centroid shift, sizes, inertia, silhouette,
// and with --sweep KMAX the elbow and silhouette values for k = 1 … KMAX.
//   mlplay kmeans datasets/iris.csv --k 3 --init kmeans++ --n-init 10 --seed 0
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "args.h"
#include "commands.h"
#include "mlplay/cluster/kmeans.h"
#include "mlplay/cluster/silhouette.h"
#include "mlplay/cluster/table_points.h"
#include "mlplay/core/error.h"
#include "table_args.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::cluster;
using json = nlohmann::ordered_json;

/// Silhouettes of more points than this are computed on a sample of this many.
constexpr int64_t kSilhouetteSample = 4000;

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::string vector_text(const double* values, int64_t d) {
  std::string out = "[";
  char cell[32];
  for (int64_t f = 0; f < d; ++f) {
    std::snprintf(cell, sizeof cell, "%s%.4g", f ? ", " : "", values[f]);
    out += cell;
  }
  return out + "]";
}

/// The mean silhouette, or NaN for a single cluster (or one cluster per point).
double silhouette_of(const Points& points, const std::vector<int32_t>& labels, int64_t k, uint64_t seed) {
  if (k < 2 || k >= points.n) return std::nan("");
  std::vector<bool> used(static_cast<size_t>(k), false);
  for (int32_t j : labels) used[static_cast<size_t>(j)] = true;
  if (std::count(used.begin(), used.end(), true) < 2) return std::nan("");
  return silhouette_score(points, labels, points.n > kSilhouetteSample ? kSilhouetteSample : 0, seed);
}

json number(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

int run_kmeans(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("kmeans", tokens, {"k", "init", "n-init", "seed", "max-iter", "tol", "label", "features", "drop", "missing", "sweep"},
            {"standardize", "json"});
  const std::string csv = table_csv_text(args);
  const data::TableSpec spec = table_spec(args, data::TargetKind::none);
  if (!args.has("k")) throw UsageError("kmeans: --k K is required (the number of clusters)");
  KMeansOptions options;
  options.n_clusters = args.integer("k", 3, 1, 1'000'000);
  try {
    options.init = parse_kmeans_init(args.value("init").value_or("kmeans++"));
  } catch (const ValueError&) {
    throw UsageError("kmeans: --init must be kmeans++ or random, got '" + *args.value("init") + "'");
  }
  options.n_init = static_cast<int>(args.integer("n-init", 1, 1, 1000));
  options.max_iter = static_cast<int>(args.integer("max-iter", 300, 1, 1'000'000));
  options.tol = args.number("tol", 1e-4, 0, 1);
  options.seed = static_cast<uint64_t>(args.integer("seed", 0, 0, INT64_MAX));
  const int64_t sweep = args.integer("sweep", 0, 0, 50);
  const data::CsvTable table = data::read_csv(csv);
  const std::string label = args.value("label").value_or("");
  if (!label.empty() && label != "none" && std::find(table.header.begin(), table.header.end(), label) == table.header.end()) {
    throw UsageError("kmeans: --label: the CSV has no column '" + label + "' (columns: " + join(table.header) + ")");
  }
  ClusterData data = cluster_data(table, spec, label);
  const int64_t n = data.points.n, d = data.points.d;
  if (options.n_clusters > n) {
    throw UsageError("kmeans: --k " + std::to_string(options.n_clusters) + " is more than the " + std::to_string(n) +
                     " points in the file; k can be at most the number of points");
  }
  if (sweep > n) throw UsageError("kmeans: --sweep " + std::to_string(sweep) + " is more than the " + std::to_string(n) + " points");
  const bool standardize = args.flag("standardize");
  const FeatureScaling scaling = feature_scaling(data.points);
  const Points points = standardize ? standardized(data.points, scaling) : data.points;

  KMeans model(options);
  model.fit(points);
  const std::vector<double> centers = standardize ? unstandardize(model.cluster_centers(), scaling) : model.cluster_centers();
  std::vector<double> initial;
  for (int64_t index : model.initial_indices()) initial.insert(initial.end(), data.points.row(index), data.points.row(index) + d);
  const double silhouette = silhouette_of(points, model.labels(), options.n_clusters, options.seed);
  struct SweepRow {
    int64_t k;
    double inertia, silhouette;
    int iterations;
  };
  std::vector<SweepRow> rows;
  for (int64_t k = 1; k <= sweep; ++k) {
    KMeansOptions o = options;
    o.n_clusters = k;
    KMeans m(o);
    m.fit(points);
    rows.push_back({k, m.inertia(), silhouette_of(points, m.labels(), k, options.seed), m.n_iter()});
  }
  // Clusters against the groups of the label column: counts[cluster][group].
  const auto k = options.n_clusters;
  std::vector<std::vector<int64_t>> crosstab(static_cast<size_t>(k), std::vector<int64_t>(data.classes.size(), 0));
  for (size_t i = 0; i < data.labels.size(); ++i) ++crosstab[static_cast<size_t>(model.labels()[i])][static_cast<size_t>(data.labels[i])];

  if (args.flag("json")) {
    json history = json::array(), centroids = json::array(), sweep_json = json::array(), start = json::array();
    for (const KMeansStep& s : model.history()) {
      history.push_back({{"iteration", s.iteration}, {"moved", s.moved}, {"shift", s.shift}, {"inertia", s.inertia}, {"relocated", s.relocated}});
    }
    for (int64_t j = 0; j < k; ++j) {
      centroids.push_back(std::vector<double>(centers.begin() + j * d, centers.begin() + (j + 1) * d));
      start.push_back(std::vector<double>(initial.begin() + j * d, initial.begin() + (j + 1) * d));
    }
    for (const SweepRow& r : rows) sweep_json.push_back({{"k", r.k}, {"inertia", r.inertia}, {"silhouette", number(r.silhouette)}, {"iterations", r.iterations}});
    json result = {{"samples", n}, {"features", d}, {"feature_names", data.feature_names},
                   {"label", data.label_name.empty() ? json(nullptr) : json(data.label_name)}, {"classes", data.classes},
                   {"standardize", standardize}, {"k", k}, {"init", to_string(options.init)}, {"n_init", options.n_init},
                   {"seed", options.seed}, {"inertia", model.inertia()}, {"silhouette", number(silhouette)},
                   {"iterations", model.n_iter()}, {"converged", model.converged()}, {"sizes", model.sizes()},
                   {"centroids", centroids}, {"initial_centroids", start}, {"history", history},
                   {"run_inertias", model.run_inertias()}, {"best_run", model.best_run()}, {"crosstab", crosstab},
                   {"sweep", sweep_json}};
    out << result.dump() << "\n";
    return 0;
  }

  char line[512];
  out << "=== K-Means Clustering ===\n";
  std::snprintf(line, sizeof line, "Loading %lld samples with %lld features (%s)...\n", static_cast<long long>(n), static_cast<long long>(d),
                join(data.feature_names).c_str());
  out << line;
  if (data.dropped_rows) out << "Left out " << data.dropped_rows << " rows with missing cells\n";
  if (!data.label_name.empty()) {
    out << "Column '" << data.label_name << "' (" << data.classes.size() << " groups) is not a feature; it is compared with the clusters\n";
  }
  if (standardize) out << "Standardizing every feature to mean 0 and standard deviation 1...\n";
  if (options.n_init > 1) {
    std::snprintf(line, sizeof line, "%d runs from different seeds; showing run %d, the one with the lowest inertia\n", options.n_init,
                  model.best_run() + 1);
    out << line;
  }
  out << "Initializing centroids with " << (options.init == KMeansInit::random ? "random points" : "k-means++") << "...\n";
  for (int64_t j = 0; j < k; ++j) out << "Centroid " << j + 1 << ": " << vector_text(initial.data() + j * d, d) << "\n";
  for (const KMeansStep& s : model.history()) {
    std::snprintf(line, sizeof line, "Iteration %d: Moved %lld points, centroid shift = %.3g, inertia = %.6g%s\n", s.iteration,
                  static_cast<long long>(s.moved), s.shift, s.inertia, s.relocated ? " (an empty cluster was restarted)" : "");
    out << line;
  }
  const KMeansStep* last = model.history().empty() ? nullptr : &model.history().back();
  if (model.converged()) {
    out << "Converged after " << model.n_iter() << " iterations ("
        << (last && last->moved == 0 ? "no point changed cluster" : "the centroids moved less than the tolerance") << ").\n";
  } else {
    out << "Stopped after --max-iter " << options.max_iter << " iterations without converging.\n";
  }
  out << "Cluster sizes: [";
  const auto sizes = model.sizes();
  for (size_t j = 0; j < sizes.size(); ++j) out << (j ? ", " : "") << sizes[j];
  out << "]\n";
  std::snprintf(line, sizeof line, "Inertia: %.6g%s\n", model.inertia(), standardize ? " (in standardized units)" : "");
  out << line;
  if (options.n_init > 1) {
    const auto [lo, hi] = std::minmax_element(model.run_inertias().begin(), model.run_inertias().end());
    std::snprintf(line, sizeof line, "Inertia over the %d runs: from %.6g to %.6g\n", options.n_init, *lo, *hi);
    out << line;
  }
  if (std::isfinite(silhouette)) {
    std::snprintf(line, sizeof line, "Silhouette: %.4f%s\n", silhouette, n > kSilhouetteSample ? " (on a sample of 4000 points)" : "");
    out << line;
  }
  out << "Centroids:\n";
  for (int64_t j = 0; j < k; ++j) out << "  " << j + 1 << ": " << vector_text(centers.data() + j * d, d) << "\n";
  if (!data.classes.empty()) {
    out << "Clusters against '" << data.label_name << "':\n";
    for (int64_t j = 0; j < k; ++j) {
      out << "  cluster " << j + 1 << ":";
      for (size_t c = 0; c < data.classes.size(); ++c) {
        if (crosstab[static_cast<size_t>(j)][c]) out << " " << crosstab[static_cast<size_t>(j)][c] << " " << data.classes[c];
      }
      out << "\n";
    }
  }
  if (!rows.empty()) {
    out << "Elbow and silhouette over k:\n";
    const SweepRow* best = nullptr;
    for (const SweepRow& r : rows) {
      if (std::isfinite(r.silhouette)) {
        std::snprintf(line, sizeof line, "  k = %2lld: inertia %.6g, silhouette %.4f\n", static_cast<long long>(r.k), r.inertia, r.silhouette);
        if (!best || r.silhouette > best->silhouette) best = &r;
      } else {
        std::snprintf(line, sizeof line, "  k = %2lld: inertia %.6g\n", static_cast<long long>(r.k), r.inertia);
      }
      out << line;
    }
    if (best) out << "The silhouette is highest at k = " << best->k << "; look for the elbow of the inertia near it.\n";
  }
  return 0;
}

}  // namespace

Command kmeans_command() {
  return {"kmeans",
          "mlplay kmeans FILE.csv --k K [--init kmeans++|random] [--n-init N] [--seed S] [--max-iter N] [--tol T] "
          "[--standardize] [--label COLUMN|none] [--features a,b] [--drop c] [--missing error|drop|fill] [--sweep KMAX] [--json]",
          "k-means clustering (Lloyd's algorithm) of the numeric columns: initialization, each iteration's moved points "
          "and centroid shift, cluster sizes, inertia, silhouette and centroids; --sweep adds inertia and silhouette "
          "for k = 1 to KMAX (the elbow plot). A text column (or --label) is compared with the clusters.",
          run_kmeans};
}

}  // namespace mlplay::cli
