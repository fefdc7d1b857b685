#include <catch2/catch.hpp>

#include "mlplay/core/error.h"
#include "mlplay/ops/ops.h"
#include "support/gradcheck.h"

using namespace mlplay;
using mlplay::testing::gradcheck;
using mlplay::testing::leaf;
using mlplay::testing::transposed_leaf;
using Catch::Matchers::Contains;
using Inputs = std::vector<Tensor>;

TEST_CASE("layer_norm: zero mean, unit variance, affine, gradcheck", "[tensor][autograd][ops]") {
  const Tensor x = from_vector({1, 2, 3, 4, 10, 20, 30, 40}, {2, 4});
  const Tensor y = layer_norm(x, {4});
  REQUIRE(mean(y, {1}).to_vector()[0] == Approx(0).margin(1e-6));
  REQUIRE(var(y, {1}, false).to_vector()[1] == Approx(1).margin(1e-4));
  REQUIRE(y.at({0, 0}) == Approx(-1.5 / std::sqrt(1.25 + 1e-5)));
  const Tensor w = from_vector({1, 2, 3, 4}), b = from_vector({0, 0, 0, 1});
  REQUIRE(layer_norm(x, {4}, w, b).at({1, 3}) == Approx(4 * 15 / std::sqrt(125.0 + 1e-5) + 1));
  REQUIRE(layer_norm(ones({2, 3, 4}), {3, 4}).shape() == Shape{2, 3, 4});
  REQUIRE_THROWS_WITH(layer_norm(x, {3}), Contains("layer_norm: input of shape (2, 4) does not end in normalized_shape (3,)"));

  for (const Tensor& in : {leaf({3, 5}, 91), transposed_leaf({3, 5}, 92)}) {
    CHECK(gradcheck([](const Inputs& v) { return layer_norm(v[0], {5}, v[1], v[2]); }, {in, leaf({5}, 93), leaf({5}, 94)}));
  }
  CHECK(gradcheck([](const Inputs& v) { return layer_norm(v[0], {2, 3}); }, {leaf({2, 2, 3}, 95)}));
}

TEST_CASE("batch_norm: batch statistics in training, running statistics in eval", "[tensor][autograd][ops]") {
  const Tensor x = from_vector({1, 2, 3, 5}, {2, 2});  // channel 0: {1, 3}, channel 1: {2, 5}
  Tensor running_mean = zeros({2}), running_var = ones({2});
  const Tensor y = batch_norm(x, running_mean, running_var, Tensor(), Tensor(), true, 0.1);
  REQUIRE(y.at({0, 0}) == Approx(-1.0 / std::sqrt(1.0 + 1e-5)));
  REQUIRE(running_mean.to_vector()[0] == Approx(0.2));   // 0.9 * 0 + 0.1 * 2
  REQUIRE(running_mean.to_vector()[1] == Approx(0.35));  // 0.1 * 3.5
  REQUIRE(running_var.to_vector()[0] == Approx(0.9 + 0.1 * 2.0));  // unbiased var of {1, 3} is 2
  const Tensor eval = batch_norm(x, running_mean, running_var, from_vector({2, 1}), from_vector({0, 1}), false);
  REQUIRE(eval.at({1, 0}) == Approx(2 * (3 - 0.2) / std::sqrt(1.1 + 1e-5)));
  // (N, C, H, W)
  const Tensor img = batch_norm(rand({4, 3, 2, 2}) * 5.0, Tensor(), Tensor(), Tensor(), Tensor(), true);
  REQUIRE(mean(img, {0, 2, 3}).to_vector()[2] == Approx(0).margin(1e-5));
  REQUIRE_THROWS_WITH(batch_norm(ones({1, 3}), Tensor(), Tensor(), Tensor(), Tensor(), true),
                      Contains("batch_norm: expected more than 1 value per channel when training"));
  REQUIRE_THROWS_AS(batch_norm(ones({2, 3}), zeros({2}), ones({2})), ShapeError);

  auto train = [](const Inputs& v) { return batch_norm(v[0], Tensor(), Tensor(), v[1], v[2], true); };
  CHECK(gradcheck(train, {leaf({4, 3}, 96), leaf({3}, 97), leaf({3}, 98)}));
  CHECK(gradcheck(train, {leaf({2, 3, 2, 2}, 99), leaf({3}, 100), leaf({3}, 101)}));
  const Tensor rm = rand({3}), rv = rand({3}) + 0.5;
  CHECK(gradcheck([&](const Inputs& v) { return batch_norm(v[0], rm, rv, v[1], Tensor(), false); },
                  {transposed_leaf({3, 4}, 102).t().detach().requires_grad_(), leaf({3}, 103)}));
}
