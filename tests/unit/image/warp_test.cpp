#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"
#include "mlplay/image/warp.h"

using namespace mlplay;

namespace {
/// A w × h opaque image whose red channel is 10 · index, green the row, blue the column.
Image numbered(int w, int h) {
  Image image(w, h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint8_t* p = image.pixel(x, y);
      p[0] = static_cast<uint8_t>(10 * (y * w + x));
      p[1] = static_cast<uint8_t>(y);
      p[2] = static_cast<uint8_t>(x);
      p[3] = 255;
    }
  return image;
}

void require_matrix(const Mat3& m, const std::array<double, 9>& expected) {
  for (int i = 0; i < 9; ++i) REQUIRE(m.data()[i] == Approx(expected[i]).margin(1e-12));
}
}  // namespace

TEST_CASE("fit_affine: the identity keeps the size and the matrix", "[image]") {
  const AffineWarp plan = fit_affine(4, 2, WarpOptions{});
  REQUIRE(plan.width == 4);
  REQUIRE(plan.height == 2);
  require_matrix(plan.matrix, {1, 0, 0, 0, 1, 0, 0, 0, 1});
}

TEST_CASE("fit_affine: rotating 90 degrees swaps width and height", "[image]") {
  WarpOptions options;
  options.rotate_degrees = 90;
  const AffineWarp plan = fit_affine(4, 2, options);
  REQUIRE(plan.width == 2);
  REQUIRE(plan.height == 4);
  // T(1, 2) · R(90) · T(-2, -1): (x, y) -> (1 - (y - 1), 2 + (x - 2)) = (2 - y, x)
  require_matrix(plan.matrix, {0, -1, 2, 1, 0, 0, 0, 0, 1});
}

TEST_CASE("fit_affine: a 640 x 480 picture rotated 45 degrees needs a 792 x 792 canvas", "[image]") {
  WarpOptions options;
  options.rotate_degrees = 45;
  const AffineWarp plan = fit_affine(640, 480, options);
  // (640 + 480) cos 45 = 791.96
  REQUIRE(plan.width == 792);
  REQUIRE(plan.height == 792);
}

TEST_CASE("fit_affine: scale, shear and flip compose as F R Sh S", "[image]") {
  WarpOptions options;
  options.scale = 2;
  options.shear = 0.5;
  options.flip_horizontal = true;
  const AffineWarp plan = fit_affine(10, 10, options);
  // Sh · S = [[2, 1], [0, 2]]; F flips x: [[-2, -1], [0, 2]]. Corners span 30 x 20.
  REQUIRE(plan.width == 30);
  REQUIRE(plan.height == 20);
  REQUIRE(plan.matrix(0, 0) == Approx(-2));
  REQUIRE(plan.matrix(0, 1) == Approx(-1));
  REQUIRE(plan.matrix(1, 1) == Approx(2));
  // The source centre (5, 5) lands on the output centre (15, 10).
  const Vec2 c = plan.matrix.apply({5, 5});
  REQUIRE(c.x == Approx(15));
  REQUIRE(c.y == Approx(10));
}

TEST_CASE("fit_affine and parse helpers name the bad value", "[image]") {
  WarpOptions options;
  options.scale = 0;
  REQUIRE_THROWS_WITH(fit_affine(10, 10, options), Catch::Contains("warp: scale must be 0.05 to 8, got 0"));
  options.scale = 8;
  REQUIRE_THROWS_WITH(fit_affine(8000, 8000, options), Catch::Contains("warp: the output would be 64000 x 64000 pixels"));
  options = {};
  options.shear = NAN;
  REQUIRE_THROWS_WITH(fit_affine(10, 10, options), Catch::Contains("warp: shear must be -4 to 4, got nan"));
  REQUIRE_THROWS_WITH(parse_sampling("cubic"), Catch::Contains("got 'cubic'"));
  REQUIRE_THROWS_WITH(parse_flip("x", options), Catch::Contains("flip must be 'none', 'h', 'v' or 'hv', got 'x'"));
}

TEST_CASE("inverse undoes a matrix and refuses a singular one", "[image]") {
  const Mat3 m({2, 1, 3, 0, 1, -1, 0.1, 0, 1});
  const Mat3 product = m * inverse(m);
  require_matrix(product, {1, 0, 0, 0, 1, 0, 0, 0, 1});
  REQUIRE_THROWS_WITH(inverse(Mat3({1, 2, 0, 2, 4, 0, 0, 0, 1})), Catch::Contains("inverse: the matrix [[1, 2, 0], [2, 4, 0], [0, 0, 1]] is singular"));
}

TEST_CASE("warp with the identity copies every pixel, with either sampling", "[image]") {
  const Image source = numbered(5, 3);
  for (Sampling s : {Sampling::Nearest, Sampling::Bilinear}) {
    const Image out = warp(source, Mat3(), 5, 3, s);
    REQUIRE(out.rgba == source.rgba);
  }
}

TEST_CASE("warp: a horizontal flip reverses each row, a 90 degree turn transposes", "[image]") {
  const Image source = numbered(3, 2);
  WarpOptions flip;
  flip.flip_horizontal = true;
  const AffineWarp f = fit_affine(3, 2, flip);
  const Image flipped = warp(source, f.matrix, f.width, f.height, Sampling::Nearest);
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 3; ++x) REQUIRE(flipped.pixel(x, y)[0] == source.pixel(2 - x, y)[0]);

  WarpOptions turn;
  turn.rotate_degrees = 90;
  const AffineWarp r = fit_affine(3, 2, turn);
  REQUIRE(r.width == 2);
  REQUIRE(r.height == 3);
  for (Sampling s : {Sampling::Nearest, Sampling::Bilinear}) {
    const Image turned = warp(source, r.matrix, r.width, r.height, s);
    // (x, y) -> (2 - 1 - y', ...): output (i, j) shows source (j, 1 - i), clockwise on screen.
    for (int j = 0; j < 3; ++j)
      for (int i = 0; i < 2; ++i) REQUIRE(turned.pixel(i, j)[0] == source.pixel(j, 1 - i)[0]);
  }
}

TEST_CASE("warp: doubling two pixels, nearest repeats and bilinear blends", "[image]") {
  Image source(2, 1);
  source.rgba = {0, 0, 0, 255, 255, 255, 255, 255};
  WarpOptions twice;
  twice.scale = 2;
  const AffineWarp plan = fit_affine(2, 1, twice);
  REQUIRE(plan.width == 4);
  REQUIRE(plan.height == 2);
  const Image nearest = warp(source, plan.matrix, 4, 2, Sampling::Nearest);
  const Image bilinear = warp(source, plan.matrix, 4, 2, Sampling::Bilinear);
  // Output centres 0.5, 1.5, 2.5, 3.5 come from source x = 0.25, 0.75, 1.25, 1.75.
  const int expect_nearest[4] = {0, 0, 255, 255};
  const int expect_bilinear[4] = {0, 64, 191, 255};  // 0.25 · 255 = 63.75, 0.75 · 255 = 191.25
  for (int x = 0; x < 4; ++x) {
    REQUIRE(nearest.pixel(x, 0)[0] == expect_nearest[x]);
    REQUIRE(bilinear.pixel(x, 0)[0] == expect_bilinear[x]);
    REQUIRE(bilinear.pixel(x, 1)[3] == 255);
  }
}

TEST_CASE("warp: pixels mapped from outside the source are transparent", "[image]") {
  const Image source = numbered(4, 4);
  WarpOptions turn;
  turn.rotate_degrees = 45;
  const AffineWarp plan = fit_affine(4, 4, turn);
  const Image out = warp(source, plan.matrix, plan.width, plan.height, Sampling::Bilinear);
  REQUIRE(out.pixel(0, 0)[3] == 0);  // a corner of the bounding box is outside the diamond
  REQUIRE(out.pixel(plan.width / 2, plan.height / 2)[3] == 255);
}

TEST_CASE("warp gives the same pixels with one thread and with all", "[image]") {
  const Image source = numbered(37, 23);
  WarpOptions options;
  options.rotate_degrees = 17;
  options.scale = 3.3;
  const AffineWarp plan = fit_affine(37, 23, options);
  set_num_threads(1);
  const Image one = warp(source, plan.matrix, plan.width, plan.height, Sampling::Bilinear);
  set_num_threads(max_threads());
  const Image all = warp(source, plan.matrix, plan.width, plan.height, Sampling::Bilinear);
  set_num_threads(1);
  REQUIRE(one.rgba == all.rgba);
}
