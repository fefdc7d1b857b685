// genetic-algorithm: the string evolver and the travelling-salesman tour evolver, stepped a generation
// at a time by the worker. Strings cross as JS strings, tours as Int32Array, coordinates as Float64Array.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/evolve/string_evolver.h"
#include "mlplay/evolve/tour_evolver.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::evolve;

/// "" when `target` can be evolved, else the engine's message naming the characters it cannot use.
std::string ga_target_problem(const std::string& target) {
  try {
    check_target(target);
    return "";
  } catch (...) {
    return detail::last_error_message();
  }
}

std::string ga_alphabet() { return string_alphabet(); }

class StringEvolverJs {
 public:
  StringEvolverJs(const std::string& target, double population, double mutation_rate, bool elitism, double seed)
      : evolver_(guard([&] {
          return StringEvolver(target, {.population = static_cast<int64_t>(to_count(population, "StringEvolver: population")),
                                        .mutation_rate = mutation_rate,
                                        .elitism = elitism,
                                        .seed = to_count(seed, "StringEvolver: seed")});
        })) {}

  void step(double generations) {
    guard([&] { evolver_.step(static_cast<int64_t>(to_count(generations, "StringEvolver.step: generations"))); });
  }
  double generation() const { return static_cast<double>(evolver_.generation()); }
  std::string best() const { return evolver_.best(); }
  double best_distance() const { return static_cast<double>(evolver_.best_distance()); }
  double best_fitness() const { return evolver_.best_fitness(); }
  double mean_fitness() const { return evolver_.mean_fitness(); }
  double mean_distance() const { return evolver_.mean_distance(); }
  bool solved() const { return evolver_.solved(); }
  /// {strings: string[], distances: Float64Array, fitness: Float64Array} of the `count` fittest, fittest first.
  val top(double count) const {
    return guard([&] {
      const auto order = evolver_.ranking(static_cast<int64_t>(to_count(count, "StringEvolver.top: count")));
      val strings = val::array();
      std::vector<double> distances, fitness;
      for (int64_t i : order) {
        strings.call<void>("push", evolver_.population()[static_cast<size_t>(i)]);
        distances.push_back(static_cast<double>(evolver_.distances()[static_cast<size_t>(i)]));
        fitness.push_back(evolver_.fitness()[static_cast<size_t>(i)]);
      }
      val out = val::object();
      out.set("strings", strings);
      out.set("distances", typed_array("Float64Array", distances));
      out.set("fitness", typed_array("Float64Array", fitness));
      return out;
    });
  }

 private:
  StringEvolver evolver_;
};

class TourEvolverJs {
 public:
  TourEvolverJs(const val& xy, double population, double mutation_rate, bool elitism, double seed)
      : evolver_(guard([&] {
          return TourEvolver(emscripten::convertJSArrayToNumberVector<double>(xy),
                             {.population = static_cast<int64_t>(to_count(population, "TourEvolver: population")),
                              .mutation_rate = mutation_rate,
                              .elitism = elitism,
                              .seed = to_count(seed, "TourEvolver: seed")});
        })) {}

  void step(double generations) {
    guard([&] { evolver_.step(static_cast<int64_t>(to_count(generations, "TourEvolver.step: generations"))); });
  }
  double generation() const { return static_cast<double>(evolver_.generation()); }
  val best_tour() const { return typed_array("Int32Array", evolver_.best()); }
  double best_length() const { return evolver_.best_length(); }
  double mean_length() const { return evolver_.mean_length(); }

 private:
  TourEvolver evolver_;
};

val random_cities_js(double count, double seed) {
  return guard([&] {
    return typed_array("Float64Array", random_cities(static_cast<int64_t>(to_count(count, "randomCities: count")),
                                                     to_count(seed, "randomCities: seed")));
  });
}

val tour_length_js(const val& xy, const val& tour) {
  return guard([&] {
    return val(tour_length(emscripten::convertJSArrayToNumberVector<double>(xy),
                           emscripten::convertJSArrayToNumberVector<int32_t>(tour)));
  });
}

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_genetic_algorithm) {
  using namespace emscripten;
  using mlplay::bindings::StringEvolverJs;
  using mlplay::bindings::TourEvolverJs;
  class_<StringEvolverJs>("StringEvolver")
      .constructor<std::string, double, double, bool, double>()
      .function("step", &StringEvolverJs::step)
      .function("generation", &StringEvolverJs::generation)
      .function("best", &StringEvolverJs::best)
      .function("bestDistance", &StringEvolverJs::best_distance)
      .function("bestFitness", &StringEvolverJs::best_fitness)
      .function("meanFitness", &StringEvolverJs::mean_fitness)
      .function("meanDistance", &StringEvolverJs::mean_distance)
      .function("solved", &StringEvolverJs::solved)
      .function("top", &StringEvolverJs::top);
  class_<TourEvolverJs>("TourEvolver")
      .constructor<val, double, double, bool, double>()
      .function("step", &TourEvolverJs::step)
      .function("generation", &TourEvolverJs::generation)
      .function("bestTour", &TourEvolverJs::best_tour)
      .function("bestLength", &TourEvolverJs::best_length)
      .function("meanLength", &TourEvolverJs::mean_length);
  function("gaTargetProblem", &mlplay::bindings::ga_target_problem);
  function("gaAlphabet", &mlplay::bindings::ga_alphabet);
  function("randomCities", &mlplay::bindings::random_cities_js);
  function("tourLength", &mlplay::bindings::tour_length_js);
}
