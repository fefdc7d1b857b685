#include "mlplay/metrics/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "mlplay/core/error.h"

namespace mlplay::metrics {
namespace {

/// Counts of positives and negatives at or above each distinct score, highest score first
/// (sklearn's _binary_clf_curve).
struct ThresholdCounts {
  std::vector<double> thresholds, tps, fps;
};

ThresholdCounts threshold_counts(const char* what, const std::vector<double>& scores, const std::vector<int>& labels) {
  check<ValueError>(scores.size() == labels.size(), what, ": ", scores.size(), " scores but ", labels.size(), " labels");
  check<ValueError>(!scores.empty(), what, ": no samples");
  for (size_t i = 0; i < labels.size(); ++i) {
    check<ValueError>(labels[i] == 0 || labels[i] == 1, what, ": label ", i, " is ", labels[i], "; expected 0 or 1");
    check<ValueError>(std::isfinite(scores[i]), what, ": score ", i, " is not a finite number");
  }
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  ThresholdCounts out;
  double tp = 0, fp = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    (labels[order[i]] ? tp : fp) += 1;
    if (i + 1 == order.size() || scores[order[i + 1]] != scores[order[i]]) {
      out.thresholds.push_back(scores[order[i]]);
      out.tps.push_back(tp);
      out.fps.push_back(fp);
    }
  }
  return out;
}

}  // namespace

int64_t ConfusionMatrix::total() const { return std::accumulate(counts.begin(), counts.end(), int64_t{0}); }

double ConfusionMatrix::accuracy() const {
  int64_t right = 0;
  for (size_t c = 0; c < k; ++c) right += at(c, c);
  const int64_t n = total();
  return n ? double(right) / double(n) : 0.0;
}

double ConfusionMatrix::precision(size_t c) const {
  int64_t predicted = 0;
  for (size_t t = 0; t < k; ++t) predicted += at(t, c);
  return predicted ? double(at(c, c)) / double(predicted) : 0.0;
}

double ConfusionMatrix::recall(size_t c) const {
  int64_t actual = 0;
  for (size_t p = 0; p < k; ++p) actual += at(c, p);
  return actual ? double(at(c, c)) / double(actual) : 0.0;
}

double ConfusionMatrix::f1(size_t c) const {
  const double p = precision(c), r = recall(c);
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

double ConfusionMatrix::macro_precision() const {
  double s = 0;
  for (size_t c = 0; c < k; ++c) s += precision(c);
  return k ? s / double(k) : 0.0;
}

double ConfusionMatrix::macro_recall() const {
  double s = 0;
  for (size_t c = 0; c < k; ++c) s += recall(c);
  return k ? s / double(k) : 0.0;
}

double ConfusionMatrix::macro_f1() const {
  double s = 0;
  for (size_t c = 0; c < k; ++c) s += f1(c);
  return k ? s / double(k) : 0.0;
}

std::vector<std::vector<int64_t>> ConfusionMatrix::rows() const {
  std::vector<std::vector<int64_t>> out(k);
  for (size_t t = 0; t < k; ++t) out[t].assign(counts.begin() + std::ptrdiff_t(t * k), counts.begin() + std::ptrdiff_t((t + 1) * k));
  return out;
}

ConfusionMatrix confusion_matrix(const std::vector<int>& truth, const std::vector<int>& predicted, size_t k) {
  check<ValueError>(truth.size() == predicted.size(), "confusion_matrix: ", truth.size(), " true labels but ",
                    predicted.size(), " predictions");
  check<ValueError>(k >= 1, "confusion_matrix: needs at least one class");
  ConfusionMatrix m;
  m.k = k;
  m.counts.assign(k * k, 0);
  for (size_t i = 0; i < truth.size(); ++i) {
    check<ValueError>(truth[i] >= 0 && size_t(truth[i]) < k && predicted[i] >= 0 && size_t(predicted[i]) < k,
                      "confusion_matrix: sample ", i, " has labels ", truth[i], " / ", predicted[i], " outside 0..", k - 1);
    ++m.counts[size_t(truth[i]) * k + size_t(predicted[i])];
  }
  return m;
}

RocCurve roc_curve(const std::vector<double>& scores, const std::vector<int>& labels) {
  const ThresholdCounts c = threshold_counts("roc_curve", scores, labels);
  const double positives = c.tps.back(), negatives = c.fps.back();
  check<ValueError>(positives > 0 && negatives > 0, "roc_curve: needs both positive and negative samples (got ", positives,
                    " positive, ", negatives, " negative)");
  RocCurve out;
  out.fpr.push_back(0.0);
  out.tpr.push_back(0.0);
  out.thresholds.push_back(std::numeric_limits<double>::infinity());
  for (size_t i = 0; i < c.thresholds.size(); ++i) {
    out.fpr.push_back(c.fps[i] / negatives);
    out.tpr.push_back(c.tps[i] / positives);
    out.thresholds.push_back(c.thresholds[i]);
  }
  for (size_t i = 1; i < out.fpr.size(); ++i) out.auc += (out.fpr[i] - out.fpr[i - 1]) * (out.tpr[i] + out.tpr[i - 1]) / 2;
  return out;
}

PrecisionRecallCurve precision_recall_curve(const std::vector<double>& scores, const std::vector<int>& labels) {
  const ThresholdCounts c = threshold_counts("precision_recall_curve", scores, labels);
  const double positives = c.tps.back();
  check<ValueError>(positives > 0, "precision_recall_curve: needs at least one positive sample");
  PrecisionRecallCurve out;
  for (size_t j = c.thresholds.size(); j-- > 0;) {
    out.precision.push_back(c.tps[j] / (c.tps[j] + c.fps[j]));
    out.recall.push_back(c.tps[j] / positives);
    out.thresholds.push_back(c.thresholds[j]);
  }
  out.precision.push_back(1.0);
  out.recall.push_back(0.0);
  for (size_t i = 0; i + 1 < out.recall.size(); ++i) out.average_precision += (out.recall[i] - out.recall[i + 1]) * out.precision[i];
  return out;
}

CalibrationCurve calibration_curve(const std::vector<double>& probabilities, const std::vector<int>& labels, int bins) {
  check<ValueError>(probabilities.size() == labels.size(), "calibration_curve: ", probabilities.size(), " probabilities but ",
                    labels.size(), " labels");
  check<ValueError>(bins >= 1 && bins <= 1000, "calibration_curve: bins must be 1 to 1000, got ", bins);
  std::vector<double> sum(size_t(bins), 0.0), positive(size_t(bins), 0.0);
  std::vector<int64_t> count(size_t(bins), 0);
  for (size_t i = 0; i < probabilities.size(); ++i) {
    const double p = probabilities[i];
    check<ValueError>(p >= 0 && p <= 1, "calibration_curve: probability ", i, " is ", p, ", outside [0, 1]");
    check<ValueError>(labels[i] == 0 || labels[i] == 1, "calibration_curve: label ", i, " is ", labels[i], "; expected 0 or 1");
    // The bin whose upper edge is the first inner edge >= p (numpy.searchsorted, side="left").
    int b = 0;
    while (b < bins - 1 && double(b + 1) / bins < p) ++b;
    sum[size_t(b)] += p;
    positive[size_t(b)] += labels[i];
    ++count[size_t(b)];
  }
  CalibrationCurve out;
  for (size_t b = 0; b < size_t(bins); ++b) {
    if (!count[b]) continue;
    out.mean_predicted.push_back(sum[b] / double(count[b]));
    out.fraction_positive.push_back(positive[b] / double(count[b]));
    out.counts.push_back(count[b]);
  }
  return out;
}

double log_loss(const std::vector<double>& probabilities, const std::vector<int>& truth, size_t k) {
  check<ValueError>(k >= 1 && probabilities.size() == truth.size() * k, "log_loss: ", probabilities.size(),
                    " probabilities for ", truth.size(), " samples of ", k, " classes");
  check<ValueError>(!truth.empty(), "log_loss: no samples");
  double s = 0;
  for (size_t i = 0; i < truth.size(); ++i) {
    check<ValueError>(truth[i] >= 0 && size_t(truth[i]) < k, "log_loss: label ", i, " is ", truth[i], ", outside 0..", k - 1);
    const double p = std::clamp(probabilities[i * k + size_t(truth[i])], 1e-15, 1 - 1e-15);
    s -= std::log(p);
  }
  return s / double(truth.size());
}

RegressionMetrics regression_metrics(const std::vector<double>& truth, const std::vector<double>& predicted) {
  check<ValueError>(truth.size() == predicted.size(), "regression_metrics: ", truth.size(), " targets but ", predicted.size(),
                    " predictions");
  check<ValueError>(!truth.empty(), "regression_metrics: no samples");
  const double n = double(truth.size());
  const double mean = std::accumulate(truth.begin(), truth.end(), 0.0) / n;
  double ss_res = 0, ss_tot = 0, abs_sum = 0;
  for (size_t i = 0; i < truth.size(); ++i) {
    const double e = truth[i] - predicted[i];
    ss_res += e * e;
    abs_sum += std::abs(e);
    ss_tot += (truth[i] - mean) * (truth[i] - mean);
  }
  RegressionMetrics m;
  m.mse = ss_res / n;
  m.mae = abs_sum / n;
  // sklearn's r2_score with force_finite: a constant truth gives 1 when predicted exactly, else 0.
  m.r2 = ss_tot > 0 ? 1.0 - ss_res / ss_tot : (ss_res == 0 ? 1.0 : 0.0);
  return m;
}

BiasVariance bias_variance(const std::vector<double>& predictions, const std::vector<double>& truth) {
  const size_t grid = truth.size();
  check<ValueError>(grid > 0 && !predictions.empty() && predictions.size() % grid == 0, "bias_variance: ", predictions.size(),
                    " predictions are not a whole number of sets of ", grid, " grid points");
  const size_t sets = predictions.size() / grid;
  BiasVariance out;
  out.mean.assign(grid, 0.0);
  for (size_t d = 0; d < sets; ++d) {
    for (size_t g = 0; g < grid; ++g) out.mean[g] += predictions[d * grid + g] / static_cast<double>(sets);
  }
  for (size_t g = 0; g < grid; ++g) {
    out.bias2 += (out.mean[g] - truth[g]) * (out.mean[g] - truth[g]) / static_cast<double>(grid);
    for (size_t d = 0; d < sets; ++d) {
      const double e = predictions[d * grid + g] - out.mean[g];
      out.variance += e * e / static_cast<double>(grid * sets);
    }
  }
  return out;
}

}  // namespace mlplay::metrics
