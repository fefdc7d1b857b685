#pragma once
/// k-fold cross-validation (scikit-learn's cross_validate and cross_val_predict in one): for each
/// fold, standardize with the training rows only, fit a fresh classifier on them, score the held-out
/// rows, and keep those held-out ("out-of-fold") probabilities, so that every row gets exactly one
/// prediction from a model that never saw it. One confusion matrix, ROC, precision–recall and
/// calibration curve can then be drawn from all folds together.
/// Folds come from data::k_fold (plain or stratified) or from the caller (tests, goldens).
/// Scores per fold: accuracy, macro precision / recall / F1, ROC AUC (binary; one-vs-rest macro
/// average for more classes), log loss — all from metrics/metrics.h; then mean and standard
/// deviation over the folds (population sd, numpy's std). Hastie, Tibshirani & Friedman, ESL §7.10.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "mlplay/data/table.h"
#include "mlplay/evaluate/classifier.h"
#include "mlplay/metrics/metrics.h"

namespace mlplay::evaluate {

struct FoldScore {
  double accuracy = 0, precision = 0, recall = 0, f1 = 0, roc_auc = 0, log_loss = 0;
};

/// Scores of probabilities (n × k, row-major) against the true classes.
FoldScore score_predictions(const std::vector<double>& probabilities, const std::vector<int>& truth, size_t k);
/// ROC AUC: of column 1 for two classes; else the mean over classes of class c's column against
/// "is c" (one-vs-rest, macro; sklearn's roc_auc_score(multi_class='ovr')). Classes absent from
/// `truth` (or the only class present) are skipped; NaN when none is left.
double roc_auc(const std::vector<double>& probabilities, const std::vector<int>& truth, size_t k);

struct CrossValidationResult {
  size_t classes = 0;
  std::vector<data::Split> folds;
  /// The fold that holds each row out.
  std::vector<int> fold_of;
  /// Class counts of each fold's held-out rows (folds × classes).
  std::vector<std::vector<int64_t>> test_class_counts;
  /// Scores of the folds done so far, their mean and population standard deviation.
  std::vector<FoldScore> per_fold;
  FoldScore mean, sd;
  /// Out-of-fold probabilities (rows × classes; NaN for rows whose fold is not done) and classes.
  std::vector<double> oof_proba;
  std::vector<int> oof_predicted;
  /// Confusion matrix of the out-of-fold predictions of the folds done.
  metrics::ConfusionMatrix confusion;
};

/// Cross-validates one fold per step(), so a caller can report progress and stop between folds.
class CrossValidator {
 public:
  /// `folds` must hold every row out exactly once (ValueError otherwise). With `standardize` each
  /// fold's features are centred and scaled by its own training rows.
  CrossValidator(const data::Dataset& data, const ModelOptions& model, std::vector<data::Split> folds, bool standardize = true);
  /// Fits and scores the next fold; false once every fold is done.
  bool step();
  size_t done() const { return result_.per_fold.size(); }
  size_t folds() const { return result_.folds.size(); }
  const CrossValidationResult& result() const { return result_; }

 private:
  void summarize();

  data::Dataset data_;
  ModelOptions model_;
  bool standardize_;
  CrossValidationResult result_;
};

/// Runs every fold of a CrossValidator.
CrossValidationResult cross_validate(const data::Dataset& data, const ModelOptions& model, const std::vector<data::Split>& folds,
                                     bool standardize = true);

/// Fits on split.train (standardized by it) and scores split.test: the final check on a held-out test
/// set that cross-validation never touched.
FoldScore holdout_score(const data::Dataset& data, const ModelOptions& model, const data::Split& split, bool standardize = true);

/// The rows `rows` of `data` as classifier samples, standardized by `scaler` when it is not null.
classify::Samples fold_samples(const data::Dataset& data, const std::vector<size_t>& rows, const data::Standardizer* scaler);

/// A two-class view of out-of-fold probabilities: class `positive` against the rest, scored by its
/// probability. The ROC and precision–recall curves, the calibration curve, and a table of the binary
/// confusion matrix at thresholds 0, 1/steps, …, 1 (predict positive when p ≥ t) for a slider.
struct BinaryAnalysis {
  size_t positive = 0, positives = 0, negatives = 0;
  metrics::RocCurve roc;
  metrics::PrecisionRecallCurve pr;
  metrics::CalibrationCurve calibration;
  std::vector<double> thresholds;
  std::vector<int64_t> tp, fp, fn, tn;
  /// At each threshold: TPR (= recall), FPR, precision (1 when nothing is predicted positive, the
  /// end point of the PR curve), F1.
  std::vector<double> tpr, fpr, precision, f1;
};

/// Throws ValueError when `positive` is not a class or the rows hold only one side.
BinaryAnalysis binary_analysis(const std::vector<double>& probabilities, const std::vector<int>& truth, size_t k, size_t positive,
                               int calibration_bins = 10, int steps = 100);

}  // namespace mlplay::evaluate
