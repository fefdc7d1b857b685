#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "../generated/linear_model_golden.h"
#include "mlplay/core/error.h"
#include "mlplay/data/table.h"
#include "mlplay/linear_model/gd_regressor.h"
#include "mlplay/linear_model/lasso.h"
#include "mlplay/linear_model/linear_model.h"
#include "mlplay/linear_model/normal_equation.h"
#include "support/repo_files.h"

using namespace mlplay::linear_model;
using mlplay::data::Dataset;
using Catch::Matchers::Contains;
namespace golden = mlplay::golden::linear_model;

namespace {

Dataset make_dataset(const std::vector<std::vector<double>>& x, const std::vector<double>& y, std::vector<std::string> names = {}) {
  Dataset d;
  d.rows = x.size();
  d.cols = x.empty() ? 0 : x[0].size();
  for (const auto& row : x) d.x.insert(d.x.end(), row.begin(), row.end());
  d.y = y;
  if (names.empty()) {
    for (size_t j = 0; j < d.cols; ++j) names.push_back("x" + std::to_string(j + 1));
  }
  d.feature_names = names;
  for (size_t i = 0; i < d.rows; ++i) d.file_rows.push_back(i + 2);
  d.target_kind = mlplay::data::TargetKind::numbers;
  return d;
}

Dataset ames(const std::vector<const char*>& features) {
  mlplay::data::TableSpec spec;
  spec.target = "Sale_Price";
  spec.target_kind = mlplay::data::TargetKind::numbers;
  for (const char* f : features) spec.features.push_back(f);
  return mlplay::data::load_table_text(mlplay::testing::dataset_text("ames.csv"), spec);
}

void require_close(const LinearModel& got, const golden::Fit& want, double rel) {
  INFO(want.kind << " λ = " << want.lambda);
  REQUIRE(got.coef.size() == want.coef.size());
  for (size_t j = 0; j < got.coef.size(); ++j) {
    INFO("coefficient " << j);
    REQUIRE(got.coef[j] == Approx(want.coef[j]).epsilon(rel).margin(1e-9));
  }
  REQUIRE(got.intercept == Approx(want.intercept).epsilon(rel));
}

}  // namespace

TEST_CASE("normal equation, ridge and lasso match scikit-learn on a small set", "[linear_model]") {
  const Dataset d = make_dataset(golden::kSmallX, golden::kSmallY);
  for (const auto& want : golden::kSmallFits) {
    const std::string kind = want.kind;
    if (kind == "ols") require_close(fit_normal_equation(d).model, want, 1e-10);
    if (kind == "ridge") require_close(fit_normal_equation(d, want.lambda).model, want, 1e-10);
    if (kind == "lasso") {
      const LassoFit fit = fit_lasso(d, want.lambda);
      REQUIRE(fit.converged);
      require_close(fit.model, want, 1e-5);
    }
  }
}

TEST_CASE("regression metrics match scikit-learn", "[linear_model]") {
  const Dataset d = make_dataset(golden::kSmallX, golden::kSmallY);
  const LinearModel m = fit_normal_equation(d).model;
  const RegressionMetrics metrics = regression_metrics(d.y, m.predict(d));
  REQUIRE(metrics.mse == Approx(golden::kSmallMse).epsilon(1e-9));
  REQUIRE(metrics.mae == Approx(golden::kSmallMae).epsilon(1e-9));
  REQUIRE(metrics.r2 == Approx(golden::kSmallR2).epsilon(1e-12));
  // Predicting the mean scores R² = 0; a perfect fit 1.
  REQUIRE(regression_metrics({1, 2, 3}, {2, 2, 2}).r2 == Approx(0.0).margin(1e-15));
  REQUIRE(regression_metrics({1, 2, 3}, {1, 2, 3}).r2 == 1.0);
  REQUIRE_THROWS_AS(regression_metrics({1, 2}, {1}), mlplay::ValueError);
}

TEST_CASE("normal equation, ridge and lasso match scikit-learn on four Ames columns", "[linear_model]") {
  const Dataset d = ames(golden::kAmesFeatures);
  REQUIRE(d.rows == 2930);
  for (const auto& want : golden::kAmesFits) {
    const std::string kind = want.kind;
    if (kind == "ols") require_close(fit_normal_equation(d).model, want, 1e-8);
    if (kind == "ridge") require_close(fit_normal_equation(d, want.lambda).model, want, 1e-8);
    if (kind == "lasso") {
      const LassoFit fit = fit_lasso(d, want.lambda);
      REQUIRE(fit.converged);
      require_close(fit.model, want, 1e-6);
    }
  }
}

TEST_CASE("a line through exact points is recovered exactly", "[linear_model]") {
  const Dataset d = make_dataset({{0}, {1}, {2}, {3}}, {1, 3, 5, 7});
  const NormalEquationFit fit = fit_normal_equation(d);
  REQUIRE(fit.model.coef[0] == Approx(2.0));
  REQUIRE(fit.model.intercept == Approx(1.0));
  REQUIRE(fit.condition == Approx(1.0));
}

TEST_CASE("a singular XᵀX names the constant, duplicated or dependent feature", "[linear_model]") {
  SECTION("constant") {
    const Dataset d = make_dataset({{1, 5}, {2, 5}, {3, 5}, {4, 5}}, {1, 2, 3, 5}, {"size", "floors"});
    REQUIRE_THROWS_MATCHES(fit_normal_equation(d), SingularMatrixError, Catch::Message(
        "normal equation: XᵀX is singular: the feature 'floors' is constant (one value in every row), so its column is the intercept's "
        "column over again; leave it out or add a ridge penalty"));
    // Ridge makes it solvable; the constant feature gets 0.
    REQUIRE(fit_normal_equation(d, 0.1).model.coef[1] == Approx(0.0).margin(1e-12));
  }
  SECTION("duplicated in other units") {
    const Dataset d = make_dataset({{1, 10.764}, {2, 21.528}, {3, 32.292}, {5, 53.82}}, {1, 2, 4, 5}, {"area_m2", "area_ft2"});
    REQUIRE_THROWS_WITH(fit_normal_equation(d), Contains("'area_m2' and 'area_ft2' are identical up to scale and shift"));
  }
  SECTION("a combination of others") {
    const Dataset d = make_dataset({{1, 0, 1}, {0, 1, 1}, {1, 1, 2}, {2, 1, 3}, {0, 3, 3}}, {1, 2, 3, 4, 5}, {"a", "b", "total"});
    REQUIRE_THROWS_WITH(fit_normal_equation(d), Contains("is a linear combination of the others"));
    REQUIRE(explain_singular(d).find("linear combination") != std::string::npos);
  }
  REQUIRE(explain_singular(make_dataset(golden::kSmallX, golden::kSmallY)).empty());
  REQUIRE_THROWS_WITH(fit_normal_equation(make_dataset({{1}, {2}}, {1, 2}), -1), Contains("must be ≥ 0"));
}

TEST_CASE("soft thresholding and the lasso's λ_max", "[linear_model]") {
  REQUIRE(soft_threshold(3, 1) == 2);
  REQUIRE(soft_threshold(-3, 1) == -2);
  REQUIRE(soft_threshold(0.5, 1) == 0);
  const Dataset d = make_dataset(golden::kSmallX, golden::kSmallY);
  const double top = lasso_lambda_max(d);
  for (double c : fit_lasso(d, top * 1.0001).model.coef) REQUIRE(c == 0.0);
  int nonzero = 0;
  for (double c : fit_lasso(d, top * 0.9).model.coef) nonzero += c != 0.0;
  REQUIRE(nonzero == 1);
  // At λ = 0 the lasso is least squares.
  require_close(fit_lasso(d, 0).model, golden::kSmallFits[0], 1e-7);
}

TEST_CASE("the lasso path warm-starts from the largest λ and agrees with single fits", "[linear_model]") {
  const Dataset d = make_dataset(golden::kSmallX, golden::kSmallY);
  const std::vector<double> grid = log_grid(lasso_lambda_max(d), 1e-3, 12);
  REQUIRE(grid.front() == Approx(lasso_lambda_max(d)));
  REQUIRE(grid.back() == Approx(1e-3));
  const auto path = lasso_path(d, grid);
  for (size_t k = 0; k < grid.size(); ++k) {
    const LinearModel single = fit_lasso(d, grid[k]).model;
    for (size_t j = 0; j < single.coef.size(); ++j) REQUIRE(path[k].coef[j] == Approx(single.coef[j]).margin(1e-8));
  }
  // The ridge path shrinks every coefficient towards 0 as λ grows.
  const auto ridge = ridge_path(d, {1e-3, 1, 1e3});
  double previous = INFINITY;
  for (const auto& m : ridge) {
    double norm = 0;
    for (double c : m.coef) norm += c * c;
    REQUIRE(norm < previous);
    previous = norm;
  }
}

TEST_CASE("batch and mini-batch gradient descent reach the normal equation's coefficients", "[linear_model]") {
  Dataset d = ames({"Gr_Liv_Area", "Year_Built", "Total_Bsmt_SF", "Garage_Cars"});
  const auto scaler = mlplay::data::Standardizer::fit(d);
  scaler.apply(d);
  const LinearModel exact = fit_normal_equation(d).model;
  GdRegressor batch(d, {.lr = 0.5});
  double loss = INFINITY;
  for (int e = 0; e < 400; ++e) {
    const double next = batch.step_epoch();
    REQUIRE(next <= loss * (1 + 1e-12));  // batch GD with a small enough step never goes up
    loss = next;
  }
  for (size_t j = 0; j < exact.coef.size(); ++j) REQUIRE(batch.model().coef[j] == Approx(exact.coef[j]).epsilon(1e-6));
  REQUIRE(batch.model().intercept == Approx(exact.intercept).epsilon(1e-9));
  REQUIRE(batch.epochs() == 400);

  GdRegressor mini(d, {.lr = 0.01, .batch_size = 32, .seed = 3});
  for (int e = 0; e < 60; ++e) mini.step_epoch();
  for (size_t j = 0; j < exact.coef.size(); ++j) REQUIRE(mini.model().coef[j] == Approx(exact.coef[j]).epsilon(0.05));
  // Back in dollars per square foot etc., the same as the unscaled normal equation.
  const LinearModel dollars = unstandardize(batch.model(), scaler);
  require_close(dollars, golden::kAmesFits[0], 1e-5);
  const LinearModel back = standardize(dollars, scaler);
  REQUIRE(back.coef[0] == Approx(batch.model().coef[0]));
  REQUIRE(back.intercept == Approx(batch.model().intercept));
}

TEST_CASE("gradient descent with a ridge penalty reaches the ridge solution", "[linear_model]") {
  Dataset d = make_dataset(golden::kSmallX, golden::kSmallY);
  mlplay::data::Standardizer::fit(d).apply(d);
  const LinearModel ridge = fit_normal_equation(d, 0.5).model;
  GdRegressor gd(d, {.lr = 0.3, .lambda = 0.5});
  for (int e = 0; e < 3000; ++e) gd.step_epoch();
  for (size_t j = 0; j < ridge.coef.size(); ++j) REQUIRE(gd.model().coef[j] == Approx(ridge.coef[j]).epsilon(1e-8));
}

TEST_CASE("unscaled features make gradient descent crawl or diverge", "[linear_model]") {
  const Dataset raw = ames({"Gr_Liv_Area", "Year_Built"});
  Dataset scaled = raw;
  mlplay::data::Standardizer::fit(scaled).apply(scaled);
  const HessianSpectrum r = hessian_spectrum(raw), s = hessian_spectrum(scaled);
  REQUIRE(r.condition > 1e6);
  REQUIRE(s.condition < 10);
  // Standardized features: H = [[1, 0], [0, corr]] blocks, so the largest eigenvalue is 1 + |corr|.
  REQUIRE(s.largest < 2.0);
  GdRegressor too_fast(raw, {.lr = 2.5 / r.largest});
  for (int e = 0; e < 200 && !too_fast.diverged(); ++e) too_fast.step_epoch();
  REQUIRE(too_fast.diverged());
  GdRegressor safe(raw, {.lr = 1 / r.largest}), quick(scaled, {.lr = 1 / s.largest});
  for (int e = 0; e < 200; ++e) safe.step_epoch(), quick.step_epoch();
  const double best = regression_metrics(raw.y, fit_normal_equation(raw).model.predict(raw)).mse;
  REQUIRE(quick.mse() == Approx(best).epsilon(1e-6));
  REQUIRE(safe.mse() > 1.2 * best);  // still crawling along the intercept's valley
  REQUIRE_THROWS_WITH(GdRegressor(raw, {.lr = -1}), Contains("learning rate must be > 0"));
}
