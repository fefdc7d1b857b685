#pragma once
/// A genetic algorithm that evolves random strings toward a target string (the genetic-algorithm
/// lesson; after ML-From-Scratch's genetic_algorithm.py, Lindernoren 2017):
///   fitness f = 1 / (1 + d), d = Σ_i |index(c_i) − index(t_i)| in the alphabet below;
///   parents by roulette (P(i) = f_i / Σf), single-point crossover, each character mutated to a uniform
///   random one with probability `mutation_rate`; optionally the best string is copied unchanged (elitism).
/// Everything is drawn from one seeded Generator, so (target, options) fixes the whole run.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mlplay/core/random.h"

namespace mlplay::evolve {

/// The characters strings are made of, in the order that defines the distance: space, a–z, A–Z, 0–9, . , ! ? ' -
const std::string& string_alphabet();
/// Throws ValueError unless `target` is 1 to 200 characters, all in string_alphabet(); the message names
/// every character that is not (e.g. "target: '@' (position 6) and 'é' (position 9) are not in the alphabet …").
void check_target(std::string_view target);
/// Σ_i |index(a_i) − index(b_i)| over the alphabet; a and b have the same length.
int64_t string_distance(std::string_view a, std::string_view b);
/// 1 / (1 + d): 1 for the target itself, falling towards 0 as strings get further away.
inline double fitness_from_distance(int64_t d) { return 1.0 / (1.0 + static_cast<double>(d)); }

struct StringEvolverOptions {
  int64_t population = 200;    ///< strings per generation, 2 to 100,000
  double mutation_rate = 0.01; ///< probability that each character of a child is redrawn, in [0, 1]
  bool elitism = true;         ///< copy the best string of each generation into the next one unchanged
  uint64_t seed = 1;
};

class StringEvolver {
 public:
  /// A random first generation (generation 0). Throws ValueError for a bad target or options.
  StringEvolver(std::string target, StringEvolverOptions options);

  /// Breeds `generations` new generations (roulette → crossover → mutation, + the elite).
  void step(int64_t generations = 1);

  int64_t generation() const { return generation_; }
  const std::string& target() const { return target_; }
  const StringEvolverOptions& options() const { return options_; }
  const std::vector<std::string>& population() const { return population_; }
  const std::vector<int64_t>& distances() const { return distances_; }
  const std::vector<double>& fitness() const { return fitness_; }

  int64_t best_index() const { return best_; }
  const std::string& best() const { return population_[static_cast<size_t>(best_)]; }
  int64_t best_distance() const { return distances_[static_cast<size_t>(best_)]; }
  double best_fitness() const { return fitness_[static_cast<size_t>(best_)]; }
  double mean_fitness() const;
  double mean_distance() const;
  /// True once some string equals the target.
  bool solved() const { return best_distance() == 0; }
  /// Indices of the `count` fittest strings, fittest first (ties keep population order).
  std::vector<int64_t> ranking(int64_t count) const;

 private:
  void evaluate();
  void mutate(std::string& child);

  std::string target_;
  StringEvolverOptions options_;
  Generator generator_;
  int64_t generation_ = 0;
  std::vector<std::string> population_;
  std::vector<int64_t> distances_;
  std::vector<double> fitness_;
  int64_t best_ = 0;
};

}  // namespace mlplay::evolve
