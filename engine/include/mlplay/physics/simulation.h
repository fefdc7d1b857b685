#pragma once
/// A running simulation: a world, a clock and an energy ledger. It remembers the energy E₀ at the
/// start so it can report the relative drift (E − E₀) / |E₀| after every step — zero for an exact
/// solver of a conservative system, so the drift measures the integrator's error.
#include <cstdint>

#include "mlplay/physics/integrator.h"
#include "mlplay/physics/world.h"

namespace mlplay::physics {

class Simulation {
 public:
  /// The run stops ("blows up") once the energy grows past this many times max(|E₀|, 1 J). Energy
  /// is conserved, so only an unstable step gets there: in the box a stable integrator stays
  /// within about |E₀| of E₀ even at the edge of stability (Verlet at ω dt = 1.98: 0.85 |E₀|),
  /// while an unstable one passes 7 |E₀| within a few periods (`mlplay physics`, tested).
  inline static constexpr double kBlowUpFactor = 4;

  explicit Simulation(World world);

  /// Takes up to `count` steps of dt with `integrator`; stops early if the state blows up.
  /// Returns the number of steps taken.
  int64_t advance(Integrator integrator, double dt, int64_t count);

  /// Makes the current energy the new reference E₀ and clears the maximum drift (after an edit:
  /// a ball added, gravity switched, …, the system is a different one).
  void reset_energy_reference();
  /// Restores the clock and ledger of a paused run (resuming elsewhere, e.g. in a fresh worker).
  void restore(double time, int64_t steps, double initial_energy, double max_abs_drift);

  World& world() { return world_; }
  const World& world() const { return world_; }
  Energy energy() const { return world_.energy(); }
  double time() const { return time_; }
  int64_t steps() const { return steps_; }
  double initial_energy() const { return initial_energy_; }
  /// (E − E₀) / max(|E₀|, 1e-12).
  double relative_drift() const;
  /// Largest |relative drift| seen at the end of any step since the reference was set.
  double max_abs_drift() const { return max_abs_drift_; }
  /// True once the state is non-finite or the energy grew kBlowUpFactor-fold; advance() then
  /// refuses to step until the reference is reset.
  bool blown_up() const { return blown_up_; }

 private:
  void update_ledger();

  World world_;
  double time_ = 0;
  int64_t steps_ = 0;
  double initial_energy_ = 0;
  double max_abs_drift_ = 0;
  bool blown_up_ = false;
};

}  // namespace mlplay::physics
