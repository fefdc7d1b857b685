// mlplay knn: k-nearest-neighbour classification of a CSV file, as in the knn-naive-bayes lesson: a
// stratified train/test split, optional standardization (fitted on the training rows), accuracy on
// both sides, the confusion matrix, and with --sweep KMAX train and test accuracy for k = 1 … KMAX.
//   mlplay knn datasets/iris.csv --target species --k 5 --metric euclidean --weights uniform --standardize
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "args.h"
#include "commands.h"
#include "mlplay/classify/knn.h"
#include "mlplay/core/error.h"
#include "mlplay/metrics/metrics.h"
#include "table_args.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::classify;
using json = nlohmann::ordered_json;

json number(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

std::string percent(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f%%", 100 * value);
  return text;
}

int run_knn(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("knn", tokens, with_table_options({"k", "metric", "weights", "sweep"}), {"standardize", "json"});
  const std::string csv = table_csv_text(args);
  const data::TableSpec spec = table_spec(args, data::TargetKind::classes);
  if (!args.has("k")) throw UsageError("knn: --k K is required (the number of neighbours that vote)");
  KNeighborsOptions options;
  options.n_neighbors = args.integer("k", 5, 1, 1'000'000);
  try {
    options.metric = parse_metric(args.value("metric").value_or("euclidean"));
  } catch (const ValueError&) {
    throw UsageError("knn: --metric must be euclidean, manhattan or cosine, got '" + *args.value("metric") + "'");
  }
  try {
    options.weights = parse_weights(args.value("weights").value_or("uniform"));
  } catch (const ValueError&) {
    throw UsageError("knn: --weights must be uniform or distance, got '" + *args.value("weights") + "'");
  }
  const SplitOptions split_opts = split_options(args, 0.3);
  const int64_t sweep = args.integer("sweep", 0, 0, 1'000'000);
  data::Dataset data = data::load_table_text(csv, spec);
  const data::Split split = data::train_test_split(data, split_opts.test_fraction, split_opts.seed);
  const bool standardize = args.flag("standardize");
  if (standardize) data::Standardizer::fit(data, split.train).apply(data);
  const Samples train = samples_of(data, split.train), test = samples_of(data, split.test);
  if (options.n_neighbors > train.rows) {
    throw UsageError("knn: --k " + std::to_string(options.n_neighbors) + " is more than the " + std::to_string(train.rows) +
                     " training rows; k can be at most the number of training rows");
  }
  if (sweep > train.rows) throw UsageError("knn: --sweep " + std::to_string(sweep) + " is more than the " + std::to_string(train.rows) + " training rows");

  KNeighborsClassifier model(options);
  model.fit(train);
  const auto train_pred = model.predict(train), test_pred = model.predict(test);
  const double train_acc = accuracy(train_pred, train.labels), test_acc = accuracy(test_pred, test.labels);
  const auto confusion = metrics::confusion_matrix(test.labels, test_pred, size_t(test.num_classes)).rows();
  std::vector<double> sweep_train, sweep_test;
  if (sweep > 0) {
    sweep_train = accuracy_by_k(train, train, sweep, options.metric, options.weights);
    sweep_test = accuracy_by_k(train, test, sweep, options.metric, options.weights);
  }

  if (args.flag("json")) {
    json rows = json::array();
    for (int64_t k = 1; k <= sweep; ++k) {
      rows.push_back({{"k", k}, {"train_accuracy", sweep_train[static_cast<size_t>(k - 1)]}, {"test_accuracy", number(sweep_test[static_cast<size_t>(k - 1)])}});
    }
    json result = {{"samples", data.rows}, {"features", data.cols}, {"feature_names", data.feature_names}, {"target", data.target_name},
                   {"classes", data.classes}, {"train_rows", train.rows}, {"test_rows", test.rows}, {"standardize", standardize},
                   {"k", options.n_neighbors}, {"metric", to_string(options.metric)}, {"weights", to_string(options.weights)},
                   {"seed", split_opts.seed}, {"test_fraction", split_opts.test_fraction}, {"train_accuracy", train_acc},
                   {"test_accuracy", number(test_acc)}, {"confusion_matrix", confusion}, {"test_predictions", test_pred}, {"sweep", rows}};
    out << result.dump() << "\n";
    return 0;
  }

  out << "=== k-Nearest Neighbours ===\n";
  out << "Loaded " << data.rows << " rows with " << data.cols << " features; target '" << data.target_name << "' has " << data.num_classes()
      << " classes\n";
  if (data.dropped_rows) out << "Left out " << data.dropped_rows << " rows with missing cells\n";
  out << "Split (stratified, seed " << split_opts.seed << "): " << train.rows << " training rows, " << test.rows << " test rows\n";
  if (standardize) out << "Standardized every feature with the training rows' mean and standard deviation\n";
  out << "k = " << options.n_neighbors << ", " << to_string(options.metric) << " distance, " << to_string(options.weights) << " weights\n";
  out << "Training accuracy: " << percent(train_acc) << "\n";
  out << "Test accuracy: " << percent(test_acc) << "\n";
  out << "Confusion matrix on the test rows (row = true class, column = predicted):\n";
  for (size_t c = 0; c < confusion.size(); ++c) {
    out << "  " << data.classes[c] << ":";
    for (int64_t count : confusion[c]) out << " " << count;
    out << "\n";
  }
  if (sweep > 0) {
    out << "Accuracy against k (train / test):\n";
    int64_t best = 1;
    for (int64_t k = 1; k <= sweep; ++k) {
      out << "  k = " << k << ": " << percent(sweep_train[static_cast<size_t>(k - 1)]) << " / " << percent(sweep_test[static_cast<size_t>(k - 1)]) << "\n";
      if (sweep_test[static_cast<size_t>(k - 1)] > sweep_test[static_cast<size_t>(best - 1)]) best = k;
    }
    out << "The test accuracy is highest at k = " << best << " (the smallest such k).\n";
  }
  return 0;
}

}  // namespace

Command knn_command() {
  return {"knn",
          "mlplay knn FILE.csv --target COLUMN --k K [--metric euclidean|manhattan|cosine] [--weights uniform|distance] "
          "[--standardize] [--test-fraction F] [--seed S] [--features a,b] [--drop c] [--missing error|drop|fill] [--sweep KMAX] [--json]",
          "k-nearest-neighbour classification: a stratified train/test split, training and test accuracy and the confusion "
          "matrix; --sweep adds the accuracy for every k from 1 to KMAX.",
          run_knn};
}

}  // namespace mlplay::cli
