// mlplay linreg: linear regression of a CSV's numeric target on its other columns (text columns one-hot
// encoded, first level left out), as in the linear-regression lesson: the normal equation, batch or
// mini-batch gradient descent, ridge (closed form) or lasso (coordinate descent); R², MSE and MAE on
// the training and test rows.
//   mlplay linreg datasets/ames.csv --target Sale_Price --features Gr_Liv_Area,Year_Built --method gd --standardize
#include <chrono>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/linear_model/gd_regressor.h"
#include "mlplay/linear_model/lasso.h"
#include "mlplay/linear_model/normal_equation.h"
#include "table_args.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::linear_model;
using json = nlohmann::ordered_json;

json number(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

json metrics_json(const RegressionMetrics& m) { return {{"mse", number(m.mse)}, {"mae", number(m.mae)}, {"r2", number(m.r2)}}; }

json coefficients_json(const LinearModel& m, const std::vector<std::string>& names) {
  json out = json::object();
  for (size_t j = 0; j < names.size(); ++j) out[names[j]] = number(m.coef[j]);
  return out;
}

std::string short_list(const std::vector<double>& values, size_t limit = 6) {
  std::string out = "[";
  char cell[40];
  for (size_t j = 0; j < values.size() && j < limit; ++j) {
    std::snprintf(cell, sizeof cell, "%s%.4g", j ? ", " : "", values[j]);
    out += cell;
  }
  return out + (values.size() > limit ? ", …]" : "]");
}

/// 1, 2, 5, 10, 20, 50, …: the epochs whose loss the report lists.
bool is_milestone(int64_t e) {
  while (e >= 10 && e % 10 == 0) e /= 10;
  return e == 1 || e == 2 || e == 5;
}

int run_linreg(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("linreg", tokens, with_table_options({"method", "ridge", "lasso", "lr", "epochs", "batch-size"}), {"standardize", "json"});
  const std::string method = args.value("method").value_or("normal");
  if (method != "normal" && method != "gd" && method != "sgd") {
    throw UsageError("linreg: --method must be normal, gd or sgd, got '" + method + "'");
  }
  const double ridge = args.number("ridge", 0, 0, 1e12);
  const double lasso = args.number("lasso", 0, 0, 1e12);
  if (args.has("ridge") && args.has("lasso")) throw UsageError("linreg: choose --ridge or --lasso, not both");
  if (args.has("lasso") && method != "normal") {
    throw UsageError("linreg: the lasso is fitted by coordinate descent; leave out --method (or use --method normal) with --lasso");
  }
  const bool gd = method != "normal";
  const double lr = args.number("lr", 0.1, 1e-15, 1e6);
  const int64_t epochs = args.integer("epochs", method == "sgd" ? 50 : 1000, 1, 1'000'000);
  const int64_t batch_size = args.integer("batch-size", 32, 1, INT64_MAX);
  if (!gd && (args.has("lr") || args.has("epochs") || args.has("batch-size"))) {
    throw UsageError("linreg: --lr, --epochs and --batch-size are for --method gd or sgd");
  }
  const std::string csv = table_csv_text(args);
  data::TableSpec spec = table_spec(args, data::TargetKind::numbers);
  spec.drop_first = true;  // with an intercept, all levels of a one-hot column would be dependent
  const SplitOptions split_opts = split_options(args);
  const bool standardize = args.flag("standardize");

  const data::Dataset all = data::load_table_text(csv, spec);
  const data::Split split = data::train_test_split(all, split_opts.test_fraction, split_opts.seed, false);
  data::Dataset train = all.subset(split.train), test = all.subset(split.test);
  data::Standardizer scaler;
  if (standardize) {
    scaler = data::Standardizer::fit(train);
    scaler.apply(train);
    scaler.apply(test);
  }
  const HessianSpectrum spectrum = hessian_spectrum(train);

  const auto start = std::chrono::steady_clock::now();
  LinearModel model;
  double condition = std::nan("");
  std::vector<std::pair<int64_t, double>> history;
  int lasso_sweeps = 0;
  if (gd) {
    GdRegressor regressor(train, {.lr = lr, .batch_size = method == "sgd" ? static_cast<size_t>(batch_size) : 0, .lambda = ridge,
                                  .seed = split_opts.seed});
    history.emplace_back(0, regressor.mse());
    for (int64_t e = 1; e <= epochs; ++e) {
      const double loss = regressor.step_epoch();
      if (e == epochs || is_milestone(e) || regressor.diverged()) history.emplace_back(e, loss);
      if (regressor.diverged() && method == "sgd") {
        throw ValueError(detail::concat("mini-batch gradient descent diverged at epoch ", e, ": the learning rate ", lr,
                                        " is too large for steps on ", batch_size, " rows (a batch's gradient can be much ",
                                        "steeper than the full one's, e.g. with rare one-hot levels); lower --lr or raise --batch-size"));
      }
      if (regressor.diverged()) {
        throw ValueError(detail::concat("gradient descent diverged at epoch ", e, ": the learning rate ", lr,
                                        " is above 2/L = ", 2 / spectrum.largest, " for these features (L = ", spectrum.largest,
                                        ", the largest eigenvalue of XᵀX/n)", standardize ? "" : "; add --standardize", " or lower --lr"));
      }
    }
    model = regressor.model();
  } else if (args.has("lasso")) {
    const LassoFit fit = fit_lasso(train, lasso);
    model = fit.model;
    lasso_sweeps = fit.sweeps;
  } else {
    const NormalEquationFit fit = fit_normal_equation(train, ridge);
    model = fit.model;
    condition = fit.condition;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const RegressionMetrics train_m = regression_metrics(train.y, model.predict(train));
  const RegressionMetrics test_m = regression_metrics(test.y, model.predict(test));
  const LinearModel original = standardize ? unstandardize(model, scaler) : model;
  // For gradient descent: how far it is from the closed-form answer to the same problem.
  LinearModel reference;
  double gap = std::nan("");
  if (gd) {
    reference = fit_normal_equation(train, ridge).model;
    gap = std::abs(reference.intercept - model.intercept);
    for (size_t j = 0; j < model.coef.size(); ++j) gap = std::max(gap, std::abs(reference.coef[j] - model.coef[j]));
  }
  const std::string penalty = args.has("lasso") ? "lasso" : args.has("ridge") ? "ridge" : "none";

  if (args.flag("json")) {
    json result = {{"target", all.target_name}, {"features", all.feature_names}, {"rows", all.rows},
                   {"train_rows", train.rows}, {"test_rows", test.rows}, {"dropped_rows", all.dropped_rows},
                   {"method", method}, {"standardize", standardize}, {"penalty", penalty},
                   {"lambda", penalty == "lasso" ? lasso : ridge}, {"intercept", number(original.intercept)},
                   {"coefficients", coefficients_json(original, all.feature_names)}};
    if (standardize) {
      result["standardized"] = {{"intercept", number(model.intercept)}, {"coefficients", coefficients_json(model, all.feature_names)}};
    }
    result["train"] = metrics_json(train_m);
    result["test"] = metrics_json(test_m);
    result["hessian"] = {{"largest", number(spectrum.largest)}, {"smallest", number(spectrum.smallest)},
                         {"condition", number(spectrum.condition)}};
    if (!gd && penalty != "lasso") result["condition"] = number(condition);
    if (penalty == "lasso") result["lasso_sweeps"] = lasso_sweeps;
    if (gd) {
      json h = json::array();
      for (const auto& [e, loss] : history) h.push_back({{"epoch", e}, {"mse", number(loss)}});
      result["lr"] = lr;
      result["epochs"] = epochs;
      if (method == "sgd") result["batch_size"] = batch_size;
      result["history"] = h;
      result["max_gap_to_normal_equation"] = number(gap);
    }
    result["seconds"] = seconds;
    out << result.dump() << "\n";
    return 0;
  }

  char line[512];
  out << "=== Linear regression ===\n";
  std::snprintf(line, sizeof line, "Target: %s; %zu features from %zu rows (%zu train, %zu test%s)\n", all.target_name.c_str(), all.cols,
                all.rows, train.rows, test.rows, all.dropped_rows ? ", rows with missing cells left out" : "");
  out << line;
  std::string names;
  for (size_t j = 0; j < all.cols && j < 8; ++j) names += (j ? ", " : "") + all.feature_names[j];
  out << "Features: " << names << (all.cols > 8 ? ", …" : "") << (standardize ? " (standardized on the training rows)" : "") << "\n";
  if (gd) {
    std::snprintf(line, sizeof line, "Method: %s gradient descent, lr %g%s%s\n", method == "sgd" ? "mini-batch" : "batch", lr,
                  method == "sgd" ? (", batch size " + std::to_string(batch_size)).c_str() : "",
                  ridge > 0 ? (", ridge λ " + std::to_string(ridge)).c_str() : "");
    out << line;
    for (const auto& [e, loss] : history) {
      std::snprintf(line, sizeof line, "Epoch %lld: MSE = %.6g\n", static_cast<long long>(e), loss);
      out << line;
    }
  } else if (penalty == "lasso") {
    std::snprintf(line, sizeof line, "Method: lasso λ = %g by coordinate descent (%d sweeps)\n", lasso, lasso_sweeps);
    out << line;
  } else {
    std::snprintf(line, sizeof line, "Method: normal equation%s, cond(XᵀX) = %.3g\n",
                  ridge > 0 ? (" with ridge λ = " + std::to_string(ridge)).c_str() : "", condition);
    out << line;
  }
  std::snprintf(line, sizeof line, "Training time: %.4f s\n", seconds);
  out << line;
  std::snprintf(line, sizeof line, "Intercept: %.6g\n", original.intercept);
  out << line << "Coefficients: " << short_list(original.coef) << "\n";
  for (size_t j = 0; j < all.cols; ++j) {
    std::snprintf(line, sizeof line, "  %-36s %14.6g\n", all.feature_names[j].c_str(), original.coef[j]);
    out << line;
  }
  if (gd) {
    std::snprintf(line, sizeof line, "Largest gap to the normal equation's coefficients: %.3g%s\n", gap,
                  standardize ? " (standardized units)" : "");
    out << line;
  }
  std::snprintf(line, sizeof line, "Train: MSE %.6g  MAE %.6g  R² %.4f\n", train_m.mse, train_m.mae, train_m.r2);
  out << line;
  std::snprintf(line, sizeof line, "Test:  MSE %.6g  MAE %.6g  R² %.4f\n", test_m.mse, test_m.mae, test_m.r2);
  out << line;
  return 0;
}

}  // namespace

Command linreg_command() {
  return {"linreg",
          "mlplay linreg FILE.csv --target COLUMN [--method normal|gd|sgd] [--ridge L] [--lasso L] [--standardize] "
          "[--lr LR] [--epochs N] [--batch-size B] [--features a,b] [--drop c] [--missing error|drop|fill] "
          "[--test-fraction F] [--seed S] [--json]",
          "Linear regression on a CSV's numeric target: normal equation (default), batch (gd) or mini-batch (sgd) gradient "
          "descent, ridge or lasso (coordinate descent); coefficients and R², MSE, MAE on the training and test rows.",
          run_linreg};
}

}  // namespace mlplay::cli
