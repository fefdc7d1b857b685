#include <catch2/catch.hpp>
#include <limits>

#include "mlplay/core/error.h"
#include "mlplay/ops/ops.h"
#include "support/gradcheck.h"

using namespace mlplay;
using mlplay::testing::gradcheck;
using mlplay::testing::leaf;
using Catch::Matchers::Contains;
using Inputs = std::vector<Tensor>;

TEST_CASE("scaled_dot_product_attention: values, causal mask, additive mask", "[tensor][ops]") {
  Generator gen(111);
  const Tensor q = randn({2, 4, 8}, gen), k = randn({2, 5, 8}, gen), v = randn({2, 5, 3}, gen);
  const Tensor out = scaled_dot_product_attention(q, k, v);
  REQUIRE(out.shape() == Shape{2, 4, 3});
  const Tensor want = matmul(softmax(matmul(q, k.transpose(-2, -1)) / std::sqrt(8.0), -1), v);
  REQUIRE(allclose(out, want, 1e-5, 1e-6));

  // causal: the first query sees only the first key, so its output is v[0]
  const Tensor kv = randn({4, 8}, gen), vv = randn({4, 3}, gen), qq = randn({4, 8}, gen);
  const Tensor causal = scaled_dot_product_attention(qq, kv, vv, Tensor(), 0.0, true);
  REQUIRE(allclose(causal.select(0, 0), vv.select(0, 0), 1e-6, 1e-6));
  // the same as an additive mask with -inf above the diagonal
  Tensor mask = zeros({4, 4});
  for (int64_t i = 0; i < 4; ++i)
    for (int64_t j = i + 1; j < 4; ++j) mask.data_ptr()[i * 4 + j] = -std::numeric_limits<float>::infinity();
  REQUIRE(allclose(causal, scaled_dot_product_attention(qq, kv, vv, mask), 1e-6, 1e-6));
  REQUIRE_THROWS_WITH(scaled_dot_product_attention(q, randn({2, 5, 7}, gen), v),
                      Contains("scaled_dot_product_attention: query (2, 4, 8) and key (2, 5, 7) must have the same embedding size"));
}

TEST_CASE("scaled_dot_product_attention: gradcheck with and without the causal mask", "[autograd][ops]") {
  const Tensor q = leaf({2, 3, 4}, 112), k = leaf({2, 3, 4}, 113), v = leaf({2, 3, 2}, 114);
  CHECK(gradcheck([](const Inputs& in) { return scaled_dot_product_attention(in[0], in[1], in[2]); }, {q, k, v}));
  CHECK(gradcheck([](const Inputs& in) { return scaled_dot_product_attention(in[0], in[1], in[2], Tensor(), 0.0, true); },
                  {q, k, v}));
  // multi-head layout: (B, T, H, D) permuted to (B, H, T, D), a non-contiguous view
  const Tensor heads = leaf({1, 3, 2, 4}, 115);
  CHECK(gradcheck([](const Inputs& in) {
    const Tensor x = in[0].permute({0, 2, 1, 3});
    return scaled_dot_product_attention(x, x, x, Tensor(), 0.0, true, 0.3);
  }, {heads}));
}
