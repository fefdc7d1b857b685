#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

#include "mlplay/core/error.h"
#include "mlplay/linalg/shapes.h"
#include "mlplay/linalg/transform2d.h"

using namespace mlplay;

namespace {
void require_near(const Mat3& actual, const std::array<double, 9>& expected) {
  for (size_t k = 0; k < 9; ++k) {
    INFO("entry " << k << " of " << to_string(actual));
    REQUIRE(actual.data()[k] == Approx(expected[k]).margin(1e-12));
  }
}
}  // namespace

TEST_CASE("translation, rotation and scaling have the textbook matrices", "[linalg]") {
  REQUIRE(translation(3, -2).data() == std::array<double, 9>{1, 0, 3, 0, 1, -2, 0, 0, 1});
  REQUIRE(scaling(2, 0.5).data() == std::array<double, 9>{2, 0, 0, 0, 0.5, 0, 0, 0, 1});
  const double c = std::sqrt(3.0) / 2;
  require_near(rotation_degrees(30), {c, -0.5, 0, 0.5, c, 0, 0, 0, 1});
  require_near(rotation(std::numbers::pi / 6), {c, -0.5, 0, 0.5, c, 0, 0, 0, 1});
  // Quarter turns are exact, and angles wrap: -90 is 270, 450 is 90.
  REQUIRE(rotation_degrees(90).data() == std::array<double, 9>{0, -1, 0, 1, 0, 0, 0, 0, 1});
  REQUIRE(rotation_degrees(-90).data() == std::array<double, 9>{0, 1, 0, -1, 0, 0, 0, 0, 1});
  REQUIRE(rotation_degrees(450).data() == rotation_degrees(90).data());
  REQUIRE(rotation_degrees(180).data() == std::array<double, 9>{-1, 0, 0, 0, -1, 0, 0, 0, 1});
}

TEST_CASE("rotation by 90 degrees turns the x axis into the y axis, counter-clockwise", "[linalg]") {
  const Vec2 p = rotation_degrees(90).apply({1, 0});
  REQUIRE(p.x == 0);
  REQUIRE(p.y == 1);
  // Rotations add: R(a) R(b) = R(a + b); and a rotation keeps lengths and areas (det 1).
  require_near(rotation_degrees(25) * rotation_degrees(50), rotation_degrees(75).data());
  REQUIRE(rotation_degrees(37).determinant() == Approx(1));
}

TEST_CASE("order matters: rotate-then-translate differs from translate-then-rotate", "[linalg]") {
  // Rotate (1, 2) by 90 degrees -> (-2, 1), then move by (4, 0) -> (2, 1).
  Transform2D rotate_first;
  rotate_first.rotate_degrees(90).translate(4, 0);
  const auto a = rotate_first.apply(std::vector<float>{1, 2});
  REQUIRE(a == std::vector<float>{2, 1});
  REQUIRE(rotate_first.matrix().data() == std::array<double, 9>{0, -1, 4, 1, 0, 0, 0, 0, 1});
  // Move (1, 2) by (4, 0) -> (5, 2), then rotate -> (-2, 5).
  Transform2D translate_first;
  translate_first.translate(4, 0).rotate_degrees(90);
  REQUIRE(translate_first.apply(std::vector<float>{1, 2}) == std::vector<float>{-2, 5});
  REQUIRE(translate_first.matrix().data() == std::array<double, 9>{0, -1, 0, 1, 0, 4, 0, 0, 1});
}

TEST_CASE("scale, rotate, translate composes to M = T R S with det = sx sy", "[linalg]") {
  const Transform2D t = Transform2D::from_order("srt", 90, 2, 3, 3, 1);
  REQUIRE(t.steps().size() == 3);
  REQUIRE(t.steps()[0].name() == "scale");
  REQUIRE(t.steps()[2].name() == "translate");
  REQUIRE(t.matrix().data() == (translation(3, 1) * rotation_degrees(90) * scaling(2, 3)).data());
  REQUIRE(t.matrix().determinant() == Approx(6));
  // (1, 0) -> scale (2, 0) -> rotate (0, 2) -> translate (3, 3).
  REQUIRE(t.apply(std::vector<float>{1, 0}) == std::vector<float>{3, 3});
  // trace(): the point after each step in turn.
  REQUIRE(t.trace(std::vector<float>{1, 0}) == std::vector<float>{2, 0, 0, 2, 3, 3});
  // "str": translate before rotating swings the shape around the origin instead.
  const Transform2D swing = Transform2D::from_order("str", 90, 2, 3, 3, 1);
  REQUIRE(swing.apply(std::vector<float>{1, 0}) == std::vector<float>{-1, 5});
  REQUIRE(Transform2D().matrix().data() == Mat3().data());
}

TEST_CASE("non-uniform scaling after a rotation shears a square", "[linalg]") {
  // R(45) then S(2, 1): the square's right angle is lost (the image of (1,0) and (0,1) are not perpendicular).
  Transform2D t;
  t.rotate_degrees(45).scale(2, 1);
  const auto xy = t.apply(std::vector<float>{1, 0, 0, 1});
  const double dot = xy[0] * xy[2] + xy[1] * xy[3];
  REQUIRE(dot == Approx(-1.5).margin(1e-6));
  Transform2D u;
  u.scale(2, 1).rotate_degrees(45);
  const auto uv = u.apply(std::vector<float>{1, 0, 0, 1});
  REQUIRE(uv[0] * uv[2] + uv[1] * uv[3] == Approx(0).margin(1e-6));
}

TEST_CASE("transform_batch gives each shape its own matrix in one call", "[linalg]") {
  const Mat3 a = translation(1, 1);
  const Mat3 b = rotation_degrees(90) * scaling(2, 2);
  std::vector<float> matrices;
  for (double v : a.data()) matrices.push_back(static_cast<float>(v));
  for (double v : b.data()) matrices.push_back(static_cast<float>(v));
  const std::vector<int32_t> counts = {1, 2};
  const std::vector<float> xy = {0, 0, 1, 0, 0, 1};
  REQUIRE(transform_batch(matrices, counts, xy) == std::vector<float>{1, 1, 0, 2, -2, 0});
  REQUIRE(transform_batch({}, {}, {}).empty());
}

TEST_CASE("transform functions name the operation and the bad value", "[linalg]") {
  REQUIRE_THROWS_AS(rotation(NAN), ValueError);
  REQUIRE_THROWS_WITH(rotation_degrees(INFINITY), "rotation: angle must be a finite number, got inf");
  REQUIRE_THROWS_WITH(translation(1, NAN), "translation: ty must be a finite number, got nan");
  REQUIRE_THROWS_WITH(scaling(NAN, 1), "scaling: sx must be a finite number, got nan");
  REQUIRE_THROWS_WITH(transform_points(Mat3(), std::vector<float>{1, 2, 3}),
                      "transform_points: 3 coordinates are not a whole number of (x, y) pairs");
  REQUIRE_THROWS_WITH(Transform2D::from_order("sr", 0, 1, 1, 0, 0), Catch::Contains("got \"sr\""));
  REQUIRE_THROWS_WITH(Transform2D::from_order("sss", 0, 1, 1, 0, 0), Catch::Contains("permutation of \"srt\""));
  const std::vector<float> one_matrix(9, 0.0f);
  REQUIRE_THROWS_WITH(transform_batch(one_matrix, std::vector<int32_t>{2}, std::vector<float>{0, 0}),
                      "transform_batch: the counts add up to 2 points but xy holds 1");
  REQUIRE_THROWS_WITH(transform_batch(one_matrix, std::vector<int32_t>{1, 1}, std::vector<float>{0, 0, 1, 1}),
                      "transform_batch: 2 shapes need 18 matrix entries, got 9");
}

TEST_CASE("shapes are lists of corner points", "[linalg]") {
  REQUIRE(shape_vertices("triangle") == std::vector<float>{0, 1, -0.8f, -0.6f, 0.8f, -0.6f});
  for (const auto& name : shape_names()) {
    const auto xy = shape_vertices(name);
    INFO(name);
    REQUIRE(xy.size() >= 6);
    REQUIRE(xy.size() % 2 == 0);
    for (float v : xy) REQUIRE(std::fabs(v) <= 1.0f + 1e-6f);
  }
  const auto star = shape_vertices("star");
  REQUIRE(star.size() == 20);
  REQUIRE(star[0] == Approx(0).margin(1e-6));
  REQUIRE(star[1] == Approx(1));
  REQUIRE_THROWS_WITH(shape_vertices("blob"),
                      "shape_vertices: unknown shape 'blob'; shapes are triangle, square, arrow, house, star, ship");
}
