#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/physics/integrator.h"
#include "mlplay/physics/scenes.h"
#include "mlplay/physics/simulation.h"
#include "mlplay/physics/world.h"

using namespace mlplay;
using namespace mlplay::physics;

TEST_CASE("Hooke's law: a stretched spring pulls both ends together, F = k (L - L0) / m", "[physics]") {
  World world(8, 5, /*gravity=*/0);
  world.add_ball({.x = 2, .y = 2, .mass = 2, .radius = 0.1});
  world.add_ball({.x = 5, .y = 2, .mass = 1, .radius = 0.1});
  world.add_spring(0, 1, 10, 2.5);  // stretched 0.5 m: force 5 N
  std::vector<double> a;
  world.accelerations(world.positions(), a);
  REQUIRE(a[0] == Approx(5.0 / 2));
  REQUIRE(a[2] == Approx(-5.0 / 1));
  REQUIRE(a[1] == 0);
  REQUIRE(a[3] == 0);
  REQUIRE(world.energy().spring == Approx(0.5 * 10 * 0.25));
  // A spring added with no rest length is relaxed at its current length.
  world.add_spring(0, 1, 10);
  REQUIRE(world.springs()[1].rest_length == Approx(3));
}

TEST_CASE("energies: kinetic ½mv², gravity mgy from the floor, fixed balls count for nothing", "[physics]") {
  World world(8, 5, 9.81);
  world.add_ball({.x = 1, .y = 2, .vx = 3, .vy = 4, .mass = 2, .radius = 0.1});
  world.add_ball({.x = 3, .y = 4, .mass = 5, .radius = 0.1, .fixed = true});
  const Energy e = world.energy();
  REQUIRE(e.kinetic == Approx(0.5 * 2 * 25));
  REQUIRE(e.gravity == Approx(2 * 9.81 * 2));
  REQUIRE(e.total() == Approx(25 + 39.24));
  std::vector<double> a;
  world.accelerations(world.positions(), a);
  REQUIRE(a[1] == Approx(-9.81));
  REQUIRE(a[3] == 0);  // the anchor does not fall
}

TEST_CASE("an elastic head-on collision of equal masses swaps their velocities", "[physics]") {
  World world(8, 5, 0);
  world.add_ball({.x = 3.0, .y = 2, .vx = 1.5, .mass = 1, .radius = 0.25});
  world.add_ball({.x = 3.45, .y = 2, .vx = -0.5, .mass = 1, .radius = 0.25});  // overlapping by 0.05
  REQUIRE(world.collide() == 1);
  REQUIRE(world.balls()[0].vx == Approx(-0.5));
  REQUIRE(world.balls()[1].vx == Approx(1.5));
  REQUIRE(world.balls()[1].x - world.balls()[0].x == Approx(0.45));  // shallow: no one is moved
  REQUIRE(world.collide() == 0);  // already separating
  // A deep overlap (more than the smaller radius) is also undone by moving both balls apart.
  World deep(8, 5, 0);
  deep.add_ball({.x = 3.0, .y = 2, .vx = 1, .mass = 1, .radius = 0.25});
  deep.add_ball({.x = 3.2, .y = 2, .mass = 3, .radius = 0.25});
  REQUIRE(deep.collide() == 1);
  REQUIRE(deep.balls()[1].x - deep.balls()[0].x == Approx(0.5));
  REQUIRE(deep.balls()[0].x == Approx(3.0 - 0.3 * 0.75));  // the light ball moves 3/4 of the way
}

TEST_CASE("collisions of unequal masses keep momentum, and kinetic energy when elastic", "[physics]") {
  for (double e : {1.0, 0.5}) {
    World world(8, 5, 0, e);
    world.add_ball({.x = 3.0, .y = 2.0, .vx = 2, .vy = 0.5, .mass = 3, .radius = 0.3});
    world.add_ball({.x = 3.4, .y = 2.3, .vx = -1, .vy = 0.2, .mass = 1, .radius = 0.3});
    const double px = 3 * 2 + 1 * -1, py = 3 * 0.5 + 1 * 0.2;
    const double before = world.energy().kinetic;
    REQUIRE(world.collide() == 1);
    const auto& b = world.balls();
    REQUIRE(3 * b[0].vx + b[1].vx == Approx(px));
    REQUIRE(3 * b[0].vy + b[1].vy == Approx(py));
    INFO("restitution " << e);
    if (e == 1.0) REQUIRE(world.energy().kinetic == Approx(before));
    else REQUIRE(world.energy().kinetic < before);
  }
}

TEST_CASE("balls joined by a spring pass through each other's contact; the spring acts instead", "[physics]") {
  World world(8, 5, 0);
  world.add_ball({.x = 3.0, .y = 2, .vx = 1, .mass = 1, .radius = 0.25});
  world.add_ball({.x = 3.4, .y = 2, .vx = -1, .mass = 1, .radius = 0.25});
  world.add_spring(0, 1, 50);
  REQUIRE(world.collide() == 0);
  REQUIRE(world.balls()[0].vx == 1);
}

TEST_CASE("contacts do not pump energy into soft jelly or a folding chain (symplectic methods stay bounded)",
          "[physics]") {
  for (double k : {100.0, 200.0, 600.0}) {
    Simulation verlet(make_scene("jelly", k));
    verlet.advance(Integrator::kVerlet, 0.01, 10000);  // 100 s at the page's default step
    INFO("jelly k = " << k << ": max drift " << verlet.max_abs_drift());
    REQUIRE_FALSE(verlet.blown_up());
    REQUIRE(verlet.max_abs_drift() < 0.35);
  }
  Simulation chain(make_scene("chain"));
  chain.advance(Integrator::kSemiImplicitEuler, 0.01, 10000);
  REQUIRE_FALSE(chain.blown_up());
  REQUIRE(chain.max_abs_drift() < 0.35);
}

TEST_CASE("walls reverse a ball's normal velocity; only a deep contact moves it", "[physics]") {
  World world(8, 5, 0, 1.0);
  world.add_ball({.x = 0.3, .y = 4.0, .mass = 1, .radius = 0.25});
  world.set_state({0.2, 4.0}, {-2, 1});  // 0.05 into the left wall, moving in
  REQUIRE(world.collide() == 1);
  REQUIRE(world.balls()[0].x == Approx(0.2));  // stays: it moves out on its own
  REQUIRE(world.balls()[0].vx == Approx(2));
  REQUIRE(world.balls()[0].vy == Approx(1));
  world.set_state({7.9, 4.0}, {3, 0});  // 0.15 past the right wall: deeper than half a radius
  world.collide();
  REQUIRE(world.balls()[0].x == Approx(7.75));
  REQUIRE(world.balls()[0].vx == Approx(-3));
  World soft(8, 5, 0, 0.5);
  soft.add_ball({.x = 4, .y = 0.3, .mass = 1, .radius = 0.25});
  soft.set_state({4, 0.2}, {0, -4});
  soft.collide();
  REQUIRE(soft.balls()[0].vy == Approx(2));  // restitution 0.5 keeps half the speed
  // A fixed ball is a wall for others: the moving ball bounces straight back.
  World pinned(8, 5, 0);
  pinned.add_ball({.x = 4, .y = 2, .radius = 0.2, .fixed = true});
  pinned.add_ball({.x = 4.35, .y = 2, .vx = -1, .mass = 1, .radius = 0.2});
  pinned.collide();
  REQUIRE(pinned.balls()[0].x == 4);
  REQUIRE(pinned.balls()[1].vx == Approx(1));
}

TEST_CASE("a ball dropped on the floor bounces back to nearly its height with Verlet", "[physics]") {
  Simulation simulation([] {
    World world(8, 5, 9.81);
    world.add_ball({.x = 4, .y = 3, .mass = 1, .radius = 0.2});
    return world;
  }());
  double highest_after_bounce = 0;
  bool bounced = false;
  for (int i = 0; i < 2000; ++i) {  // 2 s: falls 2.8 m in 0.76 s, back up by 1.5 s
    simulation.advance(Integrator::kVerlet, 0.001, 1);
    const Ball& ball = simulation.world().balls()[0];
    if (ball.vy > 0) bounced = true;
    if (bounced) highest_after_bounce = std::fmax(highest_after_bounce, ball.y);
  }
  REQUIRE(bounced);
  REQUIRE(highest_after_bounce == Approx(3).margin(0.01));
  REQUIRE(simulation.max_abs_drift() < 1e-3);
}

TEST_CASE("bad balls and springs are rejected with the operation and the value", "[physics]") {
  REQUIRE_THROWS_WITH(World(0, 5), "World: box size must be positive, got 0 x 5");
  REQUIRE_THROWS_WITH(World(8, 5, -1), "World: gravity must be a finite number >= 0, got -1");
  REQUIRE_THROWS_WITH(World(8, 5, 9.81, 1.5), "World: restitution must be between 0 and 1, got 1.5");
  World world(8, 5);
  REQUIRE_THROWS_WITH(world.add_ball({.x = 9, .y = 1, .mass = 1, .radius = 0.2}),
                      "World::add_ball: ball at (9, 1) with radius 0.2 is outside the 8 x 5 box");
  REQUIRE_THROWS_WITH(world.add_ball({.x = 1, .y = 1, .mass = 0, .radius = 0.2}),
                      "World::add_ball: mass must be positive, got 0");
  REQUIRE_THROWS_WITH(world.add_ball({.x = 1, .y = 1, .mass = 1, .radius = -0.2}),
                      "World::add_ball: radius must be positive and fit the box, got -0.2");
  world.add_ball({.x = 1, .y = 1, .mass = 1, .radius = 0.2});
  REQUIRE_THROWS_WITH(world.add_spring(0, 0, 10), "World::add_spring: cannot join ball 0 to itself");
  REQUIRE_THROWS_WITH(world.add_spring(0, 3, 10), "World::add_spring: balls 0 and 3 must be in [0, 1)");
  world.add_ball({.x = 2, .y = 1, .mass = 1, .radius = 0.2});
  REQUIRE_THROWS_WITH(world.add_spring(0, 1, -5), "World::add_spring: stiffness must be positive, got -5");
  REQUIRE_THROWS_AS(world.set_gravity(std::nan("")), ValueError);
}

TEST_CASE("every scene builds, starts at rest-or-moving with positive energy, and Verlet keeps it", "[physics]") {
  for (const auto& name : scene_names()) {
    Simulation simulation(make_scene(name));
    INFO(name);
    REQUIRE(simulation.initial_energy() > 0);
    simulation.advance(Integrator::kVerlet, 0.002, 2500);  // 5 s
    REQUIRE_FALSE(simulation.blown_up());
    // Collisions (balls, jelly) add their own small error; springs alone stay far below 1%.
    REQUIRE(std::fabs(simulation.relative_drift()) < 0.02);
  }
  REQUIRE(make_scene("spring").springs()[0].stiffness == 20);
  REQUIRE(make_scene("chain", 123).springs()[3].stiffness == 123);
  REQUIRE(make_scene("balls").springs().empty());
  REQUIRE_THROWS_WITH(make_scene("pendulum"), "scene: unknown scene 'pendulum'; expected spring, chain, jelly or balls");
  REQUIRE_THROWS_WITH(make_scene("chain", 0), "scene 'chain': spring stiffness must be between 0 and 1e7 N/m, got 0");
}

TEST_CASE("stiff springs: Euler blows the chain up, semi-implicit Euler does not", "[physics]") {
  Simulation euler(make_scene("chain"));
  const int64_t taken = euler.advance(Integrator::kEuler, 0.005, 2000);
  REQUIRE(euler.blown_up());
  REQUIRE(taken < 2000);
  REQUIRE(euler.advance(Integrator::kEuler, 0.005, 10) == 0);  // refuses until reset
  Simulation symplectic(make_scene("chain"));
  REQUIRE(symplectic.advance(Integrator::kSemiImplicitEuler, 0.005, 2000) == 2000);
  REQUIRE_FALSE(symplectic.blown_up());
}

TEST_CASE("a simulation resumes from its clock and ledger", "[physics]") {
  Simulation a(make_scene("spring"));
  a.advance(Integrator::kEuler, 0.01, 100);
  // Rebuild the same state elsewhere (as the browser does when it resumes a paused run).
  World copy = make_scene("spring");
  copy.set_state(a.world().positions(), a.world().velocities());
  Simulation b(copy);
  b.restore(a.time(), a.steps(), a.initial_energy(), a.max_abs_drift());
  a.advance(Integrator::kEuler, 0.01, 50);
  b.advance(Integrator::kEuler, 0.01, 50);
  REQUIRE(b.steps() == 150);
  REQUIRE(b.time() == Approx(1.5));
  REQUIRE(b.relative_drift() == a.relative_drift());
  REQUIRE(b.max_abs_drift() == a.max_abs_drift());
  REQUIRE_THROWS_WITH(b.restore(-1, 0, 1, 0), "Simulation::restore: clock must be non-negative, got t = -1, steps = 0");
  b.reset_energy_reference();
  REQUIRE(b.relative_drift() == 0);
  REQUIRE(b.max_abs_drift() == 0);
}
