// vectors-2d: shapes as vectors, 3×3 transform matrices, and the Asteroids game, for the lesson's
// worker task (web/engine/tasks/vectors2d.ts). Typed arrays in, typed arrays out, one copy each way.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/core/error.h"
#include "mlplay/linalg/asteroids.h"
#include "mlplay/linalg/shapes.h"
#include "mlplay/linalg/transform2d.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;

/// A Float64Array of the 9 entries, row by row.
val matrix_array(const Mat3& m) {
  return typed_array("Float64Array", std::vector<double>(m.data().begin(), m.data().end()));
}

val shape_names_js() {
  val names = val::array();
  for (const auto& name : shape_names()) names.call<void>("push", name);
  return names;
}

val shape_vertices_js(const std::string& name) {
  return guard([&] { return typed_array("Float32Array", shape_vertices(name)); });
}

val transform_batch_js(const val& matrices, const val& counts, const val& xy) {
  return guard([&] {
    const auto m = emscripten::convertJSArrayToNumberVector<float>(matrices);
    const auto c = emscripten::convertJSArrayToNumberVector<int32_t>(counts);
    const auto p = emscripten::convertJSArrayToNumberVector<float>(xy);
    return typed_array("Float32Array", transform_batch(m, c, p));
  });
}

/// JS-facing Transform2D: steps added in order; the matrix composes them right to left.
class Transform2DJs {
 public:
  Transform2DJs() = default;
  explicit Transform2DJs(Transform2D transform) : transform_(std::move(transform)) {}

  static Transform2DJs from_order(const std::string& order, double degrees, double sx, double sy, double tx, double ty) {
    return guard([&] { return Transform2DJs(Transform2D::from_order(order, degrees, sx, sy, tx, ty)); });
  }
  void translate(double tx, double ty) { guard([&] { transform_.translate(tx, ty); }); }
  void rotate(double degrees) { guard([&] { transform_.rotate_degrees(degrees); }); }
  void scale(double sx, double sy) { guard([&] { transform_.scale(sx, sy); }); }

  int step_count() const { return static_cast<int>(transform_.steps().size()); }
  std::string step_name(int index) const { return guard([&] { return step(index, "stepName").name(); }); }
  val step_matrix(int index) const { return guard([&] { return matrix_array(step(index, "stepMatrix").matrix()); }); }
  val matrix() const { return matrix_array(transform_.matrix()); }
  double determinant() const { return transform_.matrix().determinant(); }
  val apply(const val& xy) const {
    return guard([&] { return typed_array("Float32Array", transform_.apply(emscripten::convertJSArrayToNumberVector<float>(xy))); });
  }
  val trace(const val& xy) const {
    return guard([&] { return typed_array("Float32Array", transform_.trace(emscripten::convertJSArrayToNumberVector<float>(xy))); });
  }

 private:
  const TransformStep& step(int index, const char* what) const {
    check(index >= 0 && index < step_count(), "Transform2D.", what, ": step ", index, " does not exist; there are ",
          step_count());
    return transform_.steps()[static_cast<size_t>(index)];
  }
  Transform2D transform_;
};

/// JS-facing AsteroidsGame: one step() per animation frame, then read the frame's arrays.
class AsteroidsGameJs {
 public:
  explicit AsteroidsGameJs(double seed) : game_(guard([&] { return AsteroidsGame(to_count(seed, "AsteroidsGame: seed")); })) {}

  void step(double dt, bool left, bool right, bool thrust, bool fire) {
    guard([&] { game_.step(dt, AsteroidsInput{left, right, thrust, fire}); });
  }
  val vertices() const { return typed_array("Float32Array", game_.vertices()); }
  val counts() const { return typed_array("Int32Array", game_.counts()); }
  val kinds() const { return typed_array("Uint8Array", game_.kinds()); }
  val ship_matrix() const { return matrix_array(game_.ship_matrix()); }
  double ship_angle() const { return game_.ship_angle_degrees(); }
  int score() const { return game_.score(); }
  int lives() const { return game_.lives(); }
  int level() const { return game_.level(); }
  bool over() const { return game_.over(); }
  bool invulnerable() const { return game_.invulnerable(); }
  int asteroid_count() const { return game_.asteroid_count(); }
  int bullet_count() const { return game_.bullet_count(); }

 private:
  AsteroidsGame game_;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_vectors2d) {
  using namespace emscripten;
  using mlplay::bindings::AsteroidsGameJs;
  using mlplay::bindings::Transform2DJs;
  function("shapeNames", &mlplay::bindings::shape_names_js);
  function("shapeVertices", &mlplay::bindings::shape_vertices_js);
  function("transformBatch", &mlplay::bindings::transform_batch_js);
  class_<Transform2DJs>("Transform2D")
      .constructor<>()
      .class_function("fromOrder", &Transform2DJs::from_order)
      .function("translate", &Transform2DJs::translate)
      .function("rotate", &Transform2DJs::rotate)
      .function("scale", &Transform2DJs::scale)
      .function("stepCount", &Transform2DJs::step_count)
      .function("stepName", &Transform2DJs::step_name)
      .function("stepMatrix", &Transform2DJs::step_matrix)
      .function("matrix", &Transform2DJs::matrix)
      .function("determinant", &Transform2DJs::determinant)
      .function("apply", &Transform2DJs::apply)
      .function("trace", &Transform2DJs::trace);
  class_<AsteroidsGameJs>("AsteroidsGame")
      .constructor<double>()
      .function("step", &AsteroidsGameJs::step)
      .function("vertices", &AsteroidsGameJs::vertices)
      .function("counts", &AsteroidsGameJs::counts)
      .function("kinds", &AsteroidsGameJs::kinds)
      .function("shipMatrix", &AsteroidsGameJs::ship_matrix)
      .function("shipAngle", &AsteroidsGameJs::ship_angle)
      .function("score", &AsteroidsGameJs::score)
      .function("lives", &AsteroidsGameJs::lives)
      .function("level", &AsteroidsGameJs::level)
      .function("over", &AsteroidsGameJs::over)
      .function("invulnerable", &AsteroidsGameJs::invulnerable)
      .function("asteroidCount", &AsteroidsGameJs::asteroid_count)
      .function("bulletCount", &AsteroidsGameJs::bullet_count);
}
