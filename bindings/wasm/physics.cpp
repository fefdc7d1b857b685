// PhysicsSimulation for the physics lesson: a world of balls and springs that steps in the engine
// and hands back positions (for drawing) and energies (for the live plot).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "guard.h"
#include "mlplay/physics/scenes.h"
#include "mlplay/physics/simulation.h"

namespace mlplay::bindings {
namespace {

using physics::Ball;
using physics::Simulation;
using physics::World;

emscripten::val float64_array(const std::vector<double>& values) {
  const auto view = emscripten::val(emscripten::typed_memory_view(values.size(), values.data()));
  return emscripten::val::global("Float64Array").new_(view);
}

/// JS-facing simulation. Counts and indices cross as JS numbers.
class PhysicsSimulationJs {
 public:
  PhysicsSimulationJs(double width, double height, double gravity, double restitution)
      : simulation_(guard([&] { return Simulation(World(width, height, gravity, restitution)); })) {}
  /// One of the lesson's scenes (physics/scenes.h) with springs of the given stiffness (N/m).
  PhysicsSimulationJs(const std::string& scene, double stiffness)
      : simulation_(guard([&] { return Simulation(physics::make_scene(scene, stiffness)); })) {}

  /// Adds a ball; the energy reference is not reset (call resetEnergyReference after edits).
  double add_ball(double x, double y, double vx, double vy, double mass, double radius, bool fixed) {
    return guard([&] {
      return static_cast<double>(simulation_.world().add_ball(
          {.x = x, .y = y, .vx = vx, .vy = vy, .mass = mass, .radius = radius, .fixed = fixed}));
    });
  }
  double add_spring(double a, double b, double stiffness, double rest_length) {
    return guard([&] {
      const int ia = static_cast<int>(to_count(a, "PhysicsSimulation.addSpring: a"));
      const int ib = static_cast<int>(to_count(b, "PhysicsSimulation.addSpring: b"));
      return static_cast<double>(simulation_.world().add_spring(ia, ib, stiffness, rest_length));
    });
  }
  void set_gravity(double gravity) { guard([&] { simulation_.world().set_gravity(gravity); }); }
  void reset_energy_reference() { simulation_.reset_energy_reference(); }
  void restore(double time, double steps, double initial_energy, double max_abs_drift) {
    guard([&] {
      simulation_.restore(time, static_cast<int64_t>(to_count(steps, "PhysicsSimulation.restore: steps")),
                          initial_energy, max_abs_drift);
    });
  }

  /// Takes up to `count` steps of `dt` seconds with the named integrator; returns the steps taken
  /// (fewer when the state blows up).
  double advance(const std::string& integrator, double dt, double count) {
    return guard([&] {
      const auto steps = static_cast<int64_t>(to_count(count, "PhysicsSimulation.advance: count"));
      return static_cast<double>(simulation_.advance(physics::parse_integrator(integrator), dt, steps));
    });
  }

  /// Float32Array [x0, y0, x1, y1, …] for drawing.
  emscripten::val positions() const {
    const auto q = simulation_.world().positions();
    const std::vector<float> xy(q.begin(), q.end());
    const auto view = emscripten::val(emscripten::typed_memory_view(xy.size(), xy.data()));
    return emscripten::val::global("Float32Array").new_(view);
  }
  /// Float64Array of 7 numbers per ball: x, y, vx, vy, mass, radius, fixed (1 or 0).
  emscripten::val balls() const {
    std::vector<double> out;
    for (const Ball& b : simulation_.world().balls()) {
      out.insert(out.end(), {b.x, b.y, b.vx, b.vy, b.mass, b.radius, b.fixed ? 1.0 : 0.0});
    }
    return float64_array(out);
  }
  /// Float64Array of 4 numbers per spring: a, b, stiffness, rest length.
  emscripten::val springs() const {
    std::vector<double> out;
    for (const auto& s : simulation_.world().springs()) {
      out.insert(out.end(), {static_cast<double>(s.a), static_cast<double>(s.b), s.stiffness, s.rest_length});
    }
    return float64_array(out);
  }

  double kinetic_energy() const { return simulation_.energy().kinetic; }
  double potential_energy() const { return simulation_.energy().potential(); }
  double total_energy() const { return simulation_.energy().total(); }
  double initial_energy() const { return simulation_.initial_energy(); }
  double relative_drift() const { return simulation_.relative_drift(); }
  double max_abs_drift() const { return simulation_.max_abs_drift(); }
  bool blown_up() const { return simulation_.blown_up(); }
  double time() const { return simulation_.time(); }
  double steps() const { return static_cast<double>(simulation_.steps()); }
  double gravity() const { return simulation_.world().gravity(); }
  double restitution() const { return simulation_.world().restitution(); }
  double width() const { return simulation_.world().width(); }
  double height() const { return simulation_.world().height(); }

 private:
  Simulation simulation_;
};

double physics_default_stiffness(const std::string& name) {
  return guard([&] { return physics::default_stiffness(name); });
}

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_physics) {
  using namespace emscripten;
  using mlplay::bindings::PhysicsSimulationJs;
  class_<PhysicsSimulationJs>("PhysicsSimulation")
      .constructor<double, double, double, double>()
      .constructor<std::string, double>()
      .function("addBall", &PhysicsSimulationJs::add_ball)
      .function("addSpring", &PhysicsSimulationJs::add_spring)
      .function("setGravity", &PhysicsSimulationJs::set_gravity)
      .function("resetEnergyReference", &PhysicsSimulationJs::reset_energy_reference)
      .function("restore", &PhysicsSimulationJs::restore)
      .function("advance", &PhysicsSimulationJs::advance)
      .function("positions", &PhysicsSimulationJs::positions)
      .function("balls", &PhysicsSimulationJs::balls)
      .function("springs", &PhysicsSimulationJs::springs)
      .function("kineticEnergy", &PhysicsSimulationJs::kinetic_energy)
      .function("potentialEnergy", &PhysicsSimulationJs::potential_energy)
      .function("totalEnergy", &PhysicsSimulationJs::total_energy)
      .function("initialEnergy", &PhysicsSimulationJs::initial_energy)
      .function("relativeDrift", &PhysicsSimulationJs::relative_drift)
      .function("maxAbsDrift", &PhysicsSimulationJs::max_abs_drift)
      .function("blownUp", &PhysicsSimulationJs::blown_up)
      .function("time", &PhysicsSimulationJs::time)
      .function("steps", &PhysicsSimulationJs::steps)
      .function("gravity", &PhysicsSimulationJs::gravity)
      .function("restitution", &PhysicsSimulationJs::restitution)
      .function("width", &PhysicsSimulationJs::width)
      .function("height", &PhysicsSimulationJs::height);
  function("physicsDefaultStiffness", &mlplay::bindings::physics_default_stiffness);
}
