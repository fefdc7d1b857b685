#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"
#include "mlplay/image/ppm.h"

using mlplay::cli::run_cli;

namespace {
std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("mlplay-warp-test-" + name)).string();
}
}  // namespace

TEST_CASE("mlplay warp --json rotates a PPM and reports the matrix and output size", "[cli]") {
  mlplay::Image image(4, 2);
  for (size_t i = 0; i < image.rgba.size(); ++i) image.rgba[i] = static_cast<uint8_t>(i % 4 == 3 ? 255 : 30 * (i / 4));
  const std::string in = temp_path("in.ppm"), out_file = temp_path("out.ppm");
  mlplay::write_ppm(in, image);
  std::ostringstream out, err;
  REQUIRE(run_cli({"warp", in, out_file, "--rotate", "90", "--sampling", "nearest", "--json"}, out, err) == 0);
  REQUIRE(err.str().empty());
  const auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["input"]["width"] == 4);
  REQUIRE(json["output"]["width"] == 2);
  REQUIRE(json["output"]["height"] == 4);
  REQUIRE(json["sampling"] == "nearest");
  REQUIRE(json["matrix"][0][1].get<double>() == Approx(-1));
  REQUIRE(json["matrix"][0][2].get<double>() == Approx(2));
  REQUIRE(json["matrix"][1][0].get<double>() == Approx(1));
  const mlplay::Image result = mlplay::read_ppm(out_file);
  REQUIRE(result.width == 2);
  REQUIRE(result.height == 4);
  // Output (0, 0) shows source (0, 1): clockwise on screen.
  REQUIRE(result.pixel(0, 0)[0] == image.pixel(0, 1)[0]);
  std::filesystem::remove(in);
  std::filesystem::remove(out_file);
}

TEST_CASE("mlplay warp prints the matrix and where it saved", "[cli]") {
  mlplay::Image image(3, 3);
  for (auto& byte : image.rgba) byte = 255;
  const std::string in = temp_path("in2.ppm"), out_file = temp_path("out2.ppm");
  mlplay::write_ppm(in, image);
  std::ostringstream out, err;
  REQUIRE(run_cli({"warp", in, out_file, "--scale", "2", "--shear", "0.5", "--flip", "h"}, out, err) == 0);
  REQUIRE_THAT(out.str(), Catch::Contains("Saved transformed image to " + out_file + " (9 x 6 pixels)"));
  REQUIRE_THAT(out.str(), Catch::Contains("bilinear"));
  std::filesystem::remove(in);
  std::filesystem::remove(out_file);
}

TEST_CASE("mlplay warp names bad flags and malformed files", "[cli]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"warp", "a.ppm", "b.ppm", "--sampling", "cubic"}, out, err) == 2);
  REQUIRE_THAT(err.str(), Catch::Contains("--sampling must be nearest or bilinear, got 'cubic'"));
  err.str("");
  REQUIRE(run_cli({"warp", "a.ppm", "b.ppm", "--flip", "d"}, out, err) == 2);
  REQUIRE_THAT(err.str(), Catch::Contains("got 'd'"));
  err.str("");
  REQUIRE(run_cli({"warp", "a.ppm"}, out, err) == 2);
  REQUIRE_THAT(err.str(), Catch::Contains("expected two files"));
  err.str("");
  const std::string bad = temp_path("bad.ppm");
  {
    std::ofstream file(bad);
    file << "P5\n1 1\n255\n\x01";
  }
  REQUIRE(run_cli({"warp", bad, temp_path("never.ppm")}, out, err) == 1);
  REQUIRE_THAT(err.str(), Catch::Contains("error: warp: ppm: expected the magic number P6 (binary PPM), got 'P5'"));
  std::filesystem::remove(bad);
}
