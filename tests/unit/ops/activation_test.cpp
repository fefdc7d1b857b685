#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/ops/ops.h"
#include "support/gradcheck.h"

using namespace mlplay;
using mlplay::testing::gradcheck;
using mlplay::testing::leaf;
using mlplay::testing::transposed_leaf;
using Inputs = std::vector<Tensor>;

TEST_CASE("activations: forward values", "[tensor][ops]") {
  const Tensor x = from_vector({-2, 0, 1, 2});
  REQUIRE(relu(x).to_vector() == std::vector<float>{0, 0, 1, 2});
  REQUIRE(leaky_relu(x).at({0}) == Approx(-0.02));
  REQUIRE(leaky_relu(x, 0.2).at({3}) == 2.0f);
  REQUIRE(sigmoid(x).at({0}) == Approx(0.1192029220));
  REQUIRE(sigmoid(x).at({1}) == 0.5f);
  REQUIRE(sigmoid(x).at({3}) == Approx(0.8807970780));
  REQUIRE(tanh(x).at({2}) == Approx(0.7615941560).margin(1e-6));
  REQUIRE(gelu(x).at({2}) == Approx(0.8413447461));
  REQUIRE(gelu(x, "tanh").at({2}) == Approx(0.8411919906));
  REQUIRE(softplus(x).at({2}) == Approx(1.3132616875));
  REQUIRE(softplus(from_vector({30})).item() == 30.0f);  // above the threshold: x itself
  REQUIRE(softplus(x, 2.0).at({2}) == Approx(std::log1p(std::exp(2.0)) / 2.0));
  REQUIRE_THROWS_AS(gelu(x, "fast"), ValueError);
}

TEST_CASE("activations: no overflow for large inputs, in value or gradient", "[autograd][ops]") {
  Tensor x = from_vector({-100, -30, 30, 100}).requires_grad_();
  const Tensor s = sigmoid(x);
  REQUIRE(s.at({0}) < 1e-40f);  // exp(-100) / (1 + exp(-100)), a denormal
  REQUIRE(s.at({3}) == 1.0f);
  (s.sum() + tanh(x).sum() + softplus(x).sum() + gelu(x).sum()).backward();
  for (float g : x.grad().to_vector()) REQUIRE(std::isfinite(g));
}

TEST_CASE("softmax and log_softmax: values, stability, gradcheck", "[tensor][autograd][ops]") {
  const Tensor x = from_vector({1, 2, 3, 1001, 1002, 1003}, {2, 3});
  const Tensor p = softmax(x, 1);
  REQUIRE(p.at({0, 0}) == Approx(0.0900305732));
  REQUIRE(p.at({1, 2}) == Approx(0.6652409558));
  REQUIRE(log_softmax(x, -1).at({1, 0}) == Approx(-2.4076059644));
  REQUIRE(sum(softmax(x, 0), {0}).to_vector() == std::vector<float>{1, 1, 1});
  for (const Tensor& in : {leaf({3, 5}, 71), transposed_leaf({4, 3}, 72), leaf({2, 3, 4}, 73)}) {
    CHECK(gradcheck([](const Inputs& v) { return softmax(v[0], -1); }, {in}));
    CHECK(gradcheck([](const Inputs& v) { return softmax(v[0], 0); }, {in}));
    CHECK(gradcheck([](const Inputs& v) { return log_softmax(v[0], 1); }, {in}));
  }
}

TEST_CASE("activations: gradcheck", "[autograd][ops]") {
  for (const Tensor& x : {leaf({12}, 74, 2.0), transposed_leaf({3, 4}, 75, 2.0)}) {
    CHECK(gradcheck([](const Inputs& v) { return relu(v[0]); }, {x}));
    CHECK(gradcheck([](const Inputs& v) { return leaky_relu(v[0], 0.1); }, {x}));
    CHECK(gradcheck([](const Inputs& v) { return gelu(v[0]); }, {x}));
    CHECK(gradcheck([](const Inputs& v) { return gelu(v[0], "tanh"); }, {x}));
    CHECK(gradcheck([](const Inputs& v) { return sigmoid(v[0]); }, {x}));
    CHECK(gradcheck([](const Inputs& v) { return tanh(v[0]); }, {x}));
    CHECK(gradcheck([](const Inputs& v) { return softplus(v[0]); }, {x}));
    CHECK(gradcheck([](const Inputs& v) { return softplus(v[0], 3.0, 2.0); }, {x}));
  }
  // NOTE: relu's gradient at exactly 0 is 0 (PyTorch's convention)
  Tensor z = zeros({1}).requires_grad_();
  relu(z).sum().backward();
  REQUIRE(z.grad().item() == 0.0f);
}

TEST_CASE("dropout: zeroes about p, rescales the rest, identity in eval", "[tensor][autograd][ops]") {
  Generator gen(76);
  Tensor x = ones({10000}).requires_grad_();
  const Tensor y = dropout(x, 0.3, true, gen);
  const std::vector<float> values = y.to_vector();
  int zeros_seen = 0;
  for (float v : values) {
    REQUIRE((v == 0.0f || v == Approx(1.0 / 0.7)));
    zeros_seen += v == 0.0f;
  }
  REQUIRE(zeros_seen == Approx(3000).margin(200));
  y.sum().backward();
  REQUIRE(x.grad().to_vector() == values);  // the gradient is the same mask
  REQUIRE(dropout(x, 0.3, false).is_same(x));
  // a generator reseeded on every call draws the same mask, so finite differences apply
  CHECK(mlplay::testing::gradcheck([](const Inputs& in) {
    Generator fixed(77);
    return dropout(in[0], 0.4, true, fixed);
  }, {leaf({3, 5}, 78)}));
  REQUIRE(dropout(x, 1.0).to_vector() == std::vector<float>(10000, 0.0f));
  REQUIRE_THROWS_WITH(dropout(x, 1.5), Catch::Matchers::Contains("dropout: probability has to be between 0 and 1, but got 1.5"));
}
