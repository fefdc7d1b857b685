// mlplay derive: the critical points of f(x) on an interval, as in the derivatives lesson.
//   mlplay derive "x^3 - 3*x + 1"          Critical points found: x = -1 (max), x = 1 (min)
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "args.h"
#include "commands.h"
#include "mlplay/calculus/critical_points.h"
#include "mlplay/calculus/expression.h"

namespace mlplay::cli {
namespace {

/// A coordinate for people: 6 significant digits, and numerical dust around 0 shown as 0.
std::string show(double value, double scale) {
  if (std::fabs(value) < 1e-9 * scale) value = 0;
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

int run_derive(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("derive", tokens, {"from", "to"}, {"json"});
  if (args.positionals().empty()) throw UsageError("derive: give the function of x to study, e.g. \"x^3 - 3*x + 1\"");
  if (args.positionals().size() > 1) {
    throw UsageError("derive: unexpected argument '" + args.positionals()[1] + "' (quote the whole expression)");
  }
  const std::string& text = args.positionals()[0];
  const double from = args.number("from", -5, -1e9, 1e9);
  const double to = args.number("to", 5, -1e9, 1e9);
  if (!(from < to)) {
    throw UsageError("derive: --from (" + show(from, 1) + ") must be less than --to (" + show(to, 1) + ")");
  }

  Expression f = [&] {
    try {
      return Expression::parse(text);
    } catch (const ExpressionError& e) {
      // The message names the position; show it under the text too.
      throw ValueError(std::string(e.what()) + "\n  " + text + "\n  " + std::string(e.position() - 1, ' ') + "^");
    }
  }();
  const CriticalPoints points = find_critical_points(f, from, to);
  const double scale = to - from;

  if (args.flag("json")) {
    nlohmann::ordered_json critical = nlohmann::json::array(), inflections = nlohmann::json::array();
    for (const auto& p : points.critical) {
      critical.push_back({{"x", p.x}, {"y", p.y}, {"kind", to_string(p.kind)}, {"second_derivative", p.second_derivative},
                          {"test", p.by_second_derivative ? "second derivative" : "first derivative"}});
    }
    for (const auto& p : points.inflections) inflections.push_back({{"x", p.x}, {"y", p.y}, {"slope", p.slope}});
    nlohmann::ordered_json result = {{"expression", text},   {"parsed", f.to_string()},           {"from", from},
                                     {"to", to},             {"critical_points", critical},        {"inflection_points", inflections},
                                     {"truncated", points.truncated}};
    out << result.dump() << "\n";
    return 0;
  }

  out << "f(x) = " << f.to_string() << " on [" << show(from, 1) << ", " << show(to, 1) << "]\n";
  if (points.critical.empty()) {
    out << "Critical points found: none (f' does not reach 0 on this interval)\n";
  } else {
    out << "Critical points found: ";
    for (size_t i = 0; i < points.critical.size(); ++i) {
      const auto& p = points.critical[i];
      out << (i ? ", " : "") << "x = " << show(p.x, scale) << " (" << to_string(p.kind) << ")";
    }
    out << "\n";
    for (const auto& p : points.critical) {
      char line[160];
      std::snprintf(line, sizeof line, "  x = %-12s f(x) = %-12s f''(x) = %-12s %s%s\n", show(p.x, scale).c_str(),
                    show(p.y, 1).c_str(), show(p.second_derivative, 1e3).c_str(), to_string(p.kind),
                    p.by_second_derivative ? "" : " (f'' ~ 0: decided by the sign of f' on either side)");
      out << line;
    }
  }
  out << "Inflection points (f'' changes sign): ";
  if (points.inflections.empty()) out << "none";
  for (size_t i = 0; i < points.inflections.size(); ++i) {
    out << (i ? ", " : "") << "x = " << show(points.inflections[i].x, scale);
  }
  out << "\n";
  if (points.truncated) out << "(only the first " << kMaxCriticalPoints << " of each are listed; narrow --from/--to)\n";
  return 0;
}

}  // namespace

Command derive_command() {
  return {"derive", "mlplay derive \"EXPRESSION\" [--from A] [--to B] [--json]",
          "Find and classify the critical points of f(x) on [A, B] (default [-5, 5]) by numerical derivatives.",
          run_derive};
}

}  // namespace mlplay::cli
