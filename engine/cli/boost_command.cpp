// mlplay boost: gradient-boosted regression trees (squared loss) on a CSV file, as in the ensembles
// lesson: training and validation error as trees are added, the best number of trees, test RMSE and R².
//   mlplay boost datasets/ames.csv --target Sale_Price --trees 300 --learning-rate 0.1 --max-depth 3
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/data/table.h"
#include "mlplay/tree/gradient_boosting.h"
#include "table_args.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::tree;
using json = nlohmann::ordered_json;

Samples samples_of(const data::Dataset& d) { return {d.x.data(), static_cast<int64_t>(d.rows), static_cast<int64_t>(d.cols)}; }

int run_boost(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("boost", tokens, with_table_options({"trees", "learning-rate", "max-depth", "min-samples-leaf"}), {"json"});
  const std::string csv = table_csv_text(args);
  const data::TableSpec spec = table_spec(args, data::TargetKind::numbers);
  BoostingOptions options;
  options.n_estimators = static_cast<int>(args.integer("trees", 100, 1, 100000));
  options.learning_rate = args.number("learning-rate", 0.1, 0, 1);
  if (!(options.learning_rate > 0)) throw UsageError("boost: --learning-rate must be in (0, 1]");
  options.tree.max_depth = static_cast<int>(args.integer("max-depth", 3, 1, 32));
  options.tree.min_samples_leaf = static_cast<int>(args.integer("min-samples-leaf", 1, 1, 1'000'000'000));
  const SplitOptions split_opts = split_options(args);

  const data::Dataset all = data::load_table_text(csv, spec);
  const data::Split split = data::train_test_split(all, split_opts.test_fraction, split_opts.seed, false);
  const data::Dataset train = all.subset(split.train), test = all.subset(split.test);
  const Samples train_x = samples_of(train), test_x = samples_of(test);
  GradientBoosting booster(options);
  booster.set_validation(test_x, test.y);
  booster.begin(train_x, train.y);
  booster.grow(options.n_estimators);
  const auto& train_loss = booster.train_loss();
  const auto& validation_loss = booster.validation_loss();
  const size_t best = static_cast<size_t>(std::min_element(validation_loss.begin(), validation_loss.end()) - validation_loss.begin());
  double mean = 0, total = 0;
  for (double v : test.y) mean += v / static_cast<double>(test.y.size());
  for (double v : test.y) total += (v - mean) * (v - mean);
  const double r2 = 1 - validation_loss.back() * static_cast<double>(test.y.size()) / total;

  if (args.flag("json")) {
    out << json{{"samples", all.rows}, {"features", all.cols}, {"target", all.target_name}, {"trees", booster.n_trees()},
                {"learning_rate", options.learning_rate}, {"max_depth", options.tree.max_depth}, {"train_rows", train.rows},
                {"test_rows", test.rows}, {"init", booster.init()}, {"train_mse", train_loss}, {"validation_mse", validation_loss},
                {"best_trees", best}, {"test_rmse", std::sqrt(validation_loss.back())}, {"test_r2", r2}}
               .dump()
        << "\n";
    return 0;
  }
  char line[256];
  out << "=== Gradient boosting (squared loss) ===\n";
  out << "Loaded " << all.rows << " rows, " << all.cols << " features; predicting '" << all.target_name << "'\n";
  std::snprintf(line, sizeof line, "Training on %zu rows, validating on %zu; start from the mean %.6g\n", train.rows, test.rows, booster.init());
  out << line;
  for (size_t m = 0; m < train_loss.size(); ++m) {
    if (m != 1 && m % 10 != 0 && m + 1 != train_loss.size()) continue;
    std::snprintf(line, sizeof line, "  %4zu trees: training RMSE %.6g, validation RMSE %.6g\n", m, std::sqrt(train_loss[m]),
                  std::sqrt(validation_loss[m]));
    out << line;
  }
  std::snprintf(line, sizeof line, "Lowest validation RMSE %.6g after %zu trees\nTest RMSE: %.6g\nTest R²: %.4f\n", std::sqrt(validation_loss[best]),
                best, std::sqrt(validation_loss.back()), r2);
  out << line;
  return 0;
}

}  // namespace

Command boost_command() {
  return {"boost",
          "mlplay boost FILE.csv --target COLUMN [--trees N] [--learning-rate η] [--max-depth D] [--min-samples-leaf N] "
          "[--features a,b] [--drop c,d] [--missing error|drop|fill] [--test-fraction F] [--seed S] [--json]",
          "gradient-boosted regression trees with squared loss: each tree fits the residuals and is added with shrinkage η; "
          "training and validation error as trees are added, the best number of trees, test RMSE and R².",
          run_boost};
}

}  // namespace mlplay::cli
