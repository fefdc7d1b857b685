// decision-tree: one call reads the CSV (data/table.h: one-hot text columns, missing cells dropped or
// filled), splits it stratified, grows the CART tree, and returns everything the lesson draws: the
// nodes as parallel typed arrays, importances, accuracies, the accuracy-over-depth sweep, each test
// row's path through the tree with its raw CSV cells, and for two features the decision regions.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/data/table.h"
#include "mlplay/tree/decision_tree.h"
#include "mlplay/tree/depth_sweep.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::tree;

Samples samples_of(const data::Dataset& d) { return {d.x.data(), static_cast<int64_t>(d.rows), static_cast<int64_t>(d.cols)}; }

/// The nodes as parallel arrays: feature (−1 leaf), threshold, children, depth, samples, impurity,
/// improvement, class weights (nodes × classes), prediction, and the rule of each branch as text.
val nodes_of(const DecisionTree& tree, const data::Dataset& d) {
  std::vector<int32_t> feature, left, right, depth, prediction;
  std::vector<double> threshold, samples, impurity, improvement, values;
  std::vector<std::string> rule_left, rule_right;
  for (const TreeNode& n : tree.nodes()) {
    feature.push_back(n.feature), left.push_back(n.left), right.push_back(n.right), depth.push_back(n.depth);
    threshold.push_back(n.threshold), samples.push_back(static_cast<double>(n.samples));
    impurity.push_back(n.impurity), improvement.push_back(n.improvement);
    values.insert(values.end(), n.value.begin(), n.value.end());
    prediction.push_back(static_cast<int32_t>(std::max_element(n.value.begin(), n.value.end()) - n.value.begin()));
    const std::string name = n.is_leaf() ? "" : d.feature_names[static_cast<size_t>(n.feature)];
    rule_left.push_back(n.is_leaf() ? "" : rule_text(name, n.threshold, true));
    rule_right.push_back(n.is_leaf() ? "" : rule_text(name, n.threshold, false));
  }
  val out = val::object();
  out.set("feature", typed_array("Int32Array", feature));
  out.set("threshold", typed_array("Float64Array", threshold));
  out.set("left", typed_array("Int32Array", left));
  out.set("right", typed_array("Int32Array", right));
  out.set("depth", typed_array("Int32Array", depth));
  out.set("samples", typed_array("Float64Array", samples));
  out.set("impurity", typed_array("Float64Array", impurity));
  out.set("improvement", typed_array("Float64Array", improvement));
  out.set("values", typed_array("Float64Array", values));
  out.set("prediction", typed_array("Int32Array", prediction));
  out.set("ruleLeft", strings(rule_left));
  out.set("ruleRight", strings(rule_right));
  return out;
}

/// Each test row: its raw CSV cells, label, prediction and path (paths[offsets[i] … offsets[i+1])).
val test_rows_of(const DecisionTree& tree, const data::Dataset& test, const data::CsvTable& table) {
  std::unordered_map<size_t, size_t> by_file_row;
  for (size_t i = 0; i < table.row_numbers.size(); ++i) by_file_row[table.row_numbers[i]] = i;
  val cells = val::array();
  std::vector<int32_t> file_rows, labels, predicted, offsets = {0}, paths;
  for (size_t r = 0; r < test.rows; ++r) {
    const double* row = test.x.data() + r * test.cols;
    cells.call<void>("push", strings(table.rows[by_file_row.at(test.file_rows[r])]));
    file_rows.push_back(static_cast<int32_t>(test.file_rows[r]));
    labels.push_back(test.labels[r]);
    predicted.push_back(tree.predict(row));
    for (int id : tree.decision_path(row)) paths.push_back(id);
    offsets.push_back(static_cast<int32_t>(paths.size()));
  }
  val out = val::object();
  out.set("cells", cells);
  out.set("fileRows", typed_array("Int32Array", file_rows));
  out.set("labels", typed_array("Int32Array", labels));
  out.set("predicted", typed_array("Int32Array", predicted));
  out.set("pathOffsets", typed_array("Int32Array", offsets));
  out.set("paths", typed_array("Int32Array", paths));
  return out;
}

/// For exactly two features: the predicted class on a size × size grid over the data (5% margin),
/// row 0 at the top (largest y), and every point with its label and side of the split.
val regions_of(const DecisionTree& tree, const data::Dataset& all, const data::Split& split, int size) {
  double lo[2] = {1e300, 1e300}, hi[2] = {-1e300, -1e300};
  for (size_t r = 0; r < all.rows; ++r) {
    for (int f = 0; f < 2; ++f) lo[f] = std::min(lo[f], all.at(r, f)), hi[f] = std::max(hi[f], all.at(r, f));
  }
  for (int f = 0; f < 2; ++f) {
    const double pad = 0.05 * std::max(hi[f] - lo[f], 1e-9);
    lo[f] -= pad, hi[f] += pad;
  }
  std::vector<uint8_t> classes(static_cast<size_t>(size) * size);
  for (int j = 0; j < size; ++j) {
    for (int i = 0; i < size; ++i) {
      const double point[2] = {lo[0] + (hi[0] - lo[0]) * (i + 0.5) / size, hi[1] - (hi[1] - lo[1]) * (j + 0.5) / size};
      classes[static_cast<size_t>(j) * size + i] = static_cast<uint8_t>(tree.predict(point));
    }
  }
  std::vector<double> px, py;
  std::vector<int32_t> labels;
  std::vector<uint8_t> is_train(all.rows, 0);
  for (size_t r = 0; r < all.rows; ++r) px.push_back(all.at(r, 0)), py.push_back(all.at(r, 1)), labels.push_back(all.labels[r]);
  for (size_t r : split.train) is_train[r] = 1;
  val out = val::object();
  out.set("x0", lo[0]), out.set("x1", hi[0]), out.set("y0", lo[1]), out.set("y1", hi[1]);
  out.set("size", size);
  out.set("classes", typed_array("Uint8Array", classes));
  out.set("x", typed_array("Float64Array", px));
  out.set("y", typed_array("Float64Array", py));
  out.set("labels", typed_array("Int32Array", labels));
  out.set("isTrain", typed_array("Uint8Array", is_train));
  return out;
}

val fit_decision_tree(const std::string& csv, const val& options) {
  return guard([&] {
    data::TableSpec spec;
    spec.target = options["target"].as<std::string>();
    spec.features = string_list(options, "features");
    spec.drop = string_list(options, "drop");
    spec.missing = data::parse_missing_cells(options["missing"].isUndefined() ? "error" : options["missing"].as<std::string>());
    TreeOptions tree_options;
    tree_options.criterion = parse_criterion(options["criterion"].as<std::string>());
    check(is_classification(tree_options.criterion), "decisionTree: criterion must be gini or entropy");
    tree_options.max_depth = int_option(options, "maxDepth", 0, "decisionTree: maxDepth");
    tree_options.min_samples_split = int_option(options, "minSamplesSplit", 2, "decisionTree: minSamplesSplit");
    tree_options.min_samples_leaf = int_option(options, "minSamplesLeaf", 1, "decisionTree: minSamplesLeaf");
    const double test_fraction = number_option(options, "testFraction", 0.2);
    const uint64_t seed = to_count(number_option(options, "seed", 0), "decisionTree: seed");
    const int sweep = int_option(options, "sweepDepth", 0, "decisionTree: sweepDepth");
    const int grid = int_option(options, "gridSize", 0, "decisionTree: gridSize");
    check(test_fraction > 0 && test_fraction < 1, "decisionTree: testFraction must be between 0 and 1, got ", test_fraction);
    check(grid <= 400, "decisionTree: gridSize must be at most 400, got ", grid);

    const data::CsvTable table = data::read_csv(csv);
    const data::Dataset all = data::load_table(table, spec);
    check(all.rows >= 4, "decisionTree: the data has ", all.rows, " rows; a train/test split needs at least 4");
    const data::Split split = data::train_test_split(all, test_fraction, seed);
    const data::Dataset train = all.subset(split.train), test = all.subset(split.test);
    const int k = static_cast<int>(all.num_classes());
    DecisionTree tree(tree_options);
    tree.fit(samples_of(train), train.labels, k);

    val out = val::object();
    out.set("header", strings(table.header));
    out.set("target", all.target_name);
    out.set("featureNames", strings(all.feature_names));
    out.set("classes", strings(all.classes));
    std::vector<double> counts;
    for (size_t c : all.class_counts()) counts.push_back(static_cast<double>(c));
    out.set("classCounts", typed_array("Float64Array", counts));
    out.set("rows", static_cast<double>(all.rows));
    out.set("trainRows", static_cast<double>(train.rows));
    out.set("testRows", static_cast<double>(test.rows));
    out.set("droppedRows", static_cast<double>(all.dropped_rows));
    val filled = val::array();
    for (const auto& c : all.columns) {
      if (!c.filled) continue;
      val f = val::object();
      f.set("column", c.name), f.set("cells", static_cast<double>(c.filled)), f.set("value", c.fill_value);
      filled.call<void>("push", f);
    }
    out.set("filled", filled);
    out.set("nodes", nodes_of(tree, all));
    out.set("depth", tree.depth());
    out.set("leaves", tree.n_leaves());
    out.set("trainAccuracy", accuracy(tree.predict(samples_of(train)), train.labels));
    out.set("testAccuracy", accuracy(tree.predict(samples_of(test)), test.labels));
    out.set("importances", typed_array("Float64Array", tree.feature_importances()));
    std::vector<double> sweep_train, sweep_test, sweep_leaves;
    if (sweep > 0) {
      for (const DepthScore& s : depth_sweep(samples_of(train), train.labels, samples_of(test), test.labels, k, tree_options, sweep)) {
        sweep_train.push_back(s.train_accuracy), sweep_test.push_back(s.test_accuracy), sweep_leaves.push_back(s.leaves);
      }
    }
    val sweep_out = val::object();
    sweep_out.set("trainAccuracy", typed_array("Float64Array", sweep_train));
    sweep_out.set("testAccuracy", typed_array("Float64Array", sweep_test));
    sweep_out.set("leaves", typed_array("Float64Array", sweep_leaves));
    out.set("sweep", sweep_out);
    out.set("test", test_rows_of(tree, test, table));
    out.set("regions", grid > 0 && all.cols == 2 ? regions_of(tree, all, split, grid) : val::null());
    return out;
  });
}

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_decision_tree) {
  emscripten::function("fitDecisionTree", &mlplay::bindings::fit_decision_tree);
}
