// The calculus Expression parsed with two variables (Variables::xy), as the gradient-descent lesson
// uses it: values, the exact gradient from two jet sweeps, and the messages for mistakes.
#include <catch2/catch.hpp>
#include <cmath>
#include <variant>

#include "mlplay/calculus/expression.h"

using mlplay::Expression;
using mlplay::ExpressionProblem;
using Catch::Matchers::Contains;
constexpr auto XY = Expression::Variables::xy;

TEST_CASE("a two-variable expression evaluates f(x, y) and its exact gradient", "[optimization][expression]") {
  const Expression f = Expression::parse("x^2 + 3*y^2", XY);
  CHECK(f(1.0, 2.0) == 13.0);
  const auto g = f.gradient(1.0, 2.0);
  CHECK(g[0] == 13.0);
  CHECK(g[1] == 2.0);
  CHECK(g[2] == 12.0);
  CHECK(f.to_string() == "x^2 + 3*y^2");
  CHECK(f.variables() == XY);
}

TEST_CASE("the jets give the gradient of a product and a composition", "[optimization][expression]") {
  const Expression f = Expression::parse("x y^2 + sin(x*y)", XY);  // implicit product
  const double x = 0.7, y = -1.3;
  const auto g = f.gradient(x, y);
  CHECK(g[0] == Approx(x * y * y + std::sin(x * y)));
  CHECK(g[1] == Approx(y * y + y * std::cos(x * y)));
  CHECK(g[2] == Approx(2 * x * y + x * std::cos(x * y)));
  CHECK(f.to_string() == "x*y^2 + sin(x*y)");
}

TEST_CASE("the typed Rosenbrock function has the textbook gradient", "[optimization][expression]") {
  const Expression f = Expression::parse("(1 - x)^2 + 100(y - x^2)^2", XY);
  const double x = -1.5, y = 2;
  const auto g = f.gradient(x, y);
  CHECK(g[0] == Approx(12.5));
  CHECK(g[1] == Approx(-2 * (1 - x) - 400 * x * (y - x * x)));
  CHECK(g[2] == Approx(200 * (y - x * x)));
  CHECK(f.gradient(1, 1)[1] == 0.0);
  CHECK(f.to_string() == "(1 - x)^2 + 100*(y - x^2)^2");
}

TEST_CASE("where f is undefined the gradient is NaN, not an error", "[optimization][expression]") {
  const Expression f = Expression::parse("log(x + y)", XY);
  const auto g = f.gradient(-1, -1);
  CHECK(std::isnan(g[0]));
  CHECK(std::isnan(g[1]));
  CHECK(std::isnan(g[2]));
}

TEST_CASE("one-variable parsing still rejects y, and xy names the position", "[optimization][expression]") {
  const auto one = Expression::try_parse("x + y");
  REQUIRE(std::holds_alternative<ExpressionProblem>(one));
  CHECK(std::get<ExpressionProblem>(one).position == 5);
  CHECK_THAT(std::get<ExpressionProblem>(one).message, Contains("unknown name 'y'"));

  const auto product = Expression::try_parse("2 + xy", XY);
  REQUIRE(std::holds_alternative<ExpressionProblem>(product));
  CHECK(std::get<ExpressionProblem>(product).position == 5);
  CHECK_THAT(std::get<ExpressionProblem>(product).message, Contains("x*y"));

  const auto bad = Expression::try_parse("x + * y", XY);
  REQUIRE(std::holds_alternative<ExpressionProblem>(bad));
  CHECK(std::get<ExpressionProblem>(bad).position == 5);

  const auto empty = Expression::try_parse("  ", XY);
  CHECK_THAT(std::get<ExpressionProblem>(empty).message, Contains("x and y"));
  CHECK_THROWS_AS(Expression::parse("z", XY), mlplay::ExpressionError);
}
