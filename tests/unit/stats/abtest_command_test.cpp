// mlplay abtest: the report, --json (numbers equal to the engine's, which the golden test pins to
// SciPy) and exit status 2 with a clear message for bad flags or unusable data.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"
#include "generated/abtest_golden.h"

using mlplay::cli::run_cli;
namespace gold = mlplay::golden::abtest;

TEST_CASE("mlplay abtest --json agrees with scipy on the checkout example", "[cli][abtest]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"abtest", "--a", "203/4532", "--b", "248/4621", "--json"}, out, err) == 0);
  REQUIRE(err.str().empty());
  const auto json = nlohmann::json::parse(out.str());
  const auto& c = gold::kZTests[0];
  CHECK(json["z"].get<double>() == Approx(c.z).epsilon(1e-9));
  CHECK(json["p_value"].get<double>() == Approx(c.p_value).epsilon(1e-9));
  CHECK(json["difference_ci"][0].get<double>() == Approx(c.difference_low).epsilon(1e-9));
  CHECK(json["difference_ci"][1].get<double>() == Approx(c.difference_high).epsilon(1e-9));
  CHECK(json["lift_ci"][0].get<double>() == Approx(c.lift_low).epsilon(1e-9));
  CHECK(json["lift_ci"][1].get<double>() == Approx(c.lift_high).epsilon(1e-9));
  CHECK(json["a"]["visitors"] == 4532);
  CHECK(json["b"]["conversions"] == 248);
  CHECK(json["significant"] == true);
  CHECK(json["alpha"].get<double>() == 0.05);
  CHECK(json["visitors_per_arm_for_power"].get<int64_t>() > 4621);
}

TEST_CASE("mlplay abtest --alpha changes the verdict and the interval level", "[cli][abtest]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"abtest", "--a", "203/4532", "--b", "248/4621", "--alpha", "0.01"}, out, err) == 0);
  CHECK_THAT(out.str(), Catch::Contains("Control (A):   4,532 visitors, 203 conversions (4.48%)") &&
                            Catch::Contains("Treatment (B): 4,621 visitors, 248 conversions (5.37%)") &&
                            Catch::Contains("Observed lift: +19.8%") && Catch::Contains("z = 1.96") &&
                            Catch::Contains("P-value: 0.0498") && Catch::Contains("99% CI for lift") &&
                            Catch::Contains("NOT SIGNIFICANT at alpha = 0.01"));
  std::ostringstream json;
  REQUIRE(run_cli({"abtest", "--a=0/100", "--b=5/100", "--json"}, json, err) == 0);
  const auto parsed = nlohmann::json::parse(json.str());
  CHECK(parsed["lift"].is_null());  // +infinity has no JSON number
  CHECK(parsed["lift_ci"][0].is_null());
}

TEST_CASE("mlplay abtest explains bad flags and data and exits with status 2", "[cli][abtest]") {
  struct Case {
    std::vector<std::string> argv;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"abtest", "--b", "1/2"}, "abtest: --a CONVERSIONS/VISITORS is required"},
      {{"abtest", "--a", "1/2"}, "abtest: --b CONVERSIONS/VISITORS is required"},
      {{"abtest", "--a", "12", "--b", "1/2"}, "--a expects CONVERSIONS/VISITORS as two whole numbers, e.g. 203/4532, got '12'"},
      {{"abtest", "--a", "1.5/20", "--b", "1/2"}, "got '1.5/20'"},
      {{"abtest", "--a", "-1/20", "--b", "1/2"}, "got '-1/20'"},
      {{"abtest", "--a", "1/2", "--b", "3/0"}, "--b has 0 visitors"},
      {{"abtest", "--a", "5/4", "--b", "1/2"}, "--a has more conversions (5) than visitors (4)"},
      {{"abtest", "--a", "0/40", "--b", "0/50"}, "neither arm has a conversion"},
      {{"abtest", "--a", "1/2", "--b", "1/2", "--alpha", "0"}, "abtest: --alpha expects a number from 1e-06 to 0.5, got '0'"},
      {{"abtest", "--a", "1/2", "--b", "1/2", "--alpha", "five"}, "got 'five'"},
      {{"abtest", "--a", "1/2", "--b", "1/2", "--power", "1"}, "--power expects a number from 0.01 to 0.999"},
      {{"abtest", "--a", "1/2", "--b", "1/2", "--fast"}, "abtest: unknown option --fast"},
      {{"abtest", "--a", "1/2", "--b", "1/2", "extra"}, "abtest: unexpected argument 'extra'"},
  };
  for (const auto& c : cases) {
    std::ostringstream out, err;
    INFO(c.message);
    REQUIRE(run_cli(c.argv, out, err) == 2);
    CHECK_THAT(err.str(), Catch::Contains(c.message) && Catch::Contains("usage: mlplay abtest"));
  }
}
