// FunctionExplorer for the derivatives lesson: parse f(x) once, then sample f and its numerical
// derivative, the tangent at a point, the error-vs-step sweep, the critical points and a ball
// rolling downhill.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <variant>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/calculus/critical_points.h"
#include "mlplay/calculus/derivative.h"
#include "mlplay/calculus/expression.h"
#include "mlplay/calculus/roll_downhill.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;

/// The result of checking an expression without throwing: a typo is an everyday event, not an error.
struct ExpressionCheck {
  bool valid;
  std::string message;  // "" when valid
  int position;         // 1-based character of the problem; 0 when valid
  std::string parsed;   // how the parser read it, when valid
};

ExpressionCheck check_expression(const std::string& text) {
  auto parsed = Expression::try_parse(text);
  if (const auto* problem = std::get_if<ExpressionProblem>(&parsed)) {
    return {false, problem->message, static_cast<int>(problem->position), ""};
  }
  return {true, "", 0, std::get<Expression>(parsed).to_string()};
}

/// Parses without a C++ exception: a malformed expression becomes a JS Error with the message.
Expression parse_or_throw_js(const std::string& text) {
  auto parsed = Expression::try_parse(text);
  if (const auto* problem = std::get_if<ExpressionProblem>(&parsed)) throw_js_error(problem->message);
  return std::get<Expression>(std::move(parsed));
}

class FunctionExplorerJs {
 public:
  explicit FunctionExplorerJs(const std::string& text) : f_(parse_or_throw_js(text)) {}

  std::string parsed() const { return f_.to_string(); }

  /// {x, f, derivative, exactDerivative: Float32Array(n), fLow, fHigh, derivativeLow, derivativeHigh, undefined}
  val sample(double from, double to, int n, double h) const {
    return guard([&] {
      const CurveSamples s = sample_curve(f_, from, to, n, h);
      val out = val::object();
      out.set("x", float32_array(s.x));
      out.set("f", float32_array(s.f));
      out.set("derivative", float32_array(s.derivative));
      out.set("exactDerivative", float32_array(s.exact_derivative));
      out.set("fLow", s.f_low);
      out.set("fHigh", s.f_high);
      out.set("derivativeLow", s.derivative_low);
      out.set("derivativeHigh", s.derivative_high);
      out.set("undefined", s.undefined);
      return out;
    });
  }

  val tangent(double a, double h, double from, double to) const {
    return guard([&] {
      const Tangent t = tangent_at(f_, a, h, from, to);
      val out = val::object();
      out.set("a", t.a);
      out.set("fa", t.fa);
      out.set("slope", t.slope);
      out.set("exactSlope", t.exact_slope);
      out.set("error", t.error);
      out.set("secondDerivative", t.second_derivative);
      out.set("x0", t.x0);
      out.set("y0", t.y0);
      out.set("x1", t.x1);
      out.set("y1", t.y1);
      return out;
    });
  }

  val error_sweep(double x, double min_exponent, double max_exponent, int per_decade) const {
    return guard([&] {
      const StepErrorSweep s = step_error_sweep(f_, x, min_exponent, max_exponent, per_decade);
      val out = val::object();
      out.set("h", float32_array(s.h));
      out.set("central", float32_array(s.central_error));
      out.set("forward", float32_array(s.forward_error));
      out.set("truncation", float32_array(s.truncation));
      out.set("roundoff", float32_array(s.roundoff));
      out.set("exact", s.exact);
      out.set("bestH", s.best_h);
      out.set("bestError", s.best_error);
      out.set("modelBestH", s.model_best_h);
      return out;
    });
  }

  /// {x, y, slope: Float32Array, reason} of x ← x − η f'(x) from `start`.
  val roll_downhill(double start, double learning_rate, int max_steps, double from, double to) const {
    return guard([&] {
      const DownhillPath path = mlplay::roll_downhill(f_, start, learning_rate, max_steps, from, to);
      val out = val::object();
      out.set("x", float32_array(path.x));
      out.set("y", float32_array(path.y));
      out.set("slope", float32_array(path.slope));
      out.set("reason", std::string(path.reason));
      return out;
    });
  }

  val critical_points(double from, double to) const {
    return guard([&] {
      const CriticalPoints points = find_critical_points(f_, from, to);
      val critical = val::array();
      for (const auto& p : points.critical) {
        val item = val::object();
        item.set("x", p.x);
        item.set("y", p.y);
        item.set("kind", std::string(to_string(p.kind)));
        item.set("secondDerivative", p.second_derivative);
        item.set("bySecondDerivative", p.by_second_derivative);
        critical.call<void>("push", item);
      }
      val inflections = val::array();
      for (const auto& p : points.inflections) {
        val item = val::object();
        item.set("x", p.x);
        item.set("y", p.y);
        item.set("slope", p.slope);
        inflections.call<void>("push", item);
      }
      val out = val::object();
      out.set("critical", critical);
      out.set("inflections", inflections);
      out.set("truncated", points.truncated);
      return out;
    });
  }

 private:
  Expression f_;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_derivatives) {
  using namespace emscripten;
  using mlplay::bindings::ExpressionCheck;
  using mlplay::bindings::FunctionExplorerJs;
  value_object<ExpressionCheck>("ExpressionCheck")
      .field("valid", &ExpressionCheck::valid)
      .field("message", &ExpressionCheck::message)
      .field("position", &ExpressionCheck::position)
      .field("parsed", &ExpressionCheck::parsed);
  function("checkExpression", &mlplay::bindings::check_expression);
  class_<FunctionExplorerJs>("FunctionExplorer")
      .constructor<std::string>()
      .function("parsed", &FunctionExplorerJs::parsed)
      .function("sample", &FunctionExplorerJs::sample)
      .function("tangent", &FunctionExplorerJs::tangent)
      .function("errorSweep", &FunctionExplorerJs::error_sweep)
      .function("criticalPoints", &FunctionExplorerJs::critical_points)
      .function("rollDownhill", &FunctionExplorerJs::roll_downhill);
}
