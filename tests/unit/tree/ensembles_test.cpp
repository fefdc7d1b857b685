#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "mlplay/core/error.h"
#include "mlplay/core/random.h"
#include "mlplay/data/table.h"
#include "mlplay/tree/adaboost.h"
#include "mlplay/tree/bias_variance.h"
#include "mlplay/tree/gradient_boosting.h"
#include "mlplay/tree/random_forest.h"
#include "support/repo_files.h"

using namespace mlplay::tree;
using Catch::Matchers::Contains;

namespace {

Samples samples_of(const mlplay::data::Dataset& d) { return {d.x.data(), static_cast<int64_t>(d.rows), static_cast<int64_t>(d.cols)}; }

}  // namespace

TEST_CASE("max_features reads sqrt, log2, all, counts and fractions") {
  CHECK(parse_max_features("sqrt", 16) == 4);
  CHECK(parse_max_features("log2", 16) == 4);
  CHECK(parse_max_features("all", 16) == 16);
  CHECK(parse_max_features("3", 16) == 3);
  CHECK(parse_max_features("0.5", 16) == 8);
  CHECK(parse_max_features("0.01", 16) == 1);
  CHECK_THROWS_WITH(parse_max_features("17", 16), Contains("more than the 16 features"));
  CHECK_THROWS_WITH(parse_max_features("many", 16), Contains("got 'many'"));
}

TEST_CASE("a forest's out-of-bag error is close to its held-out error on Titanic") {
  mlplay::data::TableSpec spec;
  spec.target = "survived";
  spec.missing = mlplay::data::MissingCells::fill;
  spec.drop = {"country", "fare"};
  const auto all = mlplay::data::load_table_text(mlplay::testing::dataset_text("titanic.csv"), spec);
  const auto split = mlplay::data::train_test_split(all, 0.3, 1);
  const auto train = all.subset(split.train), test = all.subset(split.test);
  ForestOptions options;
  options.n_estimators = 60;
  options.tree.max_features = parse_max_features("sqrt", static_cast<int64_t>(all.cols));
  options.tree.min_samples_leaf = 3;
  RandomForest forest(options);
  forest.fit(samples_of(train), train.labels, 2);
  const double test_error = 1 - accuracy(forest.predict(samples_of(test)), test.labels);
  INFO("OOB " << forest.oob_error() << ", test " << test_error);
  CHECK(std::abs(forest.oob_error() - test_error) < 0.04);
  CHECK(test_error < 0.25);
  REQUIRE(forest.oob_error_history().size() == 60);
  // Reproducible: the same seed grows the same forest.
  RandomForest again(options);
  again.fit(samples_of(train), train.labels, 2);
  CHECK(again.oob_error() == forest.oob_error());
  double total = 0;
  for (double v : forest.feature_importances()) total += v;
  CHECK(total == Approx(1.0));
}

TEST_CASE("averaging bootstrapped regression trees lowers the variance of a deep tree") {
  // y = sin(x) + noise on [0, 6]: one unpruned tree chases the noise; the forest averages it out.
  mlplay::Generator rng(3);
  std::vector<double> x, y, tx, ty;
  for (int i = 0; i < 300; ++i) x.push_back(6.0 * rng.uniform_double()), y.push_back(std::sin(x.back()) + 0.4 * rng.normal());
  for (int i = 0; i < 200; ++i) tx.push_back(6.0 * (i + 0.5) / 200), ty.push_back(std::sin(tx.back()));
  const Samples train{x.data(), 300, 1}, grid{tx.data(), 200, 1};
  DecisionTree tree({.criterion = Criterion::squared_error});
  tree.fit_regression(train, y);
  RandomForest forest({.n_estimators = 50, .tree = {.criterion = Criterion::squared_error}, .seed = 1});
  forest.fit_regression(train, y);
  double tree_error = 0, forest_error = 0;
  const auto t = tree.predict_values(grid), f = forest.predict_values(grid);
  for (size_t i = 0; i < ty.size(); ++i) tree_error += (t[i] - ty[i]) * (t[i] - ty[i]), forest_error += (f[i] - ty[i]) * (f[i] - ty[i]);
  CHECK(forest_error < 0.5 * tree_error);
  CHECK(std::isfinite(forest.oob_error()));
}

TEST_CASE("AdaBoost SAMME re-weights the rows a stump gets wrong, by hand") {
  // Five points; the best stump x ≤ 3.5 gets only row 1 (x = 2, label 1) wrong: ε = 1/5.
  const std::vector<double> x = {1, 2, 3, 4, 5};
  const std::vector<int> y = {0, 1, 0, 1, 1};
  AdaBoost boost({.n_estimators = 2});
  boost.fit({x.data(), 5, 1}, y, 2);
  REQUIRE(boost.rounds() >= 1);
  CHECK(boost.errors()[0] == Approx(0.2));
  CHECK(boost.alphas()[0] == Approx(std::log(4.0)));  // ln((1 − ε)/ε) + ln(K − 1) = ln 4 + 0
  // The wrong row's weight is multiplied by e^α = 4: 4/5 / (4/5 + 4/5) = 1/2 after renormalising.
  const auto& w = boost.weights()[1];
  CHECK(w[1] == Approx(0.5));
  CHECK(w[0] == Approx(0.125));
  double total = 0;
  for (double v : w) total += v;
  CHECK(total == Approx(1.0));
}

TEST_CASE("AdaBoost of stumps learns a diagonal boundary a single stump cannot") {
  mlplay::Generator rng(5);
  std::vector<double> x;
  std::vector<int> y;
  for (int i = 0; i < 300; ++i) {
    const double a = rng.uniform_double(), b = rng.uniform_double();
    x.push_back(a), x.push_back(b), y.push_back(a + b > 1 ? 1 : 0);
  }
  const Samples s{x.data(), 300, 2};
  AdaBoost boost({.n_estimators = 100});
  boost.fit(s, y, 2);
  const double one = accuracy(boost.predict(s, 1), y), all = accuracy(boost.predict(s), y);
  CHECK(one < 0.85);
  CHECK(all > 0.95);
}

TEST_CASE("gradient boosting's training loss falls with every tree on Ames") {
  mlplay::data::TableSpec spec;
  spec.target = "Sale_Price";
  spec.target_kind = mlplay::data::TargetKind::numbers;
  const auto all = mlplay::data::load_table_text(mlplay::testing::dataset_text("ames.csv"), spec);
  const auto split = mlplay::data::train_test_split(all, 0.2, 0, false);
  const auto train = all.subset(split.train), test = all.subset(split.test);
  const Samples train_x = samples_of(train), test_x = samples_of(test);
  GradientBoosting booster({.n_estimators = 60, .learning_rate = 0.1});
  booster.set_validation(test_x, test.y);
  booster.begin(train_x, train.y);
  CHECK(booster.grow(25) == 25);
  CHECK(booster.grow(100) == 35);
  const auto& loss = booster.train_loss();
  REQUIRE(loss.size() == 61);
  for (size_t m = 1; m < loss.size(); ++m) CHECK(loss[m] <= loss[m - 1]);
  CHECK(booster.validation_loss().back() < 0.25 * booster.validation_loss().front());
  // The booster's prediction is F_0 + η Σ h_m: the same as the cached validation predictions.
  double mse = 0;
  for (size_t i = 0; i < test.y.size(); ++i) {
    const double e = booster.predict_value(test_x.row(static_cast<int64_t>(i))) - test.y[i];
    mse += e * e / static_cast<double>(test.y.size());
  }
  CHECK(mse == Approx(booster.validation_loss().back()).epsilon(1e-9));
  CHECK_THROWS_WITH(GradientBoosting({.learning_rate = 1.5}), Contains("learning_rate must be in (0, 1]"));
}

TEST_CASE("the bias-variance picture: a forest keeps a deep tree's bias and cuts its variance") {
  const BiasVariance bv = bias_variance({.datasets = 12, .points = 80, .noise = 0.3, .grid = 100, .forest_trees = 25, .seed = 2});
  REQUIRE(bv.tree_predictions.size() == 12 * 100);
  CHECK(bv.forest_variance < 0.6 * bv.tree_variance);
  CHECK(bv.tree_bias2 < 0.05);
  CHECK(bv.forest_bias2 < 0.05);
  // A deep tree interpolates the noise: its variance is close to noise² = 0.09.
  CHECK(bv.tree_variance > 0.04);
  CHECK_THROWS_WITH(bias_variance({.datasets = 1}), Contains("datasets must be 2 to 200"));
}
