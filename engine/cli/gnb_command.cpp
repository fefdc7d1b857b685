// mlplay gnb: Gaussian naive Bayes classification of a CSV file, as in the knn-naive-bayes lesson: the
// per-class means θ and variances σ² of every feature, the priors, ε, training and test accuracy and
// the confusion matrix.
//   mlplay gnb datasets/wine.csv --target cultivar
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "args.h"
#include "commands.h"
#include "mlplay/classify/gaussian_nb.h"
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

int run_gnb(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("gnb", tokens, with_table_options({"var-smoothing"}), {"standardize", "json"});
  const std::string csv = table_csv_text(args);
  const data::TableSpec spec = table_spec(args, data::TargetKind::classes);
  GaussianNBOptions options;
  options.var_smoothing = args.number("var-smoothing", 1e-9, 0, 1e6);
  const SplitOptions split_opts = split_options(args, 0.3);
  data::Dataset data = data::load_table_text(csv, spec);
  const data::Split split = data::train_test_split(data, split_opts.test_fraction, split_opts.seed);
  const bool standardize = args.flag("standardize");
  if (standardize) data::Standardizer::fit(data, split.train).apply(data);
  const Samples train = samples_of(data, split.train), test = samples_of(data, split.test);

  GaussianNB model(options);
  model.fit(train);
  const auto train_pred = model.predict(train), test_pred = model.predict(test);
  const double train_acc = accuracy(train_pred, train.labels), test_acc = accuracy(test_pred, test.labels);
  const auto confusion = metrics::confusion_matrix(test.labels, test_pred, size_t(test.num_classes)).rows();
  const auto d = static_cast<size_t>(model.num_features());

  if (args.flag("json")) {
    json theta = json::array(), var = json::array();
    for (int32_t c = 0; c < model.num_classes(); ++c) {
      const auto begin = static_cast<std::ptrdiff_t>(static_cast<size_t>(c) * d);
      theta.push_back(std::vector<double>(model.theta().begin() + begin, model.theta().begin() + begin + static_cast<std::ptrdiff_t>(d)));
      var.push_back(std::vector<double>(model.var().begin() + begin, model.var().begin() + begin + static_cast<std::ptrdiff_t>(d)));
    }
    json result = {{"samples", data.rows}, {"features", data.cols}, {"feature_names", data.feature_names}, {"target", data.target_name},
                   {"classes", data.classes}, {"train_rows", train.rows}, {"test_rows", test.rows}, {"standardize", standardize},
                   {"var_smoothing", options.var_smoothing}, {"epsilon", model.epsilon()}, {"seed", split_opts.seed},
                   {"test_fraction", split_opts.test_fraction}, {"class_prior", model.class_prior()}, {"class_count", model.class_count()},
                   {"theta", theta}, {"var", var}, {"train_accuracy", train_acc}, {"test_accuracy", number(test_acc)},
                   {"confusion_matrix", confusion}, {"test_predictions", test_pred}};
    out << result.dump() << "\n";
    return 0;
  }

  char line[256];
  out << "=== Gaussian Naive Bayes ===\n";
  out << "Loaded " << data.rows << " rows with " << data.cols << " features; target '" << data.target_name << "' has " << data.num_classes()
      << " classes\n";
  if (data.dropped_rows) out << "Left out " << data.dropped_rows << " rows with missing cells\n";
  out << "Split (stratified, seed " << split_opts.seed << "): " << train.rows << " training rows, " << test.rows << " test rows\n";
  if (standardize) out << "Standardized every feature with the training rows' mean and standard deviation\n";
  std::snprintf(line, sizeof line, "Variance smoothing: epsilon = %.3g x the largest feature variance = %.6g\n", options.var_smoothing, model.epsilon());
  out << line;
  for (int32_t c = 0; c < model.num_classes(); ++c) {
    std::snprintf(line, sizeof line, "Class %s: prior %.4f (%lld rows)\n", data.classes[static_cast<size_t>(c)].c_str(),
                  model.class_prior()[static_cast<size_t>(c)], static_cast<long long>(model.class_count()[static_cast<size_t>(c)]));
    out << line;
    for (size_t j = 0; j < d; ++j) {
      std::snprintf(line, sizeof line, "  %-24s mean %10.4g  variance %10.4g\n", data.feature_names[j].c_str(), model.theta()[static_cast<size_t>(c) * d + j],
                    model.var()[static_cast<size_t>(c) * d + j]);
      out << line;
    }
  }
  out << "Training accuracy: " << percent(train_acc) << "\n";
  out << "Test accuracy: " << percent(test_acc) << "\n";
  out << "Confusion matrix on the test rows (row = true class, column = predicted):\n";
  for (size_t c = 0; c < confusion.size(); ++c) {
    out << "  " << data.classes[c] << ":";
    for (int64_t count : confusion[c]) out << " " << count;
    out << "\n";
  }
  return 0;
}

}  // namespace

Command gnb_command() {
  return {"gnb",
          "mlplay gnb FILE.csv --target COLUMN [--var-smoothing V] [--standardize] [--test-fraction F] [--seed S] [--features a,b] "
          "[--drop c] [--missing error|drop|fill] [--json]",
          "Gaussian naive Bayes: per-class means and variances of every feature, class priors, training and test accuracy "
          "and the confusion matrix on a stratified train/test split.",
          run_gnb};
}

}  // namespace mlplay::cli
