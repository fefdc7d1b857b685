// mlplay cv: k-fold cross-validation of a classifier from the earlier lessons on a CSV file, as in the
// model-evaluation lesson: per-fold and mean ± sd accuracy, macro precision/recall/F1, ROC AUC and
// log loss; the out-of-fold confusion matrix and per-class scores; ROC / precision–recall AUC for one
// positive class; optionally a held-out test set (--test-fraction) and a learning curve.
//   mlplay cv datasets/breast-cancer.csv --target diagnosis --model logreg --folds 5
//   mlplay cv datasets/iris.csv --target species --model knn --k 15 --folds 10 --no-stratify --json
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/evaluate/cross_validation.h"
#include "mlplay/evaluate/learning_curve.h"
#include "table_args.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::evaluate;
using json = nlohmann::ordered_json;

json number(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

json scores_json(const FoldScore& s) {
  return {{"accuracy", number(s.accuracy)}, {"precision", number(s.precision)}, {"recall", number(s.recall)}, {"f1", number(s.f1)},
          {"roc_auc", number(s.roc_auc)},   {"log_loss", number(s.log_loss)}};
}

std::string row_text(const std::string& label, const FoldScore& s) {
  char line[200];
  std::snprintf(line, sizeof line, "%-10s %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f\n", label.c_str(), s.accuracy, s.precision, s.recall, s.f1,
                s.roc_auc, s.log_loss);
  return line;
}

ModelOptions model_options(const Args& args) {
  ModelOptions o;
  const auto model = args.value("model");
  if (!model) throw UsageError("cv: --model is required: logreg, knn, gnb, svm, tree or forest");
  try {
    o.kind = parse_model(*model);
  } catch (const ValueError&) {
    throw UsageError("cv: --model must be logreg, knn, gnb, svm, tree or forest, got '" + *model + "'");
  }
  o.lr = args.number("lr", 0.5, 1e-9, 100);
  o.epochs = static_cast<int>(args.integer("epochs", 200, 1, 100'000));
  o.l2 = args.number("l2", 0, 0, 1e6);
  o.k = static_cast<int>(args.integer("k", 5, 1, 1'000'000));
  o.var_smoothing = args.number("var-smoothing", 1e-9, 0, 1);
  o.C = args.number("C", 1, 1e-9, 1e9);
  o.gamma = args.number("gamma", 0, 0, 1e9);
  o.max_depth = static_cast<int>(args.integer("max-depth", 0, 0, 64));
  o.trees = static_cast<int>(args.integer("trees", 100, 1, 10'000));
  return o;
}

int run_cv(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("cv", tokens,
            with_table_options({"model", "folds", "lr", "epochs", "l2", "k", "var-smoothing", "C", "gamma", "max-depth", "trees", "positive",
                                "learning-curve"}),
            {"stratified", "no-stratify", "json"});
  if (args.flag("stratified") && args.flag("no-stratify")) throw UsageError("cv: choose one of --stratified and --no-stratify");
  const bool stratify = !args.flag("no-stratify");
  if (!args.has("folds")) throw UsageError("cv: --folds K is required (the number of folds, 2 or more)");
  const int k = static_cast<int>(args.integer("folds", 5, 2, 1000));
  ModelOptions model = model_options(args);
  const int curve_points = static_cast<int>(args.integer("learning-curve", 0, 0, 50));
  if (curve_points == 1) throw UsageError("cv: --learning-curve needs at least 2 points (or 0 for none)");
  const std::string csv = table_csv_text(args);
  const data::TableSpec spec = table_spec(args, data::TargetKind::classes);
  const SplitOptions split_opts = split_options(args, 0.2);
  const bool hold_out = args.has("test-fraction");
  model.seed = split_opts.seed;

  const data::Dataset all = data::load_table_text(csv, spec);
  data::Split outer;
  if (hold_out) outer = data::train_test_split(all, split_opts.test_fraction, split_opts.seed);
  else
    for (size_t r = 0; r < all.rows; ++r) outer.train.push_back(r);
  const data::Dataset data = all.subset(outer.train);
  if (static_cast<size_t>(k) > data.rows) {
    throw UsageError("cv: --folds " + std::to_string(k) + " is more than the " + std::to_string(data.rows) + " rows to cross-validate");
  }
  size_t positive = data.num_classes() == 2 ? 1 : 0;
  if (auto name = args.value("positive")) {
    const auto at = std::find(data.classes.begin(), data.classes.end(), *name);
    if (at == data.classes.end()) throw UsageError("cv: --positive '" + *name + "' is not a class of '" + data.target_name + "'");
    positive = static_cast<size_t>(at - data.classes.begin());
  }
  const std::vector<data::Split> folds = data::k_fold(data, k, split_opts.seed, stratify);
  const CrossValidationResult cv = cross_validate(data, model, folds);
  const BinaryAnalysis binary = binary_analysis(cv.oof_proba, data.labels, data.num_classes(), positive);
  FoldScore test{};
  if (hold_out) test = holdout_score(all, model, outer);
  LearningCurve curve;
  if (curve_points > 0) curve = learning_curve(data, model, folds, curve_points, split_opts.seed);
  const metrics::ConfusionMatrix& cm = cv.confusion;

  if (args.flag("json")) {
    json per_fold = json::array();
    for (size_t f = 0; f < cv.per_fold.size(); ++f) {
      json row = scores_json(cv.per_fold[f]);
      row["train_rows"] = cv.folds[f].train.size();
      row["test_rows"] = cv.folds[f].test.size();
      row["test_class_counts"] = cv.test_class_counts[f];
      per_fold.push_back(row);
    }
    json classes = json::array();
    for (size_t c = 0; c < data.num_classes(); ++c) {
      classes.push_back({{"class", data.classes[c]}, {"precision", cm.precision(c)}, {"recall", cm.recall(c)}, {"f1", cm.f1(c)},
                         {"support", data.class_counts()[c]}});
    }
    json result = {{"target", data.target_name}, {"classes", data.classes}, {"features", data.feature_names}, {"rows", all.rows},
                   {"cv_rows", data.rows}, {"model", to_string(model.kind)}, {"model_description", describe(model)}, {"folds", k},
                   {"stratified", stratify}, {"seed", split_opts.seed}, {"per_fold", per_fold}, {"mean", scores_json(cv.mean)},
                   {"sd", scores_json(cv.sd)}, {"confusion_matrix", cm.rows()}, {"per_class", classes}, {"labels", data.labels}, {"fold_of", cv.fold_of},
                   {"oof_predicted", cv.oof_predicted}, {"oof_proba", cv.oof_proba},
                   {"positive", data.classes[positive]},
                   {"roc_auc", binary.roc.auc}, {"average_precision", binary.pr.average_precision}};
    if (hold_out) {
      result["test_rows"] = outer.test.size();
      result["test_fraction"] = split_opts.test_fraction;
      result["test"] = scores_json(test);
    }
    if (curve_points > 0) {
      result["learning_curve"] = {{"sizes", curve.sizes}, {"train_mean", curve.train_mean}, {"train_sd", curve.train_sd},
                                  {"validation_mean", curve.validation_mean}, {"validation_sd", curve.validation_sd}};
    }
    out << result.dump() << "\n";
    return 0;
  }

  out << "=== " << k << "-fold cross-validation (" << (stratify ? "stratified" : "plain") << ", seed " << split_opts.seed << ") ===\n";
  out << "Loaded " << all.rows << " rows with " << all.cols << " features; target '" << all.target_name << "' has " << all.num_classes()
      << " classes\n";
  if (all.dropped_rows) out << "Left out " << all.dropped_rows << " rows with missing cells\n";
  if (hold_out) out << "Held out " << outer.test.size() << " rows as a test set; cross-validating the other " << data.rows << "\n";
  out << "Model: " << describe(model) << "; features standardized on each fold's training rows\n";
  out << "Fold        accuracy precision    recall        F1   ROC AUC  log loss   held out (per class)\n";
  for (size_t f = 0; f < cv.per_fold.size(); ++f) {
    std::string line = row_text(std::to_string(f + 1), cv.per_fold[f]);
    line.pop_back();
    std::string counts;
    for (size_t c = 0; c < cv.test_class_counts[f].size(); ++c) {
      if (c) counts += '/';
      counts += std::to_string(cv.test_class_counts[f][c]);
    }
    out << line << "   " << cv.folds[f].test.size() << " (" << counts << ")\n";
  }
  out << row_text("mean", cv.mean) << row_text("sd", cv.sd);
  char line[240];
  std::snprintf(line, sizeof line, "Accuracy: %.2f%% ± %.2f%% (mean ± sd over %d folds)\n", 100 * cv.mean.accuracy, 100 * cv.sd.accuracy, k);
  out << line;
  out << "Out-of-fold confusion matrix (row = true class, column = predicted):\n";
  size_t width = 4;
  for (const auto& c : data.classes) width = std::max(width, c.size());
  out << std::string(width + 2, ' ');
  for (const auto& c : data.classes) out << " " << std::string(width - c.size(), ' ') << c;
  out << "\n";
  for (size_t t = 0; t < data.num_classes(); ++t) {
    out << "  " << data.classes[t] << std::string(width - data.classes[t].size(), ' ');
    for (size_t p = 0; p < data.num_classes(); ++p) {
      const std::string cell = std::to_string(cm.at(t, p));
      out << " " << std::string(width - cell.size(), ' ') << cell;
    }
    out << "\n";
  }
  out << "Per class (out of fold): precision / recall / F1\n";
  for (size_t c = 0; c < data.num_classes(); ++c) {
    std::snprintf(line, sizeof line, "  %s: %.3f / %.3f / %.3f\n", data.classes[c].c_str(), cm.precision(c), cm.recall(c), cm.f1(c));
    out << line;
  }
  std::snprintf(line, sizeof line, "Positive class '%s': ROC AUC %.4f, average precision %.4f (out of fold)\n", data.classes[positive].c_str(),
                binary.roc.auc, binary.pr.average_precision);
  out << line;
  if (hold_out) {
    std::snprintf(line, sizeof line, "Held-out test set (%zu rows, model fitted on all %zu others): accuracy %.2f%%, macro F1 %.4f\n",
                  outer.test.size(), data.rows, 100 * test.accuracy, test.f1);
    out << line;
  }
  if (curve_points > 0) {
    out << "Learning curve (accuracy, mean over folds): rows  train  validation\n";
    for (size_t i = 0; i < curve.sizes.size(); ++i) {
      std::snprintf(line, sizeof line, "  %5zu  %.4f  %.4f\n", curve.sizes[i], curve.train_mean[i], curve.validation_mean[i]);
      out << line;
    }
  }
  return 0;
}

}  // namespace

Command cv_command() {
  return {"cv",
          "mlplay cv FILE.csv --target COLUMN --model logreg|knn|gnb|svm|tree|forest --folds K [--stratified|--no-stratify] "
          "[--lr LR] [--epochs N] [--l2 L] [--k K] [--var-smoothing V] [--C C] [--gamma G] [--max-depth D] [--trees T] "
          "[--positive CLASS] [--learning-curve POINTS] [--test-fraction F] [--seed S] [--features a,b] [--drop c] "
          "[--missing error|drop|fill] [--json]",
          "k-fold cross-validation (stratified unless --no-stratify; features standardized per fold): accuracy, macro "
          "precision/recall/F1, ROC AUC and log loss per fold and mean ± sd, the out-of-fold confusion matrix; "
          "--test-fraction holds out a final test set, --learning-curve adds train/validation accuracy against training size.",
          run_cv};
}

}  // namespace mlplay::cli
