#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/calculus/critical_points.h"
#include "mlplay/calculus/derivative.h"
#include "mlplay/calculus/expression.h"
#include "mlplay/calculus/roll_downhill.h"

using namespace mlplay;
using Catch::Matchers::Contains;

TEST_CASE("central differences err by h^2 f'''/6, forward differences by h f''/2", "[calculus][derivative]") {
  const Expression f = Expression::parse("exp(x)");
  // At x = 0 every derivative is 1: central error ≈ h²/6, forward error ≈ h/2.
  for (double h : {1e-1, 1e-2, 1e-3}) {
    INFO("h = " << h);
    CHECK(central_difference(f, 0, h) - 1 == Approx(h * h / 6).epsilon(0.01));
    CHECK(forward_difference(f, 0, h) - 1 == Approx(h / 2).epsilon(0.05));
    CHECK(second_difference(f, 0, h) - 1 == Approx(h * h / 12).epsilon(0.05));
  }
  // Polynomials of degree 2 are differentiated exactly by central differences (f''' = 0).
  CHECK(central_difference(Expression::parse("3x^2 + 2x"), 1, 0.5) == Approx(8).epsilon(1e-15));
  CHECK(central_difference(Expression::parse("x^3 - 3*x + 1"), 2, central_step(2)) == Approx(9).epsilon(1e-9));
  CHECK(second_difference(Expression::parse("x^3 - 3*x + 1"), -1, second_step(-1)) == Approx(-6).epsilon(1e-6));
}

TEST_CASE("the error sweep shows truncation at large h, round-off at small h, and the best h near 1e-5", "[calculus][derivative]") {
  const Expression f = Expression::parse("exp(x)");
  const StepErrorSweep sweep = step_error_sweep(f, 1, -16, 0, 4);
  REQUIRE(sweep.h.size() == 65);
  CHECK(sweep.h.front() == Approx(1e-16));
  CHECK(sweep.h.back() == Approx(1));
  CHECK(sweep.exact == Approx(M_E));
  // Large h: the measured error follows the truncation model e h²/6.
  CHECK(sweep.central_error[56] == Approx(sweep.truncation[56]).epsilon(0.05));  // h = 1e-2
  // Tiny h: round-off dominates and is far larger than at the optimum.
  CHECK(sweep.central_error[4] > 1e-3);  // h = 1e-15
  CHECK(sweep.best_h > 1e-7);
  CHECK(sweep.best_h < 1e-3);
  CHECK(sweep.best_error < 1e-9);
  CHECK(sweep.model_best_h == Approx(std::cbrt(3 * kEpsilon)).epsilon(1e-9));  // |f| = |f'''| at any x
  // The forward difference's best error is much worse than the central one's.
  double best_forward = 1;
  for (double e : sweep.forward_error) best_forward = std::min(best_forward, e);
  CHECK(best_forward > 10 * sweep.best_error);
}

TEST_CASE("sampling masks undefined and off-scale values as NaN", "[calculus][derivative]") {
  const CurveSamples log_curve = sample_curve(Expression::parse("log(x)"), -2, 2, 401, 1e-5);
  REQUIRE(log_curve.x.size() == 401);
  CHECK(std::isnan(log_curve.f[0]));  // log(-2)
  CHECK(log_curve.undefined == 201);  // x <= 0: 200 negative points and log(0) = -inf
  CHECK(log_curve.f[400] == Approx(std::log(2)));
  CHECK(log_curve.derivative[400] == Approx(0.5).epsilon(1e-8));
  CHECK(log_curve.exact_derivative[400] == Approx(0.5));

  const CurveSamples tan_curve = sample_curve(Expression::parse("tan(x)"), -3, 3, 1001, 1e-5);
  CHECK(tan_curve.f_high < 100);  // the poles at ±π/2 do not flatten the curve
  CHECK(tan_curve.f_low > -100);
  int gaps = 0;
  for (double v : tan_curve.f) gaps += std::isnan(v);
  CHECK(gaps > 0);
  CHECK(gaps < 200);
}

TEST_CASE("tangent line: slope, exact slope and the endpoints of y = f(a) + f'(a)(x - a)", "[calculus][derivative]") {
  const Tangent t = tangent_at(Expression::parse("x^3 - 3*x + 1"), 2, 1e-5, -5, 5);
  CHECK(t.fa == Approx(3));
  CHECK(t.slope == Approx(9).epsilon(1e-8));
  CHECK(t.exact_slope == 9);
  CHECK(t.error < 1e-8);
  CHECK(t.second_derivative == Approx(12).epsilon(1e-6));
  CHECK(t.y0 == Approx(3 + t.slope * (-7)));
  CHECK(t.y1 == Approx(3 + t.slope * 3));
}

TEST_CASE("bad arguments name the operation and the value", "[calculus][derivative]") {
  const Expression f = Expression::parse("x");
  CHECK_THROWS_WITH(sample_curve(f, 1, 1, 10, 1e-5), Contains("sample_curve: the interval [1, 1]"));
  CHECK_THROWS_WITH(sample_curve(f, 0, 1, 10, -1), Contains("sample_curve: step h must be a positive number up to 1000, got -1"));
  CHECK_THROWS_WITH(sample_curve(f, 0, 1, 1, 1e-5), Contains("n must be from 2 to 100000 points, got 1"));
  CHECK_THROWS_WITH(tangent_at(f, NAN, 1e-5, 0, 1), Contains("tangent_at: the point a must be a finite number"));
  CHECK_THROWS_WITH(find_critical_points(f, 2, -2), Contains("find_critical_points: the interval [2, -2]"));
}

namespace {
CriticalPoints points_of(const std::string& text, double from = -5, double to = 5) {
  return find_critical_points(Expression::parse(text), from, to);
}
}  // namespace

TEST_CASE("critical points of x^3 - 3x + 1: a maximum at -1 and a minimum at 1", "[calculus][critical]") {
  const CriticalPoints points = points_of("x^3 - 3*x + 1");
  REQUIRE(points.critical.size() == 2);
  CHECK(points.critical[0].x == Approx(-1).epsilon(1e-9));
  CHECK(points.critical[0].y == Approx(3));
  CHECK(points.critical[0].kind == CriticalKind::maximum);
  CHECK(points.critical[0].second_derivative == Approx(-6).epsilon(1e-5));
  CHECK(points.critical[0].by_second_derivative);
  CHECK(points.critical[1].x == Approx(1).epsilon(1e-9));
  CHECK(points.critical[1].kind == CriticalKind::minimum);
  REQUIRE(points.inflections.size() == 1);
  CHECK(points.inflections[0].x == Approx(0).margin(1e-6));
  CHECK(points.inflections[0].slope == Approx(-3));
  CHECK_FALSE(points.truncated);
}

TEST_CASE("when f'' = 0 the sign of f' decides: x^4 has a minimum, x^3 a stationary inflection", "[calculus][critical]") {
  const CriticalPoints quartic = points_of("x^4", -2, 3);
  REQUIRE(quartic.critical.size() == 1);
  CHECK(quartic.critical[0].x == Approx(0).margin(1e-4));
  CHECK(quartic.critical[0].kind == CriticalKind::minimum);
  CHECK_FALSE(quartic.critical[0].by_second_derivative);
  CHECK(quartic.inflections.empty());

  const CriticalPoints cubic = points_of("x^3", -2, 3);
  REQUIRE(cubic.critical.size() == 1);
  CHECK(cubic.critical[0].x == Approx(0).margin(1e-4));
  CHECK(cubic.critical[0].kind == CriticalKind::inflection);
  REQUIRE(cubic.inflections.size() == 1);
  CHECK(cubic.inflections[0].x == Approx(0).margin(1e-6));

  const CriticalPoints negative_quartic = points_of("-(x-1)^4 + 2", -3, 3);
  REQUIRE(negative_quartic.critical.size() == 1);
  CHECK(negative_quartic.critical[0].kind == CriticalKind::maximum);
}

TEST_CASE("critical points of periodic, bell-shaped and kinked functions", "[calculus][critical]") {
  const CriticalPoints sine = points_of("sin(x)", -4, 4);  // ±π/2 only
  REQUIRE(sine.critical.size() == 2);
  CHECK(sine.critical[0].x == Approx(-M_PI / 2).epsilon(1e-8));
  CHECK(sine.critical[0].kind == CriticalKind::minimum);
  CHECK(sine.critical[1].kind == CriticalKind::maximum);
  REQUIRE(sine.inflections.size() == 3);  // -π, 0, π
  CHECK(sine.inflections[1].x == Approx(0).margin(1e-6));

  const CriticalPoints bell = points_of("exp(-x^2)");
  REQUIRE(bell.critical.size() == 1);
  CHECK(bell.critical[0].kind == CriticalKind::maximum);
  REQUIRE(bell.inflections.size() == 2);
  CHECK(bell.inflections[1].x == Approx(std::sqrt(0.5)).epsilon(1e-6));

  const CriticalPoints kink = points_of("abs(x - 0.3)");
  REQUIRE(kink.critical.size() == 1);
  CHECK(kink.critical[0].x == Approx(0.3).epsilon(1e-9));
  CHECK(kink.critical[0].kind == CriticalKind::minimum);
}

TEST_CASE("poles, gaps and straight lines give no false critical or inflection points", "[calculus][critical]") {
  for (const char* text : {"1/x", "tan(x)", "1/x^2", "log(x)", "sqrt(x)", "2x + 1", "exp(x)"}) {
    INFO(text);
    const CriticalPoints points = points_of(text);
    CHECK(points.critical.empty());
    if (std::string(text) != "tan(x)") CHECK(points.inflections.empty());
  }
  const CriticalPoints tangent = points_of("tan(x)", -1.5, 1.5);
  REQUIRE(tangent.inflections.size() == 1);  // only at 0, not at the poles
  CHECK(tangent.inflections[0].x == Approx(0).margin(1e-6));
  // log(x^2) is undefined at 0 only; no critical points either side.
  CHECK(points_of("log(x^2)").critical.empty());
}

TEST_CASE("many critical points are capped and flagged", "[calculus][critical]") {
  const CriticalPoints many = find_critical_points(Expression::parse("sin(20x)"), -10, 10, 20000);
  CHECK(many.critical.size() == kMaxCriticalPoints);
  CHECK(many.truncated);
}

TEST_CASE("rolling downhill with a small step settles in the nearest valley", "[calculus][downhill]") {
  const Expression f = Expression::parse("x^3 - 3*x + 1");
  // From a = 2 the slope is 9: x ← 2 − 0.05·9 = 1.55, then on towards the minimum at 1.
  const DownhillPath path = roll_downhill(f, 2, 0.05, 1000, -3, 3);
  CHECK(path.x[1] == Approx(1.55));
  CHECK(std::string(path.reason) == "flat");
  CHECK(path.x.back() == Approx(1).epsilon(1e-4));  // stops once a step would move x < 1e-6 of the interval
  CHECK(path.y.back() == Approx(-1).epsilon(1e-8));
  for (size_t k = 1; k < path.y.size(); ++k) CHECK(path.y[k] <= path.y[k - 1]);  // always downhill
  // Left of the maximum at -1 the ball rolls off to the left edge.
  CHECK(std::string(roll_downhill(f, -1.2, 0.05, 1000, -3, 3).reason) == "left the interval");
}

TEST_CASE("too large a step overshoots the valley; undefined regions stop the ball", "[calculus][downhill]") {
  const Expression bowl = Expression::parse("x^2");
  // x ← x − η·2x = (1 − 2η)x: η = 0.9 flips sign every step, η = 1.1 diverges.
  const DownhillPath zigzag = roll_downhill(bowl, 1, 0.9, 5, -3, 3);
  REQUIRE(zigzag.x.size() == 6);
  CHECK(zigzag.x[1] == Approx(-0.8));
  CHECK(zigzag.x[2] == Approx(0.64));
  CHECK(std::string(zigzag.reason) == "step limit");
  const DownhillPath away = roll_downhill(bowl, 1, 1.1, 1000, -3, 3);
  CHECK(std::string(away.reason) == "left the interval");
  CHECK(std::fabs(away.x.back()) > 3);  // where it flew to: (−1.2)^k
  CHECK(std::fabs(away.x[away.x.size() - 2]) <= 3);
  CHECK(std::string(roll_downhill(Expression::parse("sqrt(x)"), 1, 2, 100, -3, 3).reason) == "undefined");
  CHECK_THROWS_WITH(roll_downhill(bowl, 5, 0.1, 10, -3, 3), Contains("roll_downhill: start 5 must lie in [-3, 3]"));
  CHECK_THROWS_WITH(roll_downhill(bowl, 1, -0.1, 10, -3, 3), Contains("roll_downhill: learning rate must be in (0, 100], got -0.1"));
}
