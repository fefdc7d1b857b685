// log Γ, the regularized incomplete gamma and beta functions, and the normal CDF and quantile against
// scipy 1.10 (generated/distributions_golden.h, written by tests/golden/gen_distributions.py).
#include <catch2/catch.hpp>
#include <cmath>

#include "generated/distributions_golden.h"
#include "mlplay/core/error.h"
#include "mlplay/stats/normal.h"
#include "mlplay/stats/special.h"

using namespace mlplay;
using namespace mlplay::stats;
namespace gold = mlplay::golden::distributions;

namespace {
/// |actual − expected| within `relative` of |expected|, or within `absolute`.
bool close(double actual, double expected, double relative, double absolute = 1e-300) {
  if (std::isinf(expected)) return actual == expected;
  return std::fabs(actual - expected) <= std::max(absolute, relative * std::fabs(expected));
}
}  // namespace

TEST_CASE("regularized incomplete gamma P and Q match scipy gammainc and gammaincc", "[stats][special]") {
  for (const auto& c : gold::kGamma) {
    INFO("a = " << c.a << ", x = " << c.x);
    CHECK(close(regularized_gamma_p(c.a, c.x), c.p, 1e-12));
    CHECK(close(regularized_gamma_q(c.a, c.x), c.q, 1e-12));
    CHECK(close(log_gamma(c.a), c.log_gamma_a, 1e-14, 1e-15));
  }
}

TEST_CASE("regularized incomplete beta matches scipy betainc", "[stats][special]") {
  for (const auto& c : gold::kBeta) {
    INFO("a = " << c.a << ", b = " << c.b << ", x = " << c.x);
    CHECK(close(regularized_beta(c.a, c.b, c.x), c.value, 1e-12));
  }
}

TEST_CASE("incomplete gamma and beta on hand-checked cases and at the ends", "[stats][special]") {
  // P(1, x) = 1 − e^(−x): the exponential CDF.
  CHECK(regularized_gamma_p(1, 2) == Approx(1 - std::exp(-2.0)).epsilon(1e-14));
  // I_x(1, 1) = x, I_x(a, 1) = x^a, and the symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
  CHECK(regularized_beta(1, 1, 0.3) == Approx(0.3).epsilon(1e-14));
  CHECK(regularized_beta(2.5, 1, 0.6) == Approx(std::pow(0.6, 2.5)).epsilon(1e-13));
  CHECK(regularized_beta(3, 7, 0.2) == Approx(1 - regularized_beta(7, 3, 0.8)).epsilon(1e-13));
  CHECK(regularized_gamma_p(2, 0) == 0);
  CHECK(regularized_gamma_q(2, 0) == 1);
  CHECK(regularized_gamma_p(2, INFINITY) == 1);
  CHECK(regularized_beta(2, 3, 0) == 0);
  CHECK(regularized_beta(2, 3, 1) == 1);
  CHECK(log_beta(2, 3) == Approx(std::log(1.0 / 12)).epsilon(1e-14));
}

TEST_CASE("special functions reject arguments outside their domain by name", "[stats][special]") {
  CHECK_THROWS_WITH(regularized_gamma_p(0, 1), Catch::Contains("regularized_gamma_p: a must be > 0, got 0"));
  CHECK_THROWS_WITH(regularized_gamma_q(1, -1), Catch::Contains("regularized_gamma_q: x must be >= 0, got -1"));
  CHECK_THROWS_WITH(regularized_beta(1, -2, 0.5), Catch::Contains("regularized_beta: b must be > 0, got -2"));
  CHECK_THROWS_WITH(regularized_beta(1, 2, 1.5), Catch::Contains("regularized_beta: x must be in [0, 1], got 1.5"));
}

TEST_CASE("normal CDF, upper tail and density match scipy, far into the tails", "[stats][normal]") {
  for (const auto& c : gold::kNormalCdf) {
    INFO("z = " << c.z);
    CHECK(close(standard_normal_cdf(c.z), c.cdf, 1e-14, 1e-310));
    CHECK(close(standard_normal_sf(c.z), c.sf, 1e-14, 1e-310));
    CHECK(close(standard_normal_pdf(c.z), c.pdf, 1e-13, 1e-310));
  }
  CHECK(normal_cdf(3, 1, 2) == Approx(standard_normal_cdf(1)).epsilon(1e-15));
  CHECK(normal_sf(3, 1, 2) == Approx(standard_normal_sf(1)).epsilon(1e-15));
  CHECK(normal_pdf(3, 1, 2) == Approx(standard_normal_pdf(1) / 2).epsilon(1e-15));
}

TEST_CASE("normal quantile (AS 241) matches scipy norm.ppf and inverts the CDF", "[stats][normal]") {
  for (const auto& c : gold::kNormalQuantile) {
    INFO("p = " << c.p);
    CHECK(close(standard_normal_quantile(c.p), c.z, 1e-14, 1e-15));
  }
  for (double p : {1e-10, 0.001, 0.2, 0.5, 0.77, 0.99}) CHECK(standard_normal_cdf(standard_normal_quantile(p)) == Approx(p).epsilon(1e-14));
  CHECK(standard_normal_quantile(0.975) == Approx(1.959963984540054).epsilon(1e-15));
  CHECK(normal_quantile(0.975, 10, 2) == Approx(10 + 2 * 1.959963984540054).epsilon(1e-15));
  CHECK(std::isinf(standard_normal_quantile(0)));
  CHECK(standard_normal_quantile(0) < 0);
  CHECK(standard_normal_quantile(1) > 0);
}

TEST_CASE("normal functions reject bad probabilities and parameters by name", "[stats][normal]") {
  CHECK_THROWS_AS(standard_normal_quantile(1.5), ValueError);
  CHECK_THROWS_WITH(standard_normal_quantile(-0.1), Catch::Contains("standard_normal_quantile: probability must be in [0, 1], got -0.1"));
  CHECK_THROWS_WITH(standard_normal_quantile(NAN), Catch::Contains("probability must be in [0, 1]"));
  CHECK_THROWS_WITH(normal_cdf(0, 0, 0), Catch::Contains("normal_cdf: standard deviation must be > 0, got 0"));
  CHECK_THROWS_WITH(normal_pdf(0, INFINITY, 1), Catch::Contains("normal_pdf: mean must be finite"));
}
