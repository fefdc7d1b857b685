// mlplay fit: fit a line, a polynomial, an exponential or a sinusoid to two columns of a CSV file by
// gradient descent (Adam on the MSE), as in the curve-fitting lesson; print the parameters and MSE.
//   mlplay fit seattle-weather.csv --x date --y temp_max --model sinusoid
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/data/csv.h"
#include "mlplay/fitting/curve_fitter.h"
#include "mlplay/fitting/least_squares.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::fitting;

/// JSON has no NaN or infinity: those print as null.
nlohmann::ordered_json number(double value) { return std::isfinite(value) ? nlohmann::ordered_json(value) : nullptr; }

std::string read_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  check<IOError>(file.good(), "cannot open '", path, "'");
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::vector<double> pick(const std::vector<double>& values, const std::vector<int64_t>& index) {
  std::vector<double> out;
  for (int64_t i : index) out.push_back(values[static_cast<size_t>(i)]);
  return out;
}

int run_fit(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("fit", tokens, {"x", "y", "model", "steps", "lr", "period", "train", "holdout", "seed"}, {"json"});
  if (args.positionals().size() != 1) throw UsageError("fit: give exactly one CSV file");
  if (!args.has("x") || !args.has("y")) throw UsageError("fit: --x COLUMN and --y COLUMN are required");
  ModelSpec spec;
  try {
    spec = parse_model(args.value("model").value_or("line"));
  } catch (const ValueError& e) {
    throw UsageError(e.what());
  }
  const int64_t steps = args.integer("steps", 2000, 0, 10'000'000);
  const double lr = args.number("lr", 0.02, 1e-6, 10);
  const double period = args.number("period", 0, 0, 1e300);
  const double train = args.number("train", 1, 0.01, 1);
  const std::string holdout = args.value("holdout").value_or("random");
  if (holdout != "random" && holdout != "end") throw UsageError("fit: --holdout must be random or end, got '" + holdout + "'");
  const auto seed = static_cast<uint64_t>(args.integer("seed", 1, 0, INT64_MAX));

  const data::CsvTable table = data::read_csv(read_text(args.positionals()[0]));
  const data::NumericColumn x = data::numeric_column(table, *args.value("x"));
  const data::NumericColumn y = data::numeric_column(table, *args.value("y"));
  std::vector<double> x_train = x.values, y_train = y.values, x_val, y_val;
  if (train < 1) {
    const Split split = split_train_validation(static_cast<int64_t>(x.values.size()), train, holdout == "end", seed);
    x_train = pick(x.values, split.train), y_train = pick(y.values, split.train);
    x_val = pick(x.values, split.validation), y_val = pick(y.values, split.validation);
  }

  CurveFitter fitter(spec, x_train, y_train, {.lr = lr, .period = period});
  const double train_mse = fitter.step(steps);
  const double val_mse = x_val.empty() ? std::nan("") : fitter.mse(x_val, y_val);
  const bool polynomial = spec.kind == ModelKind::Line || spec.kind == ModelKind::Poly;
  PolynomialFit closed;
  if (polynomial) closed = fit_polynomial(x_train, y_train, spec.degree);

  if (args.flag("json")) {
    nlohmann::ordered_json params = nlohmann::ordered_json::object();
    for (const auto& p : fitter.parameters()) params[p.name] = number(p.value);
    nlohmann::ordered_json result = {
        {"model", model_name(spec)}, {"x", x.name}, {"y", y.name}, {"x_dates", x.dates},
        {"x_first_date", x.first_date}, {"points", x.values.size()}, {"train_points", x_train.size()},
        {"validation_points", x_val.size()}, {"steps", fitter.steps()}, {"lr", lr}, {"formula", fitter.formula()},
        {"parameters", params}, {"scaled_parameters", fitter.scaled_parameters()},
        {"scaling", {{"x_mean", fitter.scaling().x_mean}, {"x_std", fitter.scaling().x_std},
                     {"y_mean", fitter.scaling().y_mean}, {"y_std", fitter.scaling().y_std}}},
        {"train_mse", number(train_mse)}, {"validation_mse", number(val_mse)}, {"diverged", fitter.diverged()}};
    if (polynomial) {
      result["closed_form"] = {{"coefficients", closed.coefficients},
                               {"train_mse", number(closed.mse(x_train, y_train))},
                               {"validation_mse", number(x_val.empty() ? std::nan("") : closed.mse(x_val, y_val))},
                               {"condition_scaled", number(closed.condition_scaled)},
                               {"condition_raw", number(closed.condition_raw)}};
    }
    out << result.dump() << "\n";
    return 0;
  }
  char line[400];
  std::snprintf(line, sizeof line, "%s fit of %s against %s: %zu points (%zu train, %zu validation)\n",
                model_name(spec).c_str(), y.name.c_str(), x.name.c_str(), x.values.size(), x_train.size(), x_val.size());
  out << line;
  if (x.dates) out << "x: ISO dates in '" << x.name << "' converted to day numbers (day 0 = " << x.first_date << ")\n";
  std::snprintf(line, sizeof line, "gradient descent: %lld Adam steps, lr %g%s\n", static_cast<long long>(fitter.steps()),
                lr, fitter.diverged() ? " (stopped: the loss diverged)" : "");
  out << line << fitter.formula() << "\n";
  for (const auto& p : fitter.parameters()) {
    std::snprintf(line, sizeof line, "  %-12s = %.6g\n", p.name.c_str(), p.value);
    out << line;
  }
  if (spec.kind == ModelKind::Poly) {
    const Scaling& s = fitter.scaling();
    std::snprintf(line, sizeof line, "  (x̄ = %.6g, s_x = %.6g, ȳ = %.6g, s_y = %.6g)\n", s.x_mean, s.x_std, s.y_mean, s.y_std);
    out << line;
  }
  std::snprintf(line, sizeof line, "train MSE: %.6g\n", train_mse);
  out << line;
  if (!x_val.empty()) {
    std::snprintf(line, sizeof line, "validation MSE: %.6g\n", val_mse);
    out << line;
  }
  if (polynomial) {
    std::snprintf(line, sizeof line, "normal equations (closed form): train MSE %.6g; cond(ΦᵀΦ) %.3g scaled, %.3g raw x\n",
                  closed.mse(x_train, y_train), closed.condition_scaled, closed.condition_raw);
    out << line;
  }
  return 0;
}

}  // namespace

Command fit_command() {
  return {"fit",
          "mlplay fit FILE.csv --x COLUMN --y COLUMN --model sinusoid|poly:K|exp|line [--steps N] [--lr LR] "
          "[--period P] [--train FRACTION] [--holdout random|end] [--seed S] [--json]",
          "Fit a curve to two numeric CSV columns by gradient descent (Adam on the MSE, default 2000 steps) and print "
          "its parameters and MSE. An x column of ISO dates (YYYY-MM-DD) becomes day numbers, day 0 being the "
          "earliest date. --train < 1 holds out the rest for validation (random with --seed, or the end).",
          run_fit};
}

}  // namespace mlplay::cli
