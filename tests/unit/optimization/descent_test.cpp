// Optimizer paths on known surfaces: GD's rate on quadratics is set by the condition number, it
// diverges above lr = 2/L, Adam reaches Rosenbrock's minimum, and the schedules shape the lr.
#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/optimization/descent.h"

using namespace mlplay::optimization;
using Catch::Matchers::Contains;

namespace {
DescentOptions run(const std::string& optimizer, double lr, int64_t steps, double x0, double y0, const std::string& schedule = "constant") {
  DescentOptions o;
  o.optimizer = optimizer;
  o.lr = lr;
  o.steps = steps;
  o.x0 = x0;
  o.y0 = y0;
  o.schedule = schedule;
  return o;
}
}  // namespace

TEST_CASE("GD on a quadratic contracts by |1 - lr lambda| along each eigenvector", "[optimization][descent]") {
  // ravine: f = (x^2 + 25 y^2)/2, L = 25, mu = 1. With lr = 1/L, y is solved in one step and x
  // shrinks by 1 - mu/L = 1 - 1/kappa every step: kappa = 25 sets the pace.
  const Surface ravine = Surface::builtin("ravine");
  const DescentPath path = descend(ravine, run("sgd", 1.0 / 25, 50, -2.8, 1));
  REQUIRE(path.steps_taken == 50);
  REQUIRE(!path.diverged);
  CHECK(path.x.back() == Approx(-2.8 * std::pow(1 - 1.0 / 25, 50)).epsilon(1e-4));
  CHECK(std::fabs(path.y.back()) < 1e-6);
  // the bowl (kappa = 1): lr = 0.1 shrinks both coordinates by 1 - 0.1 * 2 = 0.8 per step
  const DescentPath bowl = descend(Surface::builtin("bowl"), run("sgd", 0.1, 20, -2.5, 2));
  CHECK(bowl.x.back() == Approx(-2.5 * std::pow(0.8, 20)).epsilon(1e-4));
  CHECK(bowl.y.back() == Approx(2 * std::pow(0.8, 20)).epsilon(1e-4));
  CHECK(bowl.loss.size() == 21u);
  CHECK(bowl.lr.size() == 20u);
}

TEST_CASE("GD diverges just above lr = 2/L and converges just below", "[optimization][descent]") {
  const Surface ravine = Surface::builtin("ravine");
  const double L = ravine.lipschitz();
  const DescentPath above = descend(ravine, run("sgd", 2.1 / L, 1000, -2.8, 1));
  CHECK(above.diverged);
  CHECK(above.steps_taken < 1000);
  CHECK_THAT(above.reason, Contains("the point left |x|, |y| < 300 at step"));
  // just above the limit the oscillation grows by only 1.025 a step, yet 300 steps catch it
  CHECK(descend(ravine, run("sgd", 0.081, 300, -2.8, 1)).diverged);
  const DescentPath below = descend(ravine, run("sgd", 1.9 / L, 1000, -2.8, 1));
  CHECK(!below.diverged);
  CHECK(below.loss.back() < 1e-6);
  // the bowl: L = 2, so lr = 1.05 diverges
  CHECK(descend(Surface::builtin("bowl"), run("sgd", 1.05, 1000, 1, 1)).diverged);
}

TEST_CASE("Adam reaches Rosenbrock's minimum at (1, 1)", "[optimization][descent]") {
  const DescentPath path = descend(Surface::builtin("rosenbrock"), run("adam", 0.01, 5000, -1.5, 2));
  REQUIRE(!path.diverged);
  CHECK(path.x.back() == Approx(1).margin(0.01));
  CHECK(path.y.back() == Approx(1).margin(0.02));
  CHECK(path.loss.back() < 1e-3);
}

TEST_CASE("momentum beats plain GD down the ravine", "[optimization][descent]") {
  const Surface ravine = Surface::builtin("ravine");
  const double gd = descend(ravine, run("sgd", 0.02, 100, -2.8, 1)).loss.back();
  const double heavy = descend(ravine, run("momentum", 0.02, 100, -2.8, 1)).loss.back();
  const double nesterov = descend(ravine, run("nesterov", 0.02, 100, -2.8, 1)).loss.back();
  CHECK(heavy < gd);
  CHECK(nesterov < gd);
  for (const auto& name : optimizer_names()) {
    const DescentPath path = descend(Surface::builtin("bowl"), run(name, 0.05, 300, -2.5, 2));
    INFO(name);
    CHECK(!path.diverged);
    CHECK(path.loss.back() < path.loss.front());
  }
}

TEST_CASE("a typed f(x, y) follows the same path as the built-in formula", "[optimization][descent]") {
  const DescentPath builtin = descend(Surface::builtin("rosenbrock"), run("momentum", 0.001, 200, -1.5, 2));
  const DescentPath typed = descend(Surface::expression("(1 - x)^2 + 100*(y - x^2)^2"), run("momentum", 0.001, 200, -1.5, 2));
  CHECK(typed.x.back() == Approx(builtin.x.back()).epsilon(1e-3));
  CHECK(typed.y.back() == Approx(builtin.y.back()).epsilon(1e-3));
  // a function undefined off x > 0 stops the path there instead of crashing
  const DescentPath lost = descend(Surface::expression("log(x) + y^2"), run("sgd", 10, 50, 0.5, 0));
  CHECK(lost.diverged);
  CHECK_THAT(lost.reason, Contains("undefined"));
}

TEST_CASE("the schedules shape the learning rate", "[optimization][descent]") {
  const Surface bowl = Surface::builtin("bowl");
  const DescentPath step = descend(bowl, run("sgd", 0.1, 100, 1, 1, "step"));
  CHECK(step.lr[0] == Approx(0.1));
  CHECK(step.lr[20] == Approx(0.05));
  CHECK(step.lr[99] == Approx(0.1 / 16));
  const DescentPath cosine = descend(bowl, run("sgd", 0.1, 100, 1, 1, "cosine"));
  CHECK(cosine.lr[50] == Approx(0.05));
  CHECK(cosine.lr[99] < 1e-3);
  const DescentPath warmup = descend(bowl, run("adam", 0.1, 100, 1, 1, "warmup"));
  CHECK(warmup.lr[0] == Approx(0.001));
  CHECK(warmup.lr[10] == Approx(0.1));
  CHECK_THROWS_WITH(descend(bowl, run("sgd", 0.1, 10, 1, 1, "linear")), Contains("unknown schedule 'linear'"));
  CHECK_THROWS_WITH(descend(bowl, run("lbfgs", 0.1, 10, 1, 1)), Contains("unknown optimizer 'lbfgs'"));
  CHECK_THROWS_WITH(descend(bowl, run("sgd", -1, 10, 1, 1)), Contains("invalid learning rate: -1"));
}
