// kmeans: a KMeansSession holds one data set (CSV text or generated blobs) and one k-means run that
// the page steps through iteration by iteration; sweepOne fits one k for the elbow and silhouette
// plots; quantizeColors repaints a photo with k colours. Arrays cross as typed arrays (one copy each way).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/cluster/datasets.h"
#include "mlplay/cluster/kmeans.h"
#include "mlplay/cluster/quantize.h"
#include "mlplay/cluster/silhouette.h"
#include "mlplay/cluster/table_points.h"
#include "mlplay/core/random.h"
#include "mlplay/data/csv.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::cluster;

/// Silhouettes of larger data are computed on a seeded sample of this many points.
constexpr int64_t kSilhouetteSample = 2000;

/// The mean silhouette; NaN when fewer than two clusters hold points.
double silhouette_or_nan(const Points& points, const std::vector<int32_t>& labels, int64_t k, uint64_t seed) {
  if (k < 2 || k >= points.n) return std::nan("");
  std::vector<bool> used(static_cast<size_t>(k), false);
  for (int32_t j : labels) used[static_cast<size_t>(j)] = true;
  if (std::count(used.begin(), used.end(), true) < 2) return std::nan("");
  return silhouette_score(points, labels, points.n > kSilhouetteSample ? kSilhouetteSample : 0, seed);
}

class KMeansSessionJs {
 public:
  /// CSV text; label: the group column, "" to pick the first text column, "none" for none.
  void load_csv(const std::string& text, const std::string& label) {
    guard([&] { set_data(cluster_data(data::read_csv(text), {}, label)); });
  }

  /// n points around `centers` blobs of standard deviation `spread`; the blob is each point's group.
  void load_blobs(double n, double centers, double spread, double seed) {
    guard([&] {
      LabeledPoints blobs = make_blobs(static_cast<int64_t>(to_count(n, "loadBlobs: n")), static_cast<int64_t>(to_count(centers, "loadBlobs: centers")),
                                       spread, to_count(seed, "loadBlobs: seed"));
      ClusterData data;
      data.points = std::move(blobs.points);
      data.feature_names = {"x", "y"};
      data.label_name = "blob";
      for (int64_t b = 0; b < static_cast<int64_t>(centers); ++b) data.classes.push_back("blob " + std::to_string(b + 1));
      data.labels = std::move(blobs.labels);
      set_data(std::move(data));
    });
  }

  /// {samples, features, featureNames, label, classes, skipped, groups: Int32Array, points: Float32Array (n × d)}
  val info() const {
    return guard([&] {
      const ClusterData& d = loaded();
      val out = val::object();
      out.set("samples", static_cast<double>(d.points.n));
      out.set("features", static_cast<double>(d.points.d));
      out.set("featureNames", strings(d.feature_names));
      out.set("label", d.label_name);
      out.set("classes", strings(d.classes));
      out.set("skipped", strings(d.skipped));
      out.set("groups", typed_array("Int32Array", d.labels));
      out.set("points", typed_array("Float32Array", std::vector<float>(d.points.values.begin(), d.points.values.end())));
      return out;
    });
  }

  /// Picks the initial centroids and assigns the points; returns state().
  val start(double k, const std::string& init, double seed, bool standardize, double max_iter, double tol) {
    return guard([&] {
      const ClusterData& d = loaded();
      options_ = {.n_clusters = static_cast<int64_t>(to_count(k, "KMeansSession.start: k")),
                  .init = parse_kmeans_init(init),
                  .max_iter = static_cast<int>(to_count(max_iter, "KMeansSession.start: maxIter")),
                  .tol = tol};
      check_options(options_, d.points.n);
      standardized_ = standardize;
      run_ = std::make_unique<KMeansRun>(points(standardize), options_, stream_key(to_count(seed, "KMeansSession.start: seed"), 0));
      seed_ = static_cast<uint64_t>(seed);
      return state();
    });
  }

  /// One Lloyd iteration; returns state().
  val step() {
    return guard([&] {
      check(run_ != nullptr, "KMeansSession.step: call start first");
      run_->step();
      return state();
    });
  }

  /// {iteration, moved, shift, inertia, relocated, converged, done, tolerance, labels: Int32Array,
  ///  centroids: Float64Array (k × d, the data's units), initial: Int32Array (the points picked at the start)}
  val state() const {
    return guard([&] {
      check(run_ != nullptr, "KMeansSession.state: call start first");
      val out = val::object();
      const KMeansStep last = run_->history().empty() ? KMeansStep{} : run_->history().back();
      out.set("iteration", run_->iterations());
      out.set("moved", static_cast<double>(run_->history().empty() ? data_->points.n : last.moved));
      out.set("shift", last.shift);
      out.set("inertia", run_->inertia());
      out.set("relocated", last.relocated);
      out.set("converged", run_->converged());
      out.set("done", run_->done());
      out.set("tolerance", std::sqrt(run_->tolerance()));
      out.set("labels", typed_array("Int32Array", run_->labels()));
      out.set("centroids", typed_array("Float64Array", in_data_units(run_->centroids())));
      std::vector<int32_t> initial(run_->initial_indices().begin(), run_->initial_indices().end());
      out.set("initial", typed_array("Int32Array", initial));
      return out;
    });
  }

  /// {sizes: Float64Array (k), silhouette (NaN for one cluster), crosstab: Int32Array (k × groups)}
  val summary() const {
    return guard([&] {
      check(run_ != nullptr, "KMeansSession.summary: call start first");
      const auto sizes = run_->sizes();
      const size_t groups = data_->classes.size();
      std::vector<int32_t> crosstab(static_cast<size_t>(options_.n_clusters) * groups, 0);
      for (size_t i = 0; i < data_->labels.size(); ++i) {
        ++crosstab[static_cast<size_t>(run_->labels()[i]) * groups + static_cast<size_t>(data_->labels[i])];
      }
      val out = val::object();
      out.set("sizes", typed_array("Float64Array", std::vector<double>(sizes.begin(), sizes.end())));
      out.set("silhouette", silhouette_or_nan(points(standardized_), run_->labels(), options_.n_clusters, seed_));
      out.set("crosstab", typed_array("Int32Array", crosstab));
      return out;
    });
  }

  /// The best of nInit runs with k clusters: {inertia, silhouette (NaN for k = 1), iterations}.
  val sweep_one(double k, const std::string& init, double n_init, double seed, bool standardize) {
    return guard([&] {
      const ClusterData& d = loaded();
      KMeansOptions options{.n_clusters = static_cast<int64_t>(to_count(k, "KMeansSession.sweepOne: k")),
                            .init = parse_kmeans_init(init),
                            .n_init = static_cast<int>(to_count(n_init, "KMeansSession.sweepOne: nInit")),
                            .seed = to_count(seed, "KMeansSession.sweepOne: seed")};
      check_options(options, d.points.n);
      KMeans model(options);
      model.fit(points(standardize));
      val out = val::object();
      out.set("inertia", model.inertia());
      out.set("silhouette", silhouette_or_nan(points(standardize), model.labels(), options.n_clusters, options.seed));
      out.set("iterations", model.n_iter());
      return out;
    });
  }

 private:
  const ClusterData& loaded() const {
    check(data_ != nullptr, "KMeansSession: load data first");
    return *data_;
  }
  void set_data(ClusterData data) {
    run_.reset();  // the run refers to the old points
    data_ = std::make_unique<ClusterData>(std::move(data));
    scaling_ = feature_scaling(data_->points);
    standardized_points_ = standardized(data_->points, scaling_);
    standardized_ = false;
  }
  /// The points k-means sees: as loaded, or standardized (mean 0, standard deviation 1 per feature).
  const Points& points(bool standardize) const { return standardize ? standardized_points_ : data_->points; }
  std::vector<double> in_data_units(const std::vector<double>& centroids) const {
    return standardized_ ? unstandardize(centroids, scaling_) : centroids;
  }

  std::unique_ptr<ClusterData> data_;
  FeatureScaling scaling_;
  Points standardized_points_;
  bool standardized_ = false;
  KMeansOptions options_;
  std::unique_ptr<KMeansRun> run_;
  uint64_t seed_ = 0;
};

/// Repaints RGBA pixels with `colors` k-means colours fitted on `sample` random pixels:
/// {palette: Uint8Array (k × 3, most used first), counts: Float64Array, rgba: Uint8ClampedArray, mse, iterations, sampled}.
val quantize_colors_js(const val& pixels, double colors, const std::string& init, double seed, double sample) {
  return guard([&] {
    std::vector<uint8_t> bytes(static_cast<size_t>(pixels["length"].as<double>()));
    val(emscripten::typed_memory_view(bytes.size(), bytes.data())).call<void>("set", pixels);  // one copy in
    const Quantized q = quantize_colors(bytes, {.colors = static_cast<int64_t>(to_count(colors, "quantizeColors: colors")),
                                                .init = parse_kmeans_init(init),
                                                .sample = static_cast<int64_t>(to_count(sample, "quantizeColors: sample")),
                                                .seed = to_count(seed, "quantizeColors: seed")});
    val out = val::object();
    out.set("palette", typed_array("Uint8Array", q.palette));
    out.set("counts", typed_array("Float64Array", std::vector<double>(q.counts.begin(), q.counts.end())));
    out.set("rgba", typed_array("Uint8ClampedArray", q.rgba));
    out.set("mse", q.mse);
    out.set("iterations", q.iterations);
    out.set("sampled", static_cast<double>(q.sampled));
    return out;
  });
}

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_kmeans) {
  using namespace emscripten;
  using mlplay::bindings::KMeansSessionJs;
  class_<KMeansSessionJs>("KMeansSession")
      .constructor<>()
      .function("loadCsv", &KMeansSessionJs::load_csv)
      .function("loadBlobs", &KMeansSessionJs::load_blobs)
      .function("info", &KMeansSessionJs::info)
      .function("start", &KMeansSessionJs::start)
      .function("step", &KMeansSessionJs::step)
      .function("state", &KMeansSessionJs::state)
      .function("summary", &KMeansSessionJs::summary)
      .function("sweepOne", &KMeansSessionJs::sweep_one);
  function("quantizeColors", &mlplay::bindings::quantize_colors_js);
}
