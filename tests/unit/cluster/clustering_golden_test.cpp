// DBSCAN, linkage and Gaussian mixtures against scikit-learn 1.2 and scipy 1.10
// (tests/golden/gen_clustering.py): labels up to renaming, merge heights, log-likelihood and BIC.
#include <catch2/catch.hpp>
#include <map>

#include "generated/clustering_golden.h"
#include "mlplay/cluster/dbscan.h"
#include "mlplay/cluster/gaussian_mixture.h"
#include "mlplay/cluster/hierarchical.h"
#include "mlplay/cluster/table_points.h"
#include "support/repo_files.h"

using namespace mlplay::cluster;
namespace g = clustering_golden;

namespace {

Points iris() {
  const std::string text = mlplay::testing::dataset_text("iris.csv");
  return cluster_data(mlplay::data::read_csv(text), {}).points;
}

Points blobs() { return Points(g::kBlobsN, 2, std::vector<double>(std::begin(g::kBlobs), std::end(g::kBlobs))); }

/// The same partition up to renaming (noise, −1, must match exactly).
template <size_t N>
void same_partition(const std::vector<int32_t>& ours, const int32_t (&theirs)[N]) {
  REQUIRE(ours.size() == N);
  std::map<int32_t, int32_t> forward, backward;
  for (size_t i = 0; i < N; ++i) {
    INFO("point " << i);
    REQUIRE((ours[i] < 0) == (theirs[i] < 0));
    REQUIRE(forward.emplace(ours[i], theirs[i]).first->second == theirs[i]);
    REQUIRE(backward.emplace(theirs[i], ours[i]).first->second == ours[i]);
  }
}

template <size_t N>
void same_heights(const std::vector<Merge>& merges, const double (&heights)[N]) {
  REQUIRE(merges.size() == N);
  for (size_t m = 0; m < N; ++m) REQUIRE(merges[m].height == Approx(heights[m]).epsilon(1e-9).margin(1e-12));
}

}  // namespace

TEST_CASE("linkage heights and 3-cluster cuts match scipy for every method", "[cluster][hierarchical][golden]") {
  const Points b = blobs(), x = iris();
  same_heights(linkage(b, Linkage::single), g::kBlobsHeights_single);
  same_heights(linkage(b, Linkage::complete), g::kBlobsHeights_complete);
  same_heights(linkage(b, Linkage::average), g::kBlobsHeights_average);
  same_heights(linkage(b, Linkage::ward), g::kBlobsHeights_ward);
  same_partition(cut_tree(linkage(b, Linkage::ward), b.n, 3), g::kBlobsCut3_ward);
  same_partition(cut_tree(linkage(b, Linkage::average), b.n, 3), g::kBlobsCut3_average);
  same_heights(linkage(x, Linkage::single), g::kIrisHeights_single);
  same_heights(linkage(x, Linkage::complete), g::kIrisHeights_complete);
  same_heights(linkage(x, Linkage::average), g::kIrisHeights_average);
  same_heights(linkage(x, Linkage::ward), g::kIrisHeights_ward);
  same_partition(cut_tree(linkage(x, Linkage::ward), x.n, 3), g::kIrisCut3_ward);
  same_partition(cut_tree(linkage(x, Linkage::complete), x.n, 3), g::kIrisCut3_complete);
}

TEST_CASE("DBSCAN on Iris matches scikit-learn's labels and core points", "[cluster][dbscan][golden]") {
  const Points x = iris();
  struct Case {
    double eps;
    int64_t min_samples;
    const int32_t* labels;
    const int32_t* core;
  };
  const Case cases[] = {{0.5, 5, g::kIrisDbscanLabels_5_5, g::kIrisDbscanCore_5_5},
                        {0.4, 4, g::kIrisDbscanLabels_4_4, g::kIrisDbscanCore_4_4},
                        {0.8, 10, g::kIrisDbscanLabels_8_10, g::kIrisDbscanCore_8_10}};
  for (const Case& c : cases) {
    INFO("eps " << c.eps << ", min_samples " << c.min_samples);
    const DBSCANResult r = dbscan(x, {.eps = c.eps, .min_samples = c.min_samples});
    int32_t theirs[150];
    for (int i = 0; i < 150; ++i) {
      theirs[i] = c.labels[i];
      REQUIRE((r.kinds[static_cast<size_t>(i)] == PointKind::core) == (c.core[i] == 1));
    }
    same_partition(r.labels, theirs);
  }
}

TEST_CASE("Gaussian mixtures on Iris reach scikit-learn's log-likelihood and BIC", "[cluster][gmm][golden]") {
  const Points x = iris();
  for (int k = 1; k <= 5; ++k) {
    GaussianMixture model({.n_components = k, .n_init = 10});
    model.fit(x);
    INFO("k = " << k << ": ours " << model.score(x) << ", scikit-learn " << g::kIrisGmmScore[k - 1]);
    // EM finds local optima from k-means starts drawn by other random numbers: up to 3 components the
    // same optimum (up to EM's stopping tolerance), above that within 1%.
    if (k <= 3) {
      REQUIRE(model.score(x) >= g::kIrisGmmScore[k - 1] - 2e-3);
      REQUIRE(model.bic(x) == Approx(g::kIrisGmmBic[k - 1]).epsilon(0.005));
    } else {
      REQUIRE(model.score(x) == Approx(g::kIrisGmmScore[k - 1]).epsilon(0.01));
    }
  }
}
