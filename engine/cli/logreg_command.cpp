// mlplay logreg: logistic regression of a CSV's class column on its other columns (text columns one-hot
// encoded), as in the logistic-regression lesson: features standardized on the training rows, batch
// gradient descent on the cross-entropy (sigmoid for two classes, softmax for more) with an optional L2
// penalty; loss and accuracy per epoch, test accuracy and the confusion matrix.
//   mlplay logreg datasets/iris.csv --target species --lr 0.5 --epochs 100
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/linear_model/logistic_regression.h"
#include "table_args.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::linear_model;
using json = nlohmann::ordered_json;

/// 0, 1, 2, 5, 10, 20, 50, …: the epochs the report lists.
bool is_milestone(int64_t e) {
  if (e == 0) return true;
  while (e >= 10 && e % 10 == 0) e /= 10;
  return e == 1 || e == 2 || e == 5;
}

int run_logreg(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("logreg", tokens, with_table_options({"lr", "epochs", "l2"}), {"json"});
  const double lr = args.number("lr", 0.5, 1e-12, 1e6);
  const int64_t epochs = args.integer("epochs", 100, 1, 10'000'000);
  const double l2 = args.number("l2", 0, 0, 1e6);
  const std::string csv = table_csv_text(args);
  const data::TableSpec spec = table_spec(args, data::TargetKind::classes);
  const SplitOptions split_opts = split_options(args);

  const data::Dataset all = data::load_table_text(csv, spec);
  const data::Split split = data::train_test_split(all, split_opts.test_fraction, split_opts.seed);
  data::Dataset train = all.subset(split.train), test = all.subset(split.test);
  const data::Standardizer scaler = data::Standardizer::fit(train);
  scaler.apply(train);
  scaler.apply(test);

  LogisticRegression model(all.cols, all.num_classes(), {.lr = lr, .l2 = l2});
  json history = json::array();
  std::vector<std::string> lines;
  char line[400];
  for (int64_t e = 0;; ++e) {
    if (is_milestone(e) || e == epochs) {
      const double loss = model.loss(train);
      const double acc = accuracy(train.labels, model.predict(train));
      history.push_back({{"epoch", e}, {"loss", loss}, {"accuracy", acc}});
      std::snprintf(line, sizeof line, "Epoch %lld: Loss = %.3f, Accuracy = %.1f%%\n", static_cast<long long>(e), loss, 100 * acc);
      lines.push_back(line);
      check<ValueError>(std::isfinite(loss), "logreg: the loss stopped being finite at epoch ", e, "; lower --lr");
    }
    if (e == epochs) break;
    model.step(train);
  }
  const std::vector<int> predicted = model.predict(test);
  const double test_accuracy = accuracy(test.labels, predicted);
  const auto confusion = confusion_matrix(test.labels, predicted, all.num_classes()).rows();

  if (args.flag("json")) {
    json weights = json::array();
    for (size_t k = 0; k < model.num_outputs(); ++k) {
      weights.push_back(std::vector<double>(model.weights().begin() + static_cast<std::ptrdiff_t>(k * all.cols),
                                            model.weights().begin() + static_cast<std::ptrdiff_t>((k + 1) * all.cols)));
    }
    json result = {{"target", all.target_name}, {"classes", all.classes}, {"features", all.feature_names},
                   {"rows", all.rows}, {"train_rows", train.rows}, {"test_rows", test.rows},
                   {"model", all.num_classes() == 2 ? "sigmoid" : "softmax"}, {"lr", lr}, {"epochs", epochs}, {"l2", l2},
                   {"history", history}, {"train_loss", model.loss(train)},
                   {"train_accuracy", accuracy(train.labels, model.predict(train))},
                   {"test_loss", model.cross_entropy(test)}, {"test_accuracy", test_accuracy}, {"confusion", confusion},
                   {"weights", weights}, {"biases", model.biases()}};
    out << result.dump() << "\n";
    return 0;
  }
  out << "=== Logistic regression ===\n";
  std::string names;
  for (size_t k = 0; k < all.classes.size(); ++k) names += (k ? ", " : "") + all.classes[k];
  out << "Classes: " << names << "\n";
  names.clear();
  for (size_t j = 0; j < all.cols && j < 10; ++j) names += (j ? ", " : "") + all.feature_names[j];
  out << "Features: " << names << (all.cols > 10 ? ", …" : "") << " (standardized on the training rows)\n";
  std::snprintf(line, sizeof line, "Training with gradient descent (%s, lr %g, L2 %g) on %zu rows, testing on %zu...\n",
                all.num_classes() == 2 ? "sigmoid" : "softmax", lr, l2, train.rows, test.rows);
  out << line;
  for (const auto& l : lines) out << l;
  std::snprintf(line, sizeof line, "Test set performance:\nAccuracy: %.1f%%\nConfusion Matrix (rows: true, columns: predicted):\n",
                100 * test_accuracy);
  out << line;
  size_t width = 4;
  for (const auto& c : all.classes) width = std::max(width, c.size());
  out << std::string(width, ' ');
  for (const auto& c : all.classes) out << " " << std::string(width - c.size(), ' ') << c;
  out << "\n";
  for (size_t i = 0; i < confusion.size(); ++i) {
    out << all.classes[i] << std::string(width - all.classes[i].size(), ' ');
    for (int64_t count : confusion[i]) {
      const std::string cell = std::to_string(count);
      out << " " << std::string(width - cell.size(), ' ') << cell;
    }
    out << "\n";
  }
  return 0;
}

}  // namespace

Command logreg_command() {
  return {"logreg",
          "mlplay logreg FILE.csv --target COLUMN [--lr LR] [--epochs N] [--l2 L] [--features a,b] [--drop c] "
          "[--missing error|drop|fill] [--test-fraction F] [--seed S] [--json]",
          "Logistic regression on a CSV's class column by batch gradient descent on the cross-entropy (sigmoid for two "
          "classes, softmax for more; features standardized on the training rows; default lr 0.5, 100 epochs): loss and "
          "accuracy per epoch, test accuracy, confusion matrix.",
          run_logreg};
}

}  // namespace mlplay::cli
