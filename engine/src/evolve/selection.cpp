#include "mlplay/evolve/selection.h"

#include <algorithm>
#include <cmath>

#include "mlplay/core/error.h"

namespace mlplay::evolve {

RouletteWheel::RouletteWheel(const std::vector<double>& fitness) {
  check(!fitness.empty(), "RouletteWheel: the population is empty");
  cumulative_.resize(fitness.size());
  double total = 0;
  for (size_t i = 0; i < fitness.size(); ++i) {
    check(std::isfinite(fitness[i]) && fitness[i] >= 0, "RouletteWheel: fitness ", i, " is ", fitness[i],
          "; expected a finite number >= 0");
    total += fitness[i];
    cumulative_[i] = total;
  }
  check(total > 0, "RouletteWheel: every fitness is 0, so no slot has any width");
}

int64_t RouletteWheel::spin(Generator& generator) const {
  const double point = generator.uniform_double() * cumulative_.back();
  // The first slot whose cumulative end lies beyond the point; zero-width slots are never chosen.
  const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), point);
  return std::min<int64_t>(it - cumulative_.begin(), size() - 1);
}

double RouletteWheel::probability(int64_t index) const {
  check(index >= 0 && index < size(), "RouletteWheel.probability: index ", index, " is outside 0 to ", size() - 1);
  const double low = index == 0 ? 0.0 : cumulative_[static_cast<size_t>(index) - 1];
  return (cumulative_[static_cast<size_t>(index)] - low) / cumulative_.back();
}

int64_t argmax(const std::vector<double>& fitness) {
  check(!fitness.empty(), "argmax: no values");
  return std::max_element(fitness.begin(), fitness.end()) - fitness.begin();
}

}  // namespace mlplay::evolve
