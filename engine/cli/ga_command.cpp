// mlplay ga: the genetic-algorithm lesson on the command line. Evolve random strings toward a target,
// or a travelling salesman tour through cities from a CSV file (columns x, y) or drawn at random.
//   mlplay ga --target "Hello world" --population 200 --mutation 0.01 --seed 1 --json
//   mlplay ga --cities 30 --generations 500
#include <chrono>
#include <climits>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/data/csv.h"
#include "mlplay/evolve/string_evolver.h"
#include "mlplay/evolve/tour_evolver.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::evolve;

std::string read_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  check<IOError>(file.good(), "cannot open '", path, "'");
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run_strings(const Args& args, const StringEvolverOptions& options, std::ostream& out) {
  const std::string target = *args.value("target");
  try {
    check_target(target);
  } catch (const ValueError& e) {
    throw UsageError(std::string("ga: --") + e.what());
  }
  const int64_t max_generations = args.integer("max-generations", 10'000, 0, 10'000'000);
  StringEvolver evolver(target, options);
  nlohmann::ordered_json history = nlohmann::ordered_json::array();
  const bool json = args.flag("json");
  int64_t shown = -1;
  char line[512];
  const auto start = std::chrono::steady_clock::now();
  for (;;) {
    const int64_t d = evolver.best_distance();
    if (json) {
      history.push_back({{"generation", evolver.generation()}, {"best", evolver.best()}, {"distance", d},
                         {"fitness", evolver.best_fitness()}, {"mean_fitness", evolver.mean_fitness()}});
    } else if (shown < 0 || d < shown) {  // a line each time the best string gets closer
      std::snprintf(line, sizeof line, "gen %6lld  %s  distance %5lld  fitness %.4f  mean fitness %.4f\n",
                    static_cast<long long>(evolver.generation()), ("'" + evolver.best() + "'").c_str(),
                    static_cast<long long>(d), evolver.best_fitness(), evolver.mean_fitness());
      out << line;
      shown = d;
    }
    if (evolver.solved() || evolver.generation() >= max_generations) break;
    evolver.step();
  }
  const double seconds = seconds_since(start);
  const double rate = seconds > 0 ? static_cast<double>(evolver.generation()) / seconds : 0;
  if (json) {
    nlohmann::ordered_json result = {
        {"problem", "string"}, {"target", target}, {"population", options.population},
        {"mutation", options.mutation_rate}, {"elitism", options.elitism}, {"seed", options.seed},
        {"solved", evolver.solved()}, {"generations", evolver.generation()}, {"best", evolver.best()},
        {"best_distance", evolver.best_distance()}, {"generations_per_second", rate}, {"history", history}};
    out << result.dump() << "\n";
    return 0;
  }
  if (evolver.solved()) {
    std::snprintf(line, sizeof line, "reached the target in %lld generations", static_cast<long long>(evolver.generation()));
  } else {
    std::snprintf(line, sizeof line, "stopped after %lld generations (--max-generations) at distance %lld",
                  static_cast<long long>(evolver.generation()), static_cast<long long>(evolver.best_distance()));
  }
  out << line;
  std::snprintf(line, sizeof line, " (population %lld, mutation %g, elitism %s, seed %llu; %.3g generations/s)\n",
                static_cast<long long>(options.population), options.mutation_rate, options.elitism ? "on" : "off",
                static_cast<unsigned long long>(options.seed), rate);
  out << line;
  return 0;
}

std::vector<double> read_cities(const std::string& path) {
  const data::CsvTable table = data::read_csv(read_text(path));
  const data::NumericColumn x = data::numeric_column(table, "x");
  const data::NumericColumn y = data::numeric_column(table, "y");
  std::vector<double> xy;
  for (size_t i = 0; i < x.values.size(); ++i) xy.push_back(x.values[i]), xy.push_back(y.values[i]);
  return xy;
}

int run_tour(const Args& args, const TourEvolverOptions& options, std::ostream& out) {
  if (args.has("tsp") && args.has("cities")) throw UsageError("ga: give --tsp FILE.csv or --cities N, not both");
  const int64_t generations = args.integer("generations", 500, 0, 10'000'000);
  std::vector<double> xy;
  if (args.has("tsp")) {
    xy = read_cities(*args.value("tsp"));
    if (xy.size() < 6 || xy.size() > 2000)
      throw UsageError("ga: --tsp needs 3 to 1000 cities (rows of x,y); '" + *args.value("tsp") + "' has " +
                       std::to_string(xy.size() / 2));
  } else {
    xy = random_cities(args.integer("cities", 20, 3, 1000), options.seed);
  }
  TourEvolver evolver(xy, options);
  nlohmann::ordered_json history = nlohmann::ordered_json::array();
  const bool json = args.flag("json");
  char line[256];
  double shown = -1;
  const auto start = std::chrono::steady_clock::now();
  for (;;) {
    if (json) {
      history.push_back({{"generation", evolver.generation()}, {"best_length", evolver.best_length()},
                         {"mean_length", evolver.mean_length()}});
    } else if (shown < 0 || evolver.best_length() < shown) {
      std::snprintf(line, sizeof line, "gen %6lld  best tour %.6g  mean %.6g\n", static_cast<long long>(evolver.generation()),
                    evolver.best_length(), evolver.mean_length());
      out << line;
      shown = evolver.best_length();
    }
    if (evolver.generation() >= generations) break;
    evolver.step();
  }
  const double seconds = seconds_since(start);
  const double rate = seconds > 0 ? static_cast<double>(evolver.generation()) / seconds : 0;
  if (json) {
    nlohmann::ordered_json result = {
        {"problem", "tsp"}, {"cities", evolver.cities()}, {"population", options.population},
        {"mutation", options.mutation_rate}, {"elitism", options.elitism}, {"seed", options.seed},
        {"generations", evolver.generation()}, {"best_length", evolver.best_length()}, {"tour", evolver.best()},
        {"xy", xy}, {"generations_per_second", rate}, {"history", history}};
    out << result.dump() << "\n";
    return 0;
  }
  out << "best tour:";
  for (int32_t city : evolver.best()) out << ' ' << city;
  std::snprintf(line, sizeof line, "\n%lld cities, %lld generations: length %.6g (population %lld, mutation %g, elitism %s, seed %llu; %.3g generations/s)\n",
                static_cast<long long>(evolver.cities()), static_cast<long long>(evolver.generation()), evolver.best_length(),
                static_cast<long long>(options.population), options.mutation_rate, options.elitism ? "on" : "off",
                static_cast<unsigned long long>(options.seed), rate);
  out << line;
  return 0;
}

int run_ga(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("ga", tokens, {"target", "tsp", "cities", "population", "mutation", "seed", "max-generations", "generations"},
            {"json", "no-elitism"});
  if (!args.positionals().empty()) throw UsageError("ga: unexpected argument '" + args.positionals()[0] + "'");
  const bool strings = args.has("target"), tour = args.has("tsp") || args.has("cities");
  if (strings == tour) throw UsageError("ga: give either --target \"TEXT\" or --tsp FILE.csv / --cities N");
  const int64_t population = args.integer("population", 200, 2, 100'000);
  const double mutation = args.number("mutation", 0.01, 0, 1);
  const auto seed = static_cast<uint64_t>(args.integer("seed", 1, 0, INT64_MAX));
  const bool elitism = !args.flag("no-elitism");
  if (strings) {
    if (args.has("generations")) throw UsageError("ga: --generations is for tours; strings stop at the target or --max-generations");
    return run_strings(args, {.population = population, .mutation_rate = mutation, .elitism = elitism, .seed = seed}, out);
  }
  if (args.has("max-generations")) throw UsageError("ga: --max-generations is for strings; tours run --generations G");
  return run_tour(args, {.population = population, .mutation_rate = mutation, .elitism = elitism, .seed = seed}, out);
}

}  // namespace

Command ga_command() {
  return {"ga",
          "mlplay ga --target \"TEXT\" | --tsp FILE.csv | --cities N  [--population N] [--mutation R] [--no-elitism] "
          "[--seed S] [--max-generations G] [--generations G] [--json]",
          "Genetic algorithm: evolve random strings toward TEXT (fitness 1/(1+alphabet distance), roulette selection, "
          "single-point crossover, mutation rate R, default 0.01; prints the best string each time it improves and "
          "the generations needed), or a travelling salesman tour through the x,y cities of FILE.csv or N random ones "
          "(order crossover, swap mutation; --generations, default 500). Elitism is on unless --no-elitism.",
          run_ga};
}

}  // namespace mlplay::cli
