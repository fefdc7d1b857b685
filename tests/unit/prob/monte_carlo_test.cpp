#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"
#include "mlplay/core/random.h"
#include "mlplay/prob/monte_carlo.h"

using namespace mlplay;

namespace {
struct ThreadCountGuard {
  int saved = get_num_threads();
  ~ThreadCountGuard() { set_num_threads(saved); }
};
}  // namespace

TEST_CASE("pi estimate lies within 4 standard errors of pi for several seeds", "[monte_carlo]") {
  ThreadCountGuard guard;
  set_num_threads(max_threads());
  for (uint64_t seed : {0ULL, 1ULL, 2ULL, 42ULL, 12345ULL, 987654321ULL}) {
    PiEstimator estimator(seed);
    estimator.throw_darts(4'000'000);
    INFO("seed " << seed << ": " << estimator.estimate() << " +- " << estimator.standard_error());
    REQUIRE(estimator.standard_error() > 0.0005);
    REQUIRE(estimator.standard_error() < 0.001);
    REQUIRE(std::abs(estimator.estimate() - M_PI) < 4 * estimator.standard_error());
  }
}

TEST_CASE("the count depends only on the seed and dart indices, not threads or batching", "[monte_carlo]") {
  ThreadCountGuard guard;
  const int64_t n = 1'000'003;  // not a whole number of blocks
  set_num_threads(1);
  const int64_t reference = count_darts_inside(9, 0, n);
  for (int threads = 1; threads <= max_threads(); ++threads) {
    set_num_threads(threads);
    REQUIRE(count_darts_inside(9, 0, n) == reference);
    // in ragged batches
    PiEstimator estimator(9);
    int64_t thrown = 0;
    for (int64_t batch : {1, 7, 8191, 8192, 8193, 100000, 333333}) {
      estimator.throw_darts(batch);
      thrown += batch;
    }
    estimator.throw_darts(n - thrown);
    REQUIRE(estimator.inside() == reference);
  }
}

TEST_CASE("the SIMD block path agrees with the scalar path and with the coordinates", "[monte_carlo]") {
  // Blocks 3 and 4 exactly: count_darts_inside takes the SIMD path for whole blocks.
  const int64_t simd = count_darts_inside(77, 3 * kDartsPerBlock, 2 * kDartsPerBlock);
  // Offsetting by one dart forces the scalar path for ragged ends; add the darts back one at a time.
  const int64_t scalar = count_darts_inside(77, 3 * kDartsPerBlock, 1) +
                         count_darts_inside(77, 3 * kDartsPerBlock + 1, 2 * kDartsPerBlock - 2) +
                         count_darts_inside(77, 5 * kDartsPerBlock - 1, 1);
  REQUIRE(simd == scalar);
  const auto xy = dart_coordinates(77, 3 * kDartsPerBlock, 2 * kDartsPerBlock);
  int64_t from_coordinates = 0;
  for (size_t i = 0; i < xy.size(); i += 2) {
    REQUIRE(xy[i] > 0.0f);
    REQUIRE(xy[i] < 1.0f);
    from_coordinates += xy[i] * xy[i] + xy[i + 1] * xy[i + 1] < 1.0f;
  }
  REQUIRE(from_coordinates == simd);
}

TEST_CASE("golden dart counts pin the stream (the browser test checks the wasm build against the CLI)",
          "[monte_carlo]") {
  REQUIRE(count_darts_inside(0, 0, 1'000'000) == 786056);
  REQUIRE(count_darts_inside(2024, 123456, 654321) == 514029);
}

TEST_CASE("PiEstimator resumes and rejects impossible states", "[monte_carlo]") {
  PiEstimator a(3);
  a.throw_darts(50000);
  PiEstimator b(3, a.samples(), a.inside());
  a.throw_darts(50000);
  b.throw_darts(50000);
  REQUIRE(a.inside() == b.inside());
  REQUIRE(PiEstimator(1).estimate() == 0.0);
  REQUIRE_THROWS_WITH(PiEstimator(1, 10, 11), Catch::Contains("cannot resume from 11 inside out of 10"));
  REQUIRE_THROWS_AS(a.throw_darts(-1), Error);
}
