#include "mlplay/tree/bias_variance.h"

#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/core/random.h"
#include "mlplay/metrics/metrics.h"
#include "mlplay/tree/random_forest.h"

namespace mlplay::tree {
namespace {
constexpr double kRange = 6.0;

}  // namespace

BiasVariance bias_variance(const BiasVarianceOptions& o) {
  check<ValueError>(o.datasets >= 2 && o.datasets <= 200, "bias_variance: datasets must be 2 to 200, got ", o.datasets);
  check<ValueError>(o.points >= 5 && o.points <= 5000, "bias_variance: points must be 5 to 5000, got ", o.points);
  check<ValueError>(o.grid >= 2 && o.grid <= 2000, "bias_variance: grid must be 2 to 2000, got ", o.grid);
  check<ValueError>(o.forest_trees >= 1 && o.forest_trees <= 500, "bias_variance: forest_trees must be 1 to 500, got ", o.forest_trees);
  check<ValueError>(o.noise >= 0 && std::isfinite(o.noise), "bias_variance: noise must be ≥ 0, got ", o.noise);
  BiasVariance out;
  for (int g = 0; g < o.grid; ++g) {
    out.x.push_back(kRange * (g + 0.5) / o.grid);
    out.truth.push_back(std::sin(out.x.back()));
  }
  const Samples grid{out.x.data(), o.grid, 1};
  const TreeOptions tree_options{.criterion = Criterion::squared_error, .max_depth = o.max_depth};
  for (int d = 0; d < o.datasets; ++d) {
    Generator rng(stream_key(o.seed, static_cast<uint64_t>(d)));
    std::vector<double> x(static_cast<size_t>(o.points)), y(x.size());
    for (size_t i = 0; i < x.size(); ++i) {
      x[i] = kRange * rng.uniform_double();
      y[i] = std::sin(x[i]) + o.noise * rng.normal();
    }
    if (d == 0) out.sample_x = x, out.sample_y = y;
    const Samples train{x.data(), o.points, 1};
    DecisionTree tree(tree_options);
    tree.fit_regression(train, y);
    const auto t = tree.predict_values(grid);
    out.tree_predictions.insert(out.tree_predictions.end(), t.begin(), t.end());
    RandomForest forest({.n_estimators = o.forest_trees, .tree = tree_options, .seed = rng.next_u64()});
    forest.fit_regression(train, y);
    const auto f = forest.predict_values(grid);
    out.forest_predictions.insert(out.forest_predictions.end(), f.begin(), f.end());
  }
  const metrics::BiasVariance tree = metrics::bias_variance(out.tree_predictions, out.truth);
  const metrics::BiasVariance forest = metrics::bias_variance(out.forest_predictions, out.truth);
  out.tree_mean = tree.mean, out.tree_bias2 = tree.bias2, out.tree_variance = tree.variance;
  out.forest_mean = forest.mean, out.forest_bias2 = forest.bias2, out.forest_variance = forest.variance;
  return out;
}

}  // namespace mlplay::tree
