// mlplay transform: compose translate / rotate / scale as 3×3 homogeneous matrices, as in the
// vectors-2d lesson, and apply the result to points.
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "args.h"
#include "commands.h"
#include "mlplay/linalg/transform2d.h"

namespace mlplay::cli {
namespace {

constexpr const char* kUsage =
    "mlplay transform [--scale S|SX,SY] [--rotate DEG] [--translate X,Y] [--point X,Y ...] [--json]";

const char* kSummary =
    "Compose 2D transforms as 3x3 homogeneous matrices in the order written (--scale 2 --rotate 90\n"
    "      --translate 3,1 gives M = T R S; DEG counter-clockwise) and print each step's matrix, M, det M\n"
    "      and every point mapped by M (--point X,Y [X,Y ...], repeatable; default: (0,0), (1,0), (0,1)).\n"
    "      --json prints {steps, matrix, determinant, points: [{in, out}]}.";

double parse_number(const std::string& flag, const std::string& text, const std::string& whole) {
  size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (text.empty() || used != text.size() || !std::isfinite(value)) {
    throw UsageError("transform: --" + flag + " expects " +
                     (flag == "rotate" ? std::string("a number of degrees") : std::string("numbers like 2,-1.5")) +
                     ", got '" + whole + "'");
  }
  return value;
}

/// "X,Y" -> (X, Y); "S" -> (S, S) when `single_ok`.
std::pair<double, double> parse_pair(const std::string& flag, const std::string& text, bool single_ok) {
  const auto comma = text.find(',');
  if (comma == std::string::npos) {
    if (!single_ok) throw UsageError("transform: --" + flag + " expects X,Y (two numbers and a comma), got '" + text + "'");
    const double s = parse_number(flag, text, text);
    return {s, s};
  }
  return {parse_number(flag, text.substr(0, comma), text), parse_number(flag, text.substr(comma + 1), text)};
}

nlohmann::ordered_json rows(const Mat3& m) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (int i = 0; i < 3; ++i) {
    out.push_back({m(i, 0) + 0.0, m(i, 1) + 0.0, m(i, 2) + 0.0});  // + 0.0 turns -0 into 0
  }
  return out;
}

std::string number(double v) {
  char text[64];
  std::snprintf(text, sizeof text, "%.6g", v == 0.0 ? 0.0 : v);
  return text;
}

std::string describe(const TransformStep& step) {
  switch (step.kind) {
    case TransformStep::Kind::Translate:
      return "T(" + number(step.a) + ", " + number(step.b) + ")";
    case TransformStep::Kind::Rotate:
      return "R(" + number(step.a) + " deg)";
    case TransformStep::Kind::Scale:
      return step.a == step.b ? "S(" + number(step.a) + ")" : "S(" + number(step.a) + ", " + number(step.b) + ")";
  }
  return "?";
}

void print_matrix(std::ostream& out, const Mat3& m) {
  for (int i = 0; i < 3; ++i) {
    char line[128];
    std::snprintf(line, sizeof line, "  [ %10.6g %10.6g %10.6g ]\n", m(i, 0) + 0.0, m(i, 1) + 0.0, m(i, 2) + 0.0);
    out << line;
  }
}

int run_transform(const std::vector<std::string>& tokens, std::ostream& out) {
  Transform2D transform;
  std::vector<std::pair<double, double>> points;
  bool json = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string name = tokens[i];
    if (name == "--json") {
      json = true;
      continue;
    }
    if (name.rfind("--", 0) != 0) throw UsageError("transform: unexpected argument '" + name + "'");
    name = name.substr(2);
    std::optional<std::string> value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (name != "scale" && name != "rotate" && name != "translate" && name != "point") {
      throw UsageError("transform: unknown option --" + name + "; options are --scale --rotate --translate --point --json");
    }
    if (!value) {
      if (i + 1 >= tokens.size()) throw UsageError("transform: --" + name + " needs a value");
      value = tokens[++i];
    }
    if (name == "rotate") {
      transform.rotate_degrees(parse_number("rotate", *value, *value));
    } else if (name == "scale") {
      const auto [sx, sy] = parse_pair("scale", *value, true);
      transform.scale(sx, sy);
    } else if (name == "translate") {
      const auto [tx, ty] = parse_pair("translate", *value, false);
      transform.translate(tx, ty);
    } else {
      // --point X,Y may be repeated, or followed by more X,Y pairs: --point 1,0 0,1 -1,2
      points.push_back(parse_pair("point", *value, false));
      while (i + 1 < tokens.size() && tokens[i + 1].rfind("--", 0) != 0) points.push_back(parse_pair("point", tokens[++i], false));
    }
  }
  if (points.empty()) points = {{0, 0}, {1, 0}, {0, 1}};

  const Mat3 m = transform.matrix();
  std::vector<Vec2> images;
  for (const auto& [x, y] : points) images.push_back(m.apply({x, y}));

  if (json) {
    nlohmann::ordered_json result;
    result["steps"] = nlohmann::ordered_json::array();
    for (const auto& step : transform.steps()) {
      nlohmann::ordered_json item = {{"op", step.name()}};
      if (step.kind == TransformStep::Kind::Rotate) {
        item["degrees"] = step.a;
      } else if (step.kind == TransformStep::Kind::Scale) {
        item["sx"] = step.a;
        item["sy"] = step.b;
      } else {
        item["tx"] = step.a;
        item["ty"] = step.b;
      }
      item["matrix"] = rows(step.matrix());
      result["steps"].push_back(item);
    }
    result["matrix"] = rows(m);
    result["determinant"] = m.determinant() + 0.0;
    result["points"] = nlohmann::ordered_json::array();
    for (size_t k = 0; k < points.size(); ++k) {
      result["points"].push_back({{"in", {points[k].first, points[k].second}}, {"out", {images[k].x + 0.0, images[k].y + 0.0}}});
    }
    out << result.dump() << "\n";
    return 0;
  }

  // M = last · … · first, written the way it multiplies.
  std::string product;
  for (const auto& step : transform.steps()) product = describe(step) + (product.empty() ? "" : " . ") + product;
  for (size_t k = 0; k < transform.steps().size(); ++k) {
    out << "step " << k + 1 << ": " << transform.steps()[k].name() << " " << describe(transform.steps()[k]) << "\n";
    print_matrix(out, transform.steps()[k].matrix());
  }
  out << "M = " << (product.empty() ? "I (no transform given)" : product) << "\n";
  print_matrix(out, m);
  out << "det M = " << number(m.determinant()) << " (areas scale by " << number(std::fabs(m.determinant()))
      << (m.determinant() < 0 ? ", mirrored" : "") << ")\n";
  for (size_t k = 0; k < points.size(); ++k) {
    out << "(" << number(points[k].first) << ", " << number(points[k].second) << ") -> (" << number(images[k].x)
        << ", " << number(images[k].y) << ")\n";
  }
  return 0;
}

}  // namespace

Command transform_command() { return {"transform", kUsage, kSummary, run_transform}; }

}  // namespace mlplay::cli
