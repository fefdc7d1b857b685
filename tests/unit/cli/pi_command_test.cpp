#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "args.h"
#include "commands.h"
#include "mlplay/core/parallel.h"

using mlplay::cli::run_cli;

TEST_CASE("mlplay pi --json prints the estimate, stderr, samples and darts/s", "[cli]") {
  std::ostringstream out, err;
  const int status = run_cli({"pi", "--samples", "2e6", "--seed", "4", "--threads", "1", "--json"}, out, err);
  REQUIRE(status == 0);
  REQUIRE(err.str().empty());
  const auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["samples"].get<int64_t>() == 2'000'000);
  REQUIRE(std::abs(json["estimate"].get<double>() - M_PI) < 4 * json["stderr"].get<double>());
  REQUIRE(json["stderr"].get<double>() > 0);
  REQUIRE(json["darts_per_second"].get<double>() > 0);
  REQUIRE(json["threads"].get<int>() == 1);
  // the same seed gives the same count on all threads
  std::ostringstream again;
  const std::string all = std::to_string(mlplay::max_threads());
  REQUIRE(run_cli({"pi", "--samples", "2_000_000", "--seed", "4", "--threads", all, "--json"}, again, err) == 0);
  REQUIRE(nlohmann::json::parse(again.str())["inside"] == json["inside"]);
}

TEST_CASE("mlplay pi prints a readable report without --json", "[cli]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"pi", "--samples", "100000"}, out, err) == 0);
  REQUIRE_THAT(out.str(), Catch::Contains("pi ~ 3.1") && Catch::Contains("darts/s"));
}

TEST_CASE("mlplay pi explains bad flags and exits with status 2", "[cli]") {
  struct Case {
    std::vector<std::string> argv;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"pi", "--samples", "abc"}, "pi: --samples expects an integer from 1 to 1000000000000, got 'abc'"},
      {{"pi", "--samples", "0"}, "got '0'"},
      {{"pi", "--samples", "1.5"}, "got '1.5'"},
      {{"pi", "--threads", "0"}, "pi: --threads expects an integer from 1 to"},
      {{"pi", "--seed", "-1"}, "pi: --seed expects an integer from 0"},
      {{"pi", "--seed"}, "pi: --seed needs a value"},
      {{"pi", "--fast"}, "pi: unknown option --fast"},
      {{"pi", "extra"}, "pi: unexpected argument 'extra'"},
  };
  for (const auto& c : cases) {
    std::ostringstream out, err;
    INFO(c.argv.back());
    REQUIRE(run_cli(c.argv, out, err) == 2);
    REQUIRE_THAT(err.str(), Catch::Contains(c.message) && Catch::Contains("usage: mlplay pi"));
  }
}

TEST_CASE("parse_integer accepts digits, separators and exponents only", "[cli]") {
  using mlplay::cli::parse_integer;
  REQUIRE(parse_integer("1000000") == 1000000);
  REQUIRE(parse_integer("1_000") == 1000);
  REQUIRE(parse_integer("2e9") == 2000000000);
  REQUIRE(parse_integer("-3") == -3);
  REQUIRE_FALSE(parse_integer("1.5"));
  REQUIRE_FALSE(parse_integer("e5"));
  REQUIRE_FALSE(parse_integer("5e"));
  REQUIRE_FALSE(parse_integer("99999999999999999999"));
  REQUIRE_FALSE(parse_integer(""));
}
