#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "mlplay/calculus/expression.h"

using namespace mlplay;
using Catch::Matchers::Contains;

namespace {
double eval(const std::string& text, double x) { return Expression::parse(text)(x); }

/// The 1-based position an ExpressionError reports, and its message.
std::pair<size_t, std::string> error_of(const std::string& text) {
  try {
    Expression::parse(text);
  } catch (const ExpressionError& e) {
    return {e.position(), e.what()};
  }
  FAIL("no error for " << text);
  return {0, ""};
}
}  // namespace

TEST_CASE("expressions evaluate with the usual precedence and associativity", "[calculus][expression]") {
  CHECK(eval("x^3 - 3*x + 1", 2) == Approx(3));
  CHECK(eval("1 + 2 * 3", 0) == 7);
  CHECK(eval("(1 + 2) * 3", 0) == 9);
  CHECK(eval("2^3^2", 0) == 512);  // right-associative: 2^(3^2)
  CHECK(eval("-x^2", 3) == -9);     // ^ binds tighter than unary minus
  CHECK(eval("(-x)^2", 3) == 9);
  CHECK(eval("2^-1", 0) == 0.5);
  CHECK(eval("8 / 4 / 2", 0) == 1);  // left-associative
  CHECK(eval("10 - 4 - 3", 0) == 3);
  CHECK(eval("--x", 5) == 5);
  CHECK(eval("+x", 5) == 5);
  CHECK(eval("2x", 4) == 8);  // implicit products
  CHECK(eval("3(x + 1)", 1) == 6);
  CHECK(eval("2 x^2", 3) == 18);
  CHECK(eval("x**2", 3) == 9);  // Python's power
  CHECK(eval("1.5e2 + .5", 0) == 150.5);
  CHECK(eval("2e", 0) == Approx(2 * M_E));
  CHECK(eval("x \u2212 1", 3) == 2);  // Unicode minus, times, divide
  CHECK(eval("2 \u00d7 x \u00f7 4", 6) == 3);
}

TEST_CASE("expressions know the functions and constants", "[calculus][expression]") {
  CHECK(eval("sin(pi/2)", 0) == Approx(1));
  CHECK(eval("cos(0)", 0) == 1);
  CHECK(eval("tan(pi/4)", 0) == Approx(1));
  CHECK(eval("exp(1)", 0) == Approx(M_E));
  CHECK(eval("log(e^2)", 0) == Approx(2));
  CHECK(eval("ln(x)", M_E) == Approx(1));
  CHECK(eval("sqrt(16)", 0) == 4);
  CHECK(eval("abs(-x)", 2.5) == 2.5);
  CHECK(eval("x sin(x)", M_PI / 2) == Approx(M_PI / 2));
  CHECK(eval("[x + 1] * 2", 1) == 4);
}

TEST_CASE("outside the domain the value is NaN or infinite, not an error", "[calculus][expression]") {
  CHECK(std::isnan(eval("log(x)", -1)));
  CHECK(std::isinf(eval("log(x)", 0)));
  CHECK(std::isnan(eval("sqrt(x)", -4)));
  CHECK(std::isinf(eval("1/x", 0)));
  CHECK(std::isnan(eval("x^0.5", -1)));
}

TEST_CASE("a malformed expression names the position of the problem", "[calculus][expression]") {
  struct Case {
    std::string text;
    size_t position;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"x^3 - 3*x +", 12, "expected a number, x, a constant, a function or '(' at position 12 but found the end"},
      {"x^3 -) 1", 6, "expected a number, x, a constant, a function or '(' at position 6 but found ')'"},
      {"(x + 1", 7, "missing ')' at position 7 to close the '(' at position 1"},
      {"x + 1)", 6, "unmatched ')' at position 6"},
      {"2 * y", 5, "unknown name 'y' at position 5; use x, pi, e"},
      {"sin x", 5, "'sin' at position 1 needs parentheses"},
      {"x $ 2", 3, "unexpected character '$' at position 3"},
      {"x \u2212 \u00e9", 5, "unexpected character '\u00e9' at position 5"},  // positions count characters, not bytes
      {"2 3", 3, "unexpected number '3' at position 3; write an operator"},
      {"1.2.3", 1, "malformed number '1.2.' at position 1"},
      {"   ", 1, "expression: empty"},
      {"x * * 2", 5, "at position 5 but found '*'"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto [position, message] = error_of(c.text);
    CHECK(position == c.position);
    CHECK_THAT(message, Contains(c.message) && Contains("expression: "));
  }
}

TEST_CASE("the parser refuses very long or very deep input instead of overflowing", "[calculus][expression]") {
  CHECK_THAT(error_of(std::string(1001, 'x')).second, Contains("too long (1001 characters; at most 1000)"));
  CHECK_THAT(error_of(std::string(100, '(') + "x" + std::string(100, ')')).second, Contains("nested more than 64 levels deep"));
  CHECK_THAT(error_of(std::string(100, '-') + "x").second, Contains("nested more than 64 levels deep"));
  CHECK(eval(std::string(30, '(') + "x" + std::string(30, ')'), 2) == 2);
}

TEST_CASE("to_string shows how the expression was read", "[calculus][expression]") {
  CHECK(Expression::parse("x^3 - 3x + 1").to_string() == "x^3 - 3*x + 1");
  CHECK(Expression::parse("-x^2").to_string() == "-x^2");
  CHECK(Expression::parse("(-x)^2").to_string() == "(-x)^2");
  CHECK(Expression::parse("(x^2)^3").to_string() == "(x^2)^3");
  CHECK(Expression::parse("2^3^2").to_string() == "2^3^2");
  CHECK(Expression::parse("x - (1 - x)").to_string() == "x - (1 - x)");
  CHECK(Expression::parse("(x+1)/(x-1)").to_string() == "(x + 1)/(x - 1)");
  CHECK(Expression::parse("2 pi sin(x/2)").to_string() == "2*pi*sin(x/2)");
  CHECK(Expression::parse("0.1x").to_string() == "0.1*x");
}

TEST_CASE("forward-mode derivatives are exact for known functions", "[calculus][expression]") {
  const auto check_derivatives = [](const std::string& text, double x, Derivatives expected) {
    INFO(text << " at " << x);
    const Derivatives got = Expression::parse(text).derivatives(x);
    for (int k = 0; k < 4; ++k) CHECK(got[k] == Approx(expected[k]).margin(1e-12));
  };
  check_derivatives("x^3 - 3*x + 1", 2, {3, 9, 12, 6});
  check_derivatives("x^3 - 3*x + 1", 0, {1, -3, 0, 6});
  check_derivatives("x^2", 0, {0, 0, 2, 0});
  check_derivatives("sin(x)", 1, {std::sin(1), std::cos(1), -std::sin(1), -std::cos(1)});
  check_derivatives("exp(2x)", 0.5, {M_E, 2 * M_E, 4 * M_E, 8 * M_E});
  check_derivatives("log(x)", 2, {std::log(2), 0.5, -0.25, 0.25});
  check_derivatives("sqrt(x)", 4, {2, 0.25, -1.0 / 32, 3.0 / 256});
  check_derivatives("1/x", 2, {0.5, -0.25, 0.25, -0.375});
  const double t = std::tan(0.3), s2 = 1 + t * t;
  check_derivatives("tan(x)", 0.3, {t, s2, 2 * t * s2, (2 + 6 * t * t) * s2});
  check_derivatives("x^x", 2, {4, 4 * (std::log(2) + 1), 4 * (std::pow(std::log(2) + 1, 2) + 0.5),
                               4 * (std::pow(std::log(2) + 1, 3) + 1.5 * (std::log(2) + 1) - 0.25)});
  check_derivatives("abs(x)", -3, {3, -1, 0, 0});
  check_derivatives("sin(x)*exp(-x^2)", 0, {0, 1, 0, -7});  // x - 7x^3/6 + …  → f''' = -7
  CHECK(std::isnan(Expression::parse("abs(x)").derivatives(0)[1]));  // a corner has no slope
  const Derivatives outside = Expression::parse("log(x)").derivatives(-2);  // undefined f, undefined slope
  CHECK(std::isnan(outside[0]));
  CHECK(std::isnan(outside[1]));
  CHECK(std::isnan(outside[2]));
}
