#include "mlplay/evaluate/cross_validation.h"

#include <cmath>
#include <limits>
#include <string>

#include "mlplay/core/error.h"

namespace mlplay::evaluate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Column c of probabilities (n × k) and the labels "is c".
void one_vs_rest(const std::vector<double>& probabilities, const std::vector<int>& truth, size_t k, size_t c,
                 std::vector<double>& scores, std::vector<int>& labels) {
  scores.resize(truth.size());
  labels.resize(truth.size());
  for (size_t i = 0; i < truth.size(); ++i) {
    scores[i] = probabilities[i * k + c];
    labels[i] = truth[i] == static_cast<int>(c) ? 1 : 0;
  }
}

/// Mean and population standard deviation of one score over the folds.
void mean_sd(const std::vector<FoldScore>& folds, double FoldScore::*field, FoldScore& mean, FoldScore& sd) {
  double sum = 0, square = 0;
  for (const FoldScore& f : folds) sum += f.*field;
  const double m = sum / static_cast<double>(folds.size());
  for (const FoldScore& f : folds) square += (f.*field - m) * (f.*field - m);
  mean.*field = m;
  sd.*field = std::sqrt(square / static_cast<double>(folds.size()));
}

}  // namespace

double roc_auc(const std::vector<double>& probabilities, const std::vector<int>& truth, size_t k) {
  check(probabilities.size() == truth.size() * k, "roc_auc: ", probabilities.size(), " probabilities for ", truth.size(), " rows of ", k,
        " classes");
  std::vector<double> scores;
  std::vector<int> labels;
  if (k == 2) {
    one_vs_rest(probabilities, truth, k, 1, scores, labels);
    size_t positives = 0;
    for (int l : labels) positives += static_cast<size_t>(l);
    if (positives == 0 || positives == labels.size()) return kNaN;
    return metrics::roc_curve(scores, labels).auc;
  }
  double sum = 0;
  size_t used = 0;
  for (size_t c = 0; c < k; ++c) {
    one_vs_rest(probabilities, truth, k, c, scores, labels);
    size_t positives = 0;
    for (int l : labels) positives += static_cast<size_t>(l);
    if (positives == 0 || positives == labels.size()) continue;
    sum += metrics::roc_curve(scores, labels).auc;
    ++used;
  }
  return used ? sum / static_cast<double>(used) : kNaN;
}

FoldScore score_predictions(const std::vector<double>& probabilities, const std::vector<int>& truth, size_t k) {
  check(k >= 2 && probabilities.size() == truth.size() * k, "score_predictions: ", probabilities.size(), " probabilities for ",
        truth.size(), " rows of ", k, " classes");
  std::vector<int> predicted(truth.size());
  for (size_t i = 0; i < truth.size(); ++i) {
    size_t best = 0;
    for (size_t c = 1; c < k; ++c) best = probabilities[i * k + c] > probabilities[i * k + best] ? c : best;
    predicted[i] = static_cast<int>(best);
  }
  const metrics::ConfusionMatrix cm = metrics::confusion_matrix(truth, predicted, k);
  FoldScore s;
  s.accuracy = cm.accuracy();
  s.precision = cm.macro_precision();
  s.recall = cm.macro_recall();
  s.f1 = cm.macro_f1();
  s.roc_auc = roc_auc(probabilities, truth, k);
  s.log_loss = metrics::log_loss(probabilities, truth, k);
  return s;
}

classify::Samples fold_samples(const data::Dataset& data, const std::vector<size_t>& rows, const data::Standardizer* scaler) {
  classify::Samples s = classify::samples_of(data, rows);
  if (scaler) {
    for (int64_t i = 0; i < s.rows; ++i) scaler->apply_row(s.x.data() + i * s.cols);
  }
  return s;
}

CrossValidator::CrossValidator(const data::Dataset& data, const ModelOptions& model, std::vector<data::Split> folds, bool standardize)
    : data_(data), model_(model), standardize_(standardize) {
  check(data.target_kind == data::TargetKind::classes, "cross_validate: the target '", data.target_name, "' must be classes");
  check(folds.size() >= 2, "cross_validate: need at least 2 folds, got ", folds.size());
  check_options(model);
  const size_t k = data.num_classes();
  result_.classes = k;
  result_.fold_of.assign(data.rows, -1);
  for (size_t f = 0; f < folds.size(); ++f) {
    check(!folds[f].train.empty() && !folds[f].test.empty(), "cross_validate: fold ", f + 1, " has no training or no test rows");
    std::vector<int64_t> counts(k, 0);
    for (size_t r : folds[f].test) {
      check(r < data.rows, "cross_validate: fold ", f + 1, " holds out row ", r, " of ", data.rows);
      check(result_.fold_of[r] < 0, "cross_validate: row ", r, " is held out by folds ", result_.fold_of[r] + 1, " and ", f + 1);
      result_.fold_of[r] = static_cast<int>(f);
      ++counts[static_cast<size_t>(data.labels[r])];
    }
    result_.test_class_counts.push_back(counts);
  }
  for (size_t r = 0; r < data.rows; ++r) check(result_.fold_of[r] >= 0, "cross_validate: row ", r, " is in no fold's test rows");
  result_.folds = std::move(folds);
  result_.oof_proba.assign(data.rows * k, kNaN);
  result_.oof_predicted.assign(data.rows, -1);
  result_.confusion = metrics::ConfusionMatrix{k, std::vector<int64_t>(k * k, 0)};
}

bool CrossValidator::step() {
  const size_t f = done();
  if (f >= folds()) return false;
  const data::Split& split = result_.folds[f];
  const size_t k = result_.classes;
  std::vector<int64_t> train_counts(k, 0);
  for (size_t r : split.train) ++train_counts[static_cast<size_t>(data_.labels[r])];
  for (size_t c = 0; c < k; ++c) {
    check(train_counts[c] > 0, "cross_validate: fold ", f + 1, " has no training rows of class '", data_.classes[c],
          "'; use stratified folds or fewer folds");
  }
  data::Standardizer scaler;
  if (standardize_) scaler = data::Standardizer::fit(data_, split.train);
  const classify::Samples train = fold_samples(data_, split.train, standardize_ ? &scaler : nullptr);
  const classify::Samples test = fold_samples(data_, split.test, standardize_ ? &scaler : nullptr);
  std::unique_ptr<Classifier> model = make_classifier(model_);
  model->fit(train);
  const std::vector<double> proba = model->predict_proba(test.x.data(), test.rows);
  std::vector<int> truth(test.labels.begin(), test.labels.end());
  result_.per_fold.push_back(score_predictions(proba, truth, k));
  for (size_t i = 0; i < split.test.size(); ++i) {
    const size_t r = split.test[i];
    size_t best = 0;
    for (size_t c = 0; c < k; ++c) {
      result_.oof_proba[r * k + c] = proba[i * k + c];
      if (proba[i * k + c] > proba[i * k + best]) best = c;
    }
    result_.oof_predicted[r] = static_cast<int>(best);
    ++result_.confusion.counts[static_cast<size_t>(truth[i]) * k + best];
  }
  summarize();
  return true;
}

void CrossValidator::summarize() {
  for (double FoldScore::*field : {&FoldScore::accuracy, &FoldScore::precision, &FoldScore::recall, &FoldScore::f1, &FoldScore::roc_auc,
                                   &FoldScore::log_loss}) {
    mean_sd(result_.per_fold, field, result_.mean, result_.sd);
  }
}

CrossValidationResult cross_validate(const data::Dataset& data, const ModelOptions& model, const std::vector<data::Split>& folds,
                                     bool standardize) {
  CrossValidator cv(data, model, folds, standardize);
  while (cv.step()) {
  }
  return cv.result();
}

FoldScore holdout_score(const data::Dataset& data, const ModelOptions& model, const data::Split& split, bool standardize) {
  check(!split.train.empty() && !split.test.empty(), "holdout_score: need training and test rows");
  data::Standardizer scaler;
  if (standardize) scaler = data::Standardizer::fit(data, split.train);
  const classify::Samples train = fold_samples(data, split.train, standardize ? &scaler : nullptr);
  const classify::Samples test = fold_samples(data, split.test, standardize ? &scaler : nullptr);
  std::unique_ptr<Classifier> classifier = make_classifier(model);
  classifier->fit(train);
  return score_predictions(classifier->predict_proba(test.x.data(), test.rows), std::vector<int>(test.labels.begin(), test.labels.end()),
                           data.num_classes());
}

BinaryAnalysis binary_analysis(const std::vector<double>& probabilities, const std::vector<int>& truth, size_t k, size_t positive,
                               int calibration_bins, int steps) {
  check(positive < k, "binary_analysis: positive class ", positive, " is not one of the ", k, " classes");
  check(probabilities.size() == truth.size() * k, "binary_analysis: ", probabilities.size(), " probabilities for ", truth.size(),
        " rows of ", k, " classes");
  check(steps >= 1 && steps <= 10'000, "binary_analysis: steps must be from 1 to 10000, got ", steps);
  BinaryAnalysis a;
  a.positive = positive;
  std::vector<double> scores;
  std::vector<int> labels;
  one_vs_rest(probabilities, truth, k, positive, scores, labels);
  for (int l : labels) (l ? a.positives : a.negatives) += 1;
  check(a.positives > 0 && a.negatives > 0, "binary_analysis: need rows of both the positive class and the rest, got ", a.positives,
        " and ", a.negatives);
  a.roc = metrics::roc_curve(scores, labels);
  a.pr = metrics::precision_recall_curve(scores, labels);
  a.calibration = metrics::calibration_curve(scores, labels, calibration_bins);
  for (int s = 0; s <= steps; ++s) {
    const double t = static_cast<double>(s) / steps;
    int64_t tp = 0, fp = 0;
    for (size_t i = 0; i < scores.size(); ++i) {
      if (scores[i] >= t) (labels[i] ? tp : fp) += 1;
    }
    const int64_t fn = static_cast<int64_t>(a.positives) - tp, tn = static_cast<int64_t>(a.negatives) - fp;
    const double recall = static_cast<double>(tp) / static_cast<double>(a.positives);
    const double precision = tp + fp > 0 ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 1.0;
    a.thresholds.push_back(t);
    a.tp.push_back(tp), a.fp.push_back(fp), a.fn.push_back(fn), a.tn.push_back(tn);
    a.tpr.push_back(recall);
    a.fpr.push_back(static_cast<double>(fp) / static_cast<double>(a.negatives));
    a.precision.push_back(precision);
    a.f1.push_back(tp > 0 ? 2 * precision * recall / (precision + recall) : 0.0);
  }
  return a;
}

}  // namespace mlplay::evaluate
