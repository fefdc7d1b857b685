#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"

using mlplay::cli::run_cli;

TEST_CASE("mlplay ga --target --json reports the generations and the best string of each", "[cli][evolve]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"ga", "--target", "Hello world", "--population", "200", "--mutation", "0.01", "--seed", "1", "--json"}, out, err) == 0);
  REQUIRE(err.str().empty());
  const auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["solved"] == true);
  REQUIRE(json["best"] == "Hello world");
  const auto generations = json["generations"].get<int64_t>();
  REQUIRE(json["history"].size() == static_cast<size_t>(generations + 1));
  REQUIRE(json["history"].back()["distance"] == 0);
  REQUIRE(json["history"][0]["generation"] == 0);
  // The same seed gives the same run.
  std::ostringstream again;
  REQUIRE(run_cli({"ga", "--target", "Hello world", "--seed", "1", "--json"}, again, err) == 0);
  REQUIRE(nlohmann::json::parse(again.str())["generations"] == generations);
}

TEST_CASE("mlplay ga prints a line each time the best string improves", "[cli][evolve]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"ga", "--target", "GA"}, out, err) == 0);
  REQUIRE_THAT(out.str(), Catch::Contains("gen      0") && Catch::Contains("'GA'  distance     0") &&
                              Catch::Contains("reached the target in"));
}

TEST_CASE("mlplay ga evolves a tour through cities from a CSV file or drawn at random", "[cli][evolve]") {
  const std::string path = "ga_command_test_cities.csv";
  std::ofstream(path) << "x,y\n0,0\n1,0\n1,1\n0,1\n0.5,1.2\n";
  std::ostringstream out, err;
  REQUIRE(run_cli({"ga", "--tsp", path, "--generations", "100", "--json"}, out, err) == 0);
  std::remove(path.c_str());
  auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["cities"] == 5);
  REQUIRE(json["tour"].size() == 5);
  REQUIRE(json["history"].size() == 101);
  REQUIRE(json["best_length"].get<double>() == Approx(3 + 2 * std::hypot(0.5, 0.2)));
  std::ostringstream random;
  REQUIRE(run_cli({"ga", "--cities", "15", "--generations", "50"}, random, err) == 0);
  REQUIRE_THAT(random.str(), Catch::Contains("15 cities, 50 generations: length"));
}

TEST_CASE("mlplay ga explains bad input and exits with status 2", "[cli][evolve]") {
  struct Case {
    std::vector<std::string> argv;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"ga", "--target", ""}, "the target is empty"},
      {{"ga", "--target", "50% off"}, "'%' (position 3) is not in the alphabet"},
      {{"ga", "--target", "hi", "--mutation", "1.5"}, "--mutation expects a number from 0 to 1, got '1.5'"},
      {{"ga", "--target", "hi", "--mutation", "-0.1"}, "--mutation expects a number from 0 to 1"},
      {{"ga", "--target", "hi", "--population", "1"}, "--population expects an integer from 2"},
      {{"ga"}, "give either --target"},
      {{"ga", "--target", "hi", "--cities", "5"}, "give either --target"},
      {{"ga", "--cities", "2"}, "--cities expects an integer from 3 to 1000"},
      {{"ga", "--cities", "5", "--tsp", "x.csv"}, "not both"},
  };
  for (const auto& c : cases) {
    std::ostringstream out, err;
    INFO(c.argv.back());
    REQUIRE(run_cli(c.argv, out, err) == 2);
    REQUIRE_THAT(err.str(), Catch::Contains(c.message));
  }
  std::ostringstream out, err;
  REQUIRE(run_cli({"ga", "--tsp", "no-such-file.csv"}, out, err) == 1);
  REQUIRE_THAT(err.str(), Catch::Contains("cannot open 'no-such-file.csv'"));
}
