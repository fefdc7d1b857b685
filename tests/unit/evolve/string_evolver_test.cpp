#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "mlplay/core/error.h"
#include "mlplay/evolve/selection.h"
#include "mlplay/evolve/string_evolver.h"

using namespace mlplay;
using namespace mlplay::evolve;

TEST_CASE("the roulette wheel picks each individual in proportion to its fitness", "[evolve]") {
  const RouletteWheel wheel({1.0, 0.0, 3.0, 4.0});
  REQUIRE(wheel.probability(0) == Approx(0.125));
  REQUIRE(wheel.probability(1) == 0.0);
  REQUIRE(wheel.probability(2) == Approx(0.375));
  REQUIRE(wheel.probability(3) == Approx(0.5));
  Generator generator(3);
  std::map<int64_t, int> counts;
  const int spins = 200'000;
  for (int i = 0; i < spins; ++i) ++counts[wheel.spin(generator)];
  REQUIRE(counts[1] == 0);  // a zero-width slot is never hit
  // Binomial standard deviation of a share near 0.5 over 200,000 spins is about 0.0011.
  REQUIRE(counts[0] / double(spins) == Approx(0.125).margin(0.005));
  REQUIRE(counts[2] / double(spins) == Approx(0.375).margin(0.005));
  REQUIRE(counts[3] / double(spins) == Approx(0.5).margin(0.005));
}

TEST_CASE("the roulette wheel refuses fitness it cannot spin", "[evolve]") {
  REQUIRE_THROWS_WITH(RouletteWheel({}), Catch::Contains("empty"));
  REQUIRE_THROWS_WITH(RouletteWheel({0.0, 0.0}), Catch::Contains("every fitness is 0"));
  REQUIRE_THROWS_WITH(RouletteWheel({1.0, -2.0}), Catch::Contains("fitness 1 is -2"));
  REQUIRE(argmax({0.2, 0.9, 0.9, 0.1}) == 1);
}

TEST_CASE("string distance sums the alphabet positions apart, character by character", "[evolve]") {
  REQUIRE(string_alphabet().size() == 69);
  REQUIRE(string_alphabet().substr(0, 3) == " ab");
  REQUIRE(string_distance("abc", "abc") == 0);
  REQUIRE(string_distance("abc", "abd") == 1);
  REQUIRE(string_distance(" ", "a") == 1);
  REQUIRE(string_distance("a", "A") == 26);
  REQUIRE(string_distance("Hello", "Hallo") == 4);  // e(5) to a(1)
  REQUIRE(string_distance(" ", "-") == 68);
  REQUIRE(fitness_from_distance(0) == 1.0);
  REQUIRE(fitness_from_distance(3) == 0.25);
  REQUIRE_THROWS_WITH(string_distance("ab", "abc"), Catch::Contains("lengths 2 and 3 differ"));
}

TEST_CASE("a bad target is refused with the characters that are not in the alphabet", "[evolve]") {
  REQUIRE_THROWS_WITH(check_target(""), Catch::Contains("the target is empty"));
  REQUIRE_THROWS_WITH(check_target("Hi @home"), Catch::Contains("'@' (position 4) is not in the alphabet"));
  REQUIRE_THROWS_WITH(check_target("café#"),
                      Catch::Contains("'é' (position 4), '#' (position 5) are not in the alphabet"));
  REQUIRE_THROWS_WITH(check_target(std::string(201, 'a')), Catch::Contains("too long"));
  REQUIRE_NOTHROW(check_target("Hello, world! It's 2026 - ok?"));
  REQUIRE_THROWS_WITH(StringEvolver("abc", {.mutation_rate = 1.5}), Catch::Contains("mutation rate must be in [0, 1], got 1.5"));
  REQUIRE_THROWS_WITH(StringEvolver("abc", {.population = 1}), Catch::Contains("population must be 2"));
}

TEST_CASE("generation 0 is random strings of the target's length, fixed by the seed", "[evolve]") {
  StringEvolver a("Genetic", {.population = 50, .seed = 9}), b("Genetic", {.population = 50, .seed = 9}),
      c("Genetic", {.population = 50, .seed = 10});
  REQUIRE(a.population().size() == 50);
  for (const auto& s : a.population()) REQUIRE(s.size() == 7);
  REQUIRE(a.population() == b.population());
  REQUIRE(a.population() != c.population());
  for (size_t i = 0; i < 50; ++i) {
    REQUIRE(a.distances()[i] == string_distance(a.population()[i], "Genetic"));
    REQUIRE(a.fitness()[i] == fitness_from_distance(a.distances()[i]));
  }
  const auto top = a.ranking(5);
  REQUIRE(top.size() == 5);
  REQUIRE(top[0] == a.best_index());
  for (size_t i = 1; i < top.size(); ++i) REQUIRE(a.distances()[top[i - 1]] <= a.distances()[top[i]]);
  a.step(20), b.step(20);
  REQUIRE(a.population() == b.population());
  REQUIRE(a.generation() == 20);
}

TEST_CASE("with elitism the best fitness never falls and the target is reached", "[evolve]") {
  StringEvolver evolver("Hello world", {.population = 200, .mutation_rate = 0.01, .elitism = true, .seed = 1});
  double best = evolver.best_fitness();
  while (!evolver.solved() && evolver.generation() < 3000) {
    evolver.step();
    REQUIRE(evolver.best_fitness() >= best);
    best = evolver.best_fitness();
    REQUIRE(evolver.population().size() == 200);
  }
  REQUIRE(evolver.solved());
  REQUIRE(evolver.best() == "Hello world");
  INFO("generations: " << evolver.generation());
  REQUIRE(evolver.generation() > 5);  // not by luck in generation 0
  evolver.step(10);
  REQUIRE(evolver.best() == "Hello world");  // the elite keeps it
}

TEST_CASE("without mutation, children only recombine the characters generation 0 had in each column", "[evolve]") {
  StringEvolver evolver("abcdefgh", {.population = 30, .mutation_rate = 0.0, .elitism = false, .seed = 4});
  std::vector<std::set<char>> columns(8);
  for (const auto& s : evolver.population())
    for (size_t i = 0; i < 8; ++i) columns[i].insert(s[i]);
  evolver.step(50);
  for (const auto& s : evolver.population())
    for (size_t i = 0; i < 8; ++i) REQUIRE(columns[i].count(s[i]) == 1);
}

TEST_CASE("mutation rate 1 redraws every character", "[evolve]") {
  // With the rate at 1 a child keeps a character only when the redraw hits it again (1 in 69).
  StringEvolver evolver(std::string(60, 'a'), {.population = 100, .mutation_rate = 1.0, .elitism = false, .seed = 2});
  evolver.step(3);
  int64_t a_count = 0;
  for (const auto& s : evolver.population())
    for (char c : s) a_count += c == 'a';
  REQUIRE(a_count / 6000.0 == Approx(1.0 / 69).margin(0.008));
}
