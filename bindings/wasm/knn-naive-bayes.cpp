// knn-naive-bayes: one call fits k-nearest neighbours and Gaussian naive Bayes on a CSV (Iris, wine or
// the learner's drawn points) and returns everything the page draws: the two models' decision regions
// over a grid of the chosen 2D feature pair, the per-class Gaussians, training/test accuracy on the
// pair and on all features, and the accuracy against k. Arrays cross as typed arrays (one copy each).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "pair_picture.h"
#include "mlplay/classify/decision_grid.h"
#include "mlplay/classify/gaussian_nb.h"
#include "mlplay/classify/knn.h"
#include "mlplay/cluster/datasets.h"
#include "mlplay/data/table.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::classify;

size_t feature_index(const data::Dataset& data, const std::string& name, size_t fallback) {
  if (name.empty()) return std::min(fallback, data.cols - 1);
  const auto at = std::find(data.feature_names.begin(), data.feature_names.end(), name);
  check(at != data.feature_names.end(), "knnNaiveBayes: the data has no feature '", name, "'");
  return static_cast<size_t>(at - data.feature_names.begin());
}

/// Right answers of `predicted`.
int64_t right(const std::vector<int32_t>& predicted, const std::vector<int32_t>& truth) {
  int64_t count = 0;
  for (size_t i = 0; i < truth.size(); ++i) count += predicted[i] == truth[i];
  return count;
}

val scores(const std::vector<int32_t>& train_pred, const Samples& train, const std::vector<int32_t>& test_pred, const Samples& test) {
  val out = val::object();
  out.set("trainRight", static_cast<double>(right(train_pred, train.labels)));
  out.set("testRight", static_cast<double>(right(test_pred, test.labels)));
  out.set("trainAccuracy", accuracy(train_pred, train.labels));
  out.set("testAccuracy", accuracy(test_pred, test.labels));
  return out;
}

val regions(const GridClasses& grid) {
  val out = val::object();
  out.set("labels", typed_array("Uint8Array", grid.labels));
  out.set("confidence", typed_array("Float32Array", grid.confidence));
  return out;
}

/// Options (a JS object): csv, target, x, y (feature names; "" = the first two), standardize,
/// testFraction (0 = every row trains), seed, k, metric, weights, kMax, grid (cells a side),
/// bounds ([x0, x1, y0, y1] or null = the data's box padded by 8%).
val knn_naive_bayes(const val& options) {
  return guard([&] {
    data::TableSpec spec;
    spec.target = options["target"].as<std::string>();
    spec.one_hot = false;
    data::Dataset data = data::load_table_text(options["csv"].as<std::string>(), spec);
    check(data.cols >= 1, "knnNaiveBayes: the data has no numeric feature columns");
    const size_t fx = feature_index(data, options["x"].as<std::string>(), 0);
    const size_t fy = feature_index(data, options["y"].as<std::string>(), 1);
    const double test_fraction = options["testFraction"].as<double>();
    check(test_fraction >= 0 && test_fraction < 1, "knnNaiveBayes: testFraction must be in [0, 1), got ", test_fraction);
    data::Split split;
    if (test_fraction == 0) {
      for (size_t i = 0; i < data.rows; ++i) split.train.push_back(i);
    } else {
      check(data.rows >= 2, "knnNaiveBayes: a test set needs at least 2 rows, got ", data.rows);
      split = data::train_test_split(data, test_fraction, to_count(options["seed"].as<double>(), "knnNaiveBayes: seed"));
    }
    if (options["standardize"].as<bool>()) data::Standardizer::fit(data, split.train).apply(data);
    const Samples train_all = samples_of(data, split.train), test_all = samples_of(data, split.test);
    const Samples train = samples_of(data, split.train, {fx, fy}), test = samples_of(data, split.test, {fx, fy});
    for (int64_t count : train.class_counts()) {
      check(count > 0, "knnNaiveBayes: every class needs at least one training point; add more points of each class");
    }

    const int64_t k_asked = static_cast<int64_t>(to_count(options["k"].as<double>(), "knnNaiveBayes: k"));
    check(k_asked >= 1, "knnNaiveBayes: k must be at least 1");
    const KNeighborsOptions knn_options{std::min(k_asked, train.rows), parse_metric(options["metric"].as<std::string>()),
                                        parse_weights(options["weights"].as<std::string>())};
    const int64_t cells = static_cast<int64_t>(to_count(options["grid"].as<double>(), "knnNaiveBayes: grid"));
    GridSpec grid = padded_bounds(train, 0.08, cells, cells);
    if (!options["bounds"].isNull()) {
      const std::vector<double> b = emscripten::convertJSArrayToNumberVector<double>(options["bounds"]);
      check(b.size() == 4 && b[1] > b[0] && b[3] > b[2], "knnNaiveBayes: bounds must be [x0, x1, y0, y1] with x0 < x1 and y0 < y1");
      grid = {b[0], b[1], b[2], b[3], cells, cells};
    }
    const std::vector<double> centres = grid_points(grid);
    const int64_t n_cells = cells * cells;

    KNeighborsClassifier knn(knn_options), knn_all(knn_options);
    knn.fit(train);
    knn_all.fit(train_all);
    GaussianNB gnb, gnb_all;
    gnb.fit(train);
    gnb_all.fit(train_all);

    val knn_out = scores(knn.predict(train), train, knn.predict(test), test);
    knn_out.set("k", static_cast<double>(knn_options.n_neighbors));
    knn_out.set("allTestAccuracy", accuracy(knn_all.predict(test_all), test_all.labels));
    knn_out.set("regions", regions(grid_classes(knn.predict_proba(centres.data(), n_cells), n_cells, train.num_classes)));
    val gnb_out = scores(gnb.predict(train), train, gnb.predict(test), test);
    gnb_out.set("allTestAccuracy", accuracy(gnb_all.predict(test_all), test_all.labels));
    gnb_out.set("regions", regions(grid_classes(gnb.predict_proba(centres.data(), n_cells), n_cells, train.num_classes)));
    gnb_out.set("theta", typed_array("Float64Array", gnb.theta()));
    gnb_out.set("var", typed_array("Float64Array", gnb.var()));
    gnb_out.set("prior", typed_array("Float64Array", gnb.class_prior()));

    // Accuracy against k: on the pair (train and test) and on all features (test).
    const int64_t k_max = std::min<int64_t>(static_cast<int64_t>(to_count(options["kMax"].as<double>(), "knnNaiveBayes: kMax")), train.rows);
    val curve = val::object();
    curve.set("train", typed_array("Float64Array", accuracy_by_k(train, train, k_max, knn_options.metric, knn_options.weights)));
    if (test.rows > 0) {
      curve.set("test", typed_array("Float64Array", accuracy_by_k(train, test, k_max, knn_options.metric, knn_options.weights)));
      curve.set("allTest", typed_array("Float64Array", accuracy_by_k(train_all, test_all, k_max, knn_options.metric, knn_options.weights)));
    } else {
      curve.set("test", val::null());
      curve.set("allTest", val::null());
    }

    val out = val::object();
    set_pair_picture(out, data, fx, fy, split, train, test, grid);
    out.set("knn", knn_out);
    out.set("gnb", gnb_out);
    out.set("curve", curve);
    return out;
  });
}

/// Starting points for the drawing pad: `count` points in 3 blobs (scikit-learn's make_blobs), moved
/// into [0, 10]² and rounded to 2 decimals. {xy: Float64Array, labels: Int32Array}.
val example_blobs(double count, double seed) {
  return guard([&] {
    const cluster::LabeledPoints blobs = cluster::make_blobs(static_cast<int64_t>(to_count(count, "exampleBlobs: count")), 3, 1.3,
                                                             to_count(seed, "exampleBlobs: seed"));
    std::vector<double> xy(blobs.points.values.begin(), blobs.points.values.end());
    for (double& v : xy) v = std::round(std::clamp((v + 10.0) / 2.0, 0.3, 9.7) * 100.0) / 100.0;
    val out = val::object();
    out.set("xy", typed_array("Float64Array", xy));
    out.set("labels", typed_array("Int32Array", blobs.labels));
    return out;
  });
}

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_knn_naive_bayes) {
  emscripten::function("knnNaiveBayes", &mlplay::bindings::knn_naive_bayes);
  emscripten::function("classifyExampleBlobs", &mlplay::bindings::example_blobs);
}
