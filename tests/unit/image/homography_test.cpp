#include <catch2/catch.hpp>

#include "mlplay/core/error.h"
#include "mlplay/image/homography.h"
#include "mlplay/image/warp.h"

using namespace mlplay;

TEST_CASE("solve_linear_system solves a pivoting case and refuses a singular one", "[image]") {
  // The first pivot is 0, so a row swap is needed. Solution (1, 2, 3).
  const auto x = solve_linear_system({0, 2, 1, 1, 1, 1, 2, 1, 3}, {7, 6, 13}, 3);
  REQUIRE(x[0] == Approx(1));
  REQUIRE(x[1] == Approx(2));
  REQUIRE(x[2] == Approx(3));
  REQUIRE_THROWS_WITH(solve_linear_system({1, 2, 2, 4}, {1, 2}, 2), Catch::Contains("solve_linear_system: the matrix is singular"));
  REQUIRE_THROWS_WITH(solve_linear_system({1, 2, 3}, {1, 2}, 2), Catch::Contains("A must be 2 x 2"));
}

TEST_CASE("homography_from_points: a square onto itself is the identity", "[image]") {
  const std::array<Vec2, 4> square = {{{0, 0}, {10, 0}, {10, 10}, {0, 10}}};
  const Mat3 h = homography_from_points(square, square);
  const std::array<double, 9> identity = {1, 0, 0, 0, 1, 0, 0, 0, 1};
  for (int i = 0; i < 9; ++i) REQUIRE(h.data()[i] == Approx(identity[i]).margin(1e-12));
}

TEST_CASE("homography_from_points recovers a known projective matrix", "[image]") {
  const Mat3 known({1.2, 0.1, 5, -0.2, 0.9, 3, 0.001, 0.002, 1});
  const std::array<Vec2, 4> from = {{{0, 0}, {100, 0}, {100, 80}, {0, 80}}};
  std::array<Vec2, 4> to;
  for (int i = 0; i < 4; ++i) to[i] = known.apply(from[i]);
  const Mat3 h = homography_from_points(from, to);
  for (int i = 0; i < 9; ++i) REQUIRE(h.data()[i] == Approx(known.data()[i]).margin(1e-9));
  // Any other point maps the same way, and the 8×8 system holds at the solution.
  const Vec2 p = h.apply({30, 70}), q = known.apply({30, 70});
  REQUIRE(p.x == Approx(q.x));
  REQUIRE(p.y == Approx(q.y));
  const auto system = homography_system(from, to);
  for (int r = 0; r < 8; ++r) {
    double lhs = 0;
    for (int c = 0; c < 8; ++c) lhs += system.a[8 * r + c] * h.data()[c];
    REQUIRE(lhs == Approx(system.b[r]));
  }
}

TEST_CASE("homography_from_points: an affine squash stays affine", "[image]") {
  const std::array<Vec2, 4> from = {{{0, 0}, {2, 0}, {2, 2}, {0, 2}}};
  const std::array<Vec2, 4> to = {{{1, 1}, {5, 1}, {5, 2}, {1, 2}}};  // x·2 + 1, y/2 + 1
  const Mat3 h = homography_from_points(from, to);
  REQUIRE(h(0, 0) == Approx(2));
  REQUIRE(h(1, 1) == Approx(0.5));
  REQUIRE(h(0, 2) == Approx(1));
  REQUIRE(h(2, 0) == Approx(0).margin(1e-12));
  REQUIRE(h(2, 1) == Approx(0).margin(1e-12));
}

TEST_CASE("homography_from_points refuses three points on a line", "[image]") {
  const std::array<Vec2, 4> square = {{{0, 0}, {10, 0}, {10, 10}, {0, 10}}};
  const std::array<Vec2, 4> flat = {{{0, 0}, {5, 5}, {10, 10}, {0, 10}}};
  REQUIRE_THROWS_WITH(homography_from_points(square, flat),
                      Catch::Contains("homography_from_points: the target points (0, 0), (5, 5) and (10, 10) are on one line"));
}

TEST_CASE("a perspective warp puts the source corners on the dragged corners", "[image]") {
  Image source(4, 4);
  for (auto& byte : source.rgba) byte = 255;
  const std::array<Vec2, 4> from = {{{0, 0}, {4, 0}, {4, 4}, {0, 4}}};
  const std::array<Vec2, 4> to = {{{2, 1}, {6, 1}, {8, 8}, {0, 8}}};  // a trapezoid in an 8 × 8 output
  const Mat3 h = homography_from_points(from, to);
  const Image out = warp(source, h, 8, 8, Sampling::Nearest);
  REQUIRE(out.pixel(4, 4)[3] == 255);  // inside the trapezoid
  REQUIRE(out.pixel(0, 0)[3] == 0);    // above it
  REQUIRE(out.pixel(0, 2)[3] == 0);    // left of its slanted edge
}
