// mlplay forest: bagging / a random forest on a CSV file, as in the ensembles lesson: out-of-bag error
// as trees are added, held-out error, one deep tree for comparison, and feature importances.
//   mlplay forest datasets/titanic.csv --target survived --drop country,fare --missing fill --trees 200 --max-features sqrt
//   mlplay forest datasets/ames.csv --target Sale_Price --regression --trees 100 --max-features 0.33
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/data/table.h"
#include "mlplay/tree/random_forest.h"
#include "table_args.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::tree;
using json = nlohmann::ordered_json;

Samples samples_of(const data::Dataset& d) { return {d.x.data(), static_cast<int64_t>(d.rows), static_cast<int64_t>(d.cols)}; }

double mse(const std::vector<double>& p, const std::vector<double>& y) {
  double s = 0;
  for (size_t i = 0; i < y.size(); ++i) s += (p[i] - y[i]) * (p[i] - y[i]);
  return s / static_cast<double>(y.size());
}

int run_forest(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("forest", tokens, with_table_options({"trees", "max-features", "max-depth", "min-samples-leaf", "criterion"}),
            {"regression", "no-bootstrap", "json"});
  const std::string csv = table_csv_text(args);
  const bool regression = args.flag("regression");
  const data::TableSpec spec = table_spec(args, regression ? data::TargetKind::numbers : data::TargetKind::classes);
  ForestOptions options;
  options.n_estimators = static_cast<int>(args.integer("trees", 100, 1, 100000));
  options.bootstrap = !args.flag("no-bootstrap");
  options.tree.max_depth = static_cast<int>(args.integer("max-depth", 0, 0, 64));
  options.tree.min_samples_leaf = static_cast<int>(args.integer("min-samples-leaf", 1, 1, 1'000'000'000));
  const std::string criterion = args.value("criterion").value_or(regression ? "squared_error" : "gini");
  if (regression ? criterion != "squared_error" : criterion != "gini" && criterion != "entropy") {
    throw UsageError(std::string("forest: --criterion must be ") + (regression ? "squared_error with --regression" : "gini or entropy") +
                     ", got '" + criterion + "'");
  }
  options.tree.criterion = parse_criterion(criterion);
  const SplitOptions split_opts = split_options(args);
  options.seed = split_opts.seed;

  const data::Dataset all = data::load_table_text(csv, spec);
  const std::string max_features_text = args.value("max-features").value_or(regression ? "0.333" : "sqrt");
  try {
    options.tree.max_features = parse_max_features(max_features_text, static_cast<int64_t>(all.cols));
  } catch (const ValueError& e) {
    throw UsageError(std::string("forest: --max-features: ") + e.what());
  }
  const data::Split split = data::train_test_split(all, split_opts.test_fraction, split_opts.seed, !regression);
  const data::Dataset train = all.subset(split.train), test = all.subset(split.test);
  RandomForest forest(options);
  DecisionTree single({.criterion = options.tree.criterion, .max_depth = options.tree.max_depth, .min_samples_leaf = options.tree.min_samples_leaf});
  double test_error = 0, single_error = 0;
  if (regression) {
    forest.fit_regression(samples_of(train), train.y);
    single.fit_regression(samples_of(train), train.y);
    test_error = mse(forest.predict_values(samples_of(test)), test.y);
    single_error = mse(single.predict_values(samples_of(test)), test.y);
  } else {
    const int k = static_cast<int>(all.num_classes());
    forest.fit(samples_of(train), train.labels, k);
    single.fit(samples_of(train), train.labels, k);
    test_error = 1 - accuracy(forest.predict(samples_of(test)), test.labels);
    single_error = 1 - accuracy(single.predict(samples_of(test)), test.labels);
  }
  const auto importances = forest.feature_importances();
  std::vector<size_t> ranked(importances.size());
  std::iota(ranked.begin(), ranked.end(), 0);
  std::stable_sort(ranked.begin(), ranked.end(), [&](size_t a, size_t b) { return importances[a] > importances[b]; });
  const char* metric = regression ? "MSE" : "error rate";

  if (args.flag("json")) {
    json ranked_json = json::array(), oob = json::array();
    for (size_t f : ranked) ranked_json.push_back({{"feature", all.feature_names[f]}, {"importance", importances[f]}});
    for (double v : forest.oob_error_history()) oob.push_back(std::isfinite(v) ? json(v) : json(nullptr));
    out << json{{"samples", all.rows}, {"features", all.cols}, {"target", all.target_name}, {"task", regression ? "regression" : "classification"},
                {"trees", options.n_estimators}, {"max_features", options.tree.max_features}, {"bootstrap", options.bootstrap},
                {"criterion", criterion}, {"max_depth", options.tree.max_depth}, {"train_rows", train.rows}, {"test_rows", test.rows},
                {"metric", regression ? "mse" : "error_rate"}, {"oob_error", forest.oob_error()}, {"test_error", test_error},
                {"single_tree_test_error", single_error}, {"oob_history", oob}, {"importances", ranked_json}}
               .dump()
        << "\n";
    return 0;
  }
  char line[256];
  out << "=== " << (options.tree.max_features >= static_cast<int>(all.cols) ? "Bagged trees" : "Random forest") << " ===\n";
  out << "Loaded " << all.rows << " rows, " << all.cols << " features; target '" << all.target_name << "'\n";
  out << "Training " << options.n_estimators << " trees on " << train.rows << " rows (bootstrap " << (options.bootstrap ? "on" : "off")
      << ", " << options.tree.max_features << " of " << all.cols << " features per split); testing on " << test.rows << "\n";
  for (int t : {1, 10, 50, 100, 200, 500, 1000}) {
    if (t > options.n_estimators) break;
    const double v = forest.oob_error_history()[static_cast<size_t>(t - 1)];
    std::snprintf(line, sizeof line, "  after %4d trees: out-of-bag %s %.4g\n", t, metric, v);
    out << line;
  }
  std::snprintf(line, sizeof line, "Out-of-bag %s: %.4g\nTest %s: %.4g\nOne tree alone, test %s: %.4g\n", metric, forest.oob_error(), metric,
                test_error, metric, single_error);
  out << line;
  out << "Feature importances (top 10):\n";
  for (size_t i = 0; i < ranked.size() && i < 10; ++i) {
    std::snprintf(line, sizeof line, "  %-28s %.3f\n", all.feature_names[ranked[i]].c_str(), importances[ranked[i]]);
    out << line;
  }
  return 0;
}

}  // namespace

Command forest_command() {
  return {"forest",
          "mlplay forest FILE.csv --target COLUMN [--trees N] [--max-features sqrt|log2|all|N|F] [--max-depth D] [--min-samples-leaf N] "
          "[--criterion gini|entropy] [--regression] [--no-bootstrap] [--features a,b] [--drop c,d] [--missing error|drop|fill] "
          "[--test-fraction F] [--seed S] [--json]",
          "bagging / random forest: trees on bootstrap samples with max-features features tried per split (all = bagging); "
          "out-of-bag error as trees are added, held-out error against one tree, feature importances. --regression for a "
          "numeric target (MSE).",
          run_forest};
}

}  // namespace mlplay::cli
