#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "mlplay/core/error.h"
#include "mlplay/data/digits.h"
#include "mlplay/data/idx.h"
#include "support/repo_files.h"

using namespace mlplay;
using namespace mlplay::data;
using Catch::Matchers::Contains;

namespace {
/// A w×h canvas with a filled rectangle of ink.
std::vector<float> rectangle(int w, int h, int x0, int y0, int x1, int y1) {
  std::vector<float> img(size_t(w) * size_t(h), 0.0f);
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) img[size_t(y) * size_t(w) + size_t(x)] = 1.0f;
  return img;
}
}  // namespace

TEST_CASE("prepare_digit scales the ink's longer side to 20 pixels and keeps the aspect ratio", "[digits]") {
  // A 40×100 bar in a 300×300 canvas, off-centre: becomes 8×20 in the 28×28 field.
  const PreparedDigit d = prepare_digit(rectangle(300, 300, 10, 150, 50, 250), 300, 300);
  REQUIRE_FALSE(d.empty);
  REQUIRE(d.box_left == 10);
  REQUIRE(d.box_top == 150);
  REQUIRE(d.box_width == 40);
  REQUIRE(d.box_height == 100);
  REQUIRE(d.scale == Approx(0.2));
  // 8×20 pixels of full ink, shifted by half a pixel to centre its mass: 21 rows and 9 columns touched.
  REQUIRE(std::accumulate(d.pixels.begin(), d.pixels.end(), 0.0f) == Approx(160.0f).epsilon(0.01));
  int rows = 0, cols = 0;
  for (int y = 0; y < 28; ++y) rows += std::any_of(d.pixels.begin() + y * 28, d.pixels.begin() + y * 28 + 28, [](float v) { return v > 0.01f; });
  for (int x = 0; x < 28; ++x) {
    bool ink = false;
    for (int y = 0; y < 28; ++y) ink |= d.pixels[size_t(y * 28 + x)] > 0.01f;
    cols += ink;
  }
  REQUIRE(rows == 21);
  REQUIRE(cols == 9);
  // Centre of mass at the field's centre, wherever the ink was drawn.
  REQUIRE(d.centre_x == Approx(kDigitCentre).margin(1e-3));
  REQUIRE(d.centre_y == Approx(kDigitCentre).margin(1e-3));
  REQUIRE(*std::max_element(d.pixels.begin(), d.pixels.end()) == Approx(1.0f));
}

TEST_CASE("prepare_digit anti-aliases by area averaging", "[digits]") {
  // A one-pixel-wide vertical line 100 px tall: 20 px tall after scaling by 0.2, so its ink spreads
  // over a column at 1/5 intensity before the peak is normalized back to 1 — the column stays thin.
  const PreparedDigit d = prepare_digit(rectangle(200, 200, 50, 20, 51, 120), 200, 200);
  float total = std::accumulate(d.pixels.begin(), d.pixels.end(), 0.0f);
  REQUIRE(total == Approx(20.0f).epsilon(0.05));  // 20 rows × a full-intensity column
  REQUIRE(d.centre_x == Approx(kDigitCentre).margin(1e-3));
}

TEST_CASE("prepare_digit centres by centre of mass, not by bounding box", "[digits]") {
  // An L: a heavy vertical bar and a light foot. The box is 12×20 but the mass sits to the left.
  std::vector<float> img = rectangle(100, 100, 0, 0, 10, 100);
  for (int y = 90; y < 100; ++y)
    for (int x = 10; x < 60; ++x) img[size_t(y * 100 + x)] = 0.5f;
  const PreparedDigit d = prepare_digit(img, 100, 100);
  REQUIRE(d.centre_x == Approx(kDigitCentre).margin(1e-3));
  REQUIRE(d.centre_y == Approx(kDigitCentre).margin(1e-3));
  // The bar's left edge is therefore right of where box-centring would put it (column 4).
  int first_ink = 28;
  for (int x = 0; x < 28 && first_ink == 28; ++x)
    for (int y = 0; y < 28; ++y)
      if (d.pixels[size_t(y * 28 + x)] > 0.5f) first_ink = x;
  REQUIRE(first_ink > 8);  // box-centring would put the bar at column 8
  // A wider foot would push the box past the right edge: it stops there, keeping all the ink.
  for (int y = 90; y < 100; ++y)
    for (int x = 60; x < 100; ++x) img[size_t(y * 100 + x)] = 0.5f;
  const PreparedDigit wide = prepare_digit(img, 100, 100);
  // Bar 2×20 at 1 and foot 18×2 at 0.5 after scaling by 0.2: 58 units of ink, all still there.
  REQUIRE(std::accumulate(wide.pixels.begin(), wide.pixels.end(), 0.0f) == Approx(58.0f).epsilon(0.01));
  REQUIRE(wide.centre_x < kDigitCentre - 1);
}

TEST_CASE("prepare_digit: empty input, faint noise and bad sizes", "[digits]") {
  const PreparedDigit blank = prepare_digit(std::vector<float>(100, 0.0f), 10, 10);
  REQUIRE(blank.empty);
  REQUIRE(std::all_of(blank.pixels.begin(), blank.pixels.end(), [](float v) { return v == 0.0f; }));
  // A single dot is a (tiny) digit, not an error.
  std::vector<float> dot(100, 0.0f);
  dot[55] = 1.0f;
  REQUIRE_FALSE(prepare_digit(dot, 10, 10).empty);
  REQUIRE_THROWS_WITH(prepare_digit(dot, 10, 9), Contains("10×9 needs 90 values, got 100"));
  REQUIRE_THROWS_WITH(prepare_digit(std::vector<float>(1, 1.0f), 5000, 0), Contains("must be 1 to 4096"));
  dot[3] = NAN;
  REQUIRE_THROWS_WITH(prepare_digit(dot, 10, 10), Contains("non-finite"));
}

TEST_CASE("MNIST test digits already have their centre of mass near (14, 14)", "[digits][mnist]") {
  const MnistSet test = load_mnist(mlplay::testing::repo_root() / kMnistDefaultDir, "t10k");
  double sx = 0, sy = 0;
  std::vector<float> img(784);
  for (int64_t i = 0; i < 1000; ++i) {
    for (int p = 0; p < 784; ++p) img[size_t(p)] = test.images[size_t(i * 784 + p)] / 255.0f;
    const auto [cx, cy] = centre_of_mass(img);
    sx += cx, sy += cy;
  }
  REQUIRE(sx / 1000 == Approx(kDigitCentre).margin(0.35));
  REQUIRE(sy / 1000 == Approx(kDigitCentre).margin(0.35));
}

TEST_CASE("prepare_digit leaves an MNIST digit nearly unchanged", "[digits][mnist]") {
  // MNIST digits were made this way, so preparing one again moves it little.
  const MnistSet test = load_mnist(mlplay::testing::repo_root() / kMnistDefaultDir, "t10k");
  double diff = 0, mass = 0;
  for (int64_t i = 0; i < 50; ++i) {
    std::vector<float> img(784);
    for (int p = 0; p < 784; ++p) img[size_t(p)] = test.images[size_t(i * 784 + p)] / 255.0f;
    const PreparedDigit d = prepare_digit(img, 28, 28);
    for (int p = 0; p < 784; ++p) diff += std::fabs(d.pixels[size_t(p)] - img[size_t(p)]), mass += img[size_t(p)];
  }
  REQUIRE(diff / mass < 0.25);
}

TEST_CASE("augment_digit is deterministic per generator and keeps the ink", "[digits]") {
  std::vector<uint8_t> src(784, 0);
  for (int y = 6; y < 22; ++y) src[size_t(y * 28 + 13)] = src[size_t(y * 28 + 14)] = 255;
  std::vector<float> a(784), b(784), c(784);
  Generator g1(7), g2(7), g3(8);
  augment_digit(src.data(), a.data(), g1);
  augment_digit(src.data(), b.data(), g2);
  augment_digit(src.data(), c.data(), g3);
  REQUIRE(a == b);
  REQUIRE(a != c);
  const float ink = std::accumulate(a.begin(), a.end(), 0.0f);
  REQUIRE(ink > 0.4f * 32);  // scaled, thinned or thickened, but still a stroke
  REQUIRE(ink < 3.0f * 32);
  REQUIRE(std::all_of(a.begin(), a.end(), [](float v) { return v >= 0.0f && v <= 1.0f; }));
  // With no variation it is the identity.
  AugmentOptions none;
  none.max_rotation_degrees = 0, none.min_scale = none.max_scale = 1, none.max_shear = 0, none.max_shift = 0;
  none.thicken_probability = none.thin_probability = 0;
  augment_digit(src.data(), a.data(), g1, none);
  for (int p = 0; p < 784; ++p) REQUIRE(a[size_t(p)] == Approx(src[size_t(p)] / 255.0f).margin(1e-5));
}
