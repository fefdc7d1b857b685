// k-means against scikit-learn 1.2 (tests/golden/gen_kmeans.py): the best inertia of 10 runs within
// 1% on Iris, standardized wine and 300 blobs, and the same silhouettes for the same labels.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "generated/kmeans_golden.h"
#include "mlplay/cluster/kmeans.h"
#include "mlplay/cluster/silhouette.h"
#include "mlplay/cluster/table_points.h"
#include "support/repo_files.h"

using namespace mlplay::cluster;

namespace {

/// A data set exported by scripts/setup.sh (datasets/ is not in the repository).
ClusterData dataset(const std::string& name) {
  const std::string text = mlplay::testing::dataset_text(name);
  return cluster_data(mlplay::data::read_csv(text), {});
}

std::map<std::string, Points> golden_data() {
  std::map<std::string, Points> data;
  data["iris"] = dataset("iris.csv").points;
  const Points wine = dataset("wine.csv").points;
  data["wine_standardized"] = standardized(wine, feature_scaling(wine));
  data["blobs"] = Points(kmeans_golden::kBlobsN, 2, std::vector<double>(std::begin(kmeans_golden::kBlobs), std::end(kmeans_golden::kBlobs)));
  return data;
}

}  // namespace

TEST_CASE("k-means inertia is within 1% of scikit-learn's (n_init 10) on Iris, wine and blobs", "[cluster][kmeans][golden]") {
  const auto data = golden_data();
  REQUIRE(data.at("iris").d == 4);
  REQUIRE(data.at("wine_standardized").d == 13);
  for (const auto& c : kmeans_golden::kInertia) {
    INFO(c.data << " k=" << c.k << " init=" << c.init << " scikit-learn " << c.inertia);
    KMeans model({.n_clusters = c.k, .init = parse_kmeans_init(c.init), .n_init = 10, .seed = 0});
    model.fit(data.at(c.data));
    INFO("engine " << model.inertia());
    REQUIRE(model.inertia() == Approx(c.inertia).epsilon(0.01));
  }
}

TEST_CASE("Iris with k = 3: the same clusters as scikit-learn up to renaming, and the same silhouette", "[cluster][kmeans][golden]") {
  const ClusterData iris = dataset("iris.csv");
  KMeans model({.n_clusters = 3, .n_init = 10});
  model.fit(iris.points);
  // One-to-one map from our cluster to theirs.
  std::map<int32_t, int32_t> to_theirs;
  for (size_t i = 0; i < 150; ++i) {
    const auto [it, added] = to_theirs.emplace(model.labels()[i], kmeans_golden::kIrisLabels3[i]);
    REQUIRE(it->second == kmeans_golden::kIrisLabels3[i]);
  }
  REQUIRE(to_theirs.size() == 3);
  REQUIRE(silhouette_score(iris.points, model.labels()) == Approx(kmeans_golden::kIrisSilhouette3).epsilon(1e-9));
  const auto samples = silhouette_samples(iris.points, model.labels());
  for (size_t i = 0; i < std::size(kmeans_golden::kIrisSilhouetteSamples3); ++i) {
    REQUIRE(samples[i] == Approx(kmeans_golden::kIrisSilhouetteSamples3[i]).epsilon(1e-9));
  }
  for (int k = 2; k <= 6; ++k) {
    KMeans m({.n_clusters = k, .n_init = 10});
    m.fit(iris.points);
    INFO("k = " << k);
    REQUIRE(silhouette_score(iris.points, m.labels()) == Approx(kmeans_golden::kIrisSilhouetteByK[k - 2]).epsilon(0.01));
  }
}
