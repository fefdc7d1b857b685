#pragma once
/// The same genetic algorithm on a travelling salesman tour (the genetic-algorithm lesson's second
/// problem): a tour is a permutation of the cities, fitness f = 1 / length of the closed tour,
/// parents by roulette, order crossover (OX1, Davis 1985; Eiben & Smith, "Introduction to Evolutionary
/// Computing", 2015, §4.5.2) and swap mutation, with optional elitism. Seeded: (cities, options) fixes the run.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "mlplay/core/random.h"

namespace mlplay::evolve {

using Tour = std::vector<int32_t>;

/// Length of the closed tour through cities xy = [x0, y0, x1, y1, …] in the order `tour`.
double tour_length(const std::vector<double>& xy, const Tour& tour);

/// Order crossover: the child keeps first[begin, end) in place and fills the other positions, from `end`
/// on (wrapping), with the cities of `second` in the order they appear there from `end` on, skipping
/// those already taken. 0 <= begin <= end <= size.
Tour order_crossover(const Tour& first, const Tour& second, int64_t begin, int64_t end);

/// Swap mutation: each position, with probability `rate`, swaps its city with a uniformly chosen position.
void swap_mutation(Tour& tour, double rate, Generator& generator);

/// `count` cities uniformly in the unit square, [x0, y0, …].
std::vector<double> random_cities(int64_t count, uint64_t seed);

struct TourEvolverOptions {
  int64_t population = 200;     ///< tours per generation, 2 to 100,000
  double mutation_rate = 0.01;  ///< probability that each position of a child is swapped, in [0, 1]
  bool elitism = true;          ///< copy the shortest tour into the next generation unchanged
  uint64_t seed = 1;
};

class TourEvolver {
 public:
  /// 3 to 1000 cities as [x0, y0, …] (finite); throws ValueError otherwise. Generation 0 is random tours.
  TourEvolver(std::vector<double> xy, TourEvolverOptions options);

  /// Breeds `generations` new generations.
  void step(int64_t generations = 1);

  int64_t generation() const { return generation_; }
  int64_t cities() const { return static_cast<int64_t>(xy_.size() / 2); }
  const std::vector<double>& xy() const { return xy_; }
  const std::vector<Tour>& population() const { return population_; }
  const std::vector<double>& lengths() const { return lengths_; }
  const Tour& best() const { return population_[static_cast<size_t>(best_)]; }
  double best_length() const { return lengths_[static_cast<size_t>(best_)]; }
  double mean_length() const;

 private:
  void evaluate();

  std::vector<double> xy_;
  TourEvolverOptions options_;
  Generator generator_;
  int64_t generation_ = 0;
  std::vector<Tour> population_;
  std::vector<double> lengths_;
  std::vector<double> fitness_;
  int64_t best_ = 0;
};

}  // namespace mlplay::evolve
