#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"

using mlplay::cli::run_cli;

TEST_CASE("mlplay hmm viterbi finds Healthy, Healthy, Fever for normal, cold, dizzy", "[cli][hmm]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"hmm", "viterbi", "--model", "fever", "--obs", "normal cold dizzy", "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["path"] == nlohmann::json({"Healthy", "Healthy", "Fever"}));
  REQUIRE(std::exp(json["log_probability"].get<double>()) == Approx(0.01512));
  std::ostringstream text;
  REQUIRE(run_cli({"hmm", "viterbi", "--model", "fever", "--obs", "normal cold dizzy"}, text, err) == 0);
  REQUIRE_THAT(text.str(), Catch::Contains("Viterbi path: Healthy Healthy Fever"));
}

TEST_CASE("mlplay hmm forward and posterior print the scaled trellis and log P(x)", "[cli][hmm]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"hmm", "forward", "--model", "weather", "--obs", "walk shop clean", "--json"}, out, err) == 0);
  auto json = nlohmann::json::parse(out.str());
  REQUIRE(std::exp(json["log_likelihood"].get<double>()) == Approx(0.033612));
  REQUIRE(json["alpha_hat"].size() == 3);
  std::ostringstream post;
  REQUIRE(run_cli({"hmm", "posterior", "--obs", "1666666616", "--json"}, post, err) == 0);
  json = nlohmann::json::parse(post.str());
  REQUIRE(json["gamma"].size() == 10);
  REQUIRE(json["path"][3] == "Loaded");
  std::ostringstream text;
  REQUIRE(run_cli({"hmm", "forward", "--obs", "1 6 6"}, text, err) == 0);
  REQUIRE_THAT(text.str(), Catch::Contains("log P(x) = "));
}

TEST_CASE("mlplay hmm fit reports a log-likelihood that never falls", "[cli][hmm]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"hmm", "fit", "--model", "casino", "--sequences", "5", "--length", "200", "--iterations", "40", "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out.str());
  const auto ll = json["log_likelihood"].get<std::vector<double>>();
  REQUIRE(ll.size() == 41);
  for (size_t i = 1; i < ll.size(); ++i) REQUIRE(ll[i] >= ll[i - 1] - 1e-9);
  REQUIRE(ll.back() > ll.front());
  REQUIRE(json["model"]["transition"].size() == 2);
}

TEST_CASE("mlplay hmm reads a model file and samples from it", "[cli][hmm]") {
  const std::string path = "hmm_command_test_model.json";
  std::ofstream(path) << R"({"states": ["A", "B"], "symbols": ["x", "y"], "start": [1, 0],
    "transition": [[0, 1], [1, 0]], "emission": [[1, 0], [0, 1]]})";
  std::ostringstream out, err;
  REQUIRE(run_cli({"hmm", "sample", "--model", path, "--length", "6", "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["states"] == nlohmann::json({"A", "B", "A", "B", "A", "B"}));
  REQUIRE(json["observations"] == nlohmann::json({"x", "y", "x", "y", "x", "y"}));
  std::ofstream(path) << R"({"states": ["A", "B"], "symbols": ["x", "y"], "start": [1, 0],
    "transition": [[0.5, 0.4], [1, 0]], "emission": [[1, 0], [0, 1]]})";
  std::ostringstream bad_out, bad;
  REQUIRE(run_cli({"hmm", "sample", "--model", path}, bad_out, bad) == 1);
  REQUIRE_THAT(bad.str(), Catch::Contains("transition row 'A' sums to 0.9, not 1"));
  std::remove(path.c_str());
}

TEST_CASE("mlplay hmm explains bad input and exits with status 2", "[cli][hmm]") {
  struct Case {
    std::vector<std::string> argv;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"hmm"}, "give one action"},
      {{"hmm", "decode", "--obs", "1"}, "unknown action 'decode'"},
      {{"hmm", "viterbi"}, "--obs \"SYMBOLS\" is required"},
      {{"hmm", "viterbi", "--obs", "1 7 6"}, "'7' (symbol 2) is not one of 1, 2, 3, 4, 5, 6"},
      {{"hmm", "forward", "--model", "dice", "--obs", "1"}, "--model must be casino, weather, fever or a FILE.json"},
      {{"hmm", "fit", "--iterations", "-1"}, "--iterations expects an integer from 0"},
      {{"hmm", "sample", "--obs", "1"}, "--obs is for forward, viterbi and posterior"},
  };
  for (const auto& c : cases) {
    std::ostringstream out, err;
    INFO(c.message);
    REQUIRE(run_cli(c.argv, out, err) == 2);
    REQUIRE_THAT(err.str(), Catch::Contains(c.message));
  }
}
