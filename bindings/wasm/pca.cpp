// pca: a PcaSession holds one data set (CSV text or MNIST IDX bytes) and its PCA, fitted one
// component at a time so the worker can stream progress and stop between components. Arrays cross
// as typed arrays (one copy each way).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/data/csv.h"
#include "mlplay/linalg/pca.h"
#include "mlplay/linalg/pca_data.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::decomposition;

class PcaSessionJs {
 public:
  /// CSV text; label: a column name, "" to pick one, "none" for none.
  void load_csv(const std::string& text, const std::string& label) {
    guard([&] { set_data(labeled_data_from_csv(data::read_csv(text), label)); });
  }
  /// The first `count` images of MNIST IDX bytes.
  void load_mnist(const val& images, const val& labels, double count) {
    guard([&] {
      const auto set = mnist_from_idx(from_typed_array<uint8_t>("PcaSession.loadMnist: images", "Uint8Array", images),
                                      from_typed_array<uint8_t>("PcaSession.loadMnist: labels", "Uint8Array", labels));
      set_data(labeled_data_from_mnist(set, static_cast<int64_t>(count)));
    });
  }

  /// {samples, features, featureNames, label, classes, ignored, labels: Int32Array}
  val data_info() const {
    return guard([&] {
      check(data_ != nullptr, "PcaSession: load data first");
      val out = val::object();
      out.set("samples", static_cast<double>(data_->x.rows));
      out.set("features", static_cast<double>(data_->x.cols));
      out.set("featureNames", strings(data_->feature_names));
      out.set("label", data_->label_name);
      out.set("classes", strings(data_->classes));
      out.set("ignored", strings(data_->ignored));
      out.set("labels", typed_array("Int32Array", data_->labels));
      return out;
    });
  }

  /// Centres (and scales), forms the covariance; returns tr C.
  double prepare(bool standardize, double tolerance, double max_iterations, double seed) {
    return guard([&] {
      check(data_ != nullptr, "PcaSession: load data first");
      PCAOptions options{.standardize = standardize};
      options.power = {.max_iterations = static_cast<int>(max_iterations), .tolerance = tolerance,
                       .seed = static_cast<uint64_t>(seed)};
      pca_ = std::make_unique<PCA>(options);
      pca_->prepare(data_->x);
      return pca_->total_variance();
    });
  }

  /// Power iteration for the next component: {value, ratio, iterations, residual, converged}.
  val fit_next() {
    return guard([&] {
      const EigenPair& p = prepared().fit_next();
      val out = val::object();
      out.set("value", p.value);
      out.set("ratio", pca_->total_variance() > 0 ? p.value / pca_->total_variance() : 0.0);
      out.set("iterations", p.iterations);
      out.set("residual", p.residual);
      out.set("converged", p.converged);
      return out;
    });
  }

  double total_variance() const { return pca_ ? pca_->total_variance() : 0.0; }
  double n_fitted() const { return pca_ ? static_cast<double>(pca_->n_fitted()) : 0.0; }

  /// Scores on the first k components, n × k row by row.
  val scores(double k) const {
    return guard([&] {
      const Matrix t = fitted("scores").transform(data_->x, static_cast<int64_t>(k));
      return typed_array("Float32Array", std::vector<float>(t.values.begin(), t.values.end()));
    });
  }

  /// The first k components, k × d row by row.
  val components(double k) const {
    return guard([&] {
      const PCA& pca = fitted("components");
      check(k >= 1 && k <= static_cast<double>(pca.n_fitted()), "PcaSession.components: k must be from 1 to ", pca.n_fitted());
      std::vector<float> out;
      for (int64_t c = 0; c < static_cast<int64_t>(k); ++c) out.insert(out.end(), pca.component(c).begin(), pca.component(c).end());
      return typed_array("Float32Array", out);
    });
  }

  /// {mean, scale: Float64Array (d), covariance: Float64Array (d × d)}
  val moments() const {
    return guard([&] {
      const PCA& pca = fitted("moments");
      val out = val::object();
      out.set("mean", typed_array("Float64Array", pca.mean()));
      out.set("scale", typed_array("Float64Array", pca.scale()));
      out.set("covariance", typed_array("Float64Array", pca.covariance()));
      return out;
    });
  }

  /// Sample `index` and its reconstruction from k components: {original, reconstruction: Float32Array (d),
  /// squaredError: Σ (x − x̂)² in the data's units}.
  val reconstruct(double index, double k) const {
    return guard([&] {
      const PCA& pca = fitted("reconstruct");
      const auto i = static_cast<int64_t>(index);
      check(index == static_cast<double>(i) && i >= 0 && i < data_->x.rows, "PcaSession.reconstruct: sample must be from 0 to ",
            data_->x.rows - 1, ", got ", index);
      const int64_t d = data_->x.cols;
      Matrix one(1, d, std::vector<double>(data_->x.values.begin() + i * d, data_->x.values.begin() + (i + 1) * d));
      const Matrix back = pca.reconstruct(one, static_cast<int64_t>(k));
      double error = 0;
      for (int64_t f = 0; f < d; ++f) error += (back.values[static_cast<size_t>(f)] - one.values[static_cast<size_t>(f)]) * (back.values[static_cast<size_t>(f)] - one.values[static_cast<size_t>(f)]);
      val out = val::object();
      out.set("original", typed_array("Float32Array", std::vector<float>(one.values.begin(), one.values.end())));
      out.set("reconstruction", typed_array("Float32Array", std::vector<float>(back.values.begin(), back.values.end())));
      out.set("squaredError", error);
      return out;
    });
  }

  /// The k largest singular values of the centred (scaled) data Z, by power iteration on Zᵀ(Z w).
  val singular_values(double k) const {
    return guard([&] {
      const PCA& pca = fitted("singularValues");
      const auto found = top_singular_values(pca.centred(), std::min<int64_t>(static_cast<int64_t>(k), pca.n_features()));
      std::vector<double> values, alignment;
      for (size_t c = 0; c < found.size(); ++c) {
        values.push_back(found[c].value);
        // |cos| between the right singular vector and the covariance eigenvector (1 when they agree).
        double dot = 0;
        if (static_cast<int64_t>(c) < pca.n_fitted()) {
          for (int64_t f = 0; f < pca.n_features(); ++f) dot += found[c].vector[static_cast<size_t>(f)] * pca.component(static_cast<int64_t>(c))[static_cast<size_t>(f)];
        }
        alignment.push_back(std::abs(dot));
      }
      val out = val::object();
      out.set("values", typed_array("Float64Array", values));
      out.set("alignment", typed_array("Float64Array", alignment));
      return out;
    });
  }

 private:
  void set_data(LabeledData data) {
    data_ = std::make_unique<LabeledData>(std::move(data));
    pca_.reset();
  }
  const PCA& fitted(const char* what) const {
    check(pca_ != nullptr && pca_->n_fitted() > 0, "PcaSession.", what, ": fit at least one component first");
    return *pca_;
  }
  PCA& prepared() {
    check(pca_ != nullptr, "PcaSession.fitNext: call prepare first");
    return *pca_;
  }

  std::unique_ptr<LabeledData> data_;
  std::unique_ptr<PCA> pca_;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_pca) {
  using namespace emscripten;
  using mlplay::bindings::PcaSessionJs;
  class_<PcaSessionJs>("PcaSession")
      .constructor<>()
      .function("loadCsv", &PcaSessionJs::load_csv)
      .function("loadMnist", &PcaSessionJs::load_mnist)
      .function("dataInfo", &PcaSessionJs::data_info)
      .function("prepare", &PcaSessionJs::prepare)
      .function("fitNext", &PcaSessionJs::fit_next)
      .function("nFitted", &PcaSessionJs::n_fitted)
      .function("totalVariance", &PcaSessionJs::total_variance)
      .function("scores", &PcaSessionJs::scores)
      .function("components", &PcaSessionJs::components)
      .function("moments", &PcaSessionJs::moments)
      .function("reconstruct", &PcaSessionJs::reconstruct)
      .function("singularValues", &PcaSessionJs::singular_values);
}
