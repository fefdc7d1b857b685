// image-lab: the affine matrix from the learner's controls, the 4-point homography solve, and the
// warp itself, for the lesson's worker task (web/engine/tasks/imagelab.ts). RGBA bytes in, one copy
// each way; matrices as Float64Array(9), row by row.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/core/error.h"
#include "mlplay/image/homography.h"
#include "mlplay/image/warp.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;

val matrix_array(const Mat3& m) {
  return typed_array("Float64Array", m.data().data(), m.data().size());
}

Mat3 matrix_from(const val& entries, const char* what) {
  const auto m = emscripten::convertJSArrayToNumberVector<double>(entries);
  check(m.size() == 9, what, ": a matrix needs 9 entries, got ", m.size());
  return Mat3({m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]});
}

std::array<Vec2, 4> corners_from(const val& xy, const char* what) {
  const auto v = emscripten::convertJSArrayToNumberVector<double>(xy);
  check(v.size() == 8, what, ": four corners need 8 numbers (x0, y0, ..., x3, y3), got ", v.size());
  return {{{v[0], v[1]}, {v[2], v[3]}, {v[4], v[5]}, {v[6], v[7]}}};
}

/// {matrix, width, height, determinant} for the controls; flip is "none", "h", "v" or "hv".
val image_affine(int width, int height, double rotate, double scale, double shear, const std::string& flip) {
  return guard([&] {
    WarpOptions options;
    options.rotate_degrees = rotate;
    options.scale = scale;
    options.shear = shear;
    parse_flip(flip, options);
    const AffineWarp plan = fit_affine(width, height, options);
    val out = val::object();
    out.set("matrix", matrix_array(plan.matrix));
    out.set("width", plan.width);
    out.set("height", plan.height);
    out.set("determinant", plan.matrix.determinant());
    return out;
  });
}

/// {matrix: H, system: the 8×8 A (64 numbers) and b (8)} with H · from[i] ∝ to[i].
val image_homography(const val& from, const val& to) {
  return guard([&] {
    const auto f = corners_from(from, "imageHomography: from");
    const auto t = corners_from(to, "imageHomography: to");
    const Mat3 h = homography_from_points(f, t);
    const auto system = homography_system(f, t);
    val out = val::object();
    out.set("matrix", matrix_array(h));
    out.set("a", typed_array("Float64Array", system.a));
    out.set("b", typed_array("Float64Array", system.b));
    return out;
  });
}

/// The product a · b (apply b first, then a).
val image_multiply(const val& a, const val& b) {
  return guard([&] { return matrix_array(matrix_from(a, "imageMultiply: a") * matrix_from(b, "imageMultiply: b")); });
}

/// M⁻¹, row by row.
val image_inverse(const val& matrix) {
  return guard([&] { return matrix_array(inverse(matrix_from(matrix, "imageInverse"))); });
}

/// The outWidth × outHeight RGBA result of warping the width × height RGBA `pixels` by `matrix`
/// (source -> output), as a fresh Uint8ClampedArray.
val image_warp(const val& pixels, int width, int height, const val& matrix, int out_width, int out_height,
               const std::string& sampling) {
  return guard([&] {
    const Sampling mode = parse_sampling(sampling);
    const Mat3 forward = matrix_from(matrix, "imageWarp");
    const size_t length = pixels["length"].as<size_t>();
    check(width >= 1 && height >= 1 && length == static_cast<size_t>(width) * height * 4, "imageWarp: ", width, " x ",
          height, " RGBA needs ", static_cast<size_t>(width > 0 ? width : 0) * (height > 0 ? height : 0) * 4,
          " bytes, got ", length);
    std::vector<uint8_t> bytes(length);
    val(emscripten::typed_memory_view(bytes.size(), bytes.data())).call<void>("set", pixels);  // one copy in
    const Image source(width, height, std::move(bytes));
    const Image out = warp(source, forward, out_width, out_height, mode);
    return typed_array("Uint8ClampedArray", out.rgba);
  });
}

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_imagelab) {
  using namespace emscripten;
  function("imageAffine", &mlplay::bindings::image_affine);
  function("imageHomography", &mlplay::bindings::image_homography);
  function("imageMultiply", &mlplay::bindings::image_multiply);
  function("imageInverse", &mlplay::bindings::image_inverse);
  function("imageWarp", &mlplay::bindings::image_warp);
}
