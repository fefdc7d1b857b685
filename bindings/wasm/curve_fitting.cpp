// curve-fitting: the CSV reader, a CurveFitter trained step by step with Adam, the closed-form
// polynomial (normal equations), the train/validation split and the degree sweep. Arrays cross
// as Float64Array (one copy each way).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/data/csv.h"
#include "mlplay/fitting/curve_fitter.h"
#include "mlplay/fitting/least_squares.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;

/// The column names of a CSV text; throws (naming row and column) when the text is malformed.
val csv_header(const std::string& text) {
  return guard([&] { return strings(data::read_csv(text).header); });
}

/// {x, y: Float64Array, xDates, xFirstDate, rows} of two numeric (or ISO date) columns.
val csv_columns(const std::string& text, const std::string& x_name, const std::string& y_name) {
  return guard([&] {
    const data::CsvTable table = data::read_csv(text);
    const data::NumericColumn x = data::numeric_column(table, x_name);
    const data::NumericColumn y = data::numeric_column(table, y_name);
    check(!y.dates, "CSV column '", y_name, "' holds dates; choose a numeric column for y");
    val out = val::object();
    out.set("x", typed_array("Float64Array", x.values));
    out.set("y", typed_array("Float64Array", y.values));
    out.set("xDates", x.dates);
    out.set("xFirstDate", x.first_date);
    out.set("rows", static_cast<double>(table.num_rows()));
    return out;
  });
}

class CurveFitterJs {
 public:
  CurveFitterJs(const std::string& model, const val& x, const val& y, double lr, double period)
      : fitter_(guard([&] {
          return fitting::CurveFitter(fitting::parse_model(model), doubles(x), doubles(y), {.lr = lr, .period = period});
        })) {}

  double step(double count) {
    return guard([&] { return fitter_.step(static_cast<int64_t>(to_count(count, "CurveFitter.step: count"))); });
  }
  double loss() const { return guard([&] { return fitter_.loss(); }); }
  double steps() const { return static_cast<double>(fitter_.steps()); }
  bool diverged() const { return fitter_.diverged(); }
  val predict(const val& x) const { return guard([&] { return typed_array("Float64Array", fitter_.predict(doubles(x))); }); }
  double mse(const val& x, const val& y) const { return guard([&] { return fitter_.mse(doubles(x), doubles(y)); }); }
  /// y − ŷ at each point.
  val residuals(const val& x, const val& y) const {
    return guard([&] {
      const std::vector<double> ys = doubles(y), p = fitter_.predict(doubles(x));
      check(ys.size() == p.size(), "CurveFitter.residuals: x has ", p.size(), " values but y has ", ys.size());
      std::vector<double> r(ys.size());
      for (size_t i = 0; i < r.size(); ++i) r[i] = ys[i] - p[i];
      return typed_array("Float64Array", r);
    });
  }
  /// {names: string[], values: number[]} in the data's units.
  val parameters() const {
    val names = val::array(), values = val::array();
    for (const auto& p : fitter_.parameters()) {
      names.call<void>("push", p.name);
      values.call<void>("push", p.value);
    }
    val out = val::object();
    out.set("names", names);
    out.set("values", values);
    return out;
  }
  val scaled_parameters() const { return typed_array("Float64Array", fitter_.scaled_parameters()); }
  std::string formula() const { return fitter_.formula(); }

 private:
  fitting::CurveFitter fitter_;
};

/// {coefficients, trainMse, validationMse, conditionScaled, conditionRaw, prediction (at xEval)}.
val fit_polynomial_js(const val& x_train, const val& y_train, const val& x_val, const val& y_val, double degree,
                      const val& x_eval) {
  return guard([&] {
    const std::vector<double> xt = doubles(x_train), yt = doubles(y_train), xv = doubles(x_val), yv = doubles(y_val);
    const fitting::PolynomialFit fit = fitting::fit_polynomial(xt, yt, static_cast<int>(to_count(degree, "fitPolynomial: degree")));
    val out = val::object();
    out.set("coefficients", typed_array("Float64Array", fit.coefficients));
    out.set("trainMse", fit.mse(xt, yt));
    out.set("validationMse", fit.mse(xv, yv));
    out.set("conditionScaled", fit.condition_scaled);
    out.set("conditionRaw", fit.condition_raw);
    out.set("prediction", typed_array("Float64Array", fit.predict(doubles(x_eval))));
    return out;
  });
}

/// {train, validation: Int32Array} of point indices.
val split_js(double n, double train_fraction, bool hold_out_end, double seed) {
  return guard([&] {
    const fitting::Split s = fitting::split_train_validation(static_cast<int64_t>(to_count(n, "splitTrainValidation: n")),
                                                             train_fraction, hold_out_end, to_count(seed, "splitTrainValidation: seed"));
    val out = val::object();
    out.set("train", typed_array("Int32Array", std::vector<int32_t>(s.train.begin(), s.train.end())));
    out.set("validation", typed_array("Int32Array", std::vector<int32_t>(s.validation.begin(), s.validation.end())));
    return out;
  });
}

/// {train, validation: Float64Array} MSE of closed-form fits of degree 0…maxDegree (NaN: too few points).
val degree_sweep_js(const val& x_train, const val& y_train, const val& x_val, const val& y_val, double max_degree) {
  return guard([&] {
    const auto scores = fitting::degree_sweep(doubles(x_train), doubles(y_train), doubles(x_val), doubles(y_val),
                                              static_cast<int>(to_count(max_degree, "degreeSweep: maxDegree")));
    std::vector<double> train, validation;
    for (const auto& s : scores) train.push_back(s.train_mse), validation.push_back(s.validation_mse);
    val out = val::object();
    out.set("train", typed_array("Float64Array", train));
    out.set("validation", typed_array("Float64Array", validation));
    return out;
  });
}

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_curve_fitting) {
  using namespace emscripten;
  using mlplay::bindings::CurveFitterJs;
  class_<CurveFitterJs>("CurveFitter")
      .constructor<std::string, val, val, double, double>()
      .function("step", &CurveFitterJs::step)
      .function("loss", &CurveFitterJs::loss)
      .function("steps", &CurveFitterJs::steps)
      .function("diverged", &CurveFitterJs::diverged)
      .function("predict", &CurveFitterJs::predict)
      .function("mse", &CurveFitterJs::mse)
      .function("residuals", &CurveFitterJs::residuals)
      .function("parameters", &CurveFitterJs::parameters)
      .function("scaledParameters", &CurveFitterJs::scaled_parameters)
      .function("formula", &CurveFitterJs::formula);
  function("csvHeader", &mlplay::bindings::csv_header);
  function("csvColumns", &mlplay::bindings::csv_columns);
  function("fitPolynomial", &mlplay::bindings::fit_polynomial_js);
  function("splitTrainValidation", &mlplay::bindings::split_js);
  function("degreeSweep", &mlplay::bindings::degree_sweep_js);
}
