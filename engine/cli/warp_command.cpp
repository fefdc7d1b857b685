// mlplay warp: the image-lab lesson's transform on the command line. Reads a binary PPM (P6), warps
// it by inverse mapping with the affine matrix built from the flags, and writes a binary PPM.
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/image/ppm.h"
#include "mlplay/image/warp.h"

namespace mlplay::cli {
namespace {

constexpr const char* kUsage =
    "mlplay warp IN.ppm OUT.ppm [--rotate DEG] [--scale S] [--shear K] [--flip h|v|hv] [--sampling nearest|bilinear] "
    "[--json]";

const char* kSummary =
    "Warp a binary PPM (P6) image by inverse mapping: scale S (0.05 to 8), shear K (x' = x + K y), rotate DEG\n"
    "      (clockwise on screen, y down) and flip, about the centre; the output fits the whole picture.\n"
    "      --json prints {input, output: {path, width, height}, matrix (source -> output, 3x3), sampling}.";

nlohmann::ordered_json rows(const Mat3& m) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (int i = 0; i < 3; ++i) out.push_back({m(i, 0) + 0.0, m(i, 1) + 0.0, m(i, 2) + 0.0});  // + 0.0: no -0
  return out;
}

int run_warp(const std::vector<std::string>& tokens, std::ostream& out) {
  const Args args("warp", tokens, {"rotate", "scale", "shear", "flip", "sampling"}, {"json"});
  if (args.positionals().size() != 2) {
    throw UsageError("warp: expected two files, IN.ppm and OUT.ppm, got " + std::to_string(args.positionals().size()));
  }
  const std::string& in_path = args.positionals()[0];
  const std::string& out_path = args.positionals()[1];
  WarpOptions options;
  options.rotate_degrees = args.number("rotate", 0, -3600, 3600);
  options.scale = args.number("scale", 1, 0.05, 8);
  options.shear = args.number("shear", 0, -4, 4);
  try {
    parse_flip(args.value("flip").value_or("none"), options);
  } catch (const ValueError& e) {
    throw UsageError(e.what());
  }
  const std::string sampling_name = args.value("sampling").value_or("bilinear");
  if (sampling_name != "nearest" && sampling_name != "bilinear") {
    throw UsageError("warp: --sampling must be nearest or bilinear, got '" + sampling_name + "'");
  }
  const Sampling sampling = parse_sampling(sampling_name);

  const Image source = read_ppm(in_path);
  const AffineWarp plan = fit_affine(source.width, source.height, options);
  const auto start = std::chrono::steady_clock::now();
  const Image result = warp(source, plan.matrix, plan.width, plan.height, sampling);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  write_ppm(out_path, result);

  if (args.flag("json")) {
    nlohmann::ordered_json json;
    json["input"] = {{"path", in_path}, {"width", source.width}, {"height", source.height}};
    json["output"] = {{"path", out_path}, {"width", result.width}, {"height", result.height}};
    json["rotate"] = options.rotate_degrees;
    json["scale"] = options.scale;
    json["shear"] = options.shear;
    json["flip"] = args.value("flip").value_or("none");
    json["sampling"] = to_string(sampling);
    json["matrix"] = rows(plan.matrix);
    json["inverse"] = rows(inverse(plan.matrix));
    json["milliseconds"] = ms;
    out << json.dump(2) << "\n";
    return 0;
  }
  char line[160];
  std::snprintf(line, sizeof line, "Read %s: %d x %d pixels\n", in_path.c_str(), source.width, source.height);
  out << line << "Matrix (source pixel -> output pixel, x right, y down):\n";
  for (int i = 0; i < 3; ++i) {
    std::snprintf(line, sizeof line, "  [ %10.6g %10.6g %10.6g ]\n", plan.matrix(i, 0) + 0.0, plan.matrix(i, 1) + 0.0,
                  plan.matrix(i, 2) + 0.0);
    out << line;
  }
  std::snprintf(line, sizeof line, "Warped by inverse mapping with %s sampling in %.1f ms\n", to_string(sampling).c_str(), ms);
  out << line;
  std::snprintf(line, sizeof line, "Saved transformed image to %s (%d x %d pixels)\n", out_path.c_str(), result.width,
                result.height);
  out << line;
  return 0;
}

}  // namespace

Command warp_command() { return {"warp", kUsage, kSummary, run_warp}; }

}  // namespace mlplay::cli
