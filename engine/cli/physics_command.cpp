// mlplay physics: run a scene of the physics lesson with one integrator and report the relative
// energy drift (E − E₀) / |E₀|, the integrator's error on a system that should conserve energy.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/physics/scenes.h"
#include "mlplay/physics/simulation.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::physics;

int run_physics(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("physics", tokens, {"integrator", "steps", "dt", "scene", "stiffness"}, {"json"});
  if (!args.positionals().empty()) throw UsageError("physics: unexpected argument '" + args.positionals()[0] + "'");
  if (!args.has("integrator")) throw UsageError("physics: --integrator is required (euler, semi-implicit, verlet or rk4)");
  if (!args.has("steps")) throw UsageError("physics: --steps is required");
  Integrator integrator;
  try {
    integrator = parse_integrator(*args.value("integrator"));
  } catch (const ValueError& e) {
    throw UsageError(std::string("physics: --") + e.what());
  }
  const std::string scene = args.value("scene").value_or("spring");
  double fallback_stiffness;
  try {
    fallback_stiffness = default_stiffness(scene);
  } catch (const ValueError& e) {
    throw UsageError(std::string("physics: --") + e.what());
  }
  const int64_t steps = args.integer("steps", 0, 1, 100'000'000);
  const double dt = args.number("dt", 0.01, 1e-6, 1.0);
  const double stiffness = scene == "balls" ? 0 : args.number("stiffness", fallback_stiffness, 1e-3, 1e7);

  Simulation simulation(make_scene(scene, stiffness));
  const Energy start = simulation.energy();
  const int64_t taken = simulation.advance(integrator, dt, steps);
  const Energy end = simulation.energy();
  const double drift = simulation.relative_drift();
  const bool blew_up = simulation.blown_up();
  const auto& world = simulation.world();

  if (args.flag("json")) {
    // NOTE: a blown-up run may end with non-finite energies; JSON has no NaN/inf, so they print as null.
    nlohmann::ordered_json result = {{"scene", scene},
                                     {"integrator", integrator_name(integrator)},
                                     {"dt", dt},
                                     {"steps", taken},
                                     {"requested_steps", steps},
                                     {"time", simulation.time()},
                                     {"stiffness", stiffness},
                                     {"balls", world.balls().size()},
                                     {"springs", world.springs().size()},
                                     {"initial_energy", start.total()},
                                     {"final_energy", end.total()},
                                     {"kinetic_energy", end.kinetic},
                                     {"potential_energy", end.potential()},
                                     {"relative_drift", drift},
                                     {"max_abs_drift", simulation.max_abs_drift()},
                                     {"blew_up", blew_up}};
    out << result.dump() << "\n";
    return 0;
  }
  char line[320];
  std::snprintf(line, sizeof line, "%s on '%s' (%zu balls, %zu springs, k = %g N/m), dt = %g s\n",
                integrator_name(integrator).c_str(), scene.c_str(), world.balls().size(), world.springs().size(),
                stiffness, dt);
  out << line;
  std::snprintf(line, sizeof line, "%lld steps (t = %.4g s): energy %.6g J -> %.6g J\n", static_cast<long long>(taken),
                simulation.time(), start.total(), end.total());
  out << line;
  std::snprintf(line, sizeof line, "relative energy drift: %+.3e (largest |drift| on the way: %.3e)\n", drift,
                simulation.max_abs_drift());
  out << line;
  if (blew_up) {
    std::snprintf(line, sizeof line,
                  "blew up after %lld of %lld steps: the energy grew more than %g-fold; try a smaller --dt\n",
                  static_cast<long long>(taken), static_cast<long long>(steps), Simulation::kBlowUpFactor);
    out << line;
  }
  return 0;
}

}  // namespace

Command physics_command() {
  return {"physics",
          "mlplay physics --integrator euler|semi-implicit|verlet|rk4 --steps N [--dt DT] [--scene "
          "spring|chain|jelly|balls] [--stiffness K] [--json]",
          "Simulate a scene of balls and springs for N steps of DT seconds (default 0.01) and report the relative "
          "energy drift.",
          run_physics};
}

}  // namespace mlplay::cli
