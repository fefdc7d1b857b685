// model-evaluation: k-fold cross-validation of a chosen classifier on a CSV, one fold per step() (then
// the held-out test set), with everything the lesson draws — the split and fold picture, per-fold
// scores, the out-of-fold confusion matrix and per-class scores; the two-class view (ROC, PR,
// calibration, threshold table) of out-of-fold probabilities for a chosen positive class; learning
// curves one size per step(); and the polynomial bias–variance experiment.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/data/csv.h"
#include "mlplay/data/table.h"
#include "mlplay/evaluate/bias_variance.h"
#include "mlplay/evaluate/cross_validation.h"
#include "mlplay/evaluate/learning_curve.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::evaluate;

ModelOptions model_options(const val& m, uint64_t seed) {
  ModelOptions o;
  o.kind = parse_model(m["kind"].as<std::string>());
  o.lr = m["lr"].as<double>();
  o.epochs = static_cast<int>(m["epochs"].as<double>());
  o.l2 = m["l2"].as<double>();
  o.k = static_cast<int>(m["k"].as<double>());
  o.C = m["C"].as<double>();
  o.gamma = m["gamma"].as<double>();
  o.max_depth = static_cast<int>(m["maxDepth"].as<double>());
  o.trees = static_cast<int>(m["trees"].as<double>());
  o.seed = seed;
  check_options(o);
  return o;
}

/// The CSV, the held-out test split and the k folds of the other rows, as every run sees them.
struct Setup {
  data::Dataset all, data;
  data::Split outer;
  std::vector<data::Split> folds;
  ModelOptions model;
  uint64_t seed = 0;
  bool stratify = true;
  /// "column value · column value …" of each cross-validated row, as the CSV has it.
  std::vector<std::string> row_text;
};

Setup load(const val& options) {
  Setup s;
  data::TableSpec spec;
  spec.target = options["target"].as<std::string>();
  spec.drop = string_list(options, "drop");
  spec.missing = data::parse_missing_cells(options["missing"].as<std::string>());
  const data::CsvTable table = data::read_csv(options["csv"].as<std::string>());
  s.all = data::load_table(table, spec);
  s.seed = to_count(options["seed"].as<double>(), "modelEvaluation: seed");
  s.stratify = options["stratified"].as<bool>();
  s.model = model_options(options["model"], s.seed);
  const double test_fraction = options["testFraction"].as<double>();
  check(test_fraction >= 0 && test_fraction <= 0.5, "modelEvaluation: test share must be from 0 to 0.5, got ", test_fraction);
  if (test_fraction > 0) {
    s.outer = data::train_test_split(s.all, test_fraction, s.seed);
  } else {
    for (size_t r = 0; r < s.all.rows; ++r) s.outer.train.push_back(r);
  }
  s.data = s.all.subset(s.outer.train);
  const int k = static_cast<int>(options["folds"].as<double>());
  check(k >= 2 && static_cast<size_t>(k) <= s.data.rows, "modelEvaluation: ", k, " folds need at least ", k, " rows to cross-validate, got ",
        s.data.rows);
  s.folds = data::k_fold(s.data, k, s.seed, s.stratify);
  std::vector<size_t> index_of_file_row(table.row_numbers.empty() ? 1 : table.row_numbers.back() + 1, 0);
  for (size_t i = 0; i < table.rows.size(); ++i) index_of_file_row[table.row_numbers[i]] = i;
  for (size_t file_row : s.data.file_rows) {
    const auto& cells = table.rows[index_of_file_row[file_row]];
    std::string text;
    for (size_t c = 0; c < cells.size(); ++c) text += (c ? " · " : "") + table.header[c] + " " + (cells[c].empty() ? "(empty)" : cells[c]);
    s.row_text.push_back(std::move(text));
  }
  return s;
}

val scores(const FoldScore& s) {
  val out = val::object();
  out.set("accuracy", s.accuracy), out.set("precision", s.precision), out.set("recall", s.recall), out.set("f1", s.f1);
  out.set("rocAuc", s.roc_auc), out.set("logLoss", s.log_loss);
  return out;
}

template <typename T>
std::vector<int32_t> int32s(const std::vector<T>& v) {
  return std::vector<int32_t>(v.begin(), v.end());
}

/// The cross-validation run of the lesson; step() one fold at a time, then the held-out test set.
class ModelEvalCvJs {
 public:
  explicit ModelEvalCvJs(const val& options)
      : setup_(guard([&] { return load(options); })),
        cv_(guard([&] { return std::make_unique<CrossValidator>(setup_.data, setup_.model, setup_.folds); })) {}

  bool step() {
    return guard([&] {
      if (cv_->step()) return true;
      if (!setup_.outer.test.empty() && !holdout_done_) {
        holdout_ = holdout_score(setup_.all, setup_.model, setup_.outer);
        holdout_done_ = true;
        return true;
      }
      return false;
    });
  }
  double done() const { return static_cast<double>(cv_->done() + (holdout_done_ ? 1 : 0)); }
  double total() const { return static_cast<double>(cv_->folds() + (setup_.outer.test.empty() ? 0 : 1)); }

  /// What the split and fold pictures need (known before any fit).
  val setup() const {
    return guard([&] {
      const data::Dataset& d = setup_.data;
      const CrossValidationResult& r = cv_->result();
      val out = val::object();
      out.set("classes", strings(d.classes));
      out.set("featureNames", strings(d.feature_names));
      out.set("target", d.target_name);
      out.set("rows", static_cast<double>(setup_.all.rows));
      out.set("cvRows", static_cast<double>(d.rows));
      out.set("testRows", static_cast<double>(setup_.outer.test.size()));
      out.set("droppedRows", static_cast<double>(setup_.all.dropped_rows));
      out.set("labels", typed_array("Int32Array", int32s(d.labels)));
      out.set("foldOf", typed_array("Int32Array", int32s(r.fold_of)));
      std::vector<int32_t> counts;
      for (const auto& fold : r.test_class_counts) counts.insert(counts.end(), fold.begin(), fold.end());
      out.set("foldClassCounts", typed_array("Int32Array", counts));
      out.set("cvClassCounts", typed_array("Int32Array", int32s(d.class_counts())));
      std::vector<int32_t> held(d.num_classes(), 0);
      for (size_t row : setup_.outer.test) ++held[static_cast<size_t>(setup_.all.labels[row])];
      out.set("testClassCounts", typed_array("Int32Array", held));
      out.set("model", describe(setup_.model));
      return out;
    });
  }

  /// Per-fold scores so far: done × [accuracy, precision, recall, F1, ROC AUC, log loss].
  val perFold() const {
    std::vector<double> flat;
    for (const FoldScore& s : cv_->result().per_fold) flat.insert(flat.end(), {s.accuracy, s.precision, s.recall, s.f1, s.roc_auc, s.log_loss});
    return typed_array("Float64Array", flat);
  }

  val result() const {
    return guard([&] {
      const CrossValidationResult& r = cv_->result();
      const data::Dataset& d = setup_.data;
      const size_t k = d.num_classes();
      val out = val::object();
      out.set("perFold", perFold());
      out.set("mean", scores(r.mean));
      out.set("sd", scores(r.sd));
      out.set("confusion", typed_array("Int32Array", int32s(r.confusion.counts)));
      std::vector<double> precision, recall, f1;
      for (size_t c = 0; c < k; ++c) precision.push_back(r.confusion.precision(c)), recall.push_back(r.confusion.recall(c)), f1.push_back(r.confusion.f1(c));
      out.set("precision", typed_array("Float64Array", precision));
      out.set("recall", typed_array("Float64Array", recall));
      out.set("f1", typed_array("Float64Array", f1));
      out.set("oofProba", typed_array("Float64Array", r.oof_proba));
      out.set("oofPredicted", typed_array("Int32Array", int32s(r.oof_predicted)));
      out.set("fileRows", typed_array("Int32Array", int32s(d.file_rows)));
      out.set("rowText", strings(setup_.row_text));
      out.set("holdout", holdout_done_ ? scores(holdout_) : val::null());
      return out;
    });
  }

 private:
  Setup setup_;
  std::unique_ptr<CrossValidator> cv_;
  FoldScore holdout_{};
  bool holdout_done_ = false;
};

/// Learning curve on the same folds, one training-set size per step().
class ModelEvalCurveJs {
 public:
  explicit ModelEvalCurveJs(const val& options)
      : run_(guard([&] {
          const Setup s = load(options);
          return std::make_unique<LearningCurveRun>(s.data, s.model, s.folds, static_cast<int>(options["points"].as<double>()), s.seed);
        })) {}
  bool step() { return guard([&] { return run_->step(); }); }
  double done() const { return static_cast<double>(run_->done()); }
  double total() const { return static_cast<double>(run_->points()); }
  val result() const {
    const LearningCurve& c = run_->result();
    val out = val::object();
    out.set("sizes", typed_array("Float64Array", std::vector<double>(c.sizes.begin(), c.sizes.end())));
    out.set("trainMean", typed_array("Float64Array", c.train_mean));
    out.set("trainSd", typed_array("Float64Array", c.train_sd));
    out.set("validationMean", typed_array("Float64Array", c.validation_mean));
    out.set("validationSd", typed_array("Float64Array", c.validation_sd));
    return out;
  }

 private:
  std::unique_ptr<LearningCurveRun> run_;
};

/// The two-class view of out-of-fold probabilities (rows × classes) for class `positive`.
val binary(const val& options) {
  return guard([&] {
    const auto proba = emscripten::convertJSArrayToNumberVector<double>(options["proba"]);
    const auto labels = emscripten::convertJSArrayToNumberVector<int>(options["labels"]);
    const auto k = static_cast<size_t>(options["classes"].as<double>());
    const BinaryAnalysis a = binary_analysis(proba, labels, k, static_cast<size_t>(options["positive"].as<double>()),
                                             static_cast<int>(options["bins"].as<double>()), static_cast<int>(options["steps"].as<double>()));
    val out = val::object();
    out.set("positives", static_cast<double>(a.positives));
    out.set("negatives", static_cast<double>(a.negatives));
    out.set("rocFpr", typed_array("Float64Array", a.roc.fpr));
    out.set("rocTpr", typed_array("Float64Array", a.roc.tpr));
    out.set("auc", a.roc.auc);
    out.set("prPrecision", typed_array("Float64Array", a.pr.precision));
    out.set("prRecall", typed_array("Float64Array", a.pr.recall));
    out.set("averagePrecision", a.pr.average_precision);
    out.set("calibrationPredicted", typed_array("Float64Array", a.calibration.mean_predicted));
    out.set("calibrationFraction", typed_array("Float64Array", a.calibration.fraction_positive));
    out.set("calibrationCounts", typed_array("Float64Array", std::vector<double>(a.calibration.counts.begin(), a.calibration.counts.end())));
    out.set("thresholds", typed_array("Float64Array", a.thresholds));
    out.set("tp", typed_array("Int32Array", int32s(a.tp)));
    out.set("fp", typed_array("Int32Array", int32s(a.fp)));
    out.set("fn", typed_array("Int32Array", int32s(a.fn)));
    out.set("tn", typed_array("Int32Array", int32s(a.tn)));
    out.set("tpr", typed_array("Float64Array", a.tpr));
    out.set("fpr", typed_array("Float64Array", a.fpr));
    out.set("precision", typed_array("Float64Array", a.precision));
    out.set("f1", typed_array("Float64Array", a.f1));
    return out;
  });
}

val bias_variance(const val& options) {
  return guard([&] {
    PolyBiasVarianceOptions o;
    o.datasets = static_cast<int>(options["datasets"].as<double>());
    o.points = static_cast<int>(options["points"].as<double>());
    o.noise = options["noise"].as<double>();
    o.max_degree = static_cast<int>(options["maxDegree"].as<double>());
    o.grid = static_cast<int>(options["grid"].as<double>());
    o.keep = static_cast<int>(options["keep"].as<double>());
    o.seed = to_count(options["seed"].as<double>(), "biasVariance: seed");
    const PolyBiasVariance r = poly_bias_variance(o);
    val out = val::object();
    out.set("x", typed_array("Float64Array", r.x));
    out.set("truth", typed_array("Float64Array", r.truth));
    std::vector<double> bias2, variance, noise, sum, test, train, fits, mean;
    for (size_t i = 0; i < r.degrees.size(); ++i) {
      const DegreeTerms& t = r.degrees[i];
      bias2.push_back(t.bias2), variance.push_back(t.variance), noise.push_back(t.noise), test.push_back(t.test_mse), train.push_back(t.train_mse);
      sum.push_back(t.bias2 + t.variance + t.noise);  // the decomposition of the expected test MSE
      fits.insert(fits.end(), r.fits[i].begin(), r.fits[i].end());
      mean.insert(mean.end(), r.mean_fit[i].begin(), r.mean_fit[i].end());
    }
    out.set("bias2", typed_array("Float64Array", bias2));
    out.set("variance", typed_array("Float64Array", variance));
    out.set("noise", typed_array("Float64Array", noise));
    out.set("sum", typed_array("Float64Array", sum));
    out.set("bestDegree", r.best_degree);
    out.set("testMse", typed_array("Float64Array", test));
    out.set("trainMse", typed_array("Float64Array", train));
    out.set("fits", typed_array("Float32Array", std::vector<float>(fits.begin(), fits.end())));
    out.set("meanFit", typed_array("Float64Array", mean));
    out.set("sampleX", typed_array("Float64Array", r.sample_x));
    out.set("sampleY", typed_array("Float64Array", r.sample_y));
    return out;
  });
}

/// The header row of a CSV (to pick the target of the learner's own file).
val header(const std::string& csv) {
  return guard([&] { return strings(data::read_csv(csv).header); });
}

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_model_evaluation) {
  using mlplay::bindings::ModelEvalCurveJs;
  using mlplay::bindings::ModelEvalCvJs;
  emscripten::function("modelEvalHeader", &mlplay::bindings::header);
  emscripten::function("modelEvalBinary", &mlplay::bindings::binary);
  emscripten::function("modelEvalBiasVariance", &mlplay::bindings::bias_variance);
  emscripten::class_<ModelEvalCvJs>("ModelEvalCv")
      .constructor<emscripten::val>()
      .function("step", &ModelEvalCvJs::step)
      .function("done", &ModelEvalCvJs::done)
      .function("total", &ModelEvalCvJs::total)
      .function("setup", &ModelEvalCvJs::setup)
      .function("perFold", &ModelEvalCvJs::perFold)
      .function("result", &ModelEvalCvJs::result);
  emscripten::class_<ModelEvalCurveJs>("ModelEvalCurve")
      .constructor<emscripten::val>()
      .function("step", &ModelEvalCurveJs::step)
      .function("done", &ModelEvalCurveJs::done)
      .function("total", &ModelEvalCurveJs::total)
      .function("result", &ModelEvalCurveJs::result);
}
