#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/ops/ops.h"
#include "support/gradcheck.h"

using namespace mlplay;
using mlplay::testing::gradcheck;
using mlplay::testing::leaf;
using mlplay::testing::transposed_leaf;
using Catch::Matchers::Contains;
using Inputs = std::vector<Tensor>;

TEST_CASE("cross_entropy and nll_loss: values", "[tensor][ops]") {
  const Tensor logits = from_vector({1, 2, 3, 1, 2, 3}, {2, 3});
  const Tensor target = from_vector({2, 0});
  // -log softmax([1, 2, 3]) = (2.4076, 1.4076, 0.4076)
  REQUIRE(cross_entropy(logits, target).item() == Approx((0.4076059644 + 2.4076059644) / 2));
  REQUIRE(cross_entropy(logits, target, Reduction::Sum).item() == Approx(0.4076059644 + 2.4076059644));
  REQUIRE(cross_entropy(logits, target, Reduction::None).shape() == Shape{2});
  REQUIRE(nll_loss(log_softmax(logits, 1), target).item() == Approx(cross_entropy(logits, target).item()));
  // label smoothing 0.1: 0.9 * nll + 0.1 * mean_c(-log p_c), mean_c = 1.4076
  REQUIRE(cross_entropy(logits.slice(0, 0, 1), from_vector({2}), Reduction::Mean, 0.1).item() ==
          Approx(0.9 * 0.4076059644 + 0.1 * 1.4076059644));
  // probabilities: a one-hot target equals the class-index loss
  const Tensor one_hot = from_vector({0, 0, 1, 1, 0, 0}, {2, 3});
  REQUIRE(cross_entropy(logits, one_hot).item() == Approx(cross_entropy(logits, target).item()));
  REQUIRE(cross_entropy(logits, one_hot, Reduction::Mean, 0.1).item() ==
          Approx(cross_entropy(logits, target, Reduction::Mean, 0.1).item()));
  // ignore_index drops a sample from the sum and the mean
  REQUIRE(cross_entropy(logits, from_vector({2, -100})).item() == Approx(0.4076059644));
  // unbatched
  REQUIRE(cross_entropy(from_vector({1, 2, 3}), scalar_tensor(2)).item() == Approx(0.4076059644));
}

TEST_CASE("regression and binary losses: values", "[tensor][ops]") {
  const Tensor input = from_vector({0.5f, 3, -1}), target = from_vector({0, 1, -1});
  REQUIRE(mse_loss(input, target).item() == Approx((0.25 + 4) / 3));
  REQUIRE(mse_loss(input, target, Reduction::Sum).item() == Approx(4.25));
  REQUIRE(huber_loss(input, target, Reduction::None).to_vector() == std::vector<float>{0.125f, 1.5f, 0});
  REQUIRE(huber_loss(input, target, Reduction::Sum, 2.0).item() == Approx(0.125 + 2.0));
  const Tensor logits = from_vector({0, 2, -100, 100}), labels = from_vector({1, 0, 0, 1});
  const Tensor bce = binary_cross_entropy_with_logits(logits, labels, Reduction::None);
  REQUIRE(bce.at({0}) == Approx(std::log(2.0)));
  REQUIRE(bce.at({1}) == Approx(2.1269280110));
  REQUIRE(bce.at({2}) == Approx(0.0).margin(1e-6));
  REQUIRE(bce.at({3}) == Approx(0.0).margin(1e-6));
  const Tensor weighted = binary_cross_entropy_with_logits(logits.slice(0, 0, 1), labels.slice(0, 0, 1),
                                                           Reduction::Sum, from_vector({3}));
  REQUIRE(weighted.item() == Approx(3 * std::log(2.0)));
}

TEST_CASE("losses: gradcheck", "[autograd][ops]") {
  const Tensor target = from_vector({2, 0, 1, 2});
  for (const Tensor& logits : {leaf({4, 3}, 81), transposed_leaf({4, 3}, 82)}) {
    CHECK(gradcheck([&](const Inputs& in) { return cross_entropy(in[0], target); }, {logits}));
    CHECK(gradcheck([&](const Inputs& in) { return cross_entropy(in[0], target, Reduction::None, 0.2); }, {logits}));
    CHECK(gradcheck([&](const Inputs& in) { return cross_entropy(in[0], from_vector({2, -100, 1, 2})); }, {logits}));
    CHECK(gradcheck([&](const Inputs& in) { return nll_loss(log_softmax(in[0], 1), target, Reduction::Sum); }, {logits}));
    const Tensor probs = softmax(leaf({4, 3}, 83), 1).detach().requires_grad_();
    CHECK(gradcheck([](const Inputs& in) { return cross_entropy(in[0], in[1], Reduction::Mean, 0.1); }, {logits, probs}));
  }
  const Tensor a = leaf({3, 4}, 84), b = leaf({3, 4}, 85), y = rand({3, 4});
  CHECK(gradcheck([](const Inputs& in) { return mse_loss(in[0], in[1]); }, {a, b}));
  CHECK(gradcheck([](const Inputs& in) { return huber_loss(in[0], in[1], Reduction::Sum, 0.7); }, {a, b}));
  CHECK(gradcheck([&](const Inputs& in) { return binary_cross_entropy_with_logits(in[0], y); }, {a}));
  CHECK(gradcheck([&](const Inputs& in) { return binary_cross_entropy_with_logits(in[0], y, Reduction::None, in[1]); },
                  {a, leaf({4}, 86, 0.2, 2.0)}));
}

TEST_CASE("losses: bad targets and shapes throw naming the op", "[tensor][ops]") {
  REQUIRE_THROWS_WITH(cross_entropy(ones({2, 3}), from_vector({0, 3})), Contains("cross_entropy: target 3 is out of bounds for 3 classes"));
  REQUIRE_THROWS_WITH(cross_entropy(ones({2, 3}), from_vector({0, 1, 2})), Contains("cross_entropy: input (2, 3) and target (3,)"));
  REQUIRE_THROWS_AS(nll_loss(ones({2, 3}), from_vector({0, 1.5f})), ValueError);
  REQUIRE_THROWS_WITH(mse_loss(ones({3}), ones({4})), Contains("mse_loss: input (3,) and target (4,) must have the same shape"));
  REQUIRE_THROWS_AS(cross_entropy(ones({2, 3}), from_vector({0, 1}), Reduction::Mean, 1.5), ValueError);
}
