// Every module's forward against its functional form, and gradcheck through it (inputs and parameters).
#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/nn/nn.h"
#include "mlplay/ops/ops.h"
#include "support/gradcheck.h"

using namespace mlplay;
using mlplay::testing::gradcheck;
using mlplay::testing::leaf;
using mlplay::testing::transposed_leaf;
using Catch::Matchers::Contains;
using Inputs = std::vector<Tensor>;

namespace {
/// Largest |value| of a tensor.
float max_abs(const Tensor& t) { return amax(t.abs(), {}).item(); }
}  // namespace

TEST_CASE("Linear: PyTorch's default init, forward, options, gradcheck", "[nn]") {
  manual_seed(3);
  nn::Linear fc(16, 5);
  REQUIRE(fc->weight.shape() == Shape{5, 16});
  REQUIRE(fc->bias.shape() == Shape{5});
  REQUIRE(max_abs(fc->weight) <= 0.25f);  // kaiming_uniform(a = sqrt 5): bound 1 / sqrt(16)
  REQUIRE(max_abs(fc->weight) > 0.2f);
  REQUIRE(max_abs(fc->bias) <= 0.25f);
  manual_seed(3);
  REQUIRE(allclose(nn::Linear(16, 5)->weight, fc->weight));  // seeded through the default generator
  Generator gen(9);
  fc->reset_parameters(gen);
  REQUIRE_FALSE(allclose(nn::Linear(16, 5)->weight, fc->weight));

  const Tensor x = randn({2, 3, 16});
  REQUIRE(allclose(fc->forward(x), matmul(x, fc->weight.t()) + fc->bias, 1e-5, 1e-6));
  nn::Linear no_bias(nn::LinearOptions(4, 2).bias(false));
  REQUIRE_FALSE(no_bias->bias.defined());
  REQUIRE(no_bias->named_parameters().keys() == std::vector<std::string>{"weight"});
  REQUIRE_THROWS_WITH(fc->forward(zeros({2, 15})), Contains("Linear: input of shape (2, 15) does not end in in_features = 16"));

  nn::Linear small(4, 3);
  CHECK(gradcheck([&](const Inputs& v) { return small->forward(v[0]); },
                  {transposed_leaf({5, 4}, 1), small->weight, small->bias}));
  CHECK(gradcheck([&](const Inputs& v) { return no_bias->forward(v[0]); }, {leaf({2, 3, 4}, 2), no_bias->weight}));
}

TEST_CASE("Conv2d: shapes, init bound, groups, gradcheck", "[nn]") {
  nn::Conv2d conv(nn::Conv2dOptions(4, 6, 3).stride(2).padding(1).groups(2));
  REQUIRE(conv->weight.shape() == Shape{6, 2, 3, 3});
  REQUIRE(max_abs(conv->weight) <= 1.0f / std::sqrt(18.0f));
  REQUIRE(max_abs(conv->bias) <= 1.0f / std::sqrt(18.0f));
  REQUIRE(conv->forward(randn({2, 4, 7, 7})).shape() == Shape{2, 6, 4, 4});
  REQUIRE_THROWS_WITH(nn::Conv2d(3, 4, 3)->forward(zeros({1, 2, 5, 5})),
                      Contains("Conv2d: expected input (N, 3, H, W), got shape (1, 2, 5, 5)"));
  REQUIRE_THROWS_WITH(nn::Conv2d(nn::Conv2dOptions(3, 4, 3).groups(2)), Contains("must be divisible by groups (2)"));

  nn::Conv2d small(nn::Conv2dOptions(2, 3, {2, 3}).padding({1, 0}).dilation({1, 2}));
  CHECK(gradcheck([&](const Inputs& v) { return small->forward(v[0]); },
                  {leaf({2, 2, 4, 6}, 3), small->weight, small->bias}));
  // a non-contiguous (permuted) input
  CHECK(gradcheck([&](const Inputs& v) { return small->forward(v[0]); },
                  {transposed_leaf({2, 2, 4, 6}, 31), small->weight}));
  nn::Conv2d grouped(nn::Conv2dOptions(4, 2, 2).groups(2).bias(false).stride(2));
  CHECK(gradcheck([&](const Inputs& v) { return grouped->forward(v[0]); }, {leaf({1, 4, 4, 4}, 4), grouped->weight}));
}

TEST_CASE("MaxPool2d, AvgPool2d and Flatten: values and gradcheck", "[nn]") {
  const Tensor x = arange(16).reshape({1, 1, 4, 4});
  REQUIRE(nn::MaxPool2d(2)->forward(x).to_vector() == std::vector<float>{5, 7, 13, 15});
  REQUIRE(nn::AvgPool2d(2)->forward(x).to_vector() == std::vector<float>{2.5, 4.5, 10.5, 12.5});
  REQUIRE(nn::MaxPool2d(nn::MaxPool2dOptions(3).stride(1).padding(1))->forward(x).shape() == Shape{1, 1, 4, 4});
  REQUIRE(nn::Flatten()->forward(zeros({2, 3, 4, 5})).shape() == Shape{2, 60});
  REQUIRE(nn::Flatten(nn::FlattenOptions().start_dim(0).end_dim(1))->forward(zeros({2, 3, 4})).shape() == Shape{6, 4});

  nn::MaxPool2d max_pool(nn::MaxPool2dOptions(2).stride(1));
  nn::AvgPool2d avg_pool(nn::AvgPool2dOptions({2, 3}).padding({1, 1}).count_include_pad(false));
  nn::Flatten flatten;
  // distinct values 0.1 apart, so no window holds a near-tie the finite difference would cross
  Generator gen(5);
  const Tensor spread = (randperm(48, gen) * 0.1).reshape({2, 2, 3, 4}).detach().requires_grad_();
  CHECK(gradcheck([&](const Inputs& v) { return max_pool->forward(v[0]); }, {spread}));
  CHECK(gradcheck([&](const Inputs& v) { return avg_pool->forward(v[0]); }, {leaf({1, 2, 4, 5}, 6)}));
  CHECK(gradcheck([&](const Inputs& v) { return flatten->forward(v[0]); }, {transposed_leaf({2, 3, 2}, 7)}));
}

TEST_CASE("BatchNorm1d and BatchNorm2d: gradcheck in train and eval", "[nn]") {
  nn::BatchNorm1d bn1(3);
  REQUIRE_THROWS_WITH(bn1->forward(zeros({4, 2})),
                      Contains("BatchNorm1d: expected input with 2 or 3 dims and 3 channels in dim 1, got shape (4, 2)"));
  REQUIRE_THROWS_WITH(nn::BatchNorm2d(3)->forward(zeros({4, 3})), Contains("BatchNorm2d: expected input with 4 dims"));
  {
    NoGradGuard no_grad;
    bn1->weight.copy_(from_vector({0.5, 1.5, -1}));
    bn1->bias.copy_(from_vector({0.1, 0.2, 0.3}));
  }
  CHECK(gradcheck([&](const Inputs& v) { return bn1->forward(v[0]); }, {leaf({5, 3}, 8), bn1->weight, bn1->bias}));
  CHECK(gradcheck([&](const Inputs& v) { return bn1->forward(v[0]); }, {leaf({2, 3, 4}, 9), bn1->weight, bn1->bias}));
  CHECK(gradcheck([&](const Inputs& v) { return bn1->forward(v[0]); }, {transposed_leaf({4, 3}, 32)}));
  nn::BatchNorm2d bn2(2);
  CHECK(gradcheck([&](const Inputs& v) { return bn2->forward(v[0]); }, {leaf({3, 2, 2, 3}, 10), bn2->weight, bn2->bias}));
  bn2->eval();
  CHECK(gradcheck([&](const Inputs& v) { return bn2->forward(v[0]); }, {leaf({1, 2, 2, 2}, 11), bn2->weight, bn2->bias}));
}

TEST_CASE("LayerNorm and Embedding: init, forward, gradcheck", "[nn]") {
  nn::LayerNorm ln(nn::LayerNormOptions({2, 3}).eps(1e-6));
  REQUIRE(ln->weight.to_vector() == std::vector<float>(6, 1.0f));
  REQUIRE(ln->bias.to_vector() == std::vector<float>(6, 0.0f));
  {
    NoGradGuard no_grad;
    ln->weight.copy_(randn({2, 3}));
    ln->bias.copy_(randn({2, 3}));
  }
  const Tensor x = randn({4, 2, 3});
  REQUIRE(allclose(ln->forward(x), layer_norm(x, {2, 3}, ln->weight, ln->bias, 1e-6)));
  REQUIRE(nn::LayerNorm(nn::LayerNormOptions({3}).elementwise_affine(false))->parameters().empty());
  CHECK(gradcheck([&](const Inputs& v) { return ln->forward(v[0]); }, {leaf({3, 2, 3}, 12), ln->weight, ln->bias}));

  manual_seed(4);
  nn::Embedding emb(10, 3);
  REQUIRE(emb->weight.shape() == Shape{10, 3});
  const Tensor idx = from_vector({1, 7, 7, 0}, {2, 2});
  const Tensor out = emb->forward(idx);
  REQUIRE(out.shape() == Shape{2, 2, 3});
  REQUIRE(allclose(out.select(0, 1).select(0, 0), emb->weight.select(0, 7)));
  REQUIRE_THROWS_AS(emb->forward(from_vector({10})), ValueError);
  CHECK(gradcheck([&](const Inputs& v) { return emb->forward(idx) * v[1]; }, {emb->weight, leaf({2, 2, 3}, 13)}));
}

TEST_CASE("Activation modules: same as the functions, gradcheck", "[nn]") {
  const Tensor x = randn({3, 4});
  REQUIRE(allclose(nn::ReLU()->forward(x), relu(x)));
  REQUIRE(allclose(nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.2))->forward(x), leaky_relu(x, 0.2)));
  REQUIRE(allclose(nn::GELU(nn::GELUOptions().approximate("tanh"))->forward(x), gelu(x, "tanh")));
  REQUIRE(allclose(nn::Sigmoid()->forward(x), sigmoid(x)));
  REQUIRE(allclose(nn::Tanh()->forward(x), mlplay::tanh(x)));
  REQUIRE(allclose(nn::Softplus(nn::SoftplusOptions().beta(2))->forward(x), softplus(x, 2)));
  REQUIRE(allclose(nn::Softmax(0)->forward(x), softmax(x, 0)));
  REQUIRE(allclose(nn::LogSoftmax(-1)->forward(x), log_softmax(x, -1)));

  nn::Sequential acts(nn::ReLU(), nn::LeakyReLU(), nn::GELU(), nn::Sigmoid(), nn::Tanh(), nn::Softplus(),
                      nn::Softmax(1), nn::LogSoftmax(0));
  REQUIRE(acts->parameters().empty());
  // shift away from relu's kink at 0, where the finite difference is meaningless
  CHECK(gradcheck([&](const Inputs& v) { return acts->forward(v[0]); }, {leaf({3, 5}, 14, 1.0, 0.05)}));
  for (const Tensor& in : {leaf({2, 3}, 15), transposed_leaf({2, 3}, 16)}) {
    CHECK(gradcheck([](const Inputs& v) { return nn::GELU()->forward(v[0]); }, {in}));
    CHECK(gradcheck([](const Inputs& v) { return nn::Softplus()->forward(v[0]); }, {in}));
  }
}

TEST_CASE("Dropout: gradcheck with a fixed mask", "[nn]") {
  nn::Dropout drop(0.3);
  CHECK(gradcheck([&](const Inputs& v) {
    manual_seed(17);  // the same mask on every call
    return drop->forward(v[0]);
  }, {leaf({4, 5}, 18)}));
  REQUIRE_THROWS_WITH(nn::Dropout(1.5), Contains("Dropout: probability has to be between 0 and 1, but got 1.5"));
}
