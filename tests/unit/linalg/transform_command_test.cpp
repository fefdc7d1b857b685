#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"

using mlplay::cli::run_cli;

TEST_CASE("mlplay transform --json composes the flags in the order written", "[cli]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"transform", "--scale", "2", "--rotate", "90", "--translate", "3,1", "--point", "1,0", "--point=0,1",
                   "--json"},
                  out, err) == 0);
  REQUIRE(err.str().empty());
  const auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["steps"].size() == 3);
  REQUIRE(json["steps"][0]["op"] == "scale");
  REQUIRE(json["steps"][1]["op"] == "rotate");
  REQUIRE(json["steps"][1]["degrees"] == 90.0);
  REQUIRE(json["steps"][2]["matrix"] == nlohmann::json::parse("[[1,0,3],[0,1,1],[0,0,1]]"));
  // M = T(3,1) R(90) S(2)
  REQUIRE(json["matrix"] == nlohmann::json::parse("[[0,-2,3],[2,0,1],[0,0,1]]"));
  REQUIRE(json["determinant"].get<double>() == Approx(4));
  REQUIRE(json["points"][0]["in"] == nlohmann::json::parse("[1,0]"));
  REQUIRE(json["points"][0]["out"] == nlohmann::json::parse("[3,3]"));
  REQUIRE(json["points"][1]["out"] == nlohmann::json::parse("[1,1]"));
}

TEST_CASE("mlplay transform: translate then rotate is a different matrix", "[cli]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"transform", "--translate", "4,0", "--rotate", "90", "--point", "1,2", "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["matrix"] == nlohmann::json::parse("[[0,-1,0],[1,0,4],[0,0,1]]"));
  REQUIRE(json["points"][0]["out"] == nlohmann::json::parse("[-2,5]"));
  // Several points after one --point.
  std::ostringstream many;
  REQUIRE(run_cli({"transform", "--rotate", "90", "--point", "1,0", "0,1", "-1,-1", "--json"}, many, err) == 0);
  const auto points = nlohmann::json::parse(many.str())["points"];
  REQUIRE(points.size() == 3);
  REQUIRE(points[2]["out"] == nlohmann::json::parse("[1,-1]"));
}

TEST_CASE("mlplay transform prints a readable report; no flags is the identity", "[cli]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"transform", "--rotate", "30", "--scale", "2,-1"}, out, err) == 0);
  REQUIRE_THAT(out.str(), Catch::Contains("M = S(2, -1) . R(30 deg)") && Catch::Contains("det M = -2") &&
                              Catch::Contains("mirrored") && Catch::Contains("(1, 0) -> (1.73205, -0.5)"));
  std::ostringstream identity;
  REQUIRE(run_cli({"transform"}, identity, err) == 0);
  REQUIRE_THAT(identity.str(), Catch::Contains("M = I (no transform given)") && Catch::Contains("(0, 1) -> (0, 1)"));
  std::ostringstream help;
  REQUIRE(run_cli({"transform", "--help"}, help, err) == 0);
  REQUIRE_THAT(help.str(), Catch::Contains("usage: mlplay transform [--scale S|SX,SY] [--rotate DEG]") &&
                               Catch::Contains("in the order written"));
}

TEST_CASE("mlplay transform explains bad flags and exits with status 2", "[cli]") {
  struct Case {
    std::vector<std::string> argv;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"transform", "--rotate", "ninety"}, "transform: --rotate expects a number of degrees, got 'ninety'"},
      {{"transform", "--rotate", "nan"}, "got 'nan'"},
      {{"transform", "--translate", "3"}, "transform: --translate expects X,Y (two numbers and a comma), got '3'"},
      {{"transform", "--translate", "3,y"}, "transform: --translate expects numbers like 2,-1.5, got '3,y'"},
      {{"transform", "--scale", "2,"}, "transform: --scale expects numbers like 2,-1.5, got '2,'"},
      {{"transform", "--point"}, "transform: --point needs a value"},
      {{"transform", "--shear", "1"}, "transform: unknown option --shear"},
      {{"transform", "extra"}, "transform: unexpected argument 'extra'"},
      {{"transform", "--point", "1,2", "3"}, "transform: --point expects X,Y (two numbers and a comma), got '3'"},
  };
  for (const auto& c : cases) {
    std::ostringstream out, err;
    INFO(c.argv.back());
    REQUIRE(run_cli(c.argv, out, err) == 2);
    REQUIRE_THAT(err.str(), Catch::Contains(c.message) && Catch::Contains("usage: mlplay transform"));
  }
}
