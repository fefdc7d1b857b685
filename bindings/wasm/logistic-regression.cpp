// logistic-regression: a CSV (Iris, breast cancer or the learner's) read into stratified training and
// test rows standardized on the training rows, kept in the worker; a LogisticRegression trained by batch
// gradient descent epoch by epoch; its probability surface over two features, the probabilities of a
// clicked point and the confusion matrix. Arrays cross as Float64Array / Int32Array.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/data/table.h"
#include "mlplay/linear_model/logistic_regression.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::linear_model;

class LogisticRegressionLab {
 public:
  LogisticRegressionLab(const std::string& text, const std::string& target, const val& features, double test_fraction, double seed) {
    guard([&] {
      data::TableSpec spec;
      spec.target = target;
      spec.target_kind = data::TargetKind::classes;
      spec.features = emscripten::vecFromJSArray<std::string>(features);
      spec.missing = data::MissingCells::drop_rows;
      spec.max_levels = 20;
      all_ = data::load_table_text(text, spec);
      check(all_.num_classes() <= 20, "logistic regression: the target '", target, "' has ", all_.num_classes(),
            " classes; choose a column with 2 to 20 (it looks like a number or an id, not a class)");
      const data::Split split = data::train_test_split(all_, test_fraction, to_count(seed, "LogisticRegressionLab: seed"));
      train_ = all_.subset(split.train);
      test_ = all_.subset(split.test);
      raw_train_ = train_, raw_test_ = test_;
      scaler_ = data::Standardizer::fit(train_);
      scaler_.apply(train_);
      scaler_.apply(test_);
      return 0;
    });
  }

  /// {features, classes, rows, trainRows, testRows, droppedRows, classCounts, min, max (per feature)}.
  val info() const {
    return guard([&] {
      std::vector<double> lo(all_.cols, INFINITY), hi(all_.cols, -INFINITY);
      for (size_t i = 0; i < all_.rows; ++i) {
        for (size_t j = 0; j < all_.cols; ++j) lo[j] = std::min(lo[j], all_.at(i, j)), hi[j] = std::max(hi[j], all_.at(i, j));
      }
      std::vector<double> counts;
      for (size_t c : all_.class_counts()) counts.push_back(static_cast<double>(c));
      val out = val::object();
      out.set("features", strings(all_.feature_names));
      out.set("classes", strings(all_.classes));
      out.set("rows", static_cast<double>(all_.rows));
      out.set("trainRows", static_cast<double>(train_.rows));
      out.set("testRows", static_cast<double>(test_.rows));
      out.set("droppedRows", static_cast<double>(all_.dropped_rows));
      out.set("classCounts", typed_array("Float64Array", counts));
      out.set("min", typed_array("Float64Array", lo));
      out.set("max", typed_array("Float64Array", hi));
      return out;
    });
  }

  /// A fresh model (all parameters 0) with this learning rate and L2 penalty.
  void start(double lr, double l2) {
    guard([&] {
      model_ = std::make_unique<LogisticRegression>(all_.cols, all_.num_classes(), LogisticRegressionOptions{.lr = lr, .l2 = l2});
      epochs_ = 0;
      return 0;
    });
  }

  /// Runs `epochs` gradient-descent epochs; {epoch, trainLoss (penalized), testLoss (cross-entropy),
  /// trainAccuracy, testAccuracy, diverged}.
  val step(double epochs) {
    return guard([&] {
      check(model_ != nullptr, "LogisticRegressionLab.step: call start first");
      const auto count = to_count(epochs, "LogisticRegressionLab.step: epochs");
      for (uint64_t e = 0; e < count; ++e, ++epochs_) model_->step(train_);
      const double loss = model_->loss(train_);
      val out = val::object();
      out.set("epoch", static_cast<double>(epochs_));
      out.set("trainLoss", loss);
      out.set("testLoss", model_->cross_entropy(test_));
      out.set("trainAccuracy", accuracy(train_.labels, model_->predict(train_)));
      out.set("testAccuracy", accuracy(test_.labels, model_->predict(test_)));
      out.set("diverged", !std::isfinite(loss));
      return out;
    });
  }

  /// {weights (outputs × features, standardized units), biases, confusion (K × K test counts, row = true class),
  /// trainX, trainLabels, testX, testLabels, testPredicted} (x: rows × features, original units).
  val result() const {
    return guard([&] {
      check(model_ != nullptr, "LogisticRegressionLab.result: call start first");
      const std::vector<int> predicted = model_->predict(test_);
      std::vector<double> confusion;
      for (const int64_t c : linear_model::confusion_matrix(test_.labels, predicted, all_.num_classes()).counts) {
        confusion.push_back(static_cast<double>(c));
      }
      val out = val::object();
      out.set("weights", typed_array("Float64Array", model_->weights()));
      out.set("biases", typed_array("Float64Array", model_->biases()));
      out.set("confusion", typed_array("Float64Array", confusion));
      out.set("trainX", typed_array("Float64Array", raw_train_.x));
      out.set("trainLabels", typed_array("Int32Array", raw_train_.labels));
      out.set("testX", typed_array("Float64Array", raw_test_.x));
      out.set("testLabels", typed_array("Int32Array", raw_test_.labels));
      out.set("testPredicted", typed_array("Int32Array", predicted));
      return out;
    });
  }

  /// Class probabilities (size × size × K, row-major from the top-left: y from y1 down to y0, x from x0
  /// to x1) over a grid of the two features, in their original units. Needs exactly two features.
  val surface(double size, double x0, double x1, double y0, double y1) const {
    return guard([&] {
      check(model_ != nullptr, "LogisticRegressionLab.surface: call start first");
      check(all_.cols == 2, "LogisticRegressionLab.surface: needs exactly 2 features, the data has ", all_.cols);
      const auto n = to_count(size, "LogisticRegressionLab.surface: size");
      check(n >= 2 && n <= 400, "LogisticRegressionLab.surface: size must be 2 to 400, got ", n);
      std::vector<double> out;
      out.reserve(n * n * all_.num_classes());
      double row[2];
      for (uint64_t r = 0; r < n; ++r) {
        for (uint64_t c = 0; c < n; ++c) {
          row[0] = x0 + (x1 - x0) * (static_cast<double>(c) + 0.5) / static_cast<double>(n);
          row[1] = y1 - (y1 - y0) * (static_cast<double>(r) + 0.5) / static_cast<double>(n);
          scaler_.apply_row(row);
          const auto p = model_->predict_proba_row(row);
          out.insert(out.end(), p.begin(), p.end());
        }
      }
      return typed_array("Float64Array", out);
    });
  }

  /// Class probabilities and the logits-free "why": {probabilities, standardized (the point's z-scores)}.
  val proba(const val& point) const {
    return guard([&] {
      check(model_ != nullptr, "LogisticRegressionLab.proba: call start first");
      std::vector<double> row = emscripten::convertJSArrayToNumberVector<double>(point);
      check(row.size() == all_.cols, "LogisticRegressionLab.proba: a point needs ", all_.cols, " values, got ", row.size());
      scaler_.apply_row(row.data());
      val out = val::object();
      out.set("probabilities", typed_array("Float64Array", model_->predict_proba_row(row.data())));
      out.set("standardized", typed_array("Float64Array", row));
      return out;
    });
  }

 private:
  data::Dataset all_, train_, test_, raw_train_, raw_test_;
  data::Standardizer scaler_;
  std::unique_ptr<LogisticRegression> model_;
  uint64_t epochs_ = 0;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_logistic_regression) {
  using namespace emscripten;
  using mlplay::bindings::LogisticRegressionLab;
  class_<LogisticRegressionLab>("LogisticRegressionLab")
      .constructor<std::string, std::string, val, double, double>()
      .function("info", &LogisticRegressionLab::info)
      .function("start", &LogisticRegressionLab::start)
      .function("step", &LogisticRegressionLab::step)
      .function("result", &LogisticRegressionLab::result)
      .function("surface", &LogisticRegressionLab::surface)
      .function("proba", &LogisticRegressionLab::proba);
}
