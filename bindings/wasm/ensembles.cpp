// ensembles: a random forest or bagging on a CSV (out-of-bag and test error as trees are added),
// AdaBoost on a 2D data set (sample weights and regions per round), gradient boosting grown a few
// trees at a time so the worker can stream the errors, and the bias–variance experiment.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/cluster/datasets.h"
#include "mlplay/data/table.h"
#include "mlplay/tree/adaboost.h"
#include "mlplay/tree/bias_variance.h"
#include "mlplay/tree/gradient_boosting.h"
#include "mlplay/tree/random_forest.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::tree;

Samples samples_of(const data::Dataset& d) { return {d.x.data(), static_cast<int64_t>(d.rows), static_cast<int64_t>(d.cols)}; }

data::TableSpec spec_of(const val& options, bool regression) {
  data::TableSpec spec;
  spec.target = options["target"].as<std::string>();
  spec.target_kind = regression ? data::TargetKind::numbers : data::TargetKind::classes;
  spec.drop = string_list(options, "drop");
  spec.missing = data::parse_missing_cells(options["missing"].isUndefined() ? "error" : options["missing"].as<std::string>());
  return spec;
}

/// Top features by importance: {names, values}, at most `count`.
val top_importances(const std::vector<double>& importances, const std::vector<std::string>& names, size_t count) {
  std::vector<size_t> order(importances.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return importances[a] > importances[b]; });
  std::vector<std::string> top;
  std::vector<double> values;
  for (size_t i = 0; i < order.size() && i < count && importances[order[i]] > 0; ++i) top.push_back(names[order[i]]), values.push_back(importances[order[i]]);
  val out = val::object();
  out.set("names", strings(top));
  out.set("values", typed_array("Float64Array", values));
  return out;
}

/// A forest on the CSV: OOB error and test error after each tree (error rate, or MSE for regression),
/// one unpruned tree's test error, the top importances.
val fit_forest(const std::string& csv, const val& options) {
  return guard([&] {
    const bool regression = options["regression"].as<bool>();
    const data::Dataset all = data::load_table_text(csv, spec_of(options, regression));
    ForestOptions forest;
    forest.n_estimators = int_option(options, "trees", 100, "fitForest: trees");
    forest.tree.criterion = regression ? Criterion::squared_error : Criterion::gini;
    forest.tree.max_depth = int_option(options, "maxDepth", 0, "fitForest: maxDepth");
    forest.tree.min_samples_leaf = int_option(options, "minSamplesLeaf", 1, "fitForest: minSamplesLeaf");
    forest.tree.max_features = parse_max_features(options["maxFeatures"].as<std::string>(), static_cast<int64_t>(all.cols));
    forest.seed = to_count(number_option(options, "seed", 0), "fitForest: seed");
    check(forest.n_estimators <= 1000, "fitForest: at most 1000 trees in the browser, got ", forest.n_estimators);
    const data::Split split = data::train_test_split(all, number_option(options, "testFraction", 0.2), forest.seed, !regression);
    const data::Dataset train = all.subset(split.train), test = all.subset(split.test);
    RandomForest model(forest);
    DecisionTree single({.criterion = forest.tree.criterion, .max_depth = forest.tree.max_depth, .min_samples_leaf = forest.tree.min_samples_leaf});
    std::vector<double> test_history;
    double single_error = 0;
    const auto n = test.rows;
    if (regression) {
      model.fit_regression(samples_of(train), train.y);
      single.fit_regression(samples_of(train), train.y);
      std::vector<double> sum(n, 0.0);
      for (size_t t = 0; t < model.trees().size(); ++t) {
        double squares = 0;
        for (size_t i = 0; i < n; ++i) {
          sum[i] += model.trees()[t].predict_value(test.x.data() + i * test.cols);
          const double e = sum[i] / static_cast<double>(t + 1) - test.y[i];
          squares += e * e;
        }
        test_history.push_back(squares / static_cast<double>(n));
      }
      for (size_t i = 0; i < n; ++i) {
        const double e = single.predict_value(test.x.data() + i * test.cols) - test.y[i];
        single_error += e * e / static_cast<double>(n);
      }
    } else {
      const int k = static_cast<int>(all.num_classes());
      model.fit(samples_of(train), train.labels, k);
      single.fit(samples_of(train), train.labels, k);
      std::vector<double> votes(n * static_cast<size_t>(k), 0.0);
      for (size_t t = 0; t < model.trees().size(); ++t) {
        size_t wrong = 0;
        for (size_t i = 0; i < n; ++i) {
          const auto p = model.trees()[t].predict_proba(test.x.data() + i * test.cols);
          double* v = votes.data() + i * static_cast<size_t>(k);
          for (int c = 0; c < k; ++c) v[c] += p[static_cast<size_t>(c)];
          wrong += static_cast<int>(std::max_element(v, v + k) - v) != test.labels[i];
        }
        test_history.push_back(static_cast<double>(wrong) / static_cast<double>(n));
      }
      single_error = 1 - accuracy(single.predict(samples_of(test)), test.labels);
    }
    val out = val::object();
    out.set("target", all.target_name);
    out.set("features", static_cast<double>(all.cols));
    out.set("maxFeatures", forest.tree.max_features);
    out.set("trainRows", static_cast<double>(train.rows));
    out.set("testRows", static_cast<double>(test.rows));
    out.set("oobHistory", typed_array("Float64Array", model.oob_error_history()));
    out.set("testHistory", typed_array("Float64Array", test_history));
    out.set("singleTreeTestError", single_error);
    out.set("importances", top_importances(model.feature_importances(), all.feature_names, 12));
    return out;
  });
}

/// AdaBoost of small trees on moons or circles: the points, the weights before each round, each
/// round's error and say, training accuracy of the first m rounds, and regions after each round.
val ada_boost_demo(const val& options) {
  return guard([&] {
    const std::string shape = options["dataset"].as<std::string>();
    const int n = int_option(options, "points", 200, "adaBoostDemo: points");
    const double noise = number_option(options, "noise", 0.25);
    const uint64_t seed = to_count(number_option(options, "seed", 0), "adaBoostDemo: seed");
    const int size = int_option(options, "gridSize", 80, "adaBoostDemo: gridSize");
    check(n >= 10 && n <= 2000, "adaBoostDemo: points must be 10 to 2000, got ", n);
    check(size >= 2 && size <= 200, "adaBoostDemo: gridSize must be 2 to 200, got ", size);
    check(shape == "moons" || shape == "circles", "adaBoostDemo: dataset must be moons or circles, got '", shape, "'");
    const cluster::LabeledPoints data = shape == "moons" ? cluster::make_moons(n, noise, seed) : cluster::make_circles(n, 0.5, noise, seed);
    AdaBoostOptions ada;
    ada.n_estimators = int_option(options, "rounds", 50, "adaBoostDemo: rounds");
    ada.tree.max_depth = int_option(options, "maxDepth", 1, "adaBoostDemo: maxDepth");
    ada.learning_rate = number_option(options, "learningRate", 1.0);
    check(ada.n_estimators <= 500, "adaBoostDemo: at most 500 rounds, got ", ada.n_estimators);
    const std::vector<int> labels(data.labels.begin(), data.labels.end());
    const Samples s{data.points.values.data(), data.points.n, 2};
    AdaBoost model(ada);
    model.fit(s, labels, 2);
    double lo[2] = {1e300, 1e300}, hi[2] = {-1e300, -1e300};
    for (int64_t i = 0; i < s.rows; ++i) {
      for (int f = 0; f < 2; ++f) lo[f] = std::min(lo[f], s.row(i)[f]), hi[f] = std::max(hi[f], s.row(i)[f]);
    }
    for (int f = 0; f < 2; ++f) {
      const double pad = 0.08 * (hi[f] - lo[f]);
      lo[f] -= pad, hi[f] += pad;
    }
    // Regions after each round: the weighted vote of rounds 1 … m at each cell.
    const int rounds = model.rounds();
    std::vector<uint8_t> grids(static_cast<size_t>(rounds) * size * size);
    std::vector<double> accuracy_history;
    for (int m = 1; m <= rounds; ++m) {
      for (int j = 0; j < size; ++j) {
        for (int i = 0; i < size; ++i) {
          const double p[2] = {lo[0] + (hi[0] - lo[0]) * (i + 0.5) / size, hi[1] - (hi[1] - lo[1]) * (j + 0.5) / size};
          grids[(static_cast<size_t>(m - 1) * size + j) * size + i] = static_cast<uint8_t>(model.predict(p, m));
        }
      }
      accuracy_history.push_back(accuracy(model.predict(s, m), labels));
    }
    std::vector<double> weights;
    for (const auto& w : model.weights()) weights.insert(weights.end(), w.begin(), w.end());
    std::vector<double> px, py;
    for (int64_t i = 0; i < s.rows; ++i) px.push_back(s.row(i)[0]), py.push_back(s.row(i)[1]);
    val out = val::object();
    out.set("x", typed_array("Float64Array", px));
    out.set("y", typed_array("Float64Array", py));
    out.set("labels", typed_array("Int32Array", data.labels));
    out.set("rounds", rounds);
    out.set("weights", typed_array("Float64Array", weights));
    out.set("errors", typed_array("Float64Array", model.errors()));
    out.set("alphas", typed_array("Float64Array", model.alphas()));
    out.set("accuracy", typed_array("Float64Array", accuracy_history));
    out.set("grids", typed_array("Uint8Array", grids));
    out.set("size", size);
    out.set("x0", lo[0]), out.set("x1", hi[0]), out.set("y0", lo[1]), out.set("y1", hi[1]);
    return out;
  });
}

/// Gradient boosting on a CSV, grown on demand.
class BoosterJs {
 public:
  BoosterJs(const std::string& csv, const val& options)
      : state_(guard([&] {
          auto s = std::make_unique<State>();
          s->data = data::load_table_text(csv, spec_of(options, true));
          BoostingOptions boost;
          boost.n_estimators = int_option(options, "trees", 100, "GradientBoosting: trees");
          boost.learning_rate = number_option(options, "learningRate", 0.1);
          boost.tree.max_depth = int_option(options, "maxDepth", 3, "GradientBoosting: maxDepth");
          check(boost.tree.max_depth >= 1, "GradientBoosting: maxDepth must be at least 1");
          const uint64_t seed = to_count(number_option(options, "seed", 0), "GradientBoosting: seed");
          const data::Split split = data::train_test_split(s->data, number_option(options, "testFraction", 0.2), seed, false);
          s->train = s->data.subset(split.train);
          s->test = s->data.subset(split.test);
          s->train_x = samples_of(s->train);
          s->test_x = samples_of(s->test);
          s->booster = std::make_unique<GradientBoosting>(boost);
          s->booster->set_validation(s->test_x, s->test.y);
          s->booster->begin(s->train_x, s->train.y);
          return s;
        })) {}

  double grow(double count) { return guard([&] { return static_cast<double>(state_->booster->grow(static_cast<int>(to_count(count, "GradientBoosting.grow: count")))); }); }
  double trees() const { return state_->booster->n_trees(); }
  val train_loss() const { return typed_array("Float64Array", state_->booster->train_loss()); }
  val validation_loss() const { return typed_array("Float64Array", state_->booster->validation_loss()); }
  val info() const {
    val out = val::object();
    out.set("target", state_->data.target_name);
    out.set("features", static_cast<double>(state_->data.cols));
    out.set("trainRows", static_cast<double>(state_->train.rows));
    out.set("testRows", static_cast<double>(state_->test.rows));
    out.set("init", state_->booster->init());
    return out;
  }
  val importances() const {
    return guard([&] { return top_importances(state_->booster->feature_importances(), state_->data.feature_names, 10); });
  }
  /// R² on the held-out rows: 1 − MSE / variance.
  double r2() const {
    const auto& y = state_->test.y;
    double mean = 0, total = 0;
    for (double v : y) mean += v / static_cast<double>(y.size());
    for (double v : y) total += (v - mean) * (v - mean) / static_cast<double>(y.size());
    return 1 - state_->booster->validation_loss().back() / total;
  }

 private:
  struct State {
    data::Dataset data, train, test;
    Samples train_x, test_x;
    std::unique_ptr<GradientBoosting> booster;
  };
  std::unique_ptr<State> state_;
};

val bias_variance_js(const val& options) {
  return guard([&] {
    BiasVarianceOptions o;
    o.datasets = int_option(options, "datasets", 20, "biasVariance: datasets");
    o.points = int_option(options, "points", 80, "biasVariance: points");
    o.noise = number_option(options, "noise", 0.3);
    o.grid = int_option(options, "grid", 200, "biasVariance: grid");
    o.forest_trees = int_option(options, "forestTrees", 30, "biasVariance: forestTrees");
    o.max_depth = int_option(options, "maxDepth", 0, "biasVariance: maxDepth");
    o.seed = to_count(number_option(options, "seed", 0), "biasVariance: seed");
    const BiasVariance bv = bias_variance(o);
    val out = val::object();
    out.set("x", typed_array("Float64Array", bv.x));
    out.set("truth", typed_array("Float64Array", bv.truth));
    out.set("treePredictions", typed_array("Float64Array", bv.tree_predictions));
    out.set("forestPredictions", typed_array("Float64Array", bv.forest_predictions));
    out.set("treeMean", typed_array("Float64Array", bv.tree_mean));
    out.set("forestMean", typed_array("Float64Array", bv.forest_mean));
    out.set("treeBias2", bv.tree_bias2), out.set("treeVariance", bv.tree_variance);
    out.set("forestBias2", bv.forest_bias2), out.set("forestVariance", bv.forest_variance);
    out.set("sampleX", typed_array("Float64Array", bv.sample_x));
    out.set("sampleY", typed_array("Float64Array", bv.sample_y));
    return out;
  });
}

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_ensembles) {
  using namespace emscripten;
  using mlplay::bindings::BoosterJs;
  class_<BoosterJs>("GradientBooster")
      .constructor<std::string, val>()
      .function("grow", &BoosterJs::grow)
      .function("trees", &BoosterJs::trees)
      .function("trainLoss", &BoosterJs::train_loss)
      .function("validationLoss", &BoosterJs::validation_loss)
      .function("info", &BoosterJs::info)
      .function("importances", &BoosterJs::importances)
      .function("r2", &BoosterJs::r2);
  function("fitForest", &mlplay::bindings::fit_forest);
  function("adaBoostDemo", &mlplay::bindings::ada_boost_demo);
  function("biasVariance", &mlplay::bindings::bias_variance_js);
}
