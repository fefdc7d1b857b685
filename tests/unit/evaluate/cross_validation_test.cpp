// Cross-validation: the folds (every row held out once; stratified folds keep the class shares),
// cross_validate against a hand-written loop over the same folds, every model adapter, the
// out-of-fold confusion matrix, the binary threshold table, the held-out test score and the errors.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "mlplay/classify/gaussian_nb.h"
#include "mlplay/core/error.h"
#include "mlplay/evaluate/cross_validation.h"
#include "support/repo_files.h"

using namespace mlplay;
using namespace mlplay::evaluate;

namespace {

data::Dataset load(const std::string& name, const std::string& target, const std::vector<std::string>& drop = {}) {
  const std::string text = mlplay::testing::dataset_text(name);
  data::TableSpec spec;
  spec.target = target;
  spec.drop = drop;
  spec.missing = data::MissingCells::fill;
  return data::load_table_text(text, spec);
}

data::TableSpec spec_of(const std::string& target) {
  data::TableSpec spec;
  spec.target = target;
  return spec;
}

/// 12 rows: class 0 at x ≈ 0, class 1 at x ≈ 3 (one of them at 0.5, a near miss), 8 of class 0.
data::Dataset small() {
  return data::load_table_text("x,y,c\n0.1,0.2,a\n-0.3,0.1,a\n0.2,-0.2,a\n0.0,0.4,a\n-0.1,-0.3,a\n0.3,0.3,a\n0.5,0.0,a\n-0.4,0.2,a\n"
                               "3.0,3.1,b\n2.8,3.3,b\n3.2,2.9,b\n0.5,0.5,b\n",
                               spec_of("c"));
}

}  // namespace

TEST_CASE("k_fold holds every row out exactly once, and stratified folds keep the class shares") {
  const data::Dataset iris = load("iris.csv", "species");
  for (bool stratify : {true, false}) {
    for (int k : {2, 3, 5, 7, 10}) {
      const auto folds = data::k_fold(iris, k, 42, stratify);
      std::vector<int> held(iris.rows, 0);
      for (const auto& f : folds) {
        REQUIRE(f.train.size() + f.test.size() == iris.rows);
        for (size_t r : f.test) ++held[r];
      }
      for (int h : held) REQUIRE(h == 1);
      // The out-of-fold bookkeeping agrees.
      const CrossValidator cv(iris, {.kind = ModelKind::gnb}, folds);
      for (size_t f = 0; f < folds.size(); ++f) {
        for (size_t r : folds[f].test) REQUIRE(cv.result().fold_of[r] == static_cast<int>(f));
      }
      if (stratify) {
        // 50 of each class over k folds: every fold holds floor or ceil of 50 / k of each.
        for (const auto& counts : cv.result().test_class_counts) {
          for (int64_t c : counts) REQUIRE((c == 50 / k || c == (50 + k - 1) / k));
        }
      }
    }
  }
  // Plain folds of the class-sorted Iris file after a shuffle: uneven class shares somewhere.
  const CrossValidator plain(iris, {.kind = ModelKind::gnb}, data::k_fold(iris, 10, 42, false));
  int64_t spread = 0;
  for (const auto& counts : plain.result().test_class_counts) spread = std::max(spread, *std::max_element(counts.begin(), counts.end()) - *std::min_element(counts.begin(), counts.end()));
  REQUIRE(spread >= 3);
}

TEST_CASE("cross_validate equals a hand-written loop over the same folds") {
  const data::Dataset wine = load("wine.csv", "cultivar");
  const auto folds = data::k_fold(wine, 4, 7, true);
  const CrossValidationResult cv = cross_validate(wine, {.kind = ModelKind::gnb}, folds);
  REQUIRE(cv.per_fold.size() == 4);
  std::vector<int64_t> confusion(9, 0);
  double accuracy_sum = 0;
  for (size_t f = 0; f < folds.size(); ++f) {
    const auto scaler = data::Standardizer::fit(wine, folds[f].train);
    data::Dataset scaled = wine;
    scaler.apply(scaled);
    const classify::Samples train = classify::samples_of(scaled, folds[f].train), test = classify::samples_of(scaled, folds[f].test);
    classify::GaussianNB model;
    model.fit(train);
    const std::vector<double> proba = model.predict_proba(test.x.data(), test.rows);
    const std::vector<int32_t> predicted = model.predict(test);
    const double acc = classify::accuracy(predicted, test.labels);
    REQUIRE(cv.per_fold[f].accuracy == Approx(acc).margin(1e-12));
    accuracy_sum += acc;
    const std::vector<int> truth(test.labels.begin(), test.labels.end());
    REQUIRE(cv.per_fold[f].log_loss == Approx(metrics::log_loss(proba, truth, 3)).epsilon(1e-9));
    for (size_t i = 0; i < folds[f].test.size(); ++i) {
      const size_t r = folds[f].test[i];
      REQUIRE(cv.oof_predicted[r] == predicted[i]);
      for (size_t c = 0; c < 3; ++c) REQUIRE(cv.oof_proba[r * 3 + c] == Approx(proba[i * 3 + c]).margin(1e-12));
      ++confusion[static_cast<size_t>(truth[i]) * 3 + static_cast<size_t>(predicted[i])];
    }
  }
  REQUIRE(cv.confusion.counts == confusion);
  REQUIRE(cv.mean.accuracy == Approx(accuracy_sum / 4));
  double square = 0;
  for (const auto& s : cv.per_fold) square += (s.accuracy - cv.mean.accuracy) * (s.accuracy - cv.mean.accuracy);
  REQUIRE(cv.sd.accuracy == Approx(std::sqrt(square / 4)));
}

TEST_CASE("every model adapter cross-validates the breast cancer data well above chance") {
  const data::Dataset cancer = load("breast-cancer.csv", "diagnosis");
  const auto folds = data::k_fold(cancer, 3, 1, true);
  for (const std::string name : {"logreg", "knn", "gnb", "svm", "tree", "forest"}) {
    INFO(name);
    ModelOptions options{.kind = parse_model(name), .trees = 20, .seed = 3};
    const CrossValidationResult cv = cross_validate(cancer, options, folds);
    REQUIRE(cv.mean.accuracy > 0.88);
    REQUIRE(cv.mean.roc_auc > 0.88);
    for (size_t r = 0; r < cancer.rows; ++r) {
      REQUIRE(cv.oof_proba[2 * r] + cv.oof_proba[2 * r + 1] == Approx(1.0));
      REQUIRE(cv.oof_predicted[r] == (cv.oof_proba[2 * r + 1] > cv.oof_proba[2 * r] ? 1 : 0));
    }
    REQUIRE(cv.confusion.total() == static_cast<int64_t>(cancer.rows));
  }
  REQUIRE(describe({.kind = ModelKind::knn, .k = 7}) == "k-NN (k = 7)");
  REQUIRE_THROWS_WITH(parse_model("mlp"), Catch::Contains("model must be logreg, knn, gnb, svm, tree or forest, got 'mlp'"));
}

TEST_CASE("steps one fold at a time, with partial results in between") {
  const data::Dataset d = small();
  CrossValidator cv(d, {.kind = ModelKind::knn, .k = 1}, data::k_fold(d, 4, 0, true));
  REQUIRE(cv.done() == 0);
  REQUIRE(cv.step());
  REQUIRE(cv.done() == 1);
  REQUIRE(cv.result().confusion.total() == static_cast<int64_t>(cv.result().folds[0].test.size()));
  while (cv.step()) {
  }
  REQUIRE(cv.done() == 4);
  REQUIRE_FALSE(cv.step());
  REQUIRE(cv.result().confusion.total() == 12);
}

TEST_CASE("the binary threshold table traces the ROC and precision-recall curves") {
  // Scores of 4 positives and 4 negatives, as probabilities of class 1.
  const std::vector<double> p1 = {0.9, 0.8, 0.7, 0.35, 0.6, 0.3, 0.2, 0.1};
  const std::vector<int> truth = {1, 1, 1, 1, 0, 0, 0, 0};
  std::vector<double> proba;
  for (double p : p1) proba.push_back(1 - p), proba.push_back(p);
  const BinaryAnalysis a = binary_analysis(proba, truth, 2, 1, 5, 10);
  REQUIRE(a.positives == 4);
  REQUIRE(a.negatives == 4);
  REQUIRE(a.thresholds.size() == 11);
  // AUC: of 16 positive–negative pairs, only (0.35, 0.6) is ordered wrongly.
  REQUIRE(a.roc.auc == Approx(15.0 / 16));
  // t = 0.5: predicted positive 0.9 0.8 0.7 0.6 → TP 3, FP 1, FN 1, TN 3.
  REQUIRE(a.thresholds[5] == Approx(0.5));
  REQUIRE(a.tp[5] == 3);
  REQUIRE(a.fp[5] == 1);
  REQUIRE(a.fn[5] == 1);
  REQUIRE(a.tn[5] == 3);
  REQUIRE(a.tpr[5] == Approx(0.75));
  REQUIRE(a.fpr[5] == Approx(0.25));
  REQUIRE(a.precision[5] == Approx(0.75));
  REQUIRE(a.f1[5] == Approx(0.75));
  // t = 0: everything positive; t = 1: nothing (precision 1 by convention, the PR curve's end).
  REQUIRE((a.tp[0] == 4 && a.fp[0] == 4 && a.tpr[0] == 1 && a.fpr[0] == 1));
  REQUIRE((a.tp[10] == 0 && a.fp[10] == 0 && a.precision[10] == 1 && a.f1[10] == 0));
  // Every table point lies on the ROC curve's staircase: some curve point has the same (FPR, TPR).
  for (size_t i = 0; i < a.thresholds.size(); ++i) {
    bool found = false;
    for (size_t j = 0; j < a.roc.fpr.size(); ++j) found = found || (a.roc.fpr[j] == Approx(a.fpr[i]) && a.roc.tpr[j] == Approx(a.tpr[i]));
    REQUIRE(found);
  }
  // Class 0 as the positive class mirrors the picture.
  REQUIRE(binary_analysis(proba, truth, 2, 0).roc.auc == Approx(15.0 / 16));
  REQUIRE_THROWS_WITH(binary_analysis(proba, truth, 2, 2), Catch::Contains("positive class 2 is not one of the 2 classes"));
  REQUIRE_THROWS_WITH(binary_analysis({0.5, 0.5}, {1}, 2, 1), Catch::Contains("need rows of both"));
}

TEST_CASE("ROC AUC for three classes is the one-vs-rest macro average") {
  // Perfectly ranked for class 0, reversed for class 2.
  const std::vector<double> proba = {0.8, 0.1, 0.1, 0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.2, 0.7, 0.1, 0.1, 0.2, 0.7, 0.3, 0.1, 0.6};
  const std::vector<int> truth = {0, 0, 1, 1, 2, 2};
  // class 0: perfect (1); class 1: scores of 1s are 0.8, 0.7 vs others 0.1 0.2 0.2 0.1 → 1; class 2:
  // 0.7, 0.6 vs 0.1 0.1 0.1 0.1 → 1.
  REQUIRE(roc_auc(proba, truth, 3) == Approx(1.0));
  std::vector<double> reversed = proba;
  std::swap(reversed[0], reversed[2]), std::swap(reversed[3], reversed[5]);  // class 0 rows now score low on class 0
  REQUIRE(roc_auc(reversed, truth, 3) < 1.0);
  // A class absent from the rows is skipped.
  REQUIRE(std::isnan(roc_auc({0.5, 0.5, 0.5, 0.5}, {1, 1}, 2)));
}

TEST_CASE("a held-out test set is scored by a model fitted on all other rows") {
  const data::Dataset iris = load("iris.csv", "species");
  const data::Split split = data::train_test_split(iris, 0.2, 0);
  const FoldScore s = holdout_score(iris, {.kind = ModelKind::gnb}, split);
  const auto scaler = data::Standardizer::fit(iris, split.train);
  data::Dataset scaled = iris;
  scaler.apply(scaled);
  classify::GaussianNB model;
  model.fit(classify::samples_of(scaled, split.train));
  const classify::Samples test = classify::samples_of(scaled, split.test);
  REQUIRE(s.accuracy == Approx(classify::accuracy(model.predict(test), test.labels)));
}

TEST_CASE("cross-validation refuses folds that do not cover the rows, and missing classes") {
  const data::Dataset d = small();
  auto folds = data::k_fold(d, 3, 0, true);
  auto broken = folds;
  broken[0].test.push_back(broken[1].test[0]);
  REQUIRE_THROWS_WITH(CrossValidator(d, {}, broken), Catch::Contains("is held out by folds 1 and 2"));
  broken = folds;
  broken[2].test.pop_back();
  REQUIRE_THROWS_WITH(CrossValidator(d, {}, broken), Catch::Contains("is in no fold's test rows"));
  REQUIRE_THROWS_WITH(CrossValidator(d, {}, {folds[0]}), Catch::Contains("need at least 2 folds"));
  // A fold whose training rows lack class b.
  std::vector<data::Split> lopsided(2);
  for (size_t r = 0; r < d.rows; ++r) (d.labels[r] == 1 ? lopsided[0].test : lopsided[1].test).push_back(r);
  for (size_t r = 0; r < d.rows; ++r) (d.labels[r] == 1 ? lopsided[1].train : lopsided[0].train).push_back(r);
  CrossValidator cv(d, {.kind = ModelKind::gnb}, lopsided);
  REQUIRE_THROWS_WITH(cv.step(), Catch::Contains("fold 1 has no training rows of class 'b'; use stratified folds or fewer folds"));
  REQUIRE_THROWS_WITH(CrossValidator(d, {.kind = ModelKind::knn, .k = 0}, folds), Catch::Contains("knn: k must be at least 1"));
}
