#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"

using mlplay::cli::run_cli;

namespace {
nlohmann::json physics_json(std::vector<std::string> argv) {
  std::ostringstream out, err;
  argv.insert(argv.begin(), "physics");
  argv.push_back("--json");
  REQUIRE(run_cli(argv, out, err) == 0);
  REQUIRE(err.str().empty());
  return nlohmann::json::parse(out.str());
}
}  // namespace

TEST_CASE("mlplay physics --json reports the relative energy drift of each integrator", "[cli][physics]") {
  const auto verlet = physics_json({"--integrator", "verlet", "--steps", "1000"});
  REQUIRE(verlet["scene"] == "spring");
  REQUIRE(verlet["integrator"] == "verlet");
  REQUIRE(verlet["steps"] == 1000);
  REQUIRE(verlet["dt"].get<double>() == 0.01);
  REQUIRE(verlet["time"].get<double>() == Approx(10));
  REQUIRE(verlet["balls"] == 2);
  REQUIRE(verlet["springs"] == 1);
  REQUIRE(verlet["blew_up"] == false);
  const double e0 = verlet["initial_energy"].get<double>();
  // 1 kg bob at y = 2.1 m, spring k = 20 N/m stretched 1 m: E₀ = m g y + ½ k x² = 20.601 + 10.
  REQUIRE(e0 == Approx(9.81 * 2.1 + 10));
  REQUIRE(verlet["relative_drift"].get<double>() ==
          Approx((verlet["final_energy"].get<double>() - e0) / e0));
  REQUIRE(std::fabs(verlet["relative_drift"].get<double>()) < 1e-3);

  // Euler multiplies the oscillation energy about the equilibrium (stretch m g / k below the rest
  // length) by exactly 1 + ω² dt² = 1.002 a step, so E − E_eq grows by 1.002^1000 in 10 s.
  const auto euler = physics_json({"--integrator", "euler", "--steps", "1000"});
  const double stretch = 9.81 / 20;
  const double e_eq = 9.81 * (4.6 - 1.5 - stretch) + 0.5 * 20 * stretch * stretch;
  const double grown = e_eq + (e0 - e_eq) * std::pow(1.002, 1000);
  REQUIRE(euler["final_energy"].get<double>() == Approx(grown).epsilon(1e-9));
  REQUIRE(euler["relative_drift"].get<double>() == Approx((grown - e0) / e0).epsilon(1e-9));
  const auto semi = physics_json({"--integrator", "semi-implicit", "--steps", "1000", "--dt", "0.01"});
  REQUIRE(std::fabs(semi["relative_drift"].get<double>()) < 0.05);
  const auto rk4 = physics_json({"--integrator", "rk4", "--steps", "1000", "--scene", "spring"});
  REQUIRE(rk4["relative_drift"].get<double>() <= 0);  // RK4 loses a little energy, never gains
  REQUIRE(rk4["relative_drift"].get<double>() > -1e-4);
}

TEST_CASE("mlplay physics reports a blow-up with stiff springs", "[cli][physics]") {
  const auto stiff = physics_json({"--integrator", "verlet", "--steps", "500", "--stiffness", "400", "--dt", "0.11"});
  REQUIRE(stiff["blew_up"] == true);
  REQUIRE(stiff["steps"].get<int>() < 500);
  const auto stable = physics_json({"--integrator", "verlet", "--steps", "500", "--stiffness", "400", "--dt", "0.09"});
  REQUIRE(stable["blew_up"] == false);
  std::ostringstream out, err;
  REQUIRE(run_cli({"physics", "--integrator", "euler", "--steps", "2000", "--scene", "chain", "--dt", "0.005"}, out,
                  err) == 0);
  REQUIRE_THAT(out.str(), Catch::Contains("euler on 'chain' (9 balls, 8 springs") && Catch::Contains("blew up after"));
}

TEST_CASE("mlplay physics prints a readable report without --json", "[cli][physics]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"physics", "--integrator", "rk4", "--steps", "200", "--scene", "balls"}, out, err) == 0);
  REQUIRE_THAT(out.str(), Catch::Contains("rk4 on 'balls' (10 balls, 0 springs") &&
                              Catch::Contains("relative energy drift: "));
}

TEST_CASE("mlplay physics explains bad flags and exits with status 2", "[cli][physics]") {
  struct Case {
    std::vector<std::string> argv;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"physics", "--steps", "10"}, "physics: --integrator is required"},
      {{"physics", "--integrator", "verlet"}, "physics: --steps is required"},
      {{"physics", "--integrator", "leapfrog", "--steps", "10"},
       "physics: --integrator: unknown integrator 'leapfrog'; expected euler, semi-implicit, verlet or rk4"},
      {{"physics", "--integrator", "verlet", "--steps", "10", "--scene", "moon"},
       "physics: --scene: unknown scene 'moon'; expected spring, chain, jelly or balls"},
      {{"physics", "--integrator", "verlet", "--steps", "0"}, "physics: --steps expects an integer from 1 to"},
      {{"physics", "--integrator", "verlet", "--steps", "10", "--dt", "-0.1"}, "physics: --dt expects a number from"},
      {{"physics", "--integrator", "verlet", "--steps", "10", "--dt", "fast"}, "got 'fast'"},
      {{"physics", "--integrator", "verlet", "--steps", "10", "--stiffness", "0"},
       "physics: --stiffness expects a number from"},
      {{"physics", "--integrator", "verlet", "--steps", "10", "extra"}, "physics: unexpected argument 'extra'"},
  };
  for (const auto& c : cases) {
    std::ostringstream out, err;
    INFO(c.message);
    REQUIRE(run_cli(c.argv, out, err) == 2);
    REQUIRE_THAT(err.str(), Catch::Contains(c.message) && Catch::Contains("usage: mlplay physics"));
  }
}
