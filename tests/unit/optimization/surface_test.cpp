// The lesson's loss surfaces: values, the autograd gradient against the calculus, and typed
// expressions that give the optimizers the same gradient as the built-in formula.
#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/optimization/surface.h"
#include "mlplay/tensor/factory.h"

using mlplay::optimization::Surface;
using Catch::Matchers::Contains;

TEST_CASE("the built-in surfaces have their minima where the books say", "[optimization]") {
  CHECK(Surface::builtin("bowl").value(0, 0) == 0);
  CHECK(Surface::builtin("rosenbrock").value(1, 1) == 0);
  CHECK(Surface::builtin("rosenbrock").value(-1.5, 2) == Approx(6.25 + 100 * 0.0625));
  CHECK(Surface::builtin("saddle").value(0, std::sqrt(2.0)) == Approx(-1));
  CHECK(Surface::builtin("himmelblau").value(3, 2) == 0);
  const Surface himmelblau = Surface::builtin("himmelblau");  // minima() refers into it: keep it alive
  for (const auto& m : himmelblau.minima()) CHECK(himmelblau.value(m[0], m[1]) == Approx(0).margin(1e-8));
  CHECK(Surface::builtin("ravine").lipschitz() == 25);
}

TEST_CASE("autograd through a built-in surface gives the analytic gradient", "[optimization]") {
  const Surface rosenbrock = Surface::builtin("rosenbrock");
  const double x = -1.5, y = 2;
  const auto g = rosenbrock.gradient(x, y);
  CHECK(g[1] == Approx(-2 * (1 - x) - 400 * x * (y - x * x)).epsilon(1e-5));
  CHECK(g[2] == Approx(200 * (y - x * x)).epsilon(1e-5));
  const auto h = Surface::builtin("himmelblau").gradient(1, -2);
  // df/dx = 4x(x^2 + y - 11) + 2(x + y^2 - 7), df/dy = 2(x^2 + y - 11) + 4y(x + y^2 - 7)
  CHECK(h[1] == Approx(4 * (1 - 2 - 11) + 2 * (1 + 4 - 7)));
  CHECK(h[2] == Approx(2 * (1 - 2 - 11) + 4 * -2 * (1 + 4 - 7)));
}

TEST_CASE("a typed expression's loss tensor carries the exact gradient into backward", "[optimization]") {
  const Surface typed = Surface::expression("(1 - x)^2 + 100(y - x^2)^2");
  mlplay::Tensor params = mlplay::from_vector({-1.5f, 2.0f});
  params.requires_grad_();
  mlplay::Tensor loss = typed.loss(params);
  loss.backward();
  CHECK(loss.item() == Approx(12.5).epsilon(1e-6));
  CHECK(params.grad().at({0}) == Approx(-2 * 2.5 - 400 * -1.5 * (2 - 2.25)));
  CHECK(params.grad().at({1}) == Approx(200 * (2 - 2.25)));
  CHECK(typed.formula() == "(1 - x)^2 + 100*(y - x^2)^2");
  CHECK(Surface::from_text("bowl").name() == "bowl");
  CHECK(Surface::from_text("x^2 + y^2").is_expression());
}

TEST_CASE("an unknown surface name is refused with the choices", "[optimization]") {
  CHECK_THROWS_WITH(Surface::builtin("banana"), Contains("Surface: unknown function 'banana'"));
  CHECK_THROWS_AS(Surface::from_text("x +* y"), mlplay::ExpressionError);
}
