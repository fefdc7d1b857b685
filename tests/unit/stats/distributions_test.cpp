// The seven families: PDF/PMF, CDF, quantiles and moments against scipy.stats 1.10
// (generated/distributions_golden.h), parameter checks, and each sampler's draws against its law.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "generated/distributions_golden.h"
#include "mlplay/core/error.h"
#include "mlplay/stats/distributions.h"
#include "mlplay/stats/sample_run.h"

using namespace mlplay;
using namespace mlplay::stats;
namespace gold = mlplay::golden::distributions;

namespace {
bool close(double actual, double expected, double relative, double absolute = 1e-300) {
  if (std::isinf(expected)) return actual == expected;
  return std::fabs(actual - expected) <= std::max(absolute, relative * std::fabs(expected));
}
Distribution make(const gold::FamilyCase& c) { return Distribution(family_from_name(c.family), c.a, c.b); }
}  // namespace

TEST_CASE("mean, variance and skewness of every family match scipy", "[stats][distributions]") {
  for (const auto& c : gold::kFamilies) {
    const Distribution d = make(c);
    INFO(d.describe());
    CHECK(close(d.mean(), c.mean, 1e-14, 1e-15));
    CHECK(close(d.variance(), c.variance, 1e-13));
    CHECK(close(d.skewness(), c.skewness, 1e-12, 1e-15));
  }
}

TEST_CASE("PDF, PMF and CDF of every family match scipy", "[stats][distributions]") {
  for (const auto& p : gold::kPoints) {
    const Distribution d = make(gold::kFamilies[p.family_case]);
    INFO(d.describe() << " at x = " << p.x);
    CHECK(close(d.pdf(p.x), p.pdf, 1e-11));
    CHECK(close(d.cdf(p.x), p.cdf, 1e-11));
  }
}

TEST_CASE("quantiles match scipy ppf, closed form or by bisection", "[stats][distributions]") {
  for (const auto& q : gold::kQuantiles) {
    const Distribution d = make(gold::kFamilies[q.family_case]);
    INFO(d.describe() << " at p = " << q.p);
    if (d.discrete()) {
      CHECK(d.quantile(q.p) == q.x);
    } else {
      CHECK(close(d.quantile(q.p), q.x, 1e-10, 1e-13));
    }
  }
  CHECK(Distribution::normal(0, 1).quantile_closed_form());
  CHECK_FALSE(Distribution::gamma(2, 1).quantile_closed_form());
  CHECK(std::isinf(Distribution::poisson(3).quantile(1)));
  CHECK(Distribution::binomial(12, 0.4).quantile(1) == 12);
  CHECK(Distribution::beta(2, 2).quantile(0) == 0);
}

TEST_CASE("discrete PMFs vanish off the integers and sum to one", "[stats][distributions]") {
  const auto binomial = Distribution::binomial(20, 0.35);
  const auto poisson = Distribution::poisson(6.5);
  CHECK(binomial.pdf(2.5) == 0);
  CHECK(poisson.pdf(-1) == 0);
  double sum_b = 0, sum_p = 0;
  for (int k = 0; k <= 20; ++k) sum_b += binomial.pdf(k);
  for (int k = 0; k <= 80; ++k) sum_p += poisson.pdf(k);
  CHECK(sum_b == Approx(1).epsilon(1e-13));
  CHECK(sum_p == Approx(1).epsilon(1e-13));
  CHECK(binomial.cdf(7.9) == binomial.cdf(7));
  CHECK(binomial.cdf(20) == 1);
}

TEST_CASE("densities have the right edges: infinite, finite or zero", "[stats][distributions]") {
  CHECK(std::isinf(Distribution::beta(0.5, 2).pdf(0)));
  CHECK(Distribution::beta(1, 3).pdf(0) == Approx(3));
  CHECK(Distribution::beta(2, 3).pdf(1) == 0);
  CHECK(std::isinf(Distribution::gamma(0.5, 1).pdf(0)));
  CHECK(Distribution::gamma(1, 2).pdf(0) == Approx(0.5));
  CHECK(Distribution::uniform(-1, 3).pdf(3.5) == 0);
  CHECK(Distribution::exponential(2).pdf(-0.1) == 0);
}

TEST_CASE("bad parameters are refused with the family, parameter and value", "[stats][distributions]") {
  CHECK_THROWS_WITH(Distribution::normal(0, -1), Catch::Contains("normal: standard deviation σ must be > 0") && Catch::Contains("got -1"));
  CHECK_THROWS_WITH(Distribution::binomial(0, 0.5), Catch::Contains("binomial: number of trials n must be a whole number from 1 to 1000, got 0"));
  CHECK_THROWS_WITH(Distribution(Family::binomial, 2.5, 0.5), Catch::Contains("got 2.5"));
  CHECK_THROWS_WITH(Distribution::binomial(5, 1), Catch::Contains("binomial: success probability p must be strictly between 0 and 1, got 1"));
  CHECK_THROWS_WITH(Distribution::poisson(600), Catch::Contains("poisson: rate λ must be > 0 and at most 500, got 600"));
  CHECK_THROWS_WITH(Distribution::exponential(0), Catch::Contains("exponential: rate λ must be > 0"));
  CHECK_THROWS_WITH(Distribution::uniform(2, 2), Catch::Contains("uniform: need finite bounds a < b, got a = 2, b = 2"));
  CHECK_THROWS_WITH(Distribution::beta(0.05, 1), Catch::Contains("beta: α must be from 0.1 to 1e6, got 0.05"));
  CHECK_THROWS_WITH(Distribution::gamma(2, NAN), Catch::Contains("gamma: scale θ must be > 0"));
  CHECK_THROWS_WITH(family_from_name("cauchy"), Catch::Contains("unknown family 'cauchy'"));
  CHECK_THROWS_WITH(Distribution::normal(0, 1).quantile(2), Catch::Contains("N(μ = 0, σ = 1): quantile needs a probability from 0 to 1, got 2"));
  CHECK(family_from_name("gamma") == Family::gamma);
  CHECK(Distribution::gamma(2, 1.5).describe() == "Gamma(k = 2, θ = 1.5)");
}

TEST_CASE("each sampler is the one the lesson names", "[stats][sampling]") {
  CHECK(Distribution::normal(0, 1).sampler() == Sampler::box_muller);
  for (const auto& d : {Distribution::uniform(0, 1), Distribution::exponential(1), Distribution::binomial(5, 0.5), Distribution::poisson(2)})
    CHECK(d.sampler() == Sampler::inverse_cdf);
  CHECK(Distribution::gamma(2, 1).sampler() == Sampler::rejection);
  CHECK(Distribution::beta(2, 3).sampler() == Sampler::rejection);
  CHECK(std::string(sampler_name(Sampler::box_muller)) == "Box–Muller");
}

TEST_CASE("200000 draws of every family pass a Kolmogorov–Smirnov test and match the moments", "[stats][sampling]") {
  // At n = 200000 the KS distance exceeds 1.63/√n ≈ 0.0036 with probability 1%; the sample mean lies
  // within 5 standard errors σ/√n of μ.
  for (const auto& c : gold::kFamilies) {
    const Distribution d = make(c);
    INFO(d.describe());
    SampleRun run(d, 1, 12345);
    run.draw(200000);
    const auto m = run.moments();
    CHECK(run.ks_to_distribution() < 1.63 / std::sqrt(200000.0));
    CHECK(std::fabs(m.mean - d.mean()) < 5 * d.stddev() / std::sqrt(200000.0));
    CHECK(m.variance == Approx(d.variance()).epsilon(0.03));
  }
}

TEST_CASE("the same seed gives the same draws", "[stats][sampling]") {
  const auto d = Distribution::gamma(0.7, 2);
  Generator g1(99), g2(99), g3(100);
  const auto a = d.sample(g1, 50), b = d.sample(g2, 50), c = d.sample(g3, 50);
  CHECK(a == b);
  CHECK(a != c);
  for (double v : a) CHECK(v > 0);
}

TEST_CASE("Marsaglia–Tsang rejection accepts most proposals", "[stats][sampling]") {
  // Acceptance is about 0.95 at k = 1 and tends to 1 as k grows (Marsaglia & Tsang 2000, table 1).
  for (double k : {1.0, 3.0, 30.0}) {
    SampleRun run(Distribution::gamma(k, 1), 1, 7);
    run.draw(50000);
    INFO("k = " << k << ": " << run.proposals_per_draw() << " proposals per draw");
    CHECK(run.proposals_per_draw() >= 1.0);
    CHECK(run.proposals_per_draw() < 1.06);
  }
  SampleRun uniform(Distribution::uniform(0, 1), 1, 7);
  uniform.draw(10);
  CHECK(uniform.proposals_per_draw() == 1);
}
