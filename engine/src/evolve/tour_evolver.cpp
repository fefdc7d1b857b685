#include "mlplay/evolve/tour_evolver.h"

#include <cmath>
#include <numeric>
#include <utility>

#include "mlplay/core/error.h"
#include "mlplay/evolve/selection.h"

namespace mlplay::evolve {

double tour_length(const std::vector<double>& xy, const Tour& tour) {
  const size_t n = tour.size();
  check(2 * n == xy.size(), "tour_length: the tour visits ", n, " cities but there are ", xy.size() / 2);
  double length = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto a = static_cast<size_t>(tour[i]), b = static_cast<size_t>(tour[(i + 1) % n]);
    length += std::hypot(xy[2 * a] - xy[2 * b], xy[2 * a + 1] - xy[2 * b + 1]);
  }
  return length;
}

Tour order_crossover(const Tour& first, const Tour& second, int64_t begin, int64_t end) {
  const auto n = static_cast<int64_t>(first.size());
  check(static_cast<int64_t>(second.size()) == n, "order_crossover: parents have ", n, " and ", second.size(), " cities");
  check(0 <= begin && begin <= end && end <= n, "order_crossover: segment [", begin, ", ", end, ") is not inside 0 to ", n);
  Tour child(static_cast<size_t>(n), -1);
  std::vector<char> taken(static_cast<size_t>(n), 0);
  for (int64_t i = begin; i < end; ++i) {
    child[static_cast<size_t>(i)] = first[static_cast<size_t>(i)];
    taken[static_cast<size_t>(first[static_cast<size_t>(i)])] = 1;
  }
  int64_t write = end % std::max<int64_t>(n, 1);
  for (int64_t k = 0; k < n; ++k) {
    const int32_t city = second[static_cast<size_t>((end + k) % n)];
    if (taken[static_cast<size_t>(city)]) continue;
    taken[static_cast<size_t>(city)] = 1;
    child[static_cast<size_t>(write)] = city;
    write = (write + 1) % n;
  }
  return child;
}

void swap_mutation(Tour& tour, double rate, Generator& generator) {
  if (rate <= 0 || tour.size() < 2) return;
  const auto n = static_cast<uint32_t>(tour.size());
  for (uint32_t i = 0; i < n; ++i)
    if (generator.uniform_double() < rate) std::swap(tour[i], tour[generator.randint(n)]);
}

std::vector<double> random_cities(int64_t count, uint64_t seed) {
  check(count >= 3 && count <= 1000, "random_cities: count must be 3 to 1000, got ", count);
  Generator generator(seed);
  std::vector<double> xy(static_cast<size_t>(2 * count));
  for (auto& v : xy) v = generator.uniform_double();
  return xy;
}

TourEvolver::TourEvolver(std::vector<double> xy, TourEvolverOptions options)
    : xy_(std::move(xy)), options_(options), generator_(options.seed) {
  check(xy_.size() % 2 == 0, "TourEvolver: city coordinates come in (x, y) pairs; got ", xy_.size(), " numbers");
  check(cities() >= 3 && cities() <= 1000, "TourEvolver: need 3 to 1000 cities, got ", cities());
  for (size_t i = 0; i < xy_.size(); ++i)
    check(std::isfinite(xy_[i]), "TourEvolver: city ", i / 2 + 1, " has a coordinate that is not a finite number");
  check(options_.population >= 2 && options_.population <= 100'000, "TourEvolver: population must be 2 to 100,000, got ",
        options_.population);
  check(options_.mutation_rate >= 0 && options_.mutation_rate <= 1, "TourEvolver: mutation rate must be in [0, 1], got ",
        options_.mutation_rate);
  population_.assign(static_cast<size_t>(options_.population), Tour(static_cast<size_t>(cities())));
  for (auto& tour : population_) {
    std::iota(tour.begin(), tour.end(), 0);
    for (size_t i = tour.size() - 1; i > 0; --i)  // Fisher–Yates shuffle
      std::swap(tour[i], tour[generator_.randint(static_cast<uint32_t>(i + 1))]);
  }
  evaluate();
}

void TourEvolver::evaluate() {
  lengths_.resize(population_.size());
  fitness_.resize(population_.size());
  for (size_t i = 0; i < population_.size(); ++i) {
    lengths_[i] = tour_length(xy_, population_[i]);
    // All cities on one spot make every tour 0 long: then every tour is equally (infinitely) good.
    fitness_[i] = lengths_[i] > 0 ? 1.0 / lengths_[i] : 1.0;
  }
  best_ = argmax(fitness_);
}

void TourEvolver::step(int64_t generations) {
  check(generations >= 0, "TourEvolver.step: generations must be >= 0, got ", generations);
  const size_t n = population_.size();
  const auto length = static_cast<uint32_t>(cities());
  std::vector<Tour> next;
  next.reserve(n);
  for (int64_t g = 0; g < generations; ++g) {
    next.clear();
    const RouletteWheel wheel(fitness_);
    if (options_.elitism) next.push_back(best());
    while (next.size() < n) {
      const Tour& a = population_[static_cast<size_t>(wheel.spin(generator_))];
      const Tour& b = population_[static_cast<size_t>(wheel.spin(generator_))];
      // Two cut points: the segment [begin, end) of one parent, the rest in the other's order.
      int64_t begin = generator_.randint(length + 1), end = generator_.randint(length + 1);
      if (begin > end) std::swap(begin, end);
      Tour first = order_crossover(a, b, begin, end);
      swap_mutation(first, options_.mutation_rate, generator_);
      next.push_back(std::move(first));
      if (next.size() < n) {
        Tour second = order_crossover(b, a, begin, end);
        swap_mutation(second, options_.mutation_rate, generator_);
        next.push_back(std::move(second));
      }
    }
    population_.swap(next);
    ++generation_;
    evaluate();
  }
}

double TourEvolver::mean_length() const {
  return std::accumulate(lengths_.begin(), lengths_.end(), 0.0) / static_cast<double>(lengths_.size());
}

}  // namespace mlplay::evolve
