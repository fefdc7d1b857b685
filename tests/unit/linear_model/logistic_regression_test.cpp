#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "../generated/logistic_golden.h"
#include "mlplay/core/error.h"
#include "mlplay/data/table.h"
#include "mlplay/linear_model/logistic_regression.h"
#include "support/repo_files.h"

using namespace mlplay::linear_model;
using mlplay::data::Dataset;
using Catch::Matchers::Contains;
namespace golden = mlplay::golden::logistic;

namespace {

/// The golden case's data, standardized on all rows (as the generator did).
Dataset standardized(const golden::Case& c) {
  mlplay::data::TableSpec spec;
  spec.target = c.target;
  for (const char* f : c.features) spec.features.push_back(f);
  Dataset d = mlplay::data::load_table_text(mlplay::testing::dataset_text(c.file), spec);
  mlplay::data::Standardizer::fit(d).apply(d);
  return d;
}

/// Runs batch gradient descent until the gradient vanishes.
LogisticRegression fit(const Dataset& d, double l2, double lr = 1.0) {
  LogisticRegression model(d.cols, d.num_classes(), {.lr = lr, .l2 = l2});
  for (int epoch = 0; epoch < 200000; ++epoch) {
    model.step(d);
    if (epoch % 100 == 0) {
      double norm = 0;
      for (double g : model.gradient(d)) norm = std::max(norm, std::abs(g));
      if (norm < 1e-11) break;
    }
  }
  return model;
}

void require_golden(const golden::Case& c) {
  const Dataset d = standardized(c);
  const LogisticRegression model = fit(d, c.l2);
  REQUIRE(model.weights().size() == c.weights.size());
  for (size_t k = 0; k < c.weights.size(); ++k) REQUIRE(model.weights()[k] == Approx(c.weights[k]).margin(1e-6));
  for (size_t k = 0; k < c.biases.size(); ++k) REQUIRE(model.biases()[k] == Approx(c.biases[k]).margin(1e-6));
  const std::vector<double> p = model.predict_proba(d.subset({0, 1, 2}));
  for (size_t k = 0; k < c.proba.size(); ++k) REQUIRE(p[k] == Approx(c.proba[k]).margin(1e-7));
}

Dataset tiny(size_t classes) {
  Dataset d;
  d.rows = 6, d.cols = 2;
  d.x = {0.5, -1.0, 1.5, 0.3, -0.7, 2.0, 0.2, 0.1, -1.3, -0.4, 0.9, 1.1};
  d.labels = classes == 2 ? std::vector<int>{0, 1, 1, 0, 0, 1} : std::vector<int>{0, 1, 2, 0, 2, 1};
  d.y.assign(d.labels.begin(), d.labels.end());
  for (size_t k = 0; k < classes; ++k) d.classes.push_back("c" + std::to_string(k));
  d.feature_names = {"a", "b"};
  d.target_kind = mlplay::data::TargetKind::classes;
  return d;
}

}  // namespace

TEST_CASE("sigmoid and softmax are stable and normalized", "[linear_model]") {
  REQUIRE(sigmoid(0) == 0.5);
  REQUIRE(sigmoid(800) == 1.0);
  REQUIRE(sigmoid(-800) == 0.0);
  REQUIRE(sigmoid(-800) >= 0.0);
  REQUIRE(sigmoid(2) + sigmoid(-2) == Approx(1.0));
  std::vector<double> z = {1000, 1001, 999};
  softmax(z);
  REQUIRE(z[0] + z[1] + z[2] == Approx(1.0));
  REQUIRE(z[1] == Approx(std::exp(1) / (1 + std::exp(1) + std::exp(-1))));
}

TEST_CASE("the cross-entropy gradient matches central finite differences", "[linear_model]") {
  for (size_t classes : {2, 3}) {
    const Dataset d = tiny(classes);
    LogisticRegression model(2, classes, {.lr = 0.1, .l2 = 0.3});
    std::vector<double> theta(model.parameters().size());
    for (size_t k = 0; k < theta.size(); ++k) theta[k] = 0.37 * std::sin(1.7 * static_cast<double>(k) + 0.4);
    model.set_parameters(theta);
    const std::vector<double> analytic = model.gradient(d);
    for (size_t k = 0; k < theta.size(); ++k) {
      const double h = 1e-6;
      std::vector<double> plus = theta, minus = theta;
      plus[k] += h, minus[k] -= h;
      model.set_parameters(plus);
      const double up = model.loss(d);
      model.set_parameters(minus);
      const double down = model.loss(d);
      INFO(classes << " classes, parameter " << k);
      REQUIRE(analytic[k] == Approx((up - down) / (2 * h)).margin(1e-8));
    }
  }
}

TEST_CASE("at zero parameters every class is equally likely and the loss is log K", "[linear_model]") {
  REQUIRE(LogisticRegression(2, 2).loss(tiny(2)) == Approx(std::log(2.0)));
  REQUIRE(LogisticRegression(2, 3).loss(tiny(3)) == Approx(std::log(3.0)));
  const auto p = LogisticRegression(2, 3).predict_proba_row(tiny(3).x.data());
  REQUIRE(p[0] == Approx(1.0 / 3));
}

TEST_CASE("gradient descent reaches scikit-learn's logistic regression", "[linear_model]") {
  SECTION("softmax, Iris petals") { require_golden(golden::kIrisPetals); }
  SECTION("softmax, all four Iris features") { require_golden(golden::kIrisAll); }
  SECTION("sigmoid, breast cancer") { require_golden(golden::kCancer); }
}

TEST_CASE("softmax regression on Iris: the loss falls, accuracy is high, the confusion matrix adds up", "[linear_model]") {
  Dataset d = standardized(golden::kIrisAll);
  const auto split = mlplay::data::train_test_split(d, 0.25, 0);
  Dataset train = d.subset(split.train), test = d.subset(split.test);
  LogisticRegression model(4, 3, {.lr = 0.5});
  double previous = INFINITY;
  for (int e = 0; e < 500; ++e) {
    const double loss = model.step(train);
    REQUIRE(loss <= previous + 1e-12);
    previous = loss;
  }
  REQUIRE(model.loss(train) < 0.15);
  const auto predicted = model.predict(test);
  REQUIRE(accuracy(test.labels, predicted) >= 0.9);
  const ConfusionMatrix m = confusion_matrix(test.labels, predicted, 3);
  size_t total = 0;
  for (size_t i = 0; i < 3; ++i) {
    size_t row = 0;
    for (size_t j = 0; j < 3; ++j) row += size_t(m.at(i, j));
    REQUIRE(row == test.class_counts()[i]);
    total += row;
  }
  REQUIRE(total == test.rows);
  REQUIRE(confusion_matrix({0, 1, 1}, {0, 1, 0}, 2).counts == std::vector<int64_t>{1, 0, 1, 1});
}

TEST_CASE("logistic regression says what is wrong with bad settings", "[linear_model]") {
  REQUIRE_THROWS_WITH(LogisticRegression(2, 1), Contains("at least 2 classes"));
  REQUIRE_THROWS_WITH(LogisticRegression(2, 2, {.lr = 0}), Contains("learning rate must be > 0"));
  REQUIRE_THROWS_WITH(LogisticRegression(2, 2, {.l2 = -1}), Contains("L2 penalty must be ≥ 0"));
  REQUIRE_THROWS_WITH(LogisticRegression(3, 2).loss(tiny(2)), Contains("the model has 3 features but the data has 2"));
  REQUIRE_THROWS_WITH(LogisticRegression(2, 2).loss(tiny(3)), Contains("class label 2 outside 0…1"));
}
