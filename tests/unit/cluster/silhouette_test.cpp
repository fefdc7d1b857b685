// Silhouettes by hand and against scikit-learn's silhouette_score / silhouette_samples.
#include <catch2/catch.hpp>
#include <cmath>

#include "generated/kmeans_golden.h"
#include "mlplay/cluster/silhouette.h"

using namespace mlplay::cluster;

TEST_CASE("silhouette of two pairs far apart, computed by hand", "[cluster][silhouette]") {
  const Points points(4, 2, {0, 0, 0, 1, 10, 0, 10, 1});
  const std::vector<int32_t> labels = {0, 0, 1, 1};
  // Point (0, 0): a = 1 (to (0, 1)), b = (10 + √101) / 2, s = 1 − a / b. By symmetry all four agree.
  const double b = (10 + std::sqrt(101.0)) / 2, s = 1 - 1 / b;
  const auto samples = silhouette_samples(points, labels);
  for (double v : samples) REQUIRE(v == Approx(s));
  REQUIRE(silhouette_score(points, labels) == Approx(s));
  // A bad clustering (each pair split) scores below 0.
  REQUIRE(silhouette_score(points, {0, 1, 0, 1}) < 0);
}

TEST_CASE("a point alone in its cluster has silhouette 0", "[cluster][silhouette]") {
  const Points points(3, 1, {0, 1, 5});
  const auto s = silhouette_samples(points, {0, 0, 1});
  REQUIRE(s[2] == 0.0);
  // Point 0: a = 1, b = 5: s = 0.8. Point 1: a = 1, b = 4: s = 0.75.
  REQUIRE(s[0] == Approx(0.8));
  REQUIRE(s[1] == Approx(0.75));
}

TEST_CASE("silhouette agrees with scikit-learn on the blobs", "[cluster][silhouette]") {
  const Points blobs(kmeans_golden::kBlobsN, 2, std::vector<double>(std::begin(kmeans_golden::kBlobs), std::end(kmeans_golden::kBlobs)));
  const std::vector<int32_t> labels(std::begin(kmeans_golden::kBlobsLabels4), std::end(kmeans_golden::kBlobsLabels4));
  REQUIRE(silhouette_score(blobs, labels) == Approx(kmeans_golden::kBlobsSilhouette4).epsilon(1e-12));
  // A sample of 150 points estimates it.
  REQUIRE(silhouette_score(blobs, labels, 150, 3) == Approx(kmeans_golden::kBlobsSilhouette4).epsilon(0.05));
}

TEST_CASE("silhouette refuses a single cluster and mismatched labels", "[cluster][silhouette]") {
  const Points points(3, 1, {0, 1, 5});
  REQUIRE_THROWS_WITH(silhouette_samples(points, {0, 0, 0}), "silhouette: needs from 2 to n - 1 = 2 clusters, got 1");
  REQUIRE_THROWS_WITH(silhouette_samples(points, {0, 1, 2}), "silhouette: needs from 2 to n - 1 = 2 clusters, got 3");
  REQUIRE_THROWS_WITH(silhouette_samples(points, {0, 1}), "silhouette: 3 points but 2 labels");
}
