// Classification, ranking and regression metrics against scikit-learn 1.2
// (generated/metrics_golden.h, written by tests/golden/gen_metrics.py), plus hand cases and bad input.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "generated/metrics_golden.h"
#include "mlplay/core/error.h"
#include "mlplay/metrics/metrics.h"

using namespace mlplay::metrics;
using Catch::Matchers::Contains;
namespace gold = mlplay::golden::metrics;

namespace {
void require_close(const std::vector<double>& got, const std::vector<double>& want, size_t from = 0) {
  REQUIRE(got.size() == want.size());
  for (size_t i = from; i < got.size(); ++i) REQUIRE(got[i] == Approx(want[i]).margin(1e-12));
}
}  // namespace

TEST_CASE("confusion matrix, precision, recall and F1 match scikit-learn", "[metrics]") {
  const ConfusionMatrix m = confusion_matrix(gold::kClasses.truth, gold::kClasses.predicted, 4);
  REQUIRE(m.counts == gold::kClasses.counts);
  REQUIRE(m.total() == 60);
  for (size_t c = 0; c < 4; ++c) {
    REQUIRE(m.precision(c) == Approx(gold::kClasses.precision[c]));
    REQUIRE(m.recall(c) == Approx(gold::kClasses.recall[c]));
    REQUIRE(m.f1(c) == Approx(gold::kClasses.f1[c]));
  }
  REQUIRE(m.macro_precision() == Approx(gold::kClasses.macro_precision));
  REQUIRE(m.macro_recall() == Approx(gold::kClasses.macro_recall));
  REQUIRE(m.macro_f1() == Approx(gold::kClasses.macro_f1));
}

TEST_CASE("a class never predicted has precision 0, not NaN", "[metrics]") {
  const ConfusionMatrix m = confusion_matrix({0, 1, 1, 2}, {0, 0, 0, 0}, 3);
  REQUIRE(m.precision(1) == 0.0);
  REQUIRE(m.f1(2) == 0.0);
  REQUIRE(m.accuracy() == 0.25);
  REQUIRE(m.precision(0) == 0.25);
  REQUIRE(m.recall(0) == 1.0);
}

TEST_CASE("ROC, precision-recall, calibration and log loss match scikit-learn", "[metrics]") {
  for (const auto& g : gold::kScores) {
    const RocCurve roc = roc_curve(g.scores, g.labels);
    require_close(roc.fpr, g.fpr);
    require_close(roc.tpr, g.tpr);
    require_close(roc.thresholds, g.roc_thresholds, 1);
    REQUIRE(std::isinf(roc.thresholds[0]));
    REQUIRE(roc.auc == Approx(g.auc).margin(1e-12));
    const PrecisionRecallCurve pr = precision_recall_curve(g.scores, g.labels);
    require_close(pr.precision, g.precision);
    require_close(pr.recall, g.recall);
    require_close(pr.thresholds, g.pr_thresholds);
    REQUIRE(pr.average_precision == Approx(g.average_precision).margin(1e-12));
    const CalibrationCurve cal = calibration_curve(g.scores, g.labels, 5);
    require_close(cal.mean_predicted, g.calibration_predicted);
    require_close(cal.fraction_positive, g.calibration_true);
    std::vector<double> probs;
    for (double s : g.scores) probs.insert(probs.end(), {1 - s, s});
    REQUIRE(log_loss(probs, g.labels, 2) == Approx(g.log_loss).epsilon(1e-10));
  }
}

TEST_CASE("AUC is the chance a positive outscores a negative, ties counting one half", "[metrics]") {
  // Positives 0.9, 0.5; negatives 0.5, 0.1: pairs (0.9>0.5) (0.9>0.1) (0.5=0.5 → ½) (0.5>0.1) = 3.5 / 4.
  REQUIRE(roc_curve({0.9, 0.5, 0.5, 0.1}, {1, 1, 0, 0}).auc == Approx(0.875));
  REQUIRE(roc_curve({0.1, 0.2, 0.8, 0.9}, {0, 0, 1, 1}).auc == Approx(1.0));
}

TEST_CASE("regression metrics match scikit-learn and handle a constant target", "[metrics]") {
  const RegressionMetrics m = regression_metrics(gold::kRegression.truth, gold::kRegression.predicted);
  REQUIRE(m.mse == Approx(gold::kRegression.mse));
  REQUIRE(m.mae == Approx(gold::kRegression.mae));
  REQUIRE(m.r2 == Approx(gold::kRegression.r2));
  REQUIRE(regression_metrics({2, 2}, {2, 2}).r2 == 1.0);
  REQUIRE(regression_metrics({2, 2}, {1, 3}).r2 == 0.0);
}

TEST_CASE("metrics explain bad input", "[metrics]") {
  REQUIRE_THROWS_WITH(confusion_matrix({0, 1}, {0}, 2), Contains("2 true labels but 1 predictions"));
  REQUIRE_THROWS_WITH(confusion_matrix({0, 5}, {0, 1}, 2), Contains("outside 0..1"));
  REQUIRE_THROWS_WITH(roc_curve({0.2, 0.4}, {1, 1}), Contains("needs both positive and negative"));
  REQUIRE_THROWS_WITH(roc_curve({0.2, std::numeric_limits<double>::quiet_NaN()}, {1, 0}), Contains("not a finite number"));
  REQUIRE_THROWS_WITH(calibration_curve({1.5}, {1}, 5), Contains("outside [0, 1]"));
  REQUIRE_THROWS_WITH(regression_metrics({}, {}), Contains("no samples"));
}

TEST_CASE("bias_variance splits the error of refitted models into bias squared and variance", "[metrics]") {
  // Two training sets' fits at two grid points where the truth is 0: means 2 and 2.
  const BiasVariance split = bias_variance({1, 2, 3, 2}, {0, 0});
  REQUIRE(split.mean == std::vector<double>{2, 2});
  REQUIRE(split.bias2 == Approx(4.0));      // ((2 − 0)² + (2 − 0)²) / 2
  REQUIRE(split.variance == Approx(0.5));   // ((1 + 1) / 2 + 0) / 2
  REQUIRE_THROWS_WITH(bias_variance({1, 2, 3}, {0, 0}), Contains("not a whole number of sets of 2"));
}
