#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"

using mlplay::cli::run_cli;
using Catch::Matchers::Contains;

TEST_CASE("mlplay optimize --json reports Adam reaching Rosenbrock's minimum", "[cli][optimization]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"optimize", "--function", "rosenbrock", "--optimizer", "adam", "--lr", "0.01", "--steps", "5000", "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out.str());
  CHECK(json["function"] == "rosenbrock");
  CHECK(json["steps_taken"] == 5000);
  CHECK(json["diverged"] == false);
  CHECK(json["end"][0].get<double>() == Approx(1).margin(0.01));
  CHECK(json["end"][1].get<double>() == Approx(1).margin(0.02));
  CHECK(json["final_loss"].get<double>() < 1e-3);
}

TEST_CASE("mlplay optimize says when a path blows up", "[cli][optimization]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"optimize", "--function", "bowl", "--optimizer", "sgd", "--lr", "1.1", "--steps", "500", "--from", "1,1"}, out, err) == 0);
  CHECK_THAT(out.str(), Contains("Diverged: yes"));
  CHECK_THAT(out.str(), Contains("End point: ("));
  CHECK_THAT(out.str(), Contains("Nearest known minimum: (0, 0)"));
}

TEST_CASE("mlplay optimize prints the loss along the way, as a transcript", "[cli][optimization]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"optimize", "--function", "rosenbrock", "--optimizer", "adam", "--lr", "0.01", "--steps", "5000", "--from", "2,2"}, out, err) == 0);
  CHECK_THAT(out.str(), Contains("  step 0: f = 401\n"));
  CHECK_THAT(out.str(), Contains("  step 1000: f = "));
  CHECK_THAT(out.str(), Contains("  step 5000: f = "));
  CHECK_THAT(out.str(), Contains("Nearest known minimum: (1, 1)"));
}

TEST_CASE("mlplay optimize takes a typed f(x, y) and names a bad position", "[cli][optimization]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"optimize", "--function", "x^2 + 3y^2", "--optimizer", "sgd", "--lr", "0.1", "--steps", "200", "--schedule", "cosine"}, out, err) == 0);
  CHECK_THAT(out.str(), Contains("f(x, y) = x^2 + 3*y^2"));
  CHECK_THAT(out.str(), Contains("Diverged: no"));
  std::ostringstream out2, err2;
  CHECK(run_cli({"optimize", "--function", "x^2 + * y"}, out2, err2) == 1);
  CHECK_THAT(err2.str(), Contains("position 7"));
  std::ostringstream out3, err3;
  CHECK(run_cli({"optimize", "--optimizer", "lbfgs"}, out3, err3) == 2);
  CHECK_THAT(err3.str(), Contains("--optimizer must be one of sgd|momentum"));
  std::ostringstream out4, err4;
  CHECK(run_cli({"optimize", "--from", "1;2"}, out4, err4) == 2);
}
