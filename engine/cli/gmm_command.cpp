// mlplay gmm: a Gaussian mixture fitted by EM to a CSV file (the clustering lesson): the log-likelihood
// per iteration, weights, means, BIC, and with --sweep KMAX the BIC for 1 … KMAX components.
//   mlplay gmm datasets/iris.csv --components 3
#include <cstdio>
#include <nlohmann/json.hpp>

#include "args.h"
#include "commands.h"
#include "mlplay/cluster/gaussian_mixture.h"
#include "mlplay/cluster/table_points.h"
#include "table_args.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::cluster;

int run_gmm(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("gmm", tokens, {"components", "n-init", "max-iter", "tol", "seed", "sweep", "label", "features", "drop", "missing"},
            {"standardize", "json"});
  const std::string csv = table_csv_text(args);
  const data::TableSpec spec = table_spec(args, data::TargetKind::none);
  GaussianMixtureOptions options;
  options.n_components = args.integer("components", 2, 1, 100);
  options.n_init = static_cast<int>(args.integer("n-init", 1, 1, 100));
  options.max_iter = static_cast<int>(args.integer("max-iter", 100, 1, 100000));
  options.tol = args.number("tol", 1e-3, 0, 1);
  options.seed = static_cast<uint64_t>(args.integer("seed", 0, 0, INT64_MAX));
  const int64_t sweep = args.integer("sweep", 0, 0, 30);
  const ClusterData data = cluster_data(data::read_csv(csv), spec, args.value("label").value_or(""));
  const Points points = args.flag("standardize") ? standardized(data.points, feature_scaling(data.points)) : data.points;
  if (options.n_components > points.n) throw UsageError("gmm: --components is more than the " + std::to_string(points.n) + " points");
  GaussianMixture model(options);
  model.fit(points);
  std::vector<double> bics;
  for (int64_t k = 1; k <= sweep && k <= points.n; ++k) {
    GaussianMixtureOptions o = options;
    o.n_components = k;
    GaussianMixture m(o);
    bics.push_back(m.fit(points).bic(points));
  }
  const std::vector<int32_t> labels = model.predict(points);
  if (args.flag("json")) {
    nlohmann::ordered_json result = {{"samples", points.n}, {"features", points.d}, {"components", options.n_components},
                                     {"log_likelihood", model.score(points)}, {"bic", model.bic(points)},
                                     {"iterations", model.n_iter()}, {"converged", model.converged()},
                                     {"history", model.history()}, {"weights", model.weights()}, {"means", model.means()},
                                     {"covariances", model.covariances()}, {"labels", labels}, {"bic_sweep", bics}};
    out << result.dump() << "\n";
    return 0;
  }
  char line[256];
  std::snprintf(line, sizeof line, "=== Gaussian mixture, %lld components, on %lld points with %lld features ===\n",
                static_cast<long long>(options.n_components), static_cast<long long>(points.n), static_cast<long long>(points.d));
  out << line;
  for (size_t i = 0; i < model.history().size(); ++i) {
    std::snprintf(line, sizeof line, "Iteration %zu: mean log-likelihood %.6f\n", i + 1, model.history()[i]);
    out << line;
  }
  out << (model.converged() ? "Converged" : "Stopped without converging") << " after " << model.n_iter() << " iterations\n";
  std::snprintf(line, sizeof line, "Mean log-likelihood: %.6f, BIC: %.2f\n", model.score(points), model.bic(points));
  out << line;
  for (int64_t j = 0; j < options.n_components; ++j) {
    std::snprintf(line, sizeof line, "Component %lld: weight %.3f, mean [", static_cast<long long>(j + 1), model.weights()[static_cast<size_t>(j)]);
    out << line;
    for (int64_t f = 0; f < points.d; ++f) {
      std::snprintf(line, sizeof line, "%s%.4g", f ? ", " : "", model.means()[static_cast<size_t>(j * points.d + f)]);
      out << line;
    }
    out << "]\n";
  }
  for (size_t k = 0; k < bics.size(); ++k) {
    std::snprintf(line, sizeof line, "  BIC with %zu component%s: %.2f\n", k + 1, k ? "s" : "", bics[k]);
    out << line;
  }
  return 0;
}

}  // namespace

Command gmm_command() {
  return {"gmm",
          "mlplay gmm FILE.csv [--components K] [--n-init N] [--max-iter N] [--tol T] [--seed S] [--sweep KMAX] [--standardize] "
          "[--label COLUMN|none] [--json]",
          "Gaussian mixture by expectation-maximization (full covariances, k-means start): log-likelihood per iteration, "
          "weights, means, BIC; --sweep adds the BIC for 1 to KMAX components.",
          run_gmm};
}

}  // namespace mlplay::cli
