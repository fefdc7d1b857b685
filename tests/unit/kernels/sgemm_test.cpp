#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "mlplay/core/parallel.h"
#include "mlplay/core/random.h"
#include "mlplay/kernels/sgemm.h"

using namespace mlplay;

namespace {

std::vector<float> random_matrix(Generator& g, int64_t rows, int64_t cols) {
  std::vector<float> m(static_cast<size_t>(rows * cols));
  for (auto& x : m) x = g.uniform(-1.0f, 1.0f);
  return m;
}

struct Case {
  int64_t M, N, K;
  bool trans_a, trans_b;
  float alpha, beta;
};

void check_case(const Case& c, Generator& g) {
  // Leading dimensions a little larger than needed, to catch stride mistakes.
  const int64_t a_rows = c.trans_a ? c.K : c.M, a_cols = c.trans_a ? c.M : c.K;
  const int64_t b_rows = c.trans_b ? c.N : c.K, b_cols = c.trans_b ? c.K : c.N;
  const int64_t lda = a_cols + 3, ldb = b_cols + 1, ldc = c.N + 2;
  const auto A = random_matrix(g, a_rows, lda), B = random_matrix(g, b_rows, ldb);
  auto C = random_matrix(g, c.M, ldc);
  auto expected = C;
  if (c.beta == 0.0f) std::fill(C.begin(), C.end(), std::numeric_limits<float>::quiet_NaN());
  kernels::sgemm(c.trans_a, c.trans_b, c.M, c.N, c.K, c.alpha, A.data(), lda, B.data(), ldb, c.beta, C.data(), ldc);
  kernels::sgemm_reference(c.trans_a, c.trans_b, c.M, c.N, c.K, c.alpha, A.data(), lda, B.data(), ldb, c.beta,
                           expected.data(), ldc);
  const double tolerance = 1e-5 * std::sqrt(double(c.K) + 1) * 4;
  for (int64_t i = 0; i < c.M; ++i) {
    for (int64_t j = 0; j < c.N; ++j) {
      INFO("M=" << c.M << " N=" << c.N << " K=" << c.K << " ta=" << c.trans_a << " tb=" << c.trans_b << " at (" << i
                << ", " << j << ")");
      REQUIRE(std::abs(C[i * ldc + j] - expected[i * ldc + j]) <= tolerance);
    }
  }
}

}  // namespace

TEST_CASE("sgemm matches the reference for all transposes, ragged edges, alpha and beta", "[kernels][sgemm]") {
  Generator g(1);
  const int saved = get_num_threads();
  for (int threads = 1; threads <= max_threads(); ++threads) {
    set_num_threads(threads);
    for (auto [M, N, K] : std::vector<std::tuple<int64_t, int64_t, int64_t>>{
             {1, 1, 1}, {3, 5, 7}, {6, 8, 4}, {7, 9, 300}, {64, 10, 784}, {73, 129, 257}, {128, 128, 128}, {5, 200, 33},
             {1, 128, 1568}, {4, 10, 131}, {2, 37, 9},  // a few rows: the unpacked dot-product path
             {300, 20, 200}, {700, 6, 260}}) {  // taller than wide, and one column panel: bands of rows
      for (bool ta : {false, true})
        for (bool tb : {false, true}) check_case({M, N, K, ta, tb, 1.0f, 0.0f}, g);
      check_case({M, N, K, false, false, 0.5f, 1.0f}, g);
      check_case({M, N, K, true, false, -2.0f, 0.25f}, g);
    }
  }
  set_num_threads(saved);
}

TEST_CASE("sgemm with K = 0 or alpha = 0 only scales C", "[kernels][sgemm]") {
  std::vector<float> C = {1, 2, 3, 4};
  const float dummy = 0;
  kernels::sgemm(false, false, 2, 2, 0, 1.0f, &dummy, 1, &dummy, 1, 3.0f, C.data(), 2);
  REQUIRE(C == std::vector<float>{3, 6, 9, 12});
  kernels::sgemm(false, false, 2, 2, 0, 1.0f, &dummy, 1, &dummy, 1, 0.0f, C.data(), 2);
  REQUIRE(C == std::vector<float>{0, 0, 0, 0});
}
