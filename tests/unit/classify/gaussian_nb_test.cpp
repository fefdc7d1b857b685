// Gaussian naive Bayes: a hand-worked two-class case, then θ, σ², priors, ε and probabilities against
// scikit-learn 1.2's GaussianNB (tests/golden/gen_knn_gnb.py) on 2D points, Iris and wine.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <numbers>
#include <string>

#include "generated/knn_gnb_golden.h"
#include "mlplay/classify/gaussian_nb.h"
#include "mlplay/core/error.h"
#include "support/repo_files.h"

using namespace mlplay::classify;

namespace {

Samples make(std::vector<double> x, std::vector<int32_t> labels, int64_t cols, int32_t classes) {
  Samples s;
  s.cols = cols;
  s.rows = static_cast<int64_t>(labels.size());
  s.x = std::move(x);
  s.labels = std::move(labels);
  s.num_classes = classes;
  return s;
}

/// The even rows (train) and odd rows (queries) of a data set in datasets/.
std::pair<Samples, Samples> halves(const std::string& name) {
  const std::string text = mlplay::testing::dataset_text(name);
  mlplay::data::TableSpec spec;
  spec.target = name == "iris.csv" ? "species" : "cultivar";
  const mlplay::data::Dataset data = mlplay::data::load_table_text(text, spec);
  std::vector<size_t> even, odd;
  for (size_t i = 0; i < data.rows; ++i) (i % 2 ? odd : even).push_back(i);
  return {samples_of(data, even), samples_of(data, odd)};
}

}  // namespace

TEST_CASE("Gaussian NB: means, variances, priors and a posterior worked by hand", "[classify][naive_bayes]") {
  // Class 0 at x = 0, 2 (mean 1, variance 1); class 1 at 4, 6, 8 (mean 6, variance 8/3).
  GaussianNB model({0.0});
  model.fit(make({0, 2, 4, 6, 8}, {0, 0, 1, 1, 1}, 1, 2));
  CHECK(model.theta()[0] == Approx(1.0));
  CHECK(model.theta()[1] == Approx(6.0));
  CHECK(model.var()[0] == Approx(1.0));
  CHECK(model.var()[1] == Approx(8.0 / 3));
  CHECK(model.class_prior()[1] == Approx(0.6));
  const double q[] = {3.0};
  const auto normal = [](double x, double mean, double var) { return std::exp(-(x - mean) * (x - mean) / (2 * var)) / std::sqrt(2 * std::numbers::pi * var); };
  const double a = 0.4 * normal(3, 1, 1), b = 0.6 * normal(3, 6, 8.0 / 3);
  const auto proba = model.predict_proba(q, 1);
  CHECK(proba[0] == Approx(a / (a + b)));
  CHECK(proba[1] == Approx(b / (a + b)));
  CHECK(model.predict(q, 1)[0] == (a > b ? 0 : 1));
  // ε = var_smoothing × the largest feature variance over all samples (here 8).
  GaussianNB smooth({0.5});
  smooth.fit(make({0, 2, 4, 6, 8}, {0, 0, 1, 1, 1}, 1, 2));
  CHECK(smooth.epsilon() == Approx(4.0));
  CHECK(smooth.var()[0] == Approx(5.0));
}

TEST_CASE("Gaussian NB refuses a class without samples and an unsmoothed constant feature", "[classify][naive_bayes]") {
  CHECK_THROWS_WITH(GaussianNB().fit(make({0, 1}, {0, 0}, 1, 2)), Catch::Contains("class 1 has no training samples"));
  CHECK_THROWS_WITH(GaussianNB({0.0}).fit(make({1, 1, 2, 3}, {0, 0, 1, 1}, 1, 2)), Catch::Contains("constant within a class"));
  CHECK_THROWS_WITH(GaussianNB({-1.0}), Catch::Contains("var_smoothing"));
}

TEST_CASE("Gaussian NB matches scikit-learn's theta, var, priors, epsilon and probabilities", "[classify][naive_bayes][golden]") {
  using namespace knn_gnb_golden;
  std::map<std::string, std::pair<Samples, Samples>> data;
  data["points"] = {make(std::vector<double>(std::begin(kTrainX), std::end(kTrainX)), std::vector<int32_t>(std::begin(kTrainY), std::end(kTrainY)), 2, 3),
                    make(std::vector<double>(std::begin(kQueryX), std::end(kQueryX)), std::vector<int32_t>(std::begin(kQueryY), std::end(kQueryY)), 2, 3)};
  data["iris.csv"] = halves("iris.csv");
  data["wine.csv"] = halves("wine.csv");
  for (const GnbCase& c : kGnbCases) {
    INFO(c.data << " var_smoothing " << c.var_smoothing);
    const auto& [train, queries] = data.at(c.data);
    GaussianNB model({c.var_smoothing});
    model.fit(train);
    REQUIRE(model.num_classes() == c.classes);
    REQUIRE(model.num_features() == c.features);
    CHECK(model.epsilon() == Approx(c.epsilon).epsilon(1e-9));
    for (int i = 0; i < c.classes * c.features; ++i) {
      CHECK(model.theta()[static_cast<size_t>(i)] == Approx(c.theta[i]).epsilon(1e-12));
      CHECK(model.var()[static_cast<size_t>(i)] == Approx(c.var[i]).epsilon(1e-9));
    }
    for (int i = 0; i < c.classes; ++i) CHECK(model.class_prior()[static_cast<size_t>(i)] == Approx(c.prior[i]));
    REQUIRE(queries.rows == c.queries);
    const auto proba = model.predict_proba(queries.x.data(), queries.rows);
    const auto predicted = model.predict(queries);
    for (int i = 0; i < c.queries * c.classes; ++i) CHECK(proba[static_cast<size_t>(i)] == Approx(c.proba[i]).margin(1e-9));
    for (int i = 0; i < c.queries; ++i) CHECK(predicted[static_cast<size_t>(i)] == c.predicted[i]);
  }
}
