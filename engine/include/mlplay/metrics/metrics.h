#pragma once
/// How good a model is, in one place for every lesson (scikit-learn's sklearn.metrics names and
/// definitions, checked against it in tests/golden/gen_metrics.py):
/// - classification: the confusion matrix and what it gives — accuracy, per-class precision, recall
///   and F1, their macro averages;
/// - ranking by a score (binary): the ROC curve and its area (AUC), the precision–recall curve and
///   average precision, the calibration curve of predicted probabilities, log loss;
/// - regression: MSE, MAE, R².
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mlplay::metrics {

/// counts[t * k + p]: how many samples of true class t were predicted as p (rows true, columns
/// predicted, as sklearn.metrics.confusion_matrix).
struct ConfusionMatrix {
  size_t k = 0;
  std::vector<int64_t> counts;

  int64_t at(size_t truth, size_t predicted) const { return counts[truth * k + predicted]; }
  int64_t total() const;
  double accuracy() const;
  /// TP / (TP + FP) of class c: of the samples predicted c, the share that are c (0 when none was
  /// predicted c, as sklearn's zero_division=0).
  double precision(size_t c) const;
  /// TP / (TP + FN) of class c: of the samples that are c, the share predicted c (0 when there are none).
  double recall(size_t c) const;
  /// Harmonic mean of precision and recall, 2PR / (P + R) (0 when both are 0).
  double f1(size_t c) const;
  double macro_precision() const;
  double macro_recall() const;
  double macro_f1() const;
  /// The table as k rows of k counts (for JSON and the lessons' tables).
  std::vector<std::vector<int64_t>> rows() const;
};

/// Throws ValueError when the lengths differ or a label is outside [0, k).
ConfusionMatrix confusion_matrix(const std::vector<int>& truth, const std::vector<int>& predicted, size_t k);

/// A curve traced by lowering a threshold over the distinct scores, highest first.
struct RocCurve {
  /// False-positive and true-positive rates, starting at (0, 0) and ending at (1, 1).
  std::vector<double> fpr, tpr;
  /// thresholds[i]: predict positive when score >= thresholds[i]; the first is +infinity.
  std::vector<double> thresholds;
  double auc = 0.0;
};
/// ROC of scores for binary labels (1 = positive), every distinct score a point (sklearn's
/// roc_curve with drop_intermediate=False); AUC by the trapezoid rule — equal to the probability that
/// a random positive scores above a random negative, ties counting one half. Needs both classes.
RocCurve roc_curve(const std::vector<double>& scores, const std::vector<int>& labels);

struct PrecisionRecallCurve {
  /// One point per distinct score threshold, from the lowest threshold (recall 1) up; then the
  /// (recall 0, precision 1) end point, as sklearn.metrics.precision_recall_curve.
  std::vector<double> precision, recall, thresholds;
  /// Σ (R_n − R_{n−1}) P_n (sklearn's average_precision_score: no interpolation).
  double average_precision = 0.0;
};
PrecisionRecallCurve precision_recall_curve(const std::vector<double>& scores, const std::vector<int>& labels);

/// Reliability diagram: predicted probabilities in `bins` equal-width bins over [0, 1]; for each
/// non-empty bin the mean predicted probability, the fraction of positives and the count
/// (sklearn.calibration.calibration_curve, strategy="uniform").
struct CalibrationCurve {
  std::vector<double> mean_predicted, fraction_positive;
  std::vector<int64_t> counts;
};
CalibrationCurve calibration_curve(const std::vector<double>& probabilities, const std::vector<int>& labels, int bins);

/// Mean of −log p(true class) over rows of `probabilities` (n × k, row-major), probabilities clipped
/// to [1e-15, 1 − 1e-15] (sklearn.metrics.log_loss).
double log_loss(const std::vector<double>& probabilities, const std::vector<int>& truth, size_t k);

struct RegressionMetrics {
  double mse = 0.0, mae = 0.0, r2 = 0.0;
};
/// MSE, MAE and R² = 1 − SS_res / SS_tot (SS_tot about the mean of `truth`; negative when the model is
/// worse than predicting the mean). A constant truth gives R² = 1 when predicted exactly, else 0
/// (sklearn's r2_score with force_finite).
RegressionMetrics regression_metrics(const std::vector<double>& truth, const std::vector<double>& predicted);

/// The bias–variance split of a model refitted on many training sets, at the points of a grid where
/// the true function is known: with ŷ_d(x) the fit of set d and ȳ(x) = mean_d ŷ_d(x),
///   bias² = mean_x (ȳ(x) − f(x))²,   variance = mean_x mean_d (ŷ_d(x) − ȳ(x))².
struct BiasVariance {
  std::vector<double> mean;  // ȳ at each grid point
  double bias2 = 0.0, variance = 0.0;
};
/// `predictions` holds sets × truth.size() values, set by set. Throws ValueError when it is not a
/// whole number (at least 1) of sets.
BiasVariance bias_variance(const std::vector<double>& predictions, const std::vector<double>& truth);

}  // namespace mlplay::metrics
