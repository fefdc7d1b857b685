#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/nn/nn.h"
#include "mlplay/ops/ops.h"
#include "support/gradcheck.h"

using namespace mlplay;
using mlplay::testing::gradcheck;
using mlplay::testing::leaf;
using Catch::Matchers::Contains;
using Inputs = std::vector<Tensor>;

TEST_CASE("MultiheadAttention: PyTorch's parameter names and init", "[nn]") {
  nn::MultiheadAttention mha(8, 2);
  REQUIRE(mha->named_parameters().keys() ==
          std::vector<std::string>{"in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"});
  REQUIRE(mha->in_proj_weight.shape() == Shape{24, 8});
  REQUIRE(mha->in_proj_bias.abs().sum().item() == 0.0f);
  REQUIRE(mha->out_proj->bias.abs().sum().item() == 0.0f);
  REQUIRE(amax(mha->in_proj_weight.abs(), {}).item() <= std::sqrt(6.0f / 32.0f));  // xavier_uniform on (24, 8)
  REQUIRE(nn::MultiheadAttention(nn::MultiheadAttentionOptions(8, 2).bias(false))->named_parameters().keys() ==
          std::vector<std::string>{"in_proj_weight", "out_proj.weight"});
  REQUIRE_THROWS_WITH(nn::MultiheadAttention(6, 4), Contains("embed_dim (6) must be divisible by num_heads (4)"));
  REQUIRE_THROWS_WITH(mha->forward(zeros({2, 3, 7}), zeros({2, 3, 8}), zeros({2, 3, 8})),
                      Contains("MultiheadAttention: expected inputs (N, L, E) with E = 8, got shape (2, 3, 7)"));
}

TEST_CASE("MultiheadAttention: one head equals attention over the projections, causal mask, layouts", "[nn]") {
  manual_seed(5);
  nn::MultiheadAttention one(4, 1);
  const Tensor x = randn({2, 3, 4}), kv = randn({2, 5, 4});
  const auto [out, weights] = one->forward(x, kv, kv);
  REQUIRE(out.shape() == Shape{2, 3, 4});
  REQUIRE(weights.shape() == Shape{2, 3, 5});
  REQUIRE(allclose(weights.sum({-1}), ones({2, 3}), 1e-5, 1e-6));
  const Tensor& w = one->in_proj_weight;
  const Tensor& b = one->in_proj_bias;
  const Tensor q = matmul(x, w.slice(0, 0, 4).t()) + b.slice(0, 0, 4);
  const Tensor k = matmul(kv, w.slice(0, 4, 8).t()) + b.slice(0, 4, 8);
  const Tensor v = matmul(kv, w.slice(0, 8, 12).t()) + b.slice(0, 8, 12);
  const Tensor want = one->out_proj->forward(scaled_dot_product_attention(q, k, v));
  REQUIRE(allclose(out, want, 1e-4, 1e-5));

  // causal: query 0 sees key 0 only
  nn::MultiheadAttention mha(4, 2);
  const auto [causal, causal_weights] = mha->forward(x, x, x, Tensor(), true, true);
  REQUIRE(causal_weights.at({0, 0, 0}) == Approx(1.0f));
  REQUIRE(causal_weights.at({1, 1, 2}) == 0.0f);
  // the first query's output does not depend on later positions
  Tensor changed = x.clone();
  {
    NoGradGuard no_grad;
    changed.slice(1, 1, 3).fill_(7.0);
  }
  const Tensor first = std::get<0>(mha->forward(changed, changed, changed, Tensor(), false, true));
  REQUIRE(allclose(first.slice(1, 0, 1), causal.slice(1, 0, 1), 1e-5, 1e-6));
  // an additive mask with -inf above the diagonal is the same thing
  Tensor mask = zeros({3, 3});
  for (int64_t i = 0; i < 3; ++i)
    for (int64_t j = i + 1; j < 3; ++j) mask.data_ptr()[i * 3 + j] = -INFINITY;
  REQUIRE(allclose(std::get<0>(mha->forward(x, x, x, mask)), causal, 1e-5, 1e-6));
  REQUIRE_FALSE(std::get<1>(mha->forward(x, x, x, Tensor(), false)).defined());

  // batch_first(false): (L, N, E) in and out
  nn::MultiheadAttention seq_first(nn::MultiheadAttentionOptions(4, 2).batch_first(false));
  seq_first->load_state_dict(mha->state_dict());
  const Tensor transposed = std::get<0>(seq_first->forward(x.transpose(0, 1), x.transpose(0, 1), x.transpose(0, 1),
                                                           Tensor(), false, true));
  REQUIRE(allclose(transposed.transpose(0, 1), causal, 1e-5, 1e-6));
}

TEST_CASE("MultiheadAttention: gradcheck through inputs and every parameter", "[nn]") {
  nn::MultiheadAttention mha(4, 2);
  {
    NoGradGuard no_grad;
    mha->in_proj_bias.copy_(randn({12}) * 0.1);
    mha->out_proj->bias.copy_(randn({4}) * 0.1);
  }
  const Tensor q = leaf({2, 3, 4}, 21), kv = leaf({2, 2, 4}, 22);
  auto params = mha->parameters();
  Inputs inputs{q, kv};
  inputs.insert(inputs.end(), params.begin(), params.end());
  CHECK(gradcheck([&](const Inputs& v) { return std::get<0>(mha->forward(v[0], v[1], v[1])); }, inputs));
  CHECK(gradcheck([&](const Inputs& v) { return std::get<0>(mha->forward(v[0], v[0], v[0], Tensor(), false, true)); },
                  {q, mha->in_proj_weight}));
  CHECK(gradcheck([&](const Inputs& v) { return std::get<1>(mha->forward(v[0], v[1], v[1])); }, {q, kv}));
}
