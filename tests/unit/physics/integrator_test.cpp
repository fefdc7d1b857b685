#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/physics/integrator.h"
#include "mlplay/physics/simulation.h"

using namespace mlplay;
using namespace mlplay::physics;

namespace {

constexpr Integrator kAll[] = {Integrator::kEuler, Integrator::kSemiImplicitEuler, Integrator::kVerlet,
                               Integrator::kRk4};

/// A 1 kg ball on a spring of stiffness ω², hanging straight down from an anchor, no gravity:
/// a 1D harmonic oscillator x'' = −ω² x in the stretch x = length − 1.5, starting at x = A, v = 0.
/// The box is large so that an unstable run grows many-fold before it meets a wall.
World oscillator(double omega, double amplitude) {
  World world(100, 100, /*gravity=*/0);
  const int anchor = world.add_ball({.x = 50, .y = 60, .radius = 0.05, .fixed = true});
  const int bob = world.add_ball({.x = 50, .y = 60 - 1.5 - amplitude, .mass = 1, .radius = 0.1});
  world.add_spring(anchor, bob, omega * omega, 1.5);
  return world;
}

double stretch(const World& world) { return 60 - world.balls()[1].y - 1.5; }

}  // namespace

TEST_CASE("free fall: Verlet and RK4 are exact for constant acceleration, the Eulers are off by ±n g dt²/2",
          "[physics]") {
  const double g = 9.81, dt = 0.01, y0 = 4.5;
  const int n = 50;  // 0.5 s: falls about 1.2 m, no floor contact
  for (Integrator integrator : kAll) {
    World world(8, 5, g);
    world.add_ball({.x = 4, .y = y0, .vx = 0.3, .mass = 2, .radius = 0.1});
    for (int i = 0; i < n; ++i) step(world, integrator, dt);
    const double t = n * dt;
    const double exact = y0 - 0.5 * g * t * t;
    const Ball& ball = world.balls()[0];
    INFO(integrator_name(integrator));
    REQUIRE(ball.vy == Approx(-g * t).margin(1e-12));  // every method integrates a constant exactly
    REQUIRE(ball.x == Approx(4 + 0.3 * t).margin(1e-12));
    switch (integrator) {
      case Integrator::kVerlet:
      case Integrator::kRk4: REQUIRE(ball.y == Approx(exact).margin(1e-12)); break;
      // Σ of v_k over k = 0..n−1 (Euler) or 1..n (semi-implicit): y = y0 − g dt² n(n ∓ 1)/2.
      case Integrator::kEuler: REQUIRE(ball.y == Approx(y0 - g * dt * dt * n * (n - 1) / 2).margin(1e-12)); break;
      case Integrator::kSemiImplicitEuler:
        REQUIRE(ball.y == Approx(y0 - g * dt * dt * n * (n + 1) / 2).margin(1e-12));
        break;
    }
  }
}

TEST_CASE("explicit Euler multiplies an oscillator's energy by exactly 1 + (ω dt)² every step", "[physics]") {
  const double omega = 2.0, dt = 0.01;
  Simulation simulation(oscillator(omega, 0.4));
  const double e0 = simulation.energy().total();
  REQUIRE(e0 == Approx(0.5 * omega * omega * 0.4 * 0.4));
  simulation.advance(Integrator::kEuler, dt, 500);
  const double factor = std::pow(1 + omega * omega * dt * dt, 500);
  REQUIRE(simulation.energy().total() / e0 == Approx(factor).epsilon(1e-9));
  REQUIRE(simulation.relative_drift() == Approx(factor - 1).epsilon(1e-9));
  REQUIRE(simulation.max_abs_drift() == Approx(factor - 1).epsilon(1e-9));
}

TEST_CASE("semi-implicit Euler, Verlet and RK4 keep an oscillator's energy within O(dt²)", "[physics]") {
  const double omega = 3.0, dt = 0.01;  // ω dt = 0.03; 2000 steps ≈ 9.5 periods
  for (Integrator integrator : {Integrator::kSemiImplicitEuler, Integrator::kVerlet, Integrator::kRk4}) {
    Simulation simulation(oscillator(omega, 0.5));
    simulation.advance(integrator, dt, 2000);
    INFO(integrator_name(integrator) << ": max drift " << simulation.max_abs_drift());
    // Symplectic Euler's energy wobbles by up to ω dt / 2 and velocity Verlet's by (ω dt)² / 4, both
    // without a trend; RK4 loses (ω dt)⁶ / 72 a step (|R(iωdt)|² = 1 − (ωdt)⁶/72 + …): 2e-8 here.
    const double bound = integrator == Integrator::kSemiImplicitEuler ? 0.6 * omega * dt
                         : integrator == Integrator::kVerlet         ? 0.26 * omega * omega * dt * dt
                                                                     : 5e-8;
    REQUIRE(simulation.max_abs_drift() < bound);
    REQUIRE_FALSE(simulation.blown_up());
  }
}

TEST_CASE("Verlet's error falls 4x and RK4's 16x when dt halves (orders 2 and 4)", "[physics]") {
  const double omega = 2.0, amplitude = 0.3, t_end = 3.0;
  auto error = [&](Integrator integrator, double dt) {
    World world = oscillator(omega, amplitude);
    const int n = static_cast<int>(std::lround(t_end / dt));
    for (int i = 0; i < n; ++i) step(world, integrator, dt);
    return std::fabs(stretch(world) - amplitude * std::cos(omega * t_end));
  };
  const double verlet_ratio = error(Integrator::kVerlet, 0.02) / error(Integrator::kVerlet, 0.01);
  const double rk4_ratio = error(Integrator::kRk4, 0.02) / error(Integrator::kRk4, 0.01);
  const double euler_ratio = error(Integrator::kEuler, 0.002) / error(Integrator::kEuler, 0.001);
  REQUIRE(verlet_ratio == Approx(4).epsilon(0.05));
  REQUIRE(rk4_ratio == Approx(16).epsilon(0.1));
  REQUIRE(euler_ratio == Approx(2).epsilon(0.05));
}

TEST_CASE("stability limits: Verlet and semi-implicit Euler need ω dt < 2, RK4 ω dt < 2√2", "[physics]") {
  const double omega = 20.0;  // k = 400 N/m on 1 kg: the lesson's exercise
  auto blows_up = [&](Integrator integrator, double omega_dt) {
    Simulation simulation(oscillator(omega, 0.2));
    simulation.advance(integrator, omega_dt / omega, 3000);
    return simulation.blown_up();
  };
  REQUIRE_FALSE(blows_up(Integrator::kVerlet, 1.9));
  REQUIRE(blows_up(Integrator::kVerlet, 2.1));
  // Symplectic Euler is stable up to 2 as well, but its energy swings between E₀ and
  // E₀ / (1 − ω dt / 2) on the way (19 E₀ at 1.9), past the blow-up guard of 4 E₀ beyond 1.5.
  REQUIRE_FALSE(blows_up(Integrator::kSemiImplicitEuler, 1.0));
  REQUIRE(blows_up(Integrator::kSemiImplicitEuler, 1.9));
  REQUIRE(blows_up(Integrator::kSemiImplicitEuler, 2.1));
  REQUIRE_FALSE(blows_up(Integrator::kRk4, 2.7));
  REQUIRE(blows_up(Integrator::kRk4, 2.9));
  REQUIRE(blows_up(Integrator::kEuler, 0.3));  // Euler grows at any dt: 1.09 a step
}

TEST_CASE("integrator names round-trip and bad names or steps are explained", "[physics]") {
  for (Integrator integrator : kAll) REQUIRE(parse_integrator(integrator_name(integrator)) == integrator);
  REQUIRE(parse_integrator("semi-implicit") == Integrator::kSemiImplicitEuler);
  REQUIRE_THROWS_WITH(parse_integrator("leapfrog"),
                      "integrator: unknown integrator 'leapfrog'; expected euler, semi-implicit, verlet or rk4");
  World world = oscillator(1, 0.1);
  REQUIRE_THROWS_WITH(step(world, Integrator::kVerlet, 0),
                      "step: time step dt must be a positive number of seconds, got 0");
  REQUIRE_THROWS_AS(step(world, Integrator::kVerlet, std::nan("")), ValueError);
  Simulation simulation(world);
  REQUIRE_THROWS_WITH(simulation.advance(Integrator::kRk4, -0.5, 1),
                      "Simulation::advance: time step dt must be a positive number of seconds, got -0.5");
}
