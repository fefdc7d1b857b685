// k-nearest neighbours: distances and votes on hand-worked cases, then against scikit-learn 1.2
// (tests/golden/gen_knn_gnb.py): predictions and probabilities on 2D points for every metric and
// weighting, and test accuracy on standardized Iris and wine.
#include <catch2/catch.hpp>
#include <cstring>
#include <string>

#include "generated/knn_gnb_golden.h"
#include "mlplay/classify/decision_grid.h"
#include "mlplay/classify/knn.h"
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

Samples golden_train() {
  using namespace knn_gnb_golden;
  return make(std::vector<double>(std::begin(kTrainX), std::end(kTrainX)), std::vector<int32_t>(std::begin(kTrainY), std::end(kTrainY)), 2, 3);
}

}  // namespace

TEST_CASE("k-NN distances: euclidean, manhattan and cosine of known vectors", "[classify][knn]") {
  const double a[] = {1, 2, 2}, b[] = {4, 6, 2}, zero[] = {0, 0, 0};
  CHECK(distance(Metric::euclidean, a, b, 3) == Approx(5.0));
  CHECK(distance(Metric::manhattan, a, b, 3) == Approx(7.0));
  // cos = (4 + 12 + 4) / (3 · sqrt(56))
  CHECK(distance(Metric::cosine, a, b, 3) == Approx(1.0 - 20.0 / (3.0 * std::sqrt(56.0))));
  CHECK(distance(Metric::cosine, a, a, 3) == 0.0);
  CHECK(distance(Metric::cosine, a, zero, 3) == 1.0);
  CHECK(parse_metric("manhattan") == Metric::manhattan);
  CHECK_THROWS_WITH(parse_metric("chebyshev"), Catch::Contains("euclidean, manhattan or cosine, got 'chebyshev'"));
  CHECK_THROWS_WITH(parse_weights("heavy"), Catch::Contains("uniform or distance"));
}

TEST_CASE("k-NN votes: majority, distance weights, an exact match and ties to the lowest class", "[classify][knn]") {
  // On a line: class 0 at 0 and 1, class 1 at 3, 3.5, 4.
  const Samples train = make({0, 1, 3, 3.5, 4}, {0, 0, 1, 1, 1}, 1, 2);
  const double q[] = {1.9};
  KNeighborsClassifier three({3, Metric::euclidean, Weights::uniform});
  three.fit(train);
  auto nb = three.kneighbors(q);
  REQUIRE(nb.size() == 3);
  CHECK(nb[0].index == 1);
  CHECK(nb[1].index == 2);
  CHECK(nb[2].index == 3);
  auto p = three.predict_proba(q, 1);
  CHECK(p[0] == Approx(1.0 / 3));
  CHECK(three.predict(q, 1)[0] == 1);
  // Distance weights: 1/0.9 for class 0 against 1/1.1 + 1/1.6 for class 1.
  KNeighborsClassifier weighted({3, Metric::euclidean, Weights::distance});
  weighted.fit(train);
  p = weighted.predict_proba(q, 1);
  const double w0 = 1 / 0.9, w1 = 1 / 1.1 + 1 / 1.6;
  CHECK(p[0] == Approx(w0 / (w0 + w1)));
  // A query on a training sample takes that sample's class outright.
  const double on[] = {3.0};
  KNeighborsClassifier five({5, Metric::euclidean, Weights::distance});
  five.fit(train);
  p = five.predict_proba(on, 1);
  CHECK(p[1] == 1.0);
  // k = 2 between one sample of each class: a tie goes to the lowest class index.
  const double mid[] = {2.0};
  KNeighborsClassifier two({2, Metric::euclidean, Weights::uniform});
  two.fit(make({1, 3}, {1, 0}, 1, 2));
  CHECK(two.predict(mid, 1)[0] == 0);
  // k-NN with k = 1 predicts its own training samples.
  KNeighborsClassifier one({1});
  one.fit(train);
  CHECK(one.predict(train) == train.labels);
}

TEST_CASE("k-NN refuses bad settings with the values named", "[classify][knn]") {
  CHECK_THROWS_WITH(KNeighborsClassifier({0}), Catch::Contains("n_neighbors must be at least 1, got 0"));
  KNeighborsClassifier big({9});
  CHECK_THROWS_WITH(big.fit(make({0, 1, 2}, {0, 1, 1}, 1, 2)), Catch::Contains("n_neighbors = 9 is more than the 3 training samples"));
  const double q[] = {0};
  CHECK_THROWS_WITH(KNeighborsClassifier().predict(q, 1), Catch::Contains("fit()"));
}

TEST_CASE("k-NN matches scikit-learn's predictions and probabilities for every metric and weighting", "[classify][knn][golden]") {
  using namespace knn_gnb_golden;
  const Samples train = golden_train();
  for (const KnnCase& c : kKnnCases) {
    INFO("k = " << c.k << ", " << c.metric << ", " << c.weights);
    KNeighborsClassifier model({c.k, parse_metric(c.metric), parse_weights(c.weights)});
    model.fit(train);
    const auto proba = model.predict_proba(kQueryX, 20);
    const auto predicted = model.predict(kQueryX, 20);
    for (int i = 0; i < 20; ++i) CHECK(predicted[static_cast<size_t>(i)] == c.predicted[i]);
    for (int i = 0; i < 60; ++i) CHECK(proba[static_cast<size_t>(i)] == Approx(c.proba[i]).margin(1e-12));
  }
}

TEST_CASE("k-NN accuracy by k agrees with one fit per k", "[classify][knn]") {
  using namespace knn_gnb_golden;
  const Samples train = golden_train();
  const Samples queries = make(std::vector<double>(std::begin(kQueryX), std::end(kQueryX)),
                               std::vector<int32_t>(std::begin(kQueryY), std::end(kQueryY)), 2, 3);
  for (Weights weights : {Weights::uniform, Weights::distance}) {
    const auto curve = accuracy_by_k(train, queries, 40, Metric::manhattan, weights);
    REQUIRE(curve.size() == 40);
    for (int64_t k : {1, 2, 3, 8, 15, 40}) {
      KNeighborsClassifier model({k, Metric::manhattan, weights});
      model.fit(train);
      CHECK(curve[static_cast<size_t>(k - 1)] == Approx(accuracy(model.predict(queries), queries.labels)));
    }
  }
  CHECK_THROWS_WITH(accuracy_by_k(train, queries, 41, Metric::euclidean, Weights::uniform), Catch::Contains("k_max must be from 1 to the 40"));
}

TEST_CASE("k-NN test accuracy on standardized Iris and wine matches scikit-learn's", "[classify][knn][golden]") {
  using namespace knn_gnb_golden;
  for (const TableKnnCase& c : kTableKnn) {
    mlplay::data::TableSpec spec;
    spec.target = std::string(c.data) == "iris.csv" ? "species" : "cultivar";
    mlplay::data::Dataset data = mlplay::data::load_table_text(mlplay::testing::dataset_text(c.data), spec);
    std::vector<size_t> even, odd;
    for (size_t i = 0; i < data.rows; ++i) (i % 2 ? odd : even).push_back(i);
    mlplay::data::Standardizer::fit(data, even).apply(data);
    const Samples train = samples_of(data, even), test = samples_of(data, odd);
    KNeighborsClassifier model({c.k, Metric::euclidean, parse_weights(c.weights)});
    model.fit(train);
    const auto predicted = model.predict(test);
    int right = 0;
    for (size_t i = 0; i < predicted.size(); ++i) right += predicted[i] == test.labels[i];
    INFO(c.data << " k = " << c.k << " " << c.weights);
    CHECK(right == c.right);
    CHECK(test.rows == c.queries);
  }
}

TEST_CASE("Decision grid: cell centres in image order and the argmax class per cell", "[classify][knn]") {
  const GridSpec grid{0, 4, 0, 2, 4, 2};
  const auto points = grid_points(grid);
  REQUIRE(points.size() == 16);
  CHECK(points[0] == 0.5);
  CHECK(points[1] == 1.5);  // the first row is the top
  CHECK(points[14] == 3.5);
  CHECK(points[15] == 0.5);
  const GridClasses classes = grid_classes({0.2, 0.8, 0.6, 0.4}, 2, 2);
  CHECK(classes.labels == std::vector<uint8_t>{1, 0});
  CHECK(classes.confidence[0] == Approx(0.8f));
  const Samples s = make({0, 0, 10, 5}, {0, 1}, 2, 2);
  const GridSpec b = padded_bounds(s, 0.1, 10, 10);
  CHECK(b.x0 == Approx(-1.0));
  CHECK(b.x1 == Approx(11.0));
  CHECK(b.y1 == Approx(5.5));
}
