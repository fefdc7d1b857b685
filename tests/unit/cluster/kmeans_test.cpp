// k-means on cases small enough to check by hand, and the properties Lloyd's algorithm guarantees.
#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "mlplay/cluster/datasets.h"
#include "mlplay/cluster/kmeans.h"
#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"

using namespace mlplay::cluster;

namespace {
Points square_pairs() {
  // Two tight pairs far apart: {(0,0), (0,1)} and {(10,0), (10,1)}.
  return Points(4, 2, {0, 0, 0, 1, 10, 0, 10, 1});
}
}  // namespace

TEST_CASE("k-means finds the two pairs, their midpoints and an inertia of 1", "[cluster][kmeans]") {
  for (const KMeansInit init : {KMeansInit::kmeans_plus_plus, KMeansInit::random}) {
    KMeans model({.n_clusters = 2, .init = init, .n_init = 5, .seed = 3});
    model.fit(square_pairs());
    REQUIRE(model.inertia() == Approx(1.0));  // four points each 0.5 from their centroid
    REQUIRE(model.converged());
    const auto& labels = model.labels();
    REQUIRE(labels[0] == labels[1]);
    REQUIRE(labels[2] == labels[3]);
    REQUIRE(labels[0] != labels[2]);
    const auto& c = model.cluster_centers();
    const int left = labels[0];
    REQUIRE(c[2 * left] == Approx(0.0).margin(1e-12));
    REQUIRE(c[2 * left + 1] == Approx(0.5));
    REQUIRE(c[2 * (1 - left)] == Approx(10.0));
    REQUIRE(model.sizes() == std::vector<int64_t>{2, 2});
    REQUIRE(model.predict(Points(2, 2, {1, 1, 9, 0})) == std::vector<int32_t>{left, 1 - left});
  }
}

TEST_CASE("Lloyd on five numbers ends at the means 1 and 10.5 whatever the start", "[cluster][kmeans]") {
  // 1D points 0, 1, 2, 10, 11 with k-means++ seeded so both starting centroids are known afterwards.
  const Points points(5, 1, {0, 1, 2, 10, 11});
  KMeansRun run(points, {.n_clusters = 2, .tol = 0}, 7);
  const auto start = run.initial_indices();
  REQUIRE(start.size() == 2);
  REQUIRE(start[0] != start[1]);
  run.run();
  REQUIRE(run.converged());
  std::vector<double> c = run.centroids();
  std::sort(c.begin(), c.end());
  REQUIRE(c[0] == Approx(1.0));
  REQUIRE(c[1] == Approx(10.5));
  REQUIRE(run.inertia() == Approx(1 + 0 + 1 + 0.25 + 0.25));
  // The last step moved no point: the centroids are the means of their clusters, so one more update
  // would not move them.
  REQUIRE(run.history().back().moved == 0);
}

TEST_CASE("a bad start is repaired step by step, and the inertia never rises", "[cluster][kmeans]") {
  const LabeledPoints blobs = make_blobs(600, 5, 1.2, 11);
  for (uint64_t seed = 0; seed < 8; ++seed) {
    KMeansRun run(blobs.points, {.n_clusters = 5, .init = KMeansInit::random, .tol = 0}, seed);
    double previous = run.inertia();
    int64_t first_moved = -1;
    while (!run.done()) {
      const KMeansStep& s = run.step();
      if (first_moved < 0) first_moved = s.moved;
      REQUIRE(s.inertia <= previous * (1 + 1e-12));
      REQUIRE(s.shift >= 0);
      previous = s.inertia;
    }
    REQUIRE(run.converged());
    REQUIRE(run.history().back().moved == 0);
    // Every point is assigned to its nearest centroid at the end.
    for (int64_t i = 0; i < blobs.points.n; ++i) {
      double best;
      REQUIRE(nearest_centroid(blobs.points.row(i), run.centroids(), 2, best) == run.labels()[static_cast<size_t>(i)]);
    }
  }
}

TEST_CASE("k-means++ starts from distinct points spread over the blobs, and beats random starts on average", "[cluster][kmeans]") {
  const LabeledPoints blobs = make_blobs(1000, 8, 0.5, 4);
  double plus = 0, random = 0;
  int plus_all_blobs = 0;
  for (uint64_t seed = 0; seed < 20; ++seed) {
    const auto chosen = initial_centroids(blobs.points, 8, KMeansInit::kmeans_plus_plus, seed);
    REQUIRE(std::set<int64_t>(chosen.begin(), chosen.end()).size() == 8);
    std::set<int32_t> hit;
    for (int64_t i : chosen) hit.insert(blobs.labels[static_cast<size_t>(i)]);
    plus_all_blobs += hit.size() == 8;
    KMeansRun a(blobs.points, {.n_clusters = 8}, seed), b(blobs.points, {.n_clusters = 8, .init = KMeansInit::random}, seed);
    a.run();
    b.run();
    plus += a.inertia();
    random += b.inertia();
  }
  REQUIRE(plus_all_blobs >= 15);  // D² sampling almost always starts one centroid in every blob
  REQUIRE(plus < random);
}

TEST_CASE("random init picks k distinct points and the same seed gives the same run", "[cluster][kmeans]") {
  const LabeledPoints blobs = make_blobs(200, 3, 1.0, 1);
  const auto a = initial_centroids(blobs.points, 50, KMeansInit::random, 9);
  REQUIRE(std::set<int64_t>(a.begin(), a.end()).size() == 50);
  REQUIRE(initial_centroids(blobs.points, 50, KMeansInit::random, 9) == a);
  KMeans m1({.n_clusters = 3, .n_init = 3, .seed = 5}), m2({.n_clusters = 3, .n_init = 3, .seed = 5});
  m1.fit(blobs.points);
  m2.fit(blobs.points);
  REQUIRE(m1.labels() == m2.labels());
  REQUIRE(m1.inertia() == m2.inertia());
  REQUIRE(m1.run_inertias().size() == 3);
  REQUIRE(m1.inertia() == *std::min_element(m1.run_inertias().begin(), m1.run_inertias().end()));
}

TEST_CASE("k = n puts every point in its own cluster, k = 1 at the mean", "[cluster][kmeans]") {
  const Points points(4, 1, {1, 2, 4, 9});
  KMeans all({.n_clusters = 4});
  all.fit(points);
  REQUIRE(all.inertia() == Approx(0.0).margin(1e-12));
  KMeans one({.n_clusters = 1});
  one.fit(points);
  REQUIRE(one.cluster_centers()[0] == Approx(4.0));
  REQUIRE(one.inertia() == Approx(9 + 4 + 0 + 25));
}

TEST_CASE("an empty cluster takes the farthest point, and duplicate points still converge", "[cluster][kmeans]") {
  // Three copies of one point and one far point, k = 3: one centroid can only hold a duplicate.
  const Points points(4, 2, {0, 0, 0, 0, 0, 0, 5, 5});
  KMeans model({.n_clusters = 3, .n_init = 3, .max_iter = 50});
  model.fit(points);
  REQUIRE(model.inertia() == Approx(0.0).margin(1e-12));
  REQUIRE(model.n_iter() < 50);
}

TEST_CASE("k-means refuses bad options with a message naming them", "[cluster][kmeans]") {
  const Points points = square_pairs();
  REQUIRE_THROWS_WITH(KMeans({.n_clusters = 5}).fit(points), "KMeans: n_clusters must be from 1 to the number of points (4), got 5");
  REQUIRE_THROWS_WITH(KMeans({.n_clusters = 0}).fit(points), Catch::Contains("got 0"));
  REQUIRE_THROWS_WITH(KMeans({.n_clusters = 2, .n_init = 0}).fit(points), "KMeans: n_init must be at least 1, got 0");
  REQUIRE_THROWS_WITH(KMeans({.n_clusters = 2, .tol = -1}).fit(points), Catch::Contains("tol must be"));
  REQUIRE_THROWS_WITH(parse_kmeans_init("forgy"), "KMeans: init must be 'kmeans++' or 'random', got 'forgy'");
  REQUIRE(parse_kmeans_init("k-means++") == KMeansInit::kmeans_plus_plus);
  KMeans unfitted;
  REQUIRE_THROWS_WITH(unfitted.predict(points), "KMeans.predict: call fit first");
  KMeansRun run(points, {.n_clusters = 2}, 0);
  run.run();
  REQUIRE_THROWS_WITH(run.step(), "KMeansRun.step: the run has already converged");
}

TEST_CASE("results do not depend on the thread count", "[cluster][kmeans]") {
  const LabeledPoints blobs = make_blobs(20000, 6, 2.0, 3);
  mlplay::set_num_threads(1);
  KMeans one({.n_clusters = 6, .n_init = 2, .seed = 1});
  one.fit(blobs.points);
  mlplay::set_num_threads(mlplay::max_threads());
  KMeans many({.n_clusters = 6, .n_init = 2, .seed = 1});
  many.fit(blobs.points);
  mlplay::set_num_threads(1);
  REQUIRE(one.labels() == many.labels());
  REQUIRE(one.inertia() == many.inertia());
}
