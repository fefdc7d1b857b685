#include "mlplay/physics/simulation.h"

#include <cmath>
#include <utility>

#include "mlplay/core/error.h"

namespace mlplay::physics {

Simulation::Simulation(World world) : world_(std::move(world)) { reset_energy_reference(); }

int64_t Simulation::advance(Integrator integrator, double dt, int64_t count) {
  check(std::isfinite(dt) && dt > 0, "Simulation::advance: time step dt must be a positive number of seconds, got ",
        dt);
  check(count >= 0, "Simulation::advance: step count must be non-negative, got ", count);
  int64_t taken = 0;
  while (taken < count && !blown_up_) {
    step(world_, integrator, dt);
    time_ += dt;
    ++steps_;
    ++taken;
    update_ledger();
  }
  return taken;
}

void Simulation::reset_energy_reference() {
  initial_energy_ = world_.energy().total();
  max_abs_drift_ = 0;
  blown_up_ = !world_.finite() || !std::isfinite(initial_energy_);
}

void Simulation::restore(double time, int64_t steps, double initial_energy, double max_abs_drift) {
  check(std::isfinite(time) && time >= 0 && steps >= 0, "Simulation::restore: clock must be non-negative, got t = ",
        time, ", steps = ", steps);
  check(std::isfinite(initial_energy) && std::isfinite(max_abs_drift) && max_abs_drift >= 0,
        "Simulation::restore: energy reference must be finite, got E0 = ", initial_energy,
        ", max drift = ", max_abs_drift);
  time_ = time;
  steps_ = steps;
  initial_energy_ = initial_energy;
  max_abs_drift_ = max_abs_drift;
  update_ledger();
}

double Simulation::relative_drift() const {
  return (world_.energy().total() - initial_energy_) / std::fmax(std::fabs(initial_energy_), 1e-12);
}

void Simulation::update_ledger() {
  const double energy = world_.energy().total();
  const double drift = (energy - initial_energy_) / std::fmax(std::fabs(initial_energy_), 1e-12);
  if (std::isfinite(drift)) max_abs_drift_ = std::fmax(max_abs_drift_, std::fabs(drift));
  blown_up_ = !world_.finite() || !std::isfinite(energy) ||
              std::fabs(energy) > kBlowUpFactor * std::fmax(std::fabs(initial_energy_), 1.0);
}

}  // namespace mlplay::physics
