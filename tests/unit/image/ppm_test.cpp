#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "mlplay/core/error.h"
#include "mlplay/image/ppm.h"

using namespace mlplay;

namespace {
std::vector<uint8_t> bytes(const std::string& text) { return {text.begin(), text.end()}; }
/// A header followed by raw pixel bytes (which may contain 0).
std::vector<uint8_t> file_of(const std::string& header, std::vector<uint8_t> pixels) {
  std::vector<uint8_t> out(header.begin(), header.end());
  out.insert(out.end(), pixels.begin(), pixels.end());
  return out;
}
}  // namespace

TEST_CASE("decode_ppm reads a P6 header with a comment and RGB bytes", "[image]") {
  const auto file = file_of("P6\n# made by hand\n2 1\n255\n", {1, 2, 3, 255, 128, 0});
  const Image image = decode_ppm(file);
  REQUIRE(image.width == 2);
  REQUIRE(image.height == 1);
  REQUIRE(image.rgba == std::vector<uint8_t>{1, 2, 3, 255, 255, 128, 0, 255});
}

TEST_CASE("decode_ppm rescales a maxval below 255", "[image]") {
  const auto file = file_of("P6 1 1 15\n", {15, 0, 7});
  const Image image = decode_ppm(file);
  REQUIRE(image.rgba == std::vector<uint8_t>{255, 0, 119, 255});  // 7 · 255 / 15 = 119
}

TEST_CASE("encode_ppm then decode_ppm gives the pixels back", "[image]") {
  Image image(3, 2);
  for (size_t i = 0; i < image.rgba.size(); ++i) image.rgba[i] = static_cast<uint8_t>(i % 4 == 3 ? 255 : i * 7);
  REQUIRE(decode_ppm(encode_ppm(image)).rgba == image.rgba);
  const auto encoded = encode_ppm(image);
  REQUIRE(std::string(encoded.begin(), encoded.begin() + 11) == "P6\n3 2\n255\n");
}

TEST_CASE("decode_ppm says what is malformed", "[image]") {
  REQUIRE_THROWS_WITH(decode_ppm(bytes("P3\n1 1\n255\n0 0 0\n")), Catch::Contains("expected the magic number P6 (binary PPM), got 'P3'"));
  REQUIRE_THROWS_WITH(decode_ppm(bytes("")), Catch::Contains("ppm: the file is empty"));
  REQUIRE_THROWS_WITH(decode_ppm(bytes("P6\n2 x\n255\n")), Catch::Contains("ppm: expected the height as a number, got 'x'"));
  REQUIRE_THROWS_WITH(decode_ppm(bytes("P6\n0 1\n255\n")), Catch::Contains("ppm: the width must be 1 to 8192, got 0"));
  REQUIRE_THROWS_WITH(decode_ppm(bytes("P6\n1 1\n65535\n\0\0\0\0\0\0")), Catch::Contains("maxval 65535 (16-bit samples) is not supported"));
  REQUIRE_THROWS_WITH(decode_ppm(bytes("P6\n2 2\n255\nabc")), Catch::Contains("ppm: expected 12 bytes of pixel data for 2 x 2, got 3"));
  REQUIRE_THROWS_WITH(decode_ppm(bytes("P6\n2 2")), Catch::Contains("ppm: the header ends before the maxval"));
}

TEST_CASE("read_ppm names a missing file", "[image]") {
  REQUIRE_THROWS_WITH(read_ppm("/nonexistent/in.ppm"), Catch::Contains("ppm: cannot open '/nonexistent/in.ppm' for reading"));
}
