// LossSurface for the gradient-descent lesson: a built-in or typed f(x, y), its contour map, and
// one optimizer's path down it (engine/include/mlplay/optimization/).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <variant>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/calculus/expression.h"
#include "mlplay/optimization/contour.h"
#include "mlplay/optimization/descent.h"
#include "mlplay/optimization/surface.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using optimization::Surface;

/// A typed f(x, y) checked without throwing: a typo is an everyday event, not an error.
struct SurfaceExpressionCheck {
  bool valid;
  std::string message;  // "" when valid
  int position;         // 1-based character of the problem; 0 when valid
  std::string parsed;   // how the parser read it, when valid
};

SurfaceExpressionCheck check_surface_expression(const std::string& text) {
  auto parsed = Expression::try_parse(text, Expression::Variables::xy);
  if (const auto* problem = std::get_if<ExpressionProblem>(&parsed)) {
    return {false, problem->message, static_cast<int>(problem->position), ""};
  }
  return {true, "", 0, std::get<Expression>(parsed).to_string()};
}

Surface make_surface(const std::string& name, const std::string& expression, double half_width) {
  for (const auto& builtin : Surface::builtin_names()) {
    if (builtin == name) return Surface::builtin(name);
  }
  if (name != "custom") throw_js_error("LossSurface: unknown surface '" + name + "'");
  const auto check = check_surface_expression(expression);
  if (!check.valid) throw_js_error("LossSurface: " + check.message);
  return Surface::expression(expression, {-half_width, half_width, -half_width, half_width});
}

class LossSurfaceJs {
 public:
  /// name: a built-in surface or "custom" for `expression` drawn over [-halfWidth, halfWidth]^2.
  LossSurfaceJs(const std::string& name, const std::string& expression, double half_width)
      : surface_(guard([&] { return make_surface(name, expression, half_width); })) {}

  /// {name, formula, bounds: [x_min, x_max, y_min, y_max], start: [x, y], minima: [x0, y0, …], lipschitz}
  val info() const {
    val out = val::object();
    const auto& b = surface_.bounds();
    out.set("name", surface_.name());
    out.set("formula", surface_.formula());
    out.set("bounds", typed_array("Float64Array", std::vector<double>{b.x_min, b.x_max, b.y_min, b.y_max}));
    out.set("start", typed_array("Float64Array", std::vector<double>{surface_.start()[0], surface_.start()[1]}));
    std::vector<double> minima;
    for (const auto& m : surface_.minima()) minima.insert(minima.end(), {m[0], m[1]});
    out.set("minima", typed_array("Float64Array", minima));
    out.set("lipschitz", surface_.lipschitz());
    return out;
  }

  /// {columns, rows, shade, levels, segments, segmentLevels, low, high, undefined}
  val contour(int columns, int rows, int level_count) const {
    return guard([&] {
      const auto map = optimization::contour_map(surface_, surface_.bounds(), columns, rows, level_count);
      val out = val::object();
      out.set("columns", map.columns);
      out.set("rows", map.rows);
      out.set("shade", float32_array(map.shade));
      out.set("levels", typed_array("Float64Array", map.levels));
      out.set("segments", float32_array(map.segments));
      out.set("segmentLevels", typed_array("Int32Array", map.segment_levels));
      out.set("low", map.low);
      out.set("high", map.high);
      out.set("undefined", map.undefined);
      return out;
    });
  }

  /// {x, y, loss: Float64Array (steps taken + 1), lr: Float64Array, stepsTaken, diverged, reason}
  val descend(const std::string& optimizer, double lr, double steps, double x0, double y0, const std::string& schedule) const {
    return guard([&] {
      optimization::DescentOptions options;
      options.optimizer = optimizer;
      options.lr = lr;
      options.steps = static_cast<int64_t>(to_count(steps, "LossSurface.descend: steps"));
      options.x0 = x0;
      options.y0 = y0;
      options.schedule = schedule;
      const auto path = optimization::descend(surface_, options);
      val out = val::object();
      out.set("x", typed_array("Float64Array", path.x));
      out.set("y", typed_array("Float64Array", path.y));
      out.set("loss", typed_array("Float64Array", path.loss));
      out.set("lr", typed_array("Float64Array", path.lr));
      out.set("stepsTaken", static_cast<double>(path.steps_taken));
      out.set("diverged", path.diverged);
      out.set("reason", path.reason);
      return out;
    });
  }

  double value(double x, double y) const { return surface_.value(x, y); }

 private:
  Surface surface_;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_gradient_descent) {
  using namespace emscripten;
  using mlplay::bindings::LossSurfaceJs;
  using mlplay::bindings::SurfaceExpressionCheck;
  value_object<SurfaceExpressionCheck>("SurfaceExpressionCheck")
      .field("valid", &SurfaceExpressionCheck::valid)
      .field("message", &SurfaceExpressionCheck::message)
      .field("position", &SurfaceExpressionCheck::position)
      .field("parsed", &SurfaceExpressionCheck::parsed);
  function("checkSurfaceExpression", &mlplay::bindings::check_surface_expression);
  class_<LossSurfaceJs>("LossSurface")
      .constructor<std::string, std::string, double>()
      .function("info", &LossSurfaceJs::info)
      .function("contour", &LossSurfaceJs::contour)
      .function("descend", &LossSurfaceJs::descend)
      .function("value", &LossSurfaceJs::value);
}
