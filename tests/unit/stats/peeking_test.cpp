// The peeking simulation: fixed-horizon size is alpha, repeated looks reproduce Armitage's inflated
// false-positive rates, one look gives the formula's power, and results do not depend on threads.
#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"
#include "mlplay/stats/ab_test.h"
#include "mlplay/stats/peeking.h"

using namespace mlplay;
using namespace mlplay::stats;

namespace {
struct ThreadCountGuard {
  int saved = get_num_threads();
  ~ThreadCountGuard() { set_num_threads(saved); }
};
double rate(int64_t count, int64_t total) { return static_cast<double>(count) / static_cast<double>(total); }
/// Binomial standard error of a proportion p estimated from n trials.
double binomial_se(double p, int64_t n) { return std::sqrt(p * (1 - p) / static_cast<double>(n)); }
}  // namespace

TEST_CASE("peeking: an A/A test rejects alpha of the time at the end and far more with peeking", "[stats][peeking]") {
  ThreadCountGuard guard;
  set_num_threads(max_threads());
  // p = 0.5 and 1,000 visitors per look: the z-statistics are close to normal, so the rates match
  // Armitage et al. (1969) for normal data: 5 looks at alpha = 0.05 give 14.2%.
  PeekingSimulator sim({.rate_a = 0.5, .rate_b = 0.5, .visitors_per_arm = 5000, .looks = 5, .alpha = 0.05, .seed = 11});
  const int64_t n = 20000;
  sim.run(n);
  REQUIRE(sim.experiments() == n);
  CHECK(std::fabs(rate(sim.rejected_at_end(), n) - 0.05) < 4 * binomial_se(0.05, n));
  CHECK(std::fabs(rate(sim.rejected_by_look()[0], n) - 0.05) < 4 * binomial_se(0.05, n));
  CHECK(std::fabs(rate(sim.rejected_by_look()[4], n) - 0.142) < 4 * binomial_se(0.142, n));
  // Bonferroni at alpha/5 per look keeps the overall rate at or below alpha.
  CHECK(rate(sim.rejected_bonferroni(), n) < 0.05 + 3 * binomial_se(0.05, n));
  // Cumulative counts never fall.
  for (size_t k = 1; k < sim.rejected_by_look().size(); ++k) CHECK(sim.rejected_by_look()[k] >= sim.rejected_by_look()[k - 1]);
}

TEST_CASE("peeking: 10 looks give about 19 percent false positives", "[stats][peeking]") {
  ThreadCountGuard guard;
  set_num_threads(max_threads());
  PeekingSimulator sim({.rate_a = 0.3, .rate_b = 0.3, .visitors_per_arm = 4000, .looks = 10, .alpha = 0.05, .seed = 5});
  sim.run(10000);
  // Armitage et al.: 19.3% for 10 looks (normal data); discreteness moves it a little.
  CHECK(std::fabs(rate(sim.rejected_by_look()[9], 10000) - 0.193) < 4 * binomial_se(0.193, 10000) + 0.005);
  CHECK(sim.z_critical() == Approx(1.959964).epsilon(1e-6));
  CHECK(sim.z_bonferroni() == Approx(2.807034).epsilon(1e-6));  // Phi^-1(1 - 0.05/20)
}

TEST_CASE("peeking: one look gives the power the formula predicts", "[stats][peeking]") {
  ThreadCountGuard guard;
  set_num_threads(max_threads());
  const int64_t n = two_proportion_sample_size(0.1, 0.12, 0.05, 0.8);
  PeekingSimulator sim({.rate_a = 0.1, .rate_b = 0.12, .visitors_per_arm = n, .looks = 1, .alpha = 0.05, .seed = 3});
  sim.run(4000);
  const double power = two_proportion_power(0.1, 0.12, static_cast<double>(n), 0.05);
  CHECK(std::fabs(rate(sim.rejected_at_end(), 4000) - power) < 4 * binomial_se(power, 4000));
  CHECK(sim.rejected_at_end() == sim.rejected_by_look()[0]);
}

TEST_CASE("peeking: same seed, same counts on any thread count and batching", "[stats][peeking]") {
  ThreadCountGuard guard;
  const PeekingOptions options{.rate_a = 0.05, .rate_b = 0.055, .visitors_per_arm = 2000, .looks = 8, .alpha = 0.05, .seed = 9};
  set_num_threads(1);
  PeekingSimulator one(options);
  one.run(600);
  set_num_threads(max_threads());
  PeekingSimulator many(options);
  many.run(250);
  many.run(350);
  CHECK(one.rejected_by_look() == many.rejected_by_look());
  CHECK(one.rejected_at_end() == many.rejected_at_end());
  CHECK(one.rejected_bonferroni() == many.rejected_bonferroni());
  // A path is the experiment's z at every look, the same whenever it is asked for.
  const auto path = many.z_path(17);
  REQUIRE(path.size() == 8);
  CHECK(path == one.z_path(17));
  CHECK(many.look_visitors().back() == 2000);
  CHECK(many.look_visitors().front() == 250);
}

TEST_CASE("peeking: certain outcomes and bad options", "[stats][peeking]") {
  // Rates 0 and 1: B always converts, A never; every look is significant.
  PeekingSimulator sure({.rate_a = 0.0, .rate_b = 1.0, .visitors_per_arm = 100, .looks = 4, .alpha = 0.05, .seed = 1});
  sure.run(10);
  CHECK(sure.rejected_by_look()[0] == 10);
  CHECK(sure.z_path(0).front() > 5);
  // Both rates 0: z is 0/0 and counts as no evidence.
  PeekingSimulator none({.rate_a = 0.0, .rate_b = 0.0, .visitors_per_arm = 100, .looks = 4, .alpha = 0.05, .seed = 1});
  none.run(10);
  CHECK(none.rejected_by_look()[3] == 0);
  const auto options_with = [](auto change) {
    PeekingOptions options;
    change(options);
    return options;
  };
  CHECK_THROWS_WITH(PeekingSimulator{options_with([](auto& o) { o.rate_a = 1.5; })}, Catch::Contains("rate_a must be a probability"));
  CHECK_THROWS_WITH(PeekingSimulator{options_with([](auto& o) { o.visitors_per_arm = 0; })}, Catch::Contains("visitors per arm must be 1 to"));
  CHECK_THROWS_WITH(PeekingSimulator{options_with([](auto& o) { o.visitors_per_arm = 5, o.looks = 6; })}, Catch::Contains("looks must be 1 to 5"));
  CHECK_THROWS_WITH(PeekingSimulator{options_with([](auto& o) { o.alpha = 0.0; })}, Catch::Contains("alpha must be between 0 and 1"));
  PeekingSimulator ok(PeekingOptions{});
  CHECK_THROWS_AS(ok.run(-1), ValueError);
}
