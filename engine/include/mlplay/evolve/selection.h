#pragma once
/// Fitness-proportional ("roulette wheel") selection for the genetic algorithms of the
/// genetic-algorithm lesson: individual i is picked with probability f_i / Σ_j f_j.
/// (Holland 1975; Goldberg, "Genetic Algorithms in Search, Optimization and Machine Learning", 1989, ch. 1.)
#include <cstddef>
#include <cstdint>
#include <vector>

#include "mlplay/core/random.h"

namespace mlplay::evolve {

/// A wheel whose slots are as wide as each individual's fitness.
class RouletteWheel {
 public:
  /// `fitness` must be non-empty, finite and >= 0 with a positive sum; throws ValueError otherwise.
  explicit RouletteWheel(const std::vector<double>& fitness);

  /// Spins once: a uniform point in [0, Σf) and the slot it lands in (binary search on the cumulative sums).
  int64_t spin(Generator& generator) const;
  /// P(pick i) = f_i / Σf.
  double probability(int64_t index) const;
  int64_t size() const { return static_cast<int64_t>(cumulative_.size()); }

 private:
  std::vector<double> cumulative_;  // cumulative_[i] = f_0 + … + f_i
};

/// Index of the largest fitness (the first one on ties).
int64_t argmax(const std::vector<double>& fitness);

}  // namespace mlplay::evolve
