// cross_validate against scikit-learn 1.2 (tests/golden/gen_model_eval.py) on the same given folds
// (row i held out by fold i % 5): per-fold accuracy, macro precision / recall / F1, ROC AUC and log
// loss; the out-of-fold probabilities and confusion matrix; for two classes the ROC AUC, average
// precision and calibration curve of the out-of-fold probabilities.
#include <catch2/catch.hpp>
#include <string>

#include "generated/model_eval_golden.h"
#include "mlplay/evaluate/cross_validation.h"
#include "support/repo_files.h"

using namespace mlplay;
using namespace mlplay::evaluate;

namespace {

data::Dataset load(const std::string& name, const std::string& target) {
  const std::string text = mlplay::testing::dataset_text(name);
  data::TableSpec spec;
  spec.target = target;
  return data::load_table_text(text, spec);
}

void require_golden(const model_eval_golden::Case& c, double tolerance) {
  const data::Dataset data = load(c.file, c.target);
  std::vector<data::Split> folds(model_eval_golden::kFolds);
  for (size_t r = 0; r < data.rows; ++r) {
    for (size_t f = 0; f < folds.size(); ++f) (r % folds.size() == f ? folds[f].test : folds[f].train).push_back(r);
  }
  ModelOptions options{.kind = parse_model(c.model)};
  options.lr = 1.0, options.epochs = 6000, options.l2 = model_eval_golden::kLogregL2;  // logreg: near sklearn's optimum
  const CrossValidationResult cv = cross_validate(data, options, folds);
  const size_t k = static_cast<size_t>(c.classes);
  REQUIRE(cv.classes == k);
  for (size_t f = 0; f < folds.size(); ++f) {
    const double* g = c.per_fold.data() + 6 * f;
    INFO("fold " << f);
    REQUIRE(cv.per_fold[f].accuracy == Approx(g[0]).margin(1e-12));
    REQUIRE(cv.per_fold[f].precision == Approx(g[1]).margin(1e-12));
    REQUIRE(cv.per_fold[f].recall == Approx(g[2]).margin(1e-12));
    REQUIRE(cv.per_fold[f].f1 == Approx(g[3]).margin(1e-12));
    REQUIRE(cv.per_fold[f].roc_auc == Approx(g[4]).margin(tolerance));
    REQUIRE(cv.per_fold[f].log_loss == Approx(g[5]).margin(tolerance));
  }
  for (size_t i = 0; i < c.oof_proba.size(); ++i) REQUIRE(cv.oof_proba[i] == Approx(c.oof_proba[i]).margin(tolerance));
  REQUIRE(cv.confusion.counts == std::vector<int64_t>(c.confusion.begin(), c.confusion.end()));
  if (k == 2) {
    const BinaryAnalysis a = binary_analysis(cv.oof_proba, data.labels, 2, 1, 10);
    REQUIRE(a.roc.auc == Approx(c.roc_auc).margin(tolerance));
    REQUIRE(a.pr.average_precision == Approx(c.average_precision).margin(tolerance));
    REQUIRE(a.calibration.mean_predicted.size() == c.calibration_predicted.size());
    for (size_t b = 0; b < c.calibration_predicted.size(); ++b) {
      REQUIRE(a.calibration.mean_predicted[b] == Approx(c.calibration_predicted[b]).margin(tolerance));
      REQUIRE(a.calibration.fraction_positive[b] == Approx(c.calibration_true[b]).margin(1e-12));
    }
  }
}

}  // namespace

TEST_CASE("Gaussian naive Bayes cross-validates exactly as scikit-learn") {
  require_golden(model_eval_golden::kIrisGnb, 1e-9);
  require_golden(model_eval_golden::kWineGnb, 1e-9);
  require_golden(model_eval_golden::kCancerGnb, 1e-9);
}

TEST_CASE("k-NN cross-validates exactly as scikit-learn") {
  require_golden(model_eval_golden::kWineKnn, 1e-12);
  require_golden(model_eval_golden::kCancerKnn, 1e-12);
}

TEST_CASE("logistic regression by gradient descent cross-validates as scikit-learn's optimum") {
  require_golden(model_eval_golden::kIrisLogreg, 1e-5);
  require_golden(model_eval_golden::kCancerLogreg, 1e-5);
}
