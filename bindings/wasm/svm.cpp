// svm: example data sets as CSV text; one call that fits an SVM by SMO (one-vs-rest for 3+ classes)
// on the chosen 2D pair and returns what the page draws (decision values on a grid, support vectors,
// margins, accuracies, and for the linear kernel the sub-gradient primal run beside SMO); and a
// cross-validated grid search over C and γ stepped one cell at a time so the worker can stop it.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "pair_picture.h"
#include "mlplay/classify/decision_grid.h"
#include "mlplay/classify/svm.h"
#include "mlplay/cluster/datasets.h"
#include "mlplay/data/table.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::classify;

/// C used for a "hard" margin: large enough that no α reaches it on separable data.
constexpr double kHardC = 1e6;

/// "x1,x2,class" rows of a generated 2D set: blobs, overlap, moons or circles.
std::string example_csv(const std::string& name, double seed_value) {
  return guard([&] {
    const uint64_t seed = to_count(seed_value, "svmExample: seed");
    cluster::LabeledPoints set;
    if (name == "blobs" || name == "overlap") {
      // Two round blobs (make_blobs) moved so their centres sit at ±(3, 1.5) (well apart: 6.7σ) or
      // ±(1.6, 0.8) (overlapping: 2.4σ) whatever the seed drew.
      const bool apart = name == "blobs";
      set = cluster::make_blobs(80, 2, apart ? 1.0 : 1.5, seed);
      double mean[2][2] = {{0, 0}, {0, 0}};
      for (int64_t i = 0; i < set.points.n; ++i) {
        for (int j = 0; j < 2; ++j) mean[set.labels[static_cast<size_t>(i)]][j] += set.points(i, j) / 40.0;
      }
      const double target[2] = {apart ? 3.0 : 1.6, apart ? 1.5 : 0.8};
      for (int64_t i = 0; i < set.points.n; ++i) {
        const int c = set.labels[static_cast<size_t>(i)];
        for (int j = 0; j < 2; ++j) set.points.row(i)[j] += (c ? target[j] : -target[j]) - mean[c][j];
      }
    } else if (name == "moons") {
      set = cluster::make_moons(100, 0.2, seed);
    } else if (name == "circles") {
      set = cluster::make_circles(100, 0.5, 0.1, seed);
    } else {
      throw ValueError("svmExample: data set must be blobs, overlap, moons or circles, got '" + name + "'");
    }
    std::string csv = "x1,x2,class\n";
    char line[96];
    for (int64_t i = 0; i < set.points.n; ++i) {
      std::snprintf(line, sizeof line, "%.5g,%.5g,%s\n", set.points(i, 0), set.points(i, 1), set.labels[static_cast<size_t>(i)] ? "B" : "A");
      csv += line;
    }
    return csv;
  });
}

size_t feature_index(const data::Dataset& data, const std::string& name, size_t fallback) {
  if (name.empty()) return std::min(fallback, data.cols - 1);
  const auto at = std::find(data.feature_names.begin(), data.feature_names.end(), name);
  check(at != data.feature_names.end(), "svm: the data has no feature '", name, "'");
  return static_cast<size_t>(at - data.feature_names.begin());
}

data::Dataset load(const val& options, size_t& fx, size_t& fy) {
  data::TableSpec spec;
  spec.target = options["target"].as<std::string>();
  spec.one_hot = false;
  data::Dataset data = data::load_table_text(options["csv"].as<std::string>(), spec);
  check(data.cols >= 1, "svm: the data has no numeric feature columns");
  fx = feature_index(data, options["x"].as<std::string>(), 0);
  fy = feature_index(data, options["y"].as<std::string>(), 1);
  return data;
}

SvmOptions svm_options(const val& options) {
  SvmOptions o;
  o.kernel.type = parse_kernel(options["kernel"].as<std::string>());
  o.kernel.gamma = options["gamma"].as<double>();
  o.kernel.degree = static_cast<int>(options["degree"].as<double>());
  o.kernel.coef0 = options["coef0"].as<double>();
  o.C = options["hard"].as<bool>() ? kHardC : options["C"].as<double>();
  o.max_iter = 200'000;
  return o;
}

/// Options: csv, target, x, y, kernel, C, gamma, degree, coef0, hard, testFraction, seed, grid,
/// lr, epochs (sub-gradient, linear only).
val svm_fit(const val& options) {
  return guard([&] {
    size_t fx = 0, fy = 1;
    data::Dataset data = load(options, fx, fy);
    const double test_fraction = options["testFraction"].as<double>();
    check(test_fraction >= 0 && test_fraction < 1, "svm: testFraction must be in [0, 1), got ", test_fraction);
    data::Split split;
    if (test_fraction == 0) {
      for (size_t i = 0; i < data.rows; ++i) split.train.push_back(i);
    } else {
      split = data::train_test_split(data, test_fraction, to_count(options["seed"].as<double>(), "svm: seed"));
    }
    data::Standardizer::fit(data, split.train).apply(data);
    const Samples train = samples_of(data, split.train, {fx, fy}), test = samples_of(data, split.test, {fx, fy});
    const SvmOptions o = svm_options(options);
    SVC model(o);
    model.fit(train);

    const int64_t cells = static_cast<int64_t>(to_count(options["grid"].as<double>(), "svm: grid"));
    std::vector<size_t> all_rows(data.rows);
    for (size_t i = 0; i < data.rows; ++i) all_rows[i] = i;
    const GridSpec grid = padded_bounds(samples_of(data, all_rows, {fx, fy}), 0.1, cells, cells);
    const std::vector<double> centres = grid_points(grid);
    const std::vector<double> f = model.decision_function(centres.data(), cells * cells);
    const size_t machines = model.machines().size();
    std::vector<float> values(static_cast<size_t>(cells * cells));
    std::vector<uint8_t> labels(values.size());
    for (size_t i = 0; i < values.size(); ++i) {
      if (machines == 1) {
        values[i] = static_cast<float>(f[i]);
        labels[i] = f[i] > 0 ? 1 : 0;
      } else {
        const auto first = f.begin() + static_cast<std::ptrdiff_t>(i * machines);
        const auto best = std::max_element(first, first + static_cast<std::ptrdiff_t>(machines));
        values[i] = static_cast<float>(*best);
        labels[i] = static_cast<uint8_t>(best - first);
      }
    }
    // Support vectors as row numbers of `points` (all rows, train and test), and whether α hit C.
    val machines_out = val::array();
    for (const BinarySvm& svm : model.machines()) {
      std::vector<int32_t> rows;
      std::vector<uint8_t> at_c;
      for (size_t s = 0; s < svm.support().size(); ++s) {
        rows.push_back(static_cast<int32_t>(split.train[static_cast<size_t>(svm.support()[s])]));
        at_c.push_back(svm.alpha()[static_cast<size_t>(svm.support()[s])] >= o.C ? 1 : 0);
      }
      val m = val::object();
      m.set("support", typed_array("Int32Array", rows));
      m.set("atC", typed_array("Uint8Array", at_c));
      m.set("intercept", svm.intercept());
      m.set("iterations", static_cast<double>(svm.n_iter()));
      m.set("converged", svm.converged());
      if (o.kernel.type == KernelType::linear) m.set("w", typed_array("Float64Array", svm.coef()));
      machines_out.call<void>("push", m);
    }
    val out = val::object();
    // The sub-gradient primal for a linear two-class problem, beside SMO.
    if (o.kernel.type == KernelType::linear && machines == 1) {
      std::vector<int8_t> y;
      for (int32_t label : train.labels) y.push_back(label == 1 ? 1 : -1);
      const HingeSgdResult sgd = linear_svm_subgradient(train.x.data(), train.rows, 2, y,
                                                        {o.C, options["lr"].as<double>(), static_cast<int64_t>(to_count(options["epochs"].as<double>(), "svm: epochs"))});
      const BinarySvm& smo = model.machines()[0];
      val s = val::object();
      s.set("objective", typed_array("Float64Array", sgd.objective));
      s.set("bestObjective", sgd.best_objective);
      s.set("w", typed_array("Float64Array", sgd.w));
      s.set("b", sgd.b);
      s.set("smoObjective", hinge_objective(train.x.data(), train.rows, 2, y, smo.coef(), smo.intercept(), o.C));
      out.set("subgradient", s);
    } else {
      out.set("subgradient", val::null());
    }
    set_pair_picture(out, data, fx, fy, split, train, test, grid);
    out.set("values", typed_array("Float32Array", values));
    out.set("regions", typed_array("Uint8Array", labels));
    out.set("machines", machines_out);
    out.set("C", o.C);
    out.set("supportCount", static_cast<double>(model.support().size()));
    out.set("trainAccuracy", accuracy(model.predict(train), train.labels));
    out.set("testAccuracy", accuracy(model.predict(test), test.labels));
    return out;
  });
}

/// k-fold cross-validated accuracy over C × γ on the chosen pair (standardized per fold).
class SvmGridSearchJs {
 public:
  explicit SvmGridSearchJs(const val& options)
      : search_(guard([&] {
          size_t fx = 0, fy = 1;
          data::Dataset data = load(options, fx, fy);
          // Cross-validate on the training rows only; the test rows stay unseen.
          const double test_fraction = options["testFraction"].as<double>();
          check(test_fraction >= 0 && test_fraction < 1, "svm grid: testFraction must be in [0, 1), got ", test_fraction);
          const uint64_t seed = to_count(options["seed"].as<double>(), "svm grid: seed");
          if (test_fraction > 0) data = data.subset(data::train_test_split(data, test_fraction, seed).train);
          return std::make_unique<GridSearch>(data, std::vector<size_t>{fx, fy}, svm_options(options), doubles(options["Cs"]),
                                              doubles(options["gammas"]), static_cast<int>(options["folds"].as<double>()),
                                              to_count(options["seed"].as<double>(), "svm grid: seed"), true);
        })) {}

  /// Scores one more cell; false once all are done.
  bool step() { return guard([&] { return search_->step(); }); }
  double done() const { return static_cast<double>(search_->done()); }
  /// {mean, std: Float64Array (Cs × gammas, NaN = not yet), bestC, bestGamma (indices)}
  val result() const {
    const GridSearchResult& r = search_->result();
    val out = val::object();
    out.set("mean", typed_array("Float64Array", r.mean_accuracy));
    out.set("std", typed_array("Float64Array", r.std_accuracy));
    out.set("bestC", static_cast<double>(r.best_C));
    out.set("bestGamma", static_cast<double>(r.best_gamma));
    return out;
  }

 private:
  std::unique_ptr<GridSearch> search_;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_svm) {
  using mlplay::bindings::SvmGridSearchJs;
  emscripten::function("svmExampleCsv", &mlplay::bindings::example_csv);
  emscripten::function("svmFit", &mlplay::bindings::svm_fit);
  emscripten::class_<SvmGridSearchJs>("SvmGridSearch")
      .constructor<emscripten::val>()
      .function("step", &SvmGridSearchJs::step)
      .function("done", &SvmGridSearchJs::done)
      .function("result", &SvmGridSearchJs::result);
}
