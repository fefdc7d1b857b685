#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"

using mlplay::cli::run_cli;
using Catch::Matchers::Contains;

TEST_CASE("mlplay derive lists the critical points of x^3 - 3x + 1", "[cli][calculus]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"derive", "x^3 - 3*x + 1"}, out, err) == 0);
  CHECK(err.str().empty());
  CHECK_THAT(out.str(), Contains("Critical points found: x = -1 (max), x = 1 (min)"));
  CHECK_THAT(out.str(), Contains("Inflection points (f'' changes sign): x = 0"));
}

TEST_CASE("mlplay derive --json gives x, y, kind and f'' of each critical point", "[cli][calculus]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"derive", "x**3 - 3*x + 1", "--from", "-3", "--to=3", "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out.str());
  CHECK(json["expression"] == "x**3 - 3*x + 1");
  CHECK(json["parsed"] == "x^3 - 3*x + 1");
  CHECK(json["from"] == -3.0);
  CHECK(json["to"] == 3.0);
  REQUIRE(json["critical_points"].size() == 2);
  CHECK(json["critical_points"][0]["x"].get<double>() == Approx(-1));
  CHECK(json["critical_points"][0]["y"].get<double>() == Approx(3));
  CHECK(json["critical_points"][0]["kind"] == "max");
  CHECK(json["critical_points"][0]["second_derivative"].get<double>() == Approx(-6).epsilon(1e-5));
  CHECK(json["critical_points"][1]["kind"] == "min");
  CHECK(json["inflection_points"].size() == 1);
  CHECK(json["truncated"] == false);
}

TEST_CASE("mlplay derive honours --from/--to", "[cli][calculus]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"derive", "x^3 - 3*x + 1", "--from", "0", "--to", "4", "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["critical_points"].size() == 1);
  CHECK(json["critical_points"][0]["kind"] == "min");
}

TEST_CASE("mlplay derive explains bad expressions and flags", "[cli][calculus]") {
  {
    std::ostringstream out, err;
    CHECK(run_cli({"derive", "x^3 - 3*x +"}, out, err) == 1);
    CHECK_THAT(err.str(), Contains("derive: expression: expected a number, x, a constant, a function or '(' at position 12"));
    CHECK_THAT(err.str(), Contains("\n  x^3 - 3*x +\n             ^"));
  }
  struct Case {
    std::vector<std::string> argv;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"derive"}, "derive: give the function of x"},
      {{"derive", "x", "--from", "2", "--to", "1"}, "derive: --from (2) must be less than --to (1)"},
      {{"derive", "x", "--from", "left"}, "derive: --from expects a number"},
      {{"derive", "x", "y"}, "derive: unexpected argument 'y'"},
  };
  for (const auto& c : cases) {
    std::ostringstream out, err;
    INFO(c.message);
    CHECK(run_cli(c.argv, out, err) == 2);
    CHECK_THAT(err.str(), Contains(c.message) && Contains("usage: mlplay derive"));
  }
}
