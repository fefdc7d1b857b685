// mlplay dist: moments against a sample, quantiles, the CLT section, and bad flags (exit status 2).
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"

using mlplay::cli::run_cli;

TEST_CASE("mlplay dist normal --json: moments, sample moments and quantiles", "[cli][dist]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"dist", "normal", "--mu", "0", "--sigma", "1", "--sample", "10000", "--seed", "3", "--json"}, out, err) == 0);
  REQUIRE(err.str().empty());
  const auto json = nlohmann::json::parse(out.str());
  CHECK(json["distribution"] == "normal");
  CHECK(json["sampler"] == "Box–Muller");
  CHECK(json["theory"]["mean"] == 0.0);
  CHECK(json["theory"]["std"] == 1.0);
  CHECK(json["sample"]["count"] == 10000);
  CHECK(std::fabs(json["sample"]["mean"].get<double>()) < 0.05);
  CHECK(json["sample"]["std"].get<double>() == Approx(1).epsilon(0.03));
  CHECK(json["sample"]["ks_distance"].get<double>() < 0.02);
  CHECK(json["quantile_method"] == "closed form");
  CHECK(json["quantiles"][5]["p"] == 0.95);
  CHECK(json["quantiles"][5]["x"].get<double>() == Approx(1.6448536269514722));
  CHECK(json["parameters"]["sigma"] == 1.0);
}

TEST_CASE("mlplay dist gamma --clt: means of n draws against the normal", "[cli][dist]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"dist", "gamma", "--k", "0.5", "--theta", "2", "--clt", "30", "--means", "5000", "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out.str());
  CHECK(json["sampler"] == "rejection");
  CHECK(json["quantile_method"] == "bisection on the CDF");
  CHECK(json["sample"]["proposals_per_draw"].get<double>() > 1);
  CHECK(json["clt"]["n"] == 30);
  CHECK(json["clt"]["theory"]["variance"].get<double>() == Approx(2.0 / 30));
  CHECK(json["clt"]["theory"]["skewness"].get<double>() == Approx(2 / std::sqrt(0.5) / std::sqrt(30.0)));
  CHECK(json["clt"]["ks_distance_to_normal"].get<double>() < 0.06);
}

TEST_CASE("mlplay dist prints a readable table without --json", "[cli][dist]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"dist", "binomial", "--n", "20", "--p", "0.3", "--sample", "5000", "--clt", "10"}, out, err) == 0);
  const std::string text = out.str();
  CHECK_THAT(text, Catch::Contains("Binomial(n = 20, p = 0.3) — sampler: inverse CDF"));
  CHECK_THAT(text, Catch::Contains("skewness"));
  CHECK_THAT(text, Catch::Contains("quantiles (bisection on the CDF)"));
  CHECK_THAT(text, Catch::Contains("central limit theorem: 10000 means of 10 draws"));
}

TEST_CASE("mlplay dist explains bad flags and exits with status 2", "[cli][dist]") {
  struct Case {
    std::vector<std::string> argv;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"dist"}, "dist: name a distribution: normal, binomial"},
      {{"dist", "cauchy"}, "unknown family 'cauchy'"},
      {{"dist", "normal", "extra"}, "dist: unexpected argument 'extra'"},
      {{"dist", "normal", "--sigma", "-1"}, "dist: normal: standard deviation σ must be > 0"},
      {{"dist", "normal", "--sigma", "wide"}, "dist: --sigma expects a number"},
      {{"dist", "normal", "--p", "0.3"}, "dist: --p does not apply to normal (its parameters: --mu, --sigma)"},
      {{"dist", "binomial", "--n", "2.5"}, "number of trials n must be a whole number from 1 to 1000, got 2.5"},
      {{"dist", "poisson", "--sample", "0"}, "dist: --sample expects an integer from 1 to 2000000, got '0'"},
      {{"dist", "beta", "--clt", "5000"}, "dist: --clt expects an integer from 0 to 1000"},
      {{"dist", "uniform", "--means", "10"}, "dist: --means needs --clt N"},
      {{"dist", "uniform", "--a", "3", "--b", "1"}, "uniform: need finite bounds a < b, got a = 3, b = 1"},
      {{"dist", "gamma", "--fast"}, "dist: unknown option --fast"},
  };
  for (const auto& c : cases) {
    std::ostringstream out, err;
    INFO(c.argv.back());
    REQUIRE(run_cli(c.argv, out, err) == 2);
    CHECK_THAT(err.str(), Catch::Contains(c.message) && Catch::Contains("usage: mlplay dist"));
  }
}
