#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "mlplay/core/error.h"
#include "mlplay/evolve/tour_evolver.h"

using namespace mlplay;
using namespace mlplay::evolve;

namespace {
bool is_permutation_of_n(Tour tour) {
  std::sort(tour.begin(), tour.end());
  for (size_t i = 0; i < tour.size(); ++i)
    if (tour[i] != static_cast<int32_t>(i)) return false;
  return true;
}
std::vector<double> circle(int n) {
  std::vector<double> xy;
  for (int i = 0; i < n; ++i) {
    const double angle = 2 * M_PI * ((i * 7) % n) / n;  // shuffled order around the circle
    xy.push_back(0.5 + 0.4 * std::cos(angle)), xy.push_back(0.5 + 0.4 * std::sin(angle));
  }
  return xy;
}
}  // namespace

TEST_CASE("tour length is the closed polygon's perimeter", "[evolve]") {
  const std::vector<double> square = {0, 0, 1, 0, 1, 1, 0, 1};
  REQUIRE(tour_length(square, {0, 1, 2, 3}) == Approx(4.0));
  REQUIRE(tour_length(square, {0, 2, 1, 3}) == Approx(2 + 2 * std::sqrt(2.0)));
  REQUIRE_THROWS_WITH(tour_length(square, {0, 1, 2}), Catch::Contains("visits 3 cities but there are 4"));
}

TEST_CASE("order crossover keeps one parent's segment and the other's order (Eiben and Smith's example)", "[evolve]") {
  // Parents 1 2 3 | 4 5 6 7 | 8 9 and 4 5 2 | 1 8 7 6 | 9 3, written from 0: the child is 2 1 8 4 5 6 7 9 3.
  const Tour p1 = {0, 1, 2, 3, 4, 5, 6, 7, 8}, p2 = {3, 4, 1, 0, 7, 6, 5, 8, 2};
  REQUIRE(order_crossover(p1, p2, 3, 7) == Tour{1, 0, 7, 3, 4, 5, 6, 8, 2});
  REQUIRE(order_crossover(p2, p1, 3, 7) == Tour{2, 3, 4, 0, 7, 6, 5, 8, 1});
  REQUIRE(order_crossover(p1, p2, 0, 9) == p1);  // the whole of the first parent
  REQUIRE(order_crossover(p1, p2, 0, 0) == Tour{3, 4, 1, 0, 7, 6, 5, 8, 2});  // the second's order from position 0
  REQUIRE_THROWS_WITH(order_crossover(p1, p2, 5, 3), Catch::Contains("segment [5, 3)"));
  Generator generator(5);
  for (int trial = 0; trial < 200; ++trial) {
    Tour a(12), b(12);
    std::iota(a.begin(), a.end(), 0), std::iota(b.begin(), b.end(), 0);
    for (int i = 11; i > 0; --i) std::swap(a[i], a[generator.randint(i + 1)]), std::swap(b[i], b[generator.randint(i + 1)]);
    int64_t begin = generator.randint(13), end = generator.randint(13);
    if (begin > end) std::swap(begin, end);
    REQUIRE(is_permutation_of_n(order_crossover(a, b, begin, end)));
  }
}

TEST_CASE("swap mutation keeps a permutation and does nothing at rate 0", "[evolve]") {
  Generator generator(1);
  Tour tour(20);
  std::iota(tour.begin(), tour.end(), 0);
  Tour same = tour;
  swap_mutation(same, 0.0, generator);
  REQUIRE(same == tour);
  swap_mutation(same, 1.0, generator);
  REQUIRE(same != tour);
  REQUIRE(is_permutation_of_n(same));
}

TEST_CASE("the tour GA shortens random tours and finds the circle with elitism", "[evolve]") {
  const auto xy = circle(12);
  const double optimum = 12 * 2 * 0.4 * std::sin(M_PI / 12);  // the regular 12-gon
  TourEvolver evolver(xy, {.population = 300, .mutation_rate = 0.02, .elitism = true, .seed = 1});
  const double first = evolver.best_length();
  double best = first;
  for (int g = 0; g < 400; ++g) {
    evolver.step();
    REQUIRE(evolver.best_length() <= best + 1e-12);
    best = evolver.best_length();
    REQUIRE(is_permutation_of_n(evolver.best()));
  }
  INFO("first " << first << ", after 400 generations " << best << ", optimum " << optimum);
  REQUIRE(first > 1.5 * optimum);
  REQUIRE(best == Approx(optimum).epsilon(1e-9));
  TourEvolver again(xy, {.population = 300, .mutation_rate = 0.02, .elitism = true, .seed = 1});
  again.step(400);
  REQUIRE(again.best() == evolver.best());
}

TEST_CASE("the tour GA refuses too few cities and bad coordinates", "[evolve]") {
  REQUIRE_THROWS_WITH(TourEvolver({0, 0, 1, 1}, {}), Catch::Contains("need 3 to 1000 cities, got 2"));
  REQUIRE_THROWS_WITH(TourEvolver({0, 0, 1, 1, 2}, {}), Catch::Contains("(x, y) pairs"));
  REQUIRE_THROWS_WITH(TourEvolver({0, 0, 1, NAN, 2, 2}, {}), Catch::Contains("city 2"));
  REQUIRE_THROWS_WITH(TourEvolver(random_cities(5, 1), {.mutation_rate = -0.1}), Catch::Contains("mutation rate"));
  const auto xy = random_cities(30, 7);
  REQUIRE(xy.size() == 60);
  REQUIRE(std::all_of(xy.begin(), xy.end(), [](double v) { return v >= 0 && v < 1; }));
  REQUIRE(random_cities(30, 7) == xy);
}
