#include <catch2/catch.hpp>

#include "mlplay/core/error.h"
#include "mlplay/ops/gemm.h"
#include "mlplay/ops/ops.h"
#include "support/gradcheck.h"

using namespace mlplay;
using mlplay::testing::gradcheck;
using mlplay::testing::leaf;
using mlplay::testing::transposed_leaf;
using Catch::Matchers::Contains;
using Inputs = std::vector<Tensor>;

namespace {
/// Reference product of two 2-D tensors with three plain loops.
std::vector<float> naive_matmul(const Tensor& a, const Tensor& b) {
  const int64_t M = a.size(0), K = a.size(1), N = b.size(1);
  std::vector<float> out(M * N, 0.0f);
  for (int64_t i = 0; i < M; ++i)
    for (int64_t j = 0; j < N; ++j) {
      double acc = 0;
      for (int64_t k = 0; k < K; ++k) acc += double(a.at({i, k})) * b.at({k, j});
      out[i * N + j] = static_cast<float>(acc);
    }
  return out;
}
}  // namespace

TEST_CASE("gemm: all four transpose combinations and beta", "[tensor][ops]") {
  // A (2, 3), B (3, 2); stored transposed copies for the trans cases
  const std::vector<float> A = {1, 2, 3, 4, 5, 6}, At = {1, 4, 2, 5, 3, 6};
  const std::vector<float> B = {1, 0, 0, 1, 1, 1}, Bt = {1, 0, 1, 0, 1, 1};
  const std::vector<float> want = {4, 5, 10, 11};
  for (bool ta : {false, true})
    for (bool tb : {false, true}) {
      std::vector<float> C(4, 100.0f);
      gemm(ta, tb, 2, 2, 3, 1.0f, ta ? At.data() : A.data(), ta ? 2 : 3, tb ? Bt.data() : B.data(), tb ? 3 : 2, 0.0f,
           C.data(), 2);
      REQUIRE(C == want);
    }
  std::vector<float> C(4, 1.0f);
  gemm(false, false, 2, 2, 3, 2.0f, A.data(), 3, B.data(), 2, 1.0f, C.data(), 2);
  REQUIRE(C == std::vector<float>{9, 11, 21, 23});
}

TEST_CASE("matmul: 2-D, 1-D, batched, broadcast and transposed operands", "[tensor][ops]") {
  Generator gen(41);
  const Tensor a = randn({5, 7}, gen), b = randn({7, 3}, gen);
  REQUIRE(allclose(matmul(a, b), from_vector(naive_matmul(a, b), {5, 3}), 1e-5, 1e-5));
  const Tensor at = randn({7, 5}, gen).t(), bt = randn({3, 7}, gen).t();  // strided views
  REQUIRE(allclose(matmul(at, bt), from_vector(naive_matmul(at, bt), {5, 3}), 1e-5, 1e-5));
  const Tensor sliced = randn({5, 14}, gen).slice(1, 0, 14, 2);  // stride 2 in the last dim: copied
  REQUIRE(allclose(matmul(sliced, b), from_vector(naive_matmul(sliced, b), {5, 3}), 1e-5, 1e-5));

  const Tensor v = randn({7}, gen);
  REQUIRE(matmul(a, v).shape() == Shape{5});
  REQUIRE(matmul(v, b).shape() == Shape{3});
  REQUIRE(matmul(v, v).dim() == 0);
  REQUIRE(matmul(v, v).item() == Approx(sum(v * v).item()));

  const Tensor batch = randn({4, 5, 7}, gen);
  const Tensor out = matmul(batch, b);  // (4, 5, 7) @ (7, 3) -> (4, 5, 3)
  REQUIRE(out.shape() == Shape{4, 5, 3});
  REQUIRE(allclose(out.select(0, 2), from_vector(naive_matmul(batch.select(0, 2), b), {5, 3}), 1e-5, 1e-5));
  const Tensor lhs = randn({2, 1, 3, 4}, gen), rhs = randn({5, 4, 2}, gen);
  const Tensor broadcast = matmul(lhs, rhs);  // batch (2, 1) and (5,) -> (2, 5)
  REQUIRE(broadcast.shape() == Shape{2, 5, 3, 2});
  REQUIRE(allclose(broadcast.select(0, 1).select(0, 3),
                   from_vector(naive_matmul(lhs.select(0, 1).select(0, 0), rhs.select(0, 3)), {3, 2}), 1e-5, 1e-5));
  REQUIRE(matmul(zeros({3, 0}), zeros({0, 2})).to_vector() == std::vector<float>(6, 0.0f));
}

TEST_CASE("matmul: gradcheck over shapes, batches and views", "[autograd][ops]") {
  auto product = [](const Inputs& in) { return matmul(in[0], in[1]); };
  CHECK(gradcheck(product, {leaf({3, 4}, 42), leaf({4, 2}, 43)}));
  CHECK(gradcheck(product, {transposed_leaf({3, 4}, 44), transposed_leaf({4, 2}, 45)}));
  CHECK(gradcheck(product, {leaf({4}, 46), leaf({4, 2}, 47)}));
  CHECK(gradcheck(product, {leaf({3, 4}, 48), leaf({4}, 49)}));
  CHECK(gradcheck(product, {leaf({4}, 50), leaf({4}, 51)}));
  CHECK(gradcheck(product, {leaf({2, 3, 4}, 52), leaf({4, 2}, 53)}));
  CHECK(gradcheck(product, {leaf({2, 1, 3, 4}, 54), leaf({3, 4, 2}, 55)}));
  CHECK(gradcheck([](const Inputs& in) { return matmul(in[0], in[0].transpose(-2, -1)); }, {leaf({2, 3, 4}, 56)}));
}

TEST_CASE("matmul: mismatched shapes throw ShapeError with both shapes", "[tensor][ops]") {
  REQUIRE_THROWS_AS(matmul(ones({3, 4}), ones({5, 2})), ShapeError);
  REQUIRE_THROWS_WITH(matmul(ones({3, 4}), ones({5, 2})), "matmul: shapes (3, 4) and (5, 2) do not align");
  REQUIRE_THROWS_WITH(matmul(ones({2, 3, 4}), ones({3, 4, 2})), Contains("matmul: batch dimensions of shapes (2, 3, 4) and (3, 4, 2)"));
  REQUIRE_THROWS_AS(matmul(scalar_tensor(1), ones({2})), ShapeError);
}
