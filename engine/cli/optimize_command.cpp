// mlplay optimize: one optimizer's path down a 2D surface, as in the gradient-descent lesson.
//   mlplay optimize --function rosenbrock --optimizer adam --lr 0.01 --steps 5000
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "args.h"
#include "commands.h"
#include "mlplay/optimization/descent.h"
#include "mlplay/optimization/surface.h"

namespace mlplay::cli {
namespace {

std::string show(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

std::string choice(const Args& args, const std::string& flag, const std::string& fallback, const std::vector<std::string>& names) {
  const std::string value = args.value(flag).value_or(fallback);
  for (const auto& name : names) {
    if (name == value) return value;
  }
  std::string list;
  for (const auto& name : names) list += (list.empty() ? "" : "|") + name;
  throw UsageError("optimize: --" + flag + " must be one of " + list + ", got '" + value + "'");
}

/// "X,Y" -> {X, Y}.
std::array<double, 2> parse_point(const std::string& text) {
  std::istringstream in(text);
  double x = 0, y = 0;
  char comma = 0;
  if (!(in >> x >> comma >> y) || comma != ',' || !(in >> std::ws).eof() || !std::isfinite(x) || !std::isfinite(y)) {
    throw UsageError("optimize: --from must be two numbers X,Y such as -1.5,2, got '" + text + "'");
  }
  return {x, y};
}

int run_optimize(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("optimize", tokens, {"function", "optimizer", "lr", "steps", "from", "schedule"}, {"json"});
  if (!args.positionals().empty()) {
    throw UsageError("optimize: unexpected argument '" + args.positionals()[0] + "' (quote the whole --function expression)");
  }
  const std::string function = args.value("function").value_or("rosenbrock");
  const optimization::Surface surface = [&] {
    try {
      return optimization::Surface::from_text(function);
    } catch (const ExpressionError& e) {
      // The message names the position; show it under the text too.
      throw ValueError(std::string(e.what()) + "\n  " + function + "\n  " + std::string(e.position() - 1, ' ') + "^");
    }
  }();
  optimization::DescentOptions options;
  options.optimizer = choice(args, "optimizer", "adam", optimization::optimizer_names());
  options.schedule = choice(args, "schedule", "constant", optimization::schedule_names());
  options.lr = args.number("lr", 0.01, 0, 1e6);
  options.steps = args.integer("steps", 1000, 0, 100000);
  const auto start = args.has("from") ? parse_point(*args.value("from")) : surface.start();
  options.x0 = start[0];
  options.y0 = start[1];

  const optimization::DescentPath path = optimization::descend(surface, options);
  const double x = path.x.back(), y = path.y.back(), loss = path.loss.back();
  if (args.flag("json")) {
    auto number = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
    nlohmann::ordered_json result = {{"function", surface.name()},
                                     {"formula", surface.formula()},
                                     {"optimizer", options.optimizer},
                                     {"lr", options.lr},
                                     {"schedule", options.schedule},
                                     {"from", {start[0], start[1]}},
                                     {"steps", options.steps},
                                     {"steps_taken", path.steps_taken},
                                     {"end", {number(x), number(y)}},
                                     {"final_loss", number(loss)},
                                     {"diverged", path.diverged},
                                     {"reason", path.reason}};
    out << result.dump() << "\n";
    return 0;
  }
  out << "f(x, y) = " << surface.formula() << " (" << surface.name() << ")\n";
  out << options.optimizer << ", lr " << show(options.lr) << ", schedule " << options.schedule << ", from (" << show(start[0]) << ", "
      << show(start[1]) << ")\n";
  // The loss along the way at steps 0, 1, 10, 100, … and the last.
  for (int64_t k = 0; k <= path.steps_taken; k = k == 0 ? 1 : k * 10) out << "  step " << k << ": f = " << show(path.loss[k]) << "\n";
  const int64_t last = path.steps_taken;
  bool printed = last == 0;
  for (int64_t k = 1; k <= last && !printed; k *= 10) printed = k == last;
  if (!printed) out << "  step " << last << ": f = " << show(path.loss[last]) << "\n";
  out << "End point: (" << show(x) << ", " << show(y) << ")\n";
  out << "Final loss: " << show(loss) << "\n";
  if (!surface.minima().empty()) {
    // The nearest of the surface's known minima, to compare the end point with.
    const auto nearest = *std::min_element(surface.minima().begin(), surface.minima().end(), [&](const auto& a, const auto& b) {
      return std::hypot(a[0] - x, a[1] - y) < std::hypot(b[0] - x, b[1] - y);
    });
    out << "Nearest known minimum: (" << show(nearest[0]) << ", " << show(nearest[1]) << "), distance "
        << show(std::hypot(nearest[0] - x, nearest[1] - y)) << "\n";
  }
  out << "Steps taken: " << path.steps_taken << " of " << options.steps << "\n";
  out << "Diverged: " << (path.diverged ? "yes — " + path.reason : std::string("no")) << "\n";
  return 0;
}

}  // namespace

Command optimize_command() {
  return {"optimize",
          "mlplay optimize --function rosenbrock|bowl|ravine|saddle|himmelblau|\"EXPR\" --optimizer "
          "sgd|momentum|nesterov|adagrad|rmsprop|adam|adamw --lr 0.01 --steps N [--from X,Y] "
          "[--schedule constant|step|cosine|warmup] [--json]",
          "Run one optimizer down a 2D surface; print the end point, final loss, steps taken and whether it diverged.",
          run_optimize};
}

}  // namespace mlplay::cli
