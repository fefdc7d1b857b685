// clustering: a ClusteringSession holds one data set (a generated 2D shape or CSV text) and runs DBSCAN,
// agglomerative clustering (the merges, cut at any k) and a Gaussian mixture stepped one EM iteration
// at a time, plus k-means for comparison. Arrays cross as typed arrays (one copy each way).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/cluster/agreement.h"
#include "mlplay/cluster/datasets.h"
#include "mlplay/cluster/dbscan.h"
#include "mlplay/cluster/gaussian_mixture.h"
#include "mlplay/cluster/hierarchical.h"
#include "mlplay/cluster/kmeans.h"
#include "mlplay/cluster/table_points.h"
#include "mlplay/core/random.h"
#include "mlplay/data/csv.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::cluster;

class ClusteringSessionJs {
 public:
  /// shape: 'moons' | 'circles' | 'blobs'; n points with N(0, noise²) jitter (blobs: spread = noise).
  void load_shape(const std::string& shape, double n, double noise, double seed) {
    guard([&] {
      const auto count = static_cast<int64_t>(to_count(n, "loadShape: n"));
      const uint64_t s = to_count(seed, "loadShape: seed");
      LabeledPoints p = shape == "moons" ? make_moons(count, noise, s)
                        : shape == "circles" ? make_circles(count, 0.5, noise, s)
                        : shape == "blobs" ? make_blobs(count, 3, noise, s)
                                           : throw ValueError("loadShape: shape must be moons, circles or blobs, got '" + shape + "'");
      ClusterData data;
      data.points = std::move(p.points);
      data.feature_names = {"x", "y"};
      data.label_name = "shape";
      for (int32_t c = 0, m = *std::max_element(p.labels.begin(), p.labels.end()); c <= m; ++c) data.classes.push_back("part " + std::to_string(c + 1));
      data.labels = std::move(p.labels);
      set_data(std::move(data));
    });
  }

  void load_csv(const std::string& text, const std::string& label) {
    guard([&] { set_data(cluster_data(data::read_csv(text), {}, label)); });
  }

  /// {samples, features, featureNames, label, classes, groups: Int32Array, points: Float32Array (n × d)}
  val info() const {
    return guard([&] {
      const ClusterData& d = loaded();
      val out = val::object();
      out.set("samples", static_cast<double>(d.points.n));
      out.set("features", static_cast<double>(d.points.d));
      out.set("featureNames", strings(d.feature_names));
      out.set("label", d.label_name);
      out.set("classes", strings(d.classes));
      out.set("groups", typed_array("Int32Array", d.labels));
      out.set("points", typed_array("Float32Array", std::vector<float>(d.points.values.begin(), d.points.values.end())));
      return out;
    });
  }

  /// {labels: Int32Array (−1 noise), kinds: Int32Array (0 noise, 1 border, 2 core), clusters, noise}
  val dbscan_js(double eps, double min_samples, bool standardize) const {
    return guard([&] {
      const DBSCANResult r = dbscan(points(standardize), {.eps = eps, .min_samples = static_cast<int64_t>(to_count(min_samples, "dbscan: minSamples"))});
      std::vector<int32_t> kinds;
      for (PointKind kind : r.kinds) kinds.push_back(static_cast<int32_t>(kind));
      val out = val::object();
      out.set("labels", typed_array("Int32Array", r.labels));
      out.set("kinds", typed_array("Int32Array", kinds));
      out.set("clusters", r.n_clusters);
      out.set("noise", static_cast<double>(r.n_noise));
      return out;
    });
  }

  /// The merges (scipy's linkage matrix by columns) and the dendrogram's leaf order.
  val linkage_js(const std::string& method, bool standardize) {
    return guard([&] {
      merges_ = linkage(points(standardize), parse_linkage(method));
      std::vector<double> a, b, height, size;
      for (const Merge& m : merges_) a.push_back(static_cast<double>(m.a)), b.push_back(static_cast<double>(m.b)), height.push_back(m.height), size.push_back(static_cast<double>(m.size));
      const auto order = leaf_order(merges_, loaded().points.n);
      val out = val::object();
      out.set("a", typed_array("Float64Array", a));
      out.set("b", typed_array("Float64Array", b));
      out.set("height", typed_array("Float64Array", height));
      out.set("size", typed_array("Float64Array", size));
      out.set("order", typed_array("Int32Array", std::vector<int32_t>(order.begin(), order.end())));
      return out;
    });
  }

  /// Labels when the last linkage is cut into k clusters.
  val cut(double k) const {
    return guard([&] {
      check(!merges_.empty(), "ClusteringSession.cut: call linkage first");
      return typed_array("Int32Array", cut_tree(merges_, loaded().points.n, static_cast<int64_t>(to_count(k, "cut: k"))));
    });
  }

  /// Clusters left when every merge at or below `height` is made.
  double clusters_at(double height) const {
    return guard([&] {
      check(!merges_.empty(), "ClusteringSession.clustersAt: call linkage first");
      return static_cast<double>(clusters_below(merges_, height));
    });
  }

  /// A mixture of k Gaussians started from k-means; returns gmmState().
  val gmm_start(double k, double seed, bool standardize) {
    return guard([&] {
      standardized_ = standardize;
      gmm_ = std::make_unique<GaussianMixture>(GaussianMixtureOptions{.n_components = static_cast<int64_t>(to_count(k, "gmmStart: k")), .max_iter = 500});
      last_ll_ = gmm_->initialize(points(standardize), stream_key(to_count(seed, "gmmStart: seed"), 0));
      return gmm_state();
    });
  }

  /// One EM iteration; returns gmmState().
  val gmm_step() {
    return guard([&] {
      check(gmm_ != nullptr, "ClusteringSession.gmmStep: call gmmStart first");
      gmm_->step(points(standardized_));
      last_ll_ = gmm_->score(points(standardized_));
      return gmm_state();
    });
  }

  /// {iteration, logLikelihood (mean, now), converged, bic, weights, means (k × d), covariances (k × d × d),
  ///  in the data's units, labels: Int32Array}
  val gmm_state() const {
    return guard([&] {
      check(gmm_ != nullptr, "ClusteringSession.gmmState: call gmmStart first");
      const Points& p = points(standardized_);
      const int64_t d = p.d;
      std::vector<double> means = gmm_->means(), cov = gmm_->covariances();
      if (standardized_) {
        // x = μ + s ⊙ z: means scale and shift; covariances scale by s_a s_b.
        for (size_t t = 0; t < means.size(); ++t) means[t] = means[t] * scaling_.scale[t % static_cast<size_t>(d)] + scaling_.mean[t % static_cast<size_t>(d)];
        for (size_t t = 0; t < cov.size(); ++t) {
          const size_t a = (t / static_cast<size_t>(d)) % static_cast<size_t>(d), b = t % static_cast<size_t>(d);
          cov[t] *= scaling_.scale[a] * scaling_.scale[b];
        }
      }
      val out = val::object();
      out.set("iteration", gmm_->n_iter());
      out.set("logLikelihood", last_ll_);
      out.set("converged", gmm_->converged());
      out.set("bic", gmm_->bic(p));
      out.set("weights", typed_array("Float64Array", gmm_->weights()));
      out.set("means", typed_array("Float64Array", means));
      out.set("covariances", typed_array("Float64Array", cov));
      out.set("labels", typed_array("Int32Array", gmm_->predict(p)));
      return out;
    });
  }

  /// BIC of the best of 3 fits with 1 … kMax components.
  val gmm_bic(double k_max, double seed, bool standardize) const {
    return guard([&] {
      std::vector<double> out;
      for (int64_t k = 1; k <= static_cast<int64_t>(to_count(k_max, "gmmBic: kMax")) && k <= loaded().points.n; ++k) {
        GaussianMixture m({.n_components = k, .n_init = 3, .seed = to_count(seed, "gmmBic: seed")});
        out.push_back(m.fit(points(standardize)).bic(points(standardize)));
      }
      return typed_array("Float64Array", out);
    });
  }

  /// k-means labels (best of 5 runs), to compare with.
  val kmeans_labels(double k, double seed, bool standardize) const {
    return guard([&] {
      KMeans m({.n_clusters = static_cast<int64_t>(to_count(k, "kmeansLabels: k")), .n_init = 5, .seed = to_count(seed, "kmeansLabels: seed")});
      return typed_array("Int32Array", m.fit(points(standardize)).labels());
    });
  }

 private:
  const ClusterData& loaded() const {
    check(data_ != nullptr, "ClusteringSession: load data first");
    return *data_;
  }
  void set_data(ClusterData data) {
    gmm_.reset();
    merges_.clear();
    data_ = std::make_unique<ClusterData>(std::move(data));
    scaling_ = feature_scaling(data_->points);
    standardized_points_ = standardized(data_->points, scaling_);
  }
  const Points& points(bool standardize) const { return standardize ? standardized_points_ : loaded().points; }

  std::unique_ptr<ClusterData> data_;
  FeatureScaling scaling_;
  Points standardized_points_;
  bool standardized_ = false;
  std::vector<Merge> merges_;
  std::unique_ptr<GaussianMixture> gmm_;
  double last_ll_ = 0;
};

/// The adjusted Rand index of two label lists (1 identical, about 0 chance).
double adjusted_rand_js(const val& a, const val& b) {
  return guard([&] {
    return adjusted_rand_index(emscripten::convertJSArrayToNumberVector<int32_t>(a), emscripten::convertJSArrayToNumberVector<int32_t>(b));
  });
}

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_clustering) {
  using namespace emscripten;
  using mlplay::bindings::ClusteringSessionJs;
  class_<ClusteringSessionJs>("ClusteringSession")
      .constructor<>()
      .function("loadShape", &ClusteringSessionJs::load_shape)
      .function("loadCsv", &ClusteringSessionJs::load_csv)
      .function("info", &ClusteringSessionJs::info)
      .function("dbscan", &ClusteringSessionJs::dbscan_js)
      .function("linkage", &ClusteringSessionJs::linkage_js)
      .function("cut", &ClusteringSessionJs::cut)
      .function("clustersAt", &ClusteringSessionJs::clusters_at)
      .function("gmmStart", &ClusteringSessionJs::gmm_start)
      .function("gmmStep", &ClusteringSessionJs::gmm_step)
      .function("gmmState", &ClusteringSessionJs::gmm_state)
      .function("gmmBic", &ClusteringSessionJs::gmm_bic)
      .function("kmeansLabels", &ClusteringSessionJs::kmeans_labels);
  function("adjustedRandIndex", &mlplay::bindings::adjusted_rand_js);
}
