// Sample moments, density histograms, the Kolmogorov–Smirnov distance, and the central limit theorem
// seen through SampleRun: means of n draws approach N(μ, σ²/n).
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

#include "mlplay/core/error.h"
#include "mlplay/stats/sample_run.h"

using namespace mlplay;
using namespace mlplay::stats;

TEST_CASE("sample moments on hand-computed data", "[stats][moments]") {
  // 1, 2, 3, 10: mean 4, Σd² = 9 + 4 + 1 + 36 = 50, Σd³ = −27 − 8 − 1 + 216 = 180.
  const auto m = sample_moments({1, 2, 3, 10});
  CHECK(m.count == 4);
  CHECK(m.mean == 4);
  CHECK(m.variance == Approx(50.0 / 3));
  CHECK(m.skewness == Approx((180.0 / 4) / std::pow(50.0 / 4, 1.5)));
  CHECK(sample_moments({5, 5, 5}).skewness == 0);
  CHECK(sample_moments({}).count == 0);
  // No cancellation: a large offset leaves the variance intact.
  CHECK(sample_moments({1e9 + 1, 1e9 + 2, 1e9 + 3}).variance == Approx(1).epsilon(1e-12));
}

TEST_CASE("a histogram counts into its bins and scales to a density", "[stats][histogram]") {
  auto h = Histogram::with_bins(0, 0.5, 4);  // [0, 0.5) [0.5, 1) [1, 1.5) [1.5, 2)
  h.add({0.1, 0.2, 0.7, 1.2, 1.9, -3, 2.0, NAN});
  CHECK(h.counts == std::vector<int64_t>{2, 1, 1, 1});
  CHECK(h.below == 2);  // −3 and NaN
  CHECK(h.above == 1);  // 2.0 is past the last bin's open right edge
  CHECK(h.total() == 8);
  CHECK(h.high() == 2);
  CHECK(h.centers() == std::vector<double>{0.25, 0.75, 1.25, 1.75});
  const auto density = h.density();
  CHECK(density[0] == Approx(2.0 / (8 * 0.5)));
  const auto cdf = h.cumulative();
  CHECK(cdf[0] == Approx(4.0 / 8));  // the two below, plus bin 0
  CHECK(cdf[3] == Approx(7.0 / 8));
  CHECK_THROWS_WITH(Histogram::with_bins(0, 0, 3), Catch::Contains("Histogram: bin width must be > 0, got 0"));
}

TEST_CASE("lattice histograms centre every bin on the same number of lattice points", "[stats][histogram]") {
  const auto whole = Histogram::covering(0, 10, 1, 80);  // one bin per integer 0…10
  CHECK(whole.counts.size() == 11);
  CHECK(whole.low == -0.5);
  CHECK(whole.width == 1);
  const auto thirds = Histogram::covering(1, 2, 1.0 / 3, 80);  // 1, 4/3, 5/3, 2
  CHECK(thirds.counts.size() == 4);
  CHECK(thirds.low == Approx(1 - 1.0 / 6));
  const auto coarse = Histogram::covering(0, 999, 1, 80);  // 1000 integers, 13 per bin
  CHECK(coarse.width == 13);
  CHECK(coarse.counts.size() == 77);
}

TEST_CASE("KS distance of a hand-made sample, continuous and discrete", "[stats][ks]") {
  // Uniform(0, 1) CDF F(x) = x; values 0.1, 0.5, 0.6: gaps |0.1 − 1/3|, |0.5 − 1/3|, |0.5 − 2/3|, |0.6 − 2/3|, |0.6 − 1|.
  const auto uniform = [](double x) { return std::clamp(x, 0.0, 1.0); };
  CHECK(ks_distance({0.6, 0.1, 0.5}, uniform) == Approx(0.4));
  // A fair coin (0 or 1): a sample of three 0s and one 1 has F_n(0) = 0.75 against F(0) = 0.5.
  const auto coin = [](double x) { return x < 0 ? 0.0 : x < 1 ? 0.5 : 1.0; };
  const auto coin_below = [](double x) { return x <= 0 ? 0.0 : x <= 1 ? 0.5 : 1.0; };
  CHECK(ks_distance({0, 0, 1, 0}, coin, coin_below) == Approx(0.25));
  CHECK_THROWS_WITH(ks_distance({}, uniform), Catch::Contains("ks_distance: no values"));
}

TEST_CASE("curves: PMF at the whole numbers, density on a grid", "[stats][curve]") {
  const auto pmf = distribution_curve(Distribution::binomial(6, 0.5), {-0.5, 6.5}, 100);
  CHECK(pmf.x == std::vector<double>{0, 1, 2, 3, 4, 5, 6});
  CHECK(pmf.pdf[3] == Approx(20.0 / 64));
  CHECK(pmf.cdf[6] == 1);
  const auto density = distribution_curve(Distribution::exponential(2), {0, 3}, 301);
  CHECK(density.x.size() == 301);
  CHECK(density.pdf[0] == 2);
  CHECK(density.cdf[100] == Approx(1 - std::exp(-2.0)));
  const auto normal = normal_curve_for_means(Distribution::exponential(1), 4, {0, 2}, 3);  // N(1, 1/4)
  CHECK(normal.pdf[1] == Approx(1 / (0.5 * std::sqrt(2 * M_PI))));
  CHECK(normal.cdf[1] == Approx(0.5));
}

TEST_CASE("central limit theorem: means of n exponential draws approach N(1, 1/n)", "[stats][clt]") {
  // Exponential(1): μ = 1, σ = 1, skewness 2, so the mean of n draws has skewness 2/√n.
  const auto d = Distribution::exponential(1);
  double last_ks = 1;
  for (int n : {1, 4, 16, 64}) {
    SampleRun run(d, n, 2024);
    run.draw(40000);
    const auto m = run.moments(), e = run.expected();
    INFO("n = " << n << ": skewness " << m.skewness << " vs " << e.skewness << ", KS " << run.ks_to_normal());
    CHECK(e.variance == Approx(1.0 / n));
    CHECK(e.skewness == Approx(2 / std::sqrt(n)));
    CHECK(m.mean == Approx(1).epsilon(0.02));
    CHECK(m.variance == Approx(1.0 / n).epsilon(0.04));
    CHECK(m.skewness == Approx(e.skewness).margin(0.1));
    CHECK(run.ks_to_normal() < last_ks);
    last_ks = run.ks_to_normal();
  }
  CHECK(last_ks < 0.03);
}

TEST_CASE("histograms of means of discrete draws sit on the 1/n lattice", "[stats][clt]") {
  SampleRun run(Distribution::binomial(10, 0.5), 4, 3);
  run.draw(20000);
  const auto h = run.histogram();
  // Means of 4 binomials are multiples of 1/4, each in the middle of its own bin.
  CHECK(h.width == Approx(0.25));
  for (double v : {run.values()[0], run.values()[1], run.values()[2]}) {
    const double position = (v - h.low) / h.width;
    CHECK(position - std::floor(position) == Approx(0.5));
  }
  CHECK(h.below + h.above < 20);  // μ ± 4.5 σ/√n holds nearly everything
  // Density over the bins integrates to the fraction inside.
  const auto density = h.density();
  CHECK(std::accumulate(density.begin(), density.end(), 0.0) * h.width == Approx(1).epsilon(0.001));
}

TEST_CASE("SampleRun keeps drawing from where it stopped, within its limits", "[stats][clt]") {
  SampleRun split(Distribution::poisson(3), 2, 11), whole(Distribution::poisson(3), 2, 11);
  split.draw(300);
  split.draw(700);
  whole.draw(1000);
  CHECK(split.values() == whole.values());
  CHECK(split.range()[0] >= 0);  // clipped to the support
  CHECK_THROWS_WITH(SampleRun(Distribution::poisson(3), 0, 1), Catch::Contains("SampleRun: n (draws per mean) must be from 1 to 1000, got 0"));
  CHECK_THROWS_WITH(split.draw(SampleRun::kMaxValues), Catch::Contains("would pass the limit of 2000000 (1000 drawn so far)"));
}
