// linear-regression: a CSV (the learner's or Ames) read into a design matrix that stays in the
// worker, the normal equation / ridge / lasso fits, gradient descent stepped epoch by epoch, the
// ridge and lasso coefficient paths and the scaled-vs-raw gradient-descent race. Arrays cross as
// Float64Array (one copy each way).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/data/csv.h"
#include "mlplay/data/table.h"
#include "mlplay/linear_model/gd_regressor.h"
#include "mlplay/linear_model/lasso.h"
#include "mlplay/linear_model/normal_equation.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::linear_model;

val metrics(const RegressionMetrics& m) {
  val out = val::object();
  out.set("mse", m.mse);
  out.set("mae", m.mae);
  out.set("r2", m.r2);
  return out;
}

val spectrum(const HessianSpectrum& s) {
  val out = val::object();
  out.set("largest", s.largest);
  out.set("smallest", s.smallest);
  out.set("condition", s.condition);
  return out;
}

/// {name, numeric} of each CSV column: numeric when every non-empty cell is a number.
val csv_column_kinds(const std::string& text) {
  return guard([&] {
    const data::CsvTable table = data::read_csv(text);
    val out = val::array();
    for (size_t c = 0; c < table.num_columns(); ++c) {
      bool numeric = true, any = false;
      for (const auto& row : table.rows) {
        const std::string& cell = row[c];
        if (cell.empty() || cell == "NA") continue;
        char* end = nullptr;
        std::strtod(cell.c_str(), &end);
        any = true;
        if (end != cell.c_str() + cell.size()) {
          numeric = false;
          break;
        }
      }
      val column = val::object();
      column.set("name", table.header[c]);
      column.set("numeric", numeric && any);
      out.call<void>("push", column);
    }
    return out;
  });
}

/// The lesson's data: training and test rows (standardized on the training rows when asked).
class LinearRegressionLab {
 public:
  LinearRegressionLab(const std::string& text, const std::string& target, const val& features, double test_fraction, double seed,
                      bool standardize)
      : standardize_(standardize) {
    guard([&] {
      data::TableSpec spec;
      spec.target = target;
      spec.target_kind = data::TargetKind::numbers;
      spec.features = emscripten::vecFromJSArray<std::string>(features);
      spec.drop_first = true;
      spec.missing = data::MissingCells::drop_rows;
      all_ = data::load_table_text(text, spec);
      const data::Split split = data::train_test_split(all_, test_fraction, to_count(seed, "LinearRegressionLab: seed"), false);
      raw_train_ = all_.subset(split.train);
      raw_test_ = all_.subset(split.test);
      scaler_ = data::Standardizer::fit(raw_train_);
      scaled_train_ = raw_train_, scaled_test_ = raw_test_;
      scaler_.apply(scaled_train_);
      scaler_.apply(scaled_test_);
      return 0;
    });
  }

  /// {features, rows, trainRows, testRows, droppedRows, hessian (as trained), hessianRaw, hessianScaled}.
  val info() const {
    return guard([&] {
      val out = val::object();
      out.set("features", strings(all_.feature_names));
      out.set("rows", static_cast<double>(all_.rows));
      out.set("trainRows", static_cast<double>(raw_train_.rows));
      out.set("testRows", static_cast<double>(raw_test_.rows));
      out.set("droppedRows", static_cast<double>(all_.dropped_rows));
      out.set("hessianRaw", spectrum(hessian_spectrum(raw_train_)));
      out.set("hessianScaled", spectrum(hessian_spectrum(scaled_train_)));
      out.set("featureSd", typed_array("Float64Array", scaler_.scale));
      return out;
    });
  }

  /// Closed form: method "normal" (λ = ridge penalty, 0 for least squares) or "lasso".
  val fit(const std::string& method, double lambda) const {
    return guard([&] {
      check(method == "normal" || method == "lasso", "LinearRegressionLab.fit: method must be normal or lasso, got '", method, "'");
      val out = val::object();
      LinearModel model;
      if (method == "lasso") {
        const LassoFit fit = fit_lasso(train(), lambda);
        model = fit.model;
        out.set("sweeps", fit.sweeps);
        out.set("condition", std::nan(""));
      } else {
        const NormalEquationFit fit = fit_normal_equation(train(), lambda);
        model = fit.model;
        out.set("condition", fit.condition);
      }
      describe(model, out);
      return out;
    });
  }

  /// Starts gradient descent from zero (batch when batchSize is 0).
  void start_gd(double lr, double batch_size, double lambda, double seed) {
    guard([&] {
      gd_ = std::make_unique<GdRegressor>(
          train(), GdRegressorOptions{.lr = lr, .batch_size = static_cast<size_t>(to_count(batch_size, "startGd: batchSize")),
                                      .lambda = lambda, .seed = to_count(seed, "startGd: seed")});
      return 0;
    });
  }

  /// Runs `epochs` epochs; {epoch, trainMse, testMse, diverged, intercept, coef (as trained), standardizedCoef}.
  val gd_step(double epochs) {
    return guard([&] {
      check(gd_ != nullptr, "LinearRegressionLab.gdStep: call startGd first");
      const auto count = to_count(epochs, "gdStep: epochs");
      for (uint64_t e = 0; e < count && !gd_->diverged(); ++e) gd_->step_epoch();
      val out = val::object();
      out.set("epoch", static_cast<double>(gd_->epochs()));
      out.set("diverged", gd_->diverged());
      out.set("trainMse", gd_->mse());
      out.set("testMse", regression_metrics(test().y, gd_->model().predict(test())).mse);
      out.set("intercept", gd_->model().intercept);
      out.set("standardizedCoef", typed_array("Float64Array", as_standardized(gd_->model()).coef));
      return out;
    });
  }

  /// The finished gradient-descent model described like fit()'s.
  val gd_result() const {
    return guard([&] {
      check(gd_ != nullptr, "LinearRegressionLab.gdResult: call startGd first");
      val out = val::object();
      describe(gd_->model(), out);
      return out;
    });
  }

  /// Coefficient paths on standardized features: {ridgeLambdas, lassoLambdas, ridge, lasso (k × p standardized coefficients,
  /// row-major), ridgeTestMse,
  /// lassoTestMse, lassoNonzero}; both grids log-spaced, largest λ first.
  val paths(double count) const {
    return guard([&] {
      const int k = static_cast<int>(to_count(count, "paths: count"));
      check(k >= 2 && k <= 200, "LinearRegressionLab.paths: count must be 2 to 200, got ", k);
      // Ridge's λ is relative to the standardized features' unit variance; the lasso's is in the
      // target's units, from λ_max (every coefficient 0) down.
      const double top = std::max(lasso_lambda_max(scaled_train_), 1e-12);
      const std::vector<double> ridge_lambdas = log_grid(1e4, 1e-4, k), lasso_lambdas = log_grid(top, top * 1e-4, k);
      const auto ridge = ridge_path(scaled_train_, ridge_lambdas);
      const auto lasso = lasso_path(scaled_train_, lasso_lambdas, {.tol = 1e-8, .max_sweeps = 20000});
      std::vector<double> ridge_coef, lasso_coef, ridge_mse, lasso_mse, nonzero;
      for (size_t i = 0; i < ridge_lambdas.size(); ++i) {
        ridge_coef.insert(ridge_coef.end(), ridge[i].coef.begin(), ridge[i].coef.end());
        lasso_coef.insert(lasso_coef.end(), lasso[i].coef.begin(), lasso[i].coef.end());
        ridge_mse.push_back(regression_metrics(scaled_test_.y, ridge[i].predict(scaled_test_)).mse);
        lasso_mse.push_back(regression_metrics(scaled_test_.y, lasso[i].predict(scaled_test_)).mse);
        double nz = 0;
        for (double c : lasso[i].coef) nz += c != 0.0;
        nonzero.push_back(nz);
      }
      val out = val::object();
      out.set("ridgeLambdas", typed_array("Float64Array", ridge_lambdas));
      out.set("lassoLambdas", typed_array("Float64Array", lasso_lambdas));
      out.set("ridge", typed_array("Float64Array", ridge_coef));
      out.set("lasso", typed_array("Float64Array", lasso_coef));
      out.set("ridgeTestMse", typed_array("Float64Array", ridge_mse));
      out.set("lassoTestMse", typed_array("Float64Array", lasso_mse));
      out.set("lassoNonzero", typed_array("Float64Array", nonzero));
      return out;
    });
  }

  /// Batch gradient descent on raw and on standardized features, each with its own step 1/L, for
  /// `epochs` epochs: {raw, scaled (training MSE after each epoch, index 0 = start), lrRaw, lrScaled, best}.
  val scaling_race(double epochs) const {
    return guard([&] {
      const auto count = to_count(epochs, "scalingRace: epochs");
      check(count >= 1 && count <= 100000, "LinearRegressionLab.scalingRace: epochs must be 1 to 100000, got ", count);
      const double lr_raw = 1 / hessian_spectrum(raw_train_).largest, lr_scaled = 1 / hessian_spectrum(scaled_train_).largest;
      GdRegressor raw(raw_train_, {.lr = lr_raw}), scaled(scaled_train_, {.lr = lr_scaled});
      std::vector<double> raw_mse{raw.mse()}, scaled_mse{scaled.mse()};
      for (uint64_t e = 0; e < count; ++e) raw_mse.push_back(raw.step_epoch()), scaled_mse.push_back(scaled.step_epoch());
      double best = std::nan("");
      try {
        best = regression_metrics(raw_train_.y, fit_normal_equation(raw_train_).model.predict(raw_train_)).mse;
      } catch (...) {
        // singular: no single best line to draw
      }
      val out = val::object();
      out.set("raw", typed_array("Float64Array", raw_mse));
      out.set("scaled", typed_array("Float64Array", scaled_mse));
      out.set("lrRaw", lr_raw);
      out.set("lrScaled", lr_scaled);
      out.set("best", best);
      return out;
    });
  }

 private:
  const data::Dataset& train() const { return standardize_ ? scaled_train_ : raw_train_; }
  const data::Dataset& test() const { return standardize_ ? scaled_test_ : raw_test_; }
  LinearModel as_standardized(const LinearModel& m) const { return standardize_ ? m : standardize(m, scaler_); }
  LinearModel as_original(const LinearModel& m) const { return standardize_ ? unstandardize(m, scaler_) : m; }

  /// {intercept, coef (original units), standardizedCoef, train, test (metrics), trainActual, trainPredicted,
  /// testActual, testPredicted}.
  void describe(const LinearModel& model, val& out) const {
    const LinearModel original = as_original(model), scaled = as_standardized(model);
    out.set("intercept", original.intercept);
    out.set("coef", typed_array("Float64Array", original.coef));
    out.set("standardizedCoef", typed_array("Float64Array", scaled.coef));
    const std::vector<double> train_pred = model.predict(train()), test_pred = model.predict(test());
    out.set("train", metrics(regression_metrics(train().y, train_pred)));
    out.set("test", metrics(regression_metrics(test().y, test_pred)));
    out.set("trainActual", typed_array("Float64Array", train().y));
    out.set("trainPredicted", typed_array("Float64Array", train_pred));
    out.set("testActual", typed_array("Float64Array", test().y));
    out.set("testPredicted", typed_array("Float64Array", test_pred));
    if (all_.cols == 1) {
      out.set("trainX", typed_array("Float64Array", raw_train_.x));
      out.set("testX", typed_array("Float64Array", raw_test_.x));
    }
  }

  bool standardize_;
  data::Dataset all_, raw_train_, raw_test_, scaled_train_, scaled_test_;
  data::Standardizer scaler_;
  std::unique_ptr<GdRegressor> gd_;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_linear_regression) {
  using namespace emscripten;
  using mlplay::bindings::LinearRegressionLab;
  class_<LinearRegressionLab>("LinearRegressionLab")
      .constructor<std::string, std::string, val, double, double, bool>()
      .function("info", &LinearRegressionLab::info)
      .function("fit", &LinearRegressionLab::fit)
      .function("startGd", &LinearRegressionLab::start_gd)
      .function("gdStep", &LinearRegressionLab::gd_step)
      .function("gdResult", &LinearRegressionLab::gd_result)
      .function("paths", &LinearRegressionLab::paths)
      .function("scalingRace", &LinearRegressionLab::scaling_race);
  function("csvColumnKinds", &mlplay::bindings::csv_column_kinds);
}
