// Learning curves and the polynomial bias–variance decomposition.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "mlplay/classify/knn.h"
#include "mlplay/core/error.h"
#include "mlplay/core/random.h"
#include "mlplay/evaluate/bias_variance.h"
#include "mlplay/evaluate/cross_validation.h"
#include "mlplay/evaluate/learning_curve.h"
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

}  // namespace

TEST_CASE("the interleaved order keeps the class shares in every prefix") {
  const data::Dataset iris = load("iris.csv", "species");
  std::vector<size_t> rows(iris.rows);
  for (size_t r = 0; r < rows.size(); ++r) rows[r] = r;
  const auto order = interleaved_order(iris, rows, 5);
  REQUIRE(order.size() == rows.size());
  REQUIRE(std::is_permutation(order.begin(), order.end(), rows.begin()));
  std::vector<int> counts(3, 0);
  for (size_t i = 0; i < order.size(); ++i) {
    ++counts[static_cast<size_t>(iris.labels[order[i]])];
    for (int c : counts) REQUIRE(std::abs(c - static_cast<double>(i + 1) / 3) <= 1.0);
  }
  REQUIRE(interleaved_order(iris, rows, 5) == order);
  REQUIRE(interleaved_order(iris, rows, 6) != order);
}

TEST_CASE("a learning curve averages train and validation accuracy over the folds, as a hand-written loop") {
  const data::Dataset wine = load("wine.csv", "cultivar");
  const auto folds = data::k_fold(wine, 4, 3, true);
  const ModelOptions knn{.kind = ModelKind::knn, .k = 3};
  const LearningCurve curve = learning_curve(wine, knn, folds, 6, 11);
  REQUIRE(curve.sizes.size() == 6);
  REQUIRE(curve.sizes.front() == 6);  // 2 × 3 classes
  REQUIRE(curve.sizes.back() == folds[0].train.size());
  for (size_t i = 1; i < curve.sizes.size(); ++i) REQUIRE(curve.sizes[i] > curve.sizes[i - 1]);
  // The middle size by hand: the first n rows of each fold's interleaved training order.
  const size_t p = 3, n = curve.sizes[p];
  std::vector<double> train_acc, validation_acc;
  for (size_t f = 0; f < folds.size(); ++f) {
    const auto order = interleaved_order(wine, folds[f].train, stream_key(11, f));
    const std::vector<size_t> rows(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n));
    const auto scaler = data::Standardizer::fit(wine, rows);
    const classify::Samples train = fold_samples(wine, rows, &scaler), test = fold_samples(wine, folds[f].test, &scaler);
    classify::KNeighborsClassifier model({.n_neighbors = 3});
    model.fit(train);
    train_acc.push_back(classify::accuracy(model.predict(train), train.labels));
    validation_acc.push_back(classify::accuracy(model.predict(test), test.labels));
  }
  double t = 0, v = 0;
  for (size_t f = 0; f < folds.size(); ++f) t += train_acc[f] / 4, v += validation_acc[f] / 4;
  REQUIRE(curve.train_mean[p] == Approx(t));
  REQUIRE(curve.validation_mean[p] == Approx(v));
  // More data helps k-NN on wine.
  REQUIRE(curve.validation_mean.back() > curve.validation_mean.front());
  // 1-NN remembers its training rows.
  const LearningCurve one = learning_curve(wine, {.kind = ModelKind::knn, .k = 1}, folds, 3, 0);
  for (double a : one.train_mean) REQUIRE(a == 1.0);
}

TEST_CASE("a learning curve steps one size at a time and refuses impossible sizes") {
  const data::Dataset iris = load("iris.csv", "species");
  const auto folds = data::k_fold(iris, 5, 0, true);
  LearningCurveRun run(iris, {.kind = ModelKind::gnb}, folds, 4, 0);
  REQUIRE(run.points() == 4);
  REQUIRE(run.step());
  REQUIRE(run.done() == 1);
  REQUIRE(std::isnan(run.result().train_mean[1]));
  REQUIRE_THROWS_WITH(LearningCurveRun(iris, {.kind = ModelKind::knn, .k = 500}, folds, 4, 0),
                      Catch::Contains("the smallest training fold has 120 rows but the model needs at least 500"));
  REQUIRE_THROWS_WITH(LearningCurveRun(iris, {}, folds, 1, 0), Catch::Contains("points must be from 2 to 50"));
}

TEST_CASE("bias squared plus variance plus noise adds up to the test MSE, and the test MSE is U-shaped") {
  PolyBiasVarianceOptions options;
  options.datasets = 400;
  options.keep = 400;
  options.seed = 2;
  const PolyBiasVariance bv = poly_bias_variance(options);
  REQUIRE(bv.degrees.size() == 12);
  REQUIRE(bv.x.size() == 101);
  REQUIRE(bv.truth[25] == Approx(1.0));  // sin(π/2) at x = 0.25
  size_t best = 0;
  for (size_t i = 0; i < bv.degrees.size(); ++i) {
    const DegreeTerms& t = bv.degrees[i];
    INFO("degree " << t.degree);
    REQUIRE(t.noise == Approx(0.09));
    // Exactly: mean over sets and test points of (ŷ − f)² = bias² + variance.
    double square = 0;
    for (size_t d = 0; d < 400; ++d) {
      for (size_t j = 0; j < bv.x.size(); ++j) square += std::pow(bv.fits[i][d * bv.x.size() + j] - bv.truth[j], 2);
    }
    REQUIRE(square / (400.0 * 101) == Approx(t.bias2 + t.variance).epsilon(1e-9));
    // On average: the Monte Carlo test MSE, with fresh noise, is bias² + variance + σ² (within 3%).
    REQUIRE(t.test_mse == Approx(t.bias2 + t.variance + t.noise).epsilon(0.03));
    if (t.test_mse < bv.degrees[best].test_mse) best = i;
  }
  // Degree 1 underfits (bias dominates); degree 12 overfits (variance dominates); the best is between.
  REQUIRE(bv.degrees[0].bias2 > 10 * bv.degrees[0].variance);
  REQUIRE(bv.degrees[11].variance > 10 * bv.degrees[11].bias2);
  REQUIRE(bv.degrees[0].bias2 > bv.degrees[4].bias2);
  REQUIRE(bv.degrees[11].variance > bv.degrees[3].variance);
  REQUIRE(bv.best_degree == static_cast<int>(best) + 1);
  REQUIRE(best >= 2);
  REQUIRE(best <= 7);
  REQUIRE(bv.degrees[11].test_mse > bv.degrees[best].test_mse);
  REQUIRE(bv.degrees[0].test_mse > bv.degrees[best].test_mse);
  // The training error only falls.
  for (size_t i = 1; i < bv.degrees.size(); ++i) REQUIRE(bv.degrees[i].train_mse <= bv.degrees[i - 1].train_mse + 1e-12);
}

TEST_CASE("the bias-variance experiment checks its settings") {
  PolyBiasVarianceOptions o;
  o.max_degree = 13;
  REQUIRE_THROWS_WITH(poly_bias_variance(o), Catch::Contains("max degree must be from 1 to 12"));
  o = {};
  o.points = 8;
  REQUIRE_THROWS_WITH(poly_bias_variance(o), Catch::Contains("max degree must be from 1 to 7 (below the 8 points), got 12"));
  o = {};
  o.noise = -1;
  REQUIRE_THROWS_WITH(poly_bias_variance(o), Catch::Contains("noise must be from 0 to 10"));
  o = {};
  o.datasets = 1;
  REQUIRE_THROWS_WITH(poly_bias_variance(o), Catch::Contains("datasets must be from 2 to 2000"));
}
