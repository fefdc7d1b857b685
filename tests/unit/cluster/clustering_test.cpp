// DBSCAN, hierarchical clustering and Gaussian mixtures on cases checked by hand.
#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "mlplay/cluster/agreement.h"
#include "mlplay/cluster/datasets.h"
#include "mlplay/cluster/dbscan.h"
#include "mlplay/cluster/gaussian_mixture.h"
#include "mlplay/cluster/hierarchical.h"
#include "mlplay/cluster/kmeans.h"

using namespace mlplay::cluster;

TEST_CASE("DBSCAN: core, border and noise points on a line", "[cluster][dbscan]") {
  // 0, 1, 2 are within eps = 1.1 of each other in a row; 2.9 is one step from 2; 10 is alone.
  const Points points(5, 1, {0, 1, 2, 2.9, 10});
  const DBSCANResult r = dbscan(points, {.eps = 1.1, .min_samples = 3});
  // 1 has neighbours {0, 1, 2}: core. 2 has {1, 2, 2.9}: core. 0 and 2.9 have 2: border. 10: noise.
  REQUIRE(r.n_clusters == 1);
  REQUIRE(r.labels == std::vector<int32_t>{0, 0, 0, 0, -1});
  REQUIRE(r.kinds == std::vector<PointKind>{PointKind::border, PointKind::core, PointKind::core, PointKind::border, PointKind::noise});
  REQUIRE(r.n_noise == 1);
  REQUIRE_THROWS_WITH(dbscan(points, {.eps = 0}), "DBSCAN: eps must be a positive number, got 0");
}

TEST_CASE("DBSCAN separates the two moons, where k-means cuts them in half", "[cluster][dbscan]") {
  const LabeledPoints moons = make_moons(300, 0.05, 2);
  const DBSCANResult r = dbscan(moons.points, {.eps = 0.2, .min_samples = 5});
  REQUIRE(r.n_clusters == 2);
  int agree = 0;
  for (size_t i = 0; i < moons.labels.size(); ++i) agree += r.labels[i] == (r.labels[0] == 0 ? moons.labels[i] : 1 - moons.labels[i]);
  REQUIRE(agree >= 295);
  KMeans km({.n_clusters = 2, .n_init = 5});
  km.fit(moons.points);
  int km_agree = 0;
  for (size_t i = 0; i < moons.labels.size(); ++i) km_agree += km.labels()[i] == moons.labels[i];
  REQUIRE(std::max(km_agree, 300 - km_agree) < 270);
}

TEST_CASE("hierarchical clustering: merge heights of four points by hand for every linkage", "[cluster][hierarchical]") {
  // 0, 1 (distance 1) and 5, 7 (distance 2) on a line.
  const Points points(4, 1, {0, 1, 5, 7});
  auto heights = [&](Linkage m) {
    std::vector<double> h;
    for (const Merge& merge : linkage(points, m)) h.push_back(merge.height);
    return h;
  };
  REQUIRE_THAT(heights(Linkage::single), Catch::Matchers::Approx(std::vector<double>{1, 2, 4}));
  REQUIRE_THAT(heights(Linkage::complete), Catch::Matchers::Approx(std::vector<double>{1, 2, 7}));
  REQUIRE_THAT(heights(Linkage::average), Catch::Matchers::Approx(std::vector<double>{1, 2, (5 + 7 + 4 + 6) / 4.0}));
  // Ward: √(2·2·2/4)·|0.5 − 6| = √2 · 5.5 for the last merge.
  REQUIRE_THAT(heights(Linkage::ward), Catch::Matchers::Approx(std::vector<double>{1, 2, std::sqrt(2.0) * 5.5}));
  const auto merges = linkage(points, Linkage::single);
  REQUIRE(merges[0].a == 0);
  REQUIRE(merges[0].b == 1);
  REQUIRE(merges[2].a == 4);  // the first merge's cluster
  REQUIRE(merges[2].b == 5);
  REQUIRE(merges[2].size == 4);
  REQUIRE(cut_tree(merges, 4, 2) == std::vector<int32_t>{0, 0, 1, 1});
  REQUIRE(cut_tree(merges, 4, 4) == std::vector<int32_t>{0, 1, 2, 3});
  REQUIRE(clusters_below(merges, 1.5) == 3);
  REQUIRE(leaf_order(merges, 4) == std::vector<int64_t>{0, 1, 2, 3});
  REQUIRE_THROWS_WITH(parse_linkage("centroid"), Catch::Contains("got 'centroid'"));
}

TEST_CASE("EM raises the log-likelihood every iteration and finds two well-separated Gaussians", "[cluster][gmm]") {
  const LabeledPoints blobs = make_blobs(400, 2, 1.0, 5);
  GaussianMixture g({.n_components = 2, .max_iter = 200, .tol = 1e-8});
  double previous = g.initialize(blobs.points, 1);
  for (int i = 0; i < 30; ++i) {
    g.step(blobs.points);
    const double now = g.score(blobs.points);
    REQUIRE(now >= previous - 1e-9);
    previous = now;
  }
  REQUIRE(g.weights()[0] + g.weights()[1] == Approx(1.0));
  REQUIRE(g.weights()[0] == Approx(0.5).margin(0.02));
  // Each covariance is close to the identity (the blobs' σ = 1).
  for (int j = 0; j < 2; ++j) {
    REQUIRE(g.covariances()[static_cast<size_t>(4 * j)] == Approx(1.0).margin(0.25));
    REQUIRE(std::abs(g.covariances()[static_cast<size_t>(4 * j + 1)]) < 0.25);
  }
  REQUIRE(g.n_parameters() == 2 * 2 + 2 * 3 + 1);
  const auto p = g.predict_proba(blobs.points);
  REQUIRE(p[0] + p[1] == Approx(1.0));
}

TEST_CASE("adjusted Rand index: 1 for the same partition renamed, scikit-learn's values for others", "[cluster][agreement]") {
  REQUIRE(adjusted_rand_index({0, 0, 1, 1, 2}, {5, 5, -1, -1, 3}) == Approx(1.0));
  // scikit-learn: adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714…, ([0, 0, 1, 1], [0, 1, 0, 1]) = −0.5.
  REQUIRE(adjusted_rand_index({0, 0, 1, 1}, {0, 0, 1, 2}) == Approx(4.0 / 7.0));
  REQUIRE(adjusted_rand_index({0, 0, 1, 1}, {0, 1, 0, 1}) == Approx(-0.5));
  REQUIRE_THROWS_WITH(adjusted_rand_index({0}, {0, 1}), "adjusted_rand_index: 1 and 2 labels");
}
