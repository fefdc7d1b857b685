#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numbers>
#include <sstream>
#include <cstdio>
#include <fstream>

#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/fitting/curve_fitter.h"
#include "mlplay/fitting/least_squares.h"

using namespace mlplay::fitting;
using Catch::Matchers::Contains;

namespace {

std::vector<double> grid(int n, double from, double to) {
  std::vector<double> x(n);
  for (int i = 0; i < n; ++i) x[i] = from + (to - from) * i / (n - 1);
  return x;
}

template <typename F>
std::vector<double> apply(const std::vector<double>& x, F f) {
  std::vector<double> y;
  for (double v : x) y.push_back(f(v));
  return y;
}

double named(const CurveFitter& fitter, const std::string& name) {
  for (const auto& p : fitter.parameters())
    if (p.name == name) return p.value;
  FAIL("no parameter " << name);
  return 0;
}

}  // namespace

TEST_CASE("parse_model reads line, poly:K, exp and sinusoid", "[fitting]") {
  REQUIRE(parse_model("poly:12").degree == 12);
  REQUIRE(parse_model("sinusoid").kind == ModelKind::Sinusoid);
  REQUIRE(model_name(parse_model("poly:3")) == "poly:3");
  REQUIRE_THROWS_WITH(parse_model("poly:13"), Contains("degree must be a whole number from 0 to 12, got '13'"));
  REQUIRE_THROWS_WITH(parse_model("cubic"), "fit: unknown model 'cubic'; expected line, poly:K, exp or sinusoid");
}

TEST_CASE("gradient descent recovers a line", "[fitting]") {
  const auto x = grid(50, 100, 200);
  CurveFitter fitter(parse_model("line"), x, apply(x, [](double v) { return 3 - 0.5 * v; }));
  REQUIRE(fitter.step(1500) < 1e-3);
  REQUIRE(named(fitter, "slope m") == Approx(-0.5).epsilon(1e-3));
  REQUIRE(named(fitter, "intercept b") == Approx(3).margin(0.05));
}

TEST_CASE("gradient descent recovers a cubic and agrees with the normal equations", "[fitting]") {
  const auto x = grid(80, -2, 3);
  const auto y = apply(x, [](double v) { return 1 + 2 * v - v * v + 0.5 * v * v * v; });
  CurveFitter fitter(parse_model("poly:3"), x, y);
  fitter.step(4000);
  const PolynomialFit closed = fit_polynomial(x, y, 3);
  REQUIRE(closed.mse(x, y) < 1e-18);
  const auto w = fitter.scaled_parameters();
  for (int k = 0; k <= 3; ++k) REQUIRE(w[k] == Approx(closed.coefficients[k]).margin(2e-3));
  const auto gd = fitter.predict({0.5, 2.5}), exact = closed.predict({0.5, 2.5});
  REQUIRE(gd[0] == Approx(exact[0]).margin(0.02));
  REQUIRE(gd[1] == Approx(exact[1]).margin(0.02));
  REQUIRE(closed.condition_raw > closed.condition_scaled);
}

TEST_CASE("gradient descent recovers an exponential", "[fitting]") {
  const auto x = grid(60, 0, 4);
  CurveFitter fitter(parse_model("exp"), x, apply(x, [](double v) { return 2 * std::exp(0.7 * v) + 1; }));
  fitter.step(6000);
  REQUIRE(named(fitter, "A") == Approx(2).epsilon(0.02));
  REQUIRE(named(fitter, "B") == Approx(0.7).epsilon(0.01));
  REQUIRE(named(fitter, "C") == Approx(1).margin(0.1));
}

TEST_CASE("gradient descent recovers a yearly sinusoid from a nearby starting period", "[fitting]") {
  const double pi = std::numbers::pi;
  const auto x = grid(400, 0, 1460);
  const auto y = apply(x, [&](double d) { return 15 + 7 * std::sin(2 * pi * d / 365.25 - 1.9); });
  CurveFitter fitter(parse_model("sinusoid"), x, y, {.lr = 0.02, .period = 350});
  fitter.step(3000);
  REQUIRE(fitter.loss() < 0.01);
  REQUIRE(named(fitter, "amplitude A") == Approx(7).epsilon(0.01));
  REQUIRE(named(fitter, "period P") == Approx(365.25).epsilon(0.002));
  REQUIRE(named(fitter, "offset C") == Approx(15).epsilon(0.01));
  REQUIRE(std::remainder(named(fitter, "phase φ") + 1.9, 2 * pi) == Approx(0).margin(0.03));
}

TEST_CASE("fitters refuse bad input with the operation and the values", "[fitting]") {
  REQUIRE_THROWS_WITH(CurveFitter(parse_model("poly:5"), {1, 2, 3}, {1, 2, 3}),
                      "fit: poly:5 has 6 parameters, so it needs at least 6 points; got 3");
  REQUIRE_THROWS_WITH(CurveFitter(parse_model("line"), {1, 2}, {1}), "fit: x has 2 values but y has 1");
  REQUIRE_THROWS_WITH(fit_polynomial({1, 2}, {1, 2}, 2), Contains("degree 2 needs at least 3 points; got 2"));
}

TEST_CASE("the split is seeded and the degree sweep shows overfitting", "[fitting]") {
  const Split a = split_train_validation(100, 0.7, false, 3), b = split_train_validation(100, 0.7, false, 3);
  REQUIRE(a.train == b.train);
  REQUIRE(a.train.size() == 70);
  REQUIRE(a.validation.size() == 30);
  const Split end = split_train_validation(10, 0.8, true, 0);
  REQUIRE(end.validation == std::vector<int64_t>{8, 9});
  REQUIRE_THROWS_WITH(split_train_validation(10, 1.5, false, 0), Contains("train fraction must be between 0 and 1, got 1.5"));
  // Noisy quadratic, extrapolating to the last 30 %: training MSE falls with the degree, validation
  // MSE is smallest near the true degree and explodes at 12.
  const auto x = grid(60, 0, 6);
  std::vector<double> y;
  for (size_t i = 0; i < x.size(); ++i) y.push_back(x[i] * x[i] - 3 * x[i] + 0.3 * std::sin(37.0 * i));
  const Split s = split_train_validation(60, 0.7, true, 0);
  std::vector<double> xt, yt, xv, yv;
  for (auto i : s.train) xt.push_back(x[i]), yt.push_back(y[i]);
  for (auto i : s.validation) xv.push_back(x[i]), yv.push_back(y[i]);
  const auto scores = degree_sweep(xt, yt, xv, yv, 12);
  REQUIRE(scores.size() == 13);
  REQUIRE(scores[12].train_mse < scores[2].train_mse);
  REQUIRE(scores[2].validation_mse < scores[1].validation_mse);
  REQUIRE(scores[12].validation_mse > 100 * scores[2].validation_mse);
}

TEST_CASE("mlplay fit reads a CSV with a date column and prints JSON", "[cli]") {
  const std::string path = "curve_fitting_test_days.csv";
  {
    std::ofstream file(path);
    file << "day,\"temp, C\"\n";
    for (int d = 0; d < 40; ++d) file << d << "," << 2.5 * d + 4 << "\n";
  }
  std::ostringstream out, err;
  REQUIRE(mlplay::cli::run_cli({"fit", path, "--x", "day", "--y", "temp, C", "--model", "line", "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["parameters"]["slope m"].get<double>() == Approx(2.5).epsilon(1e-3));
  REQUIRE(json["train_mse"].get<double>() < 1e-3);
  REQUIRE(json["closed_form"]["train_mse"].get<double>() < 1e-12);

  {
    std::ofstream file(path);
    file << "date,v\n2012-01-01,1\n2012-01-02,2\n2012-01-04,x\n";
  }
  std::ostringstream out2, err2;
  REQUIRE(mlplay::cli::run_cli({"fit", path, "--x", "date", "--y", "v"}, out2, err2) == 1);
  REQUIRE_THAT(err2.str(), Contains("CSV row 4, column 'v': 'x' is not a number"));
  std::ostringstream out3, err3;
  REQUIRE(mlplay::cli::run_cli({"fit", path, "--x", "date", "--y", "v", "--model", "poly:99"}, out3, err3) == 2);
  std::remove(path.c_str());
}
