// Gradient clipping by total norm and by value (torch.nn.utils.clip_grad_norm_ / clip_grad_value_).
#include "mlplay/optim/clip_grad.h"

#include <catch2/catch.hpp>
#include <limits>

#include "mlplay/core/error.h"
#include "mlplay/ops/ops.h"

using namespace mlplay;
using nn::utils::clip_grad_norm_;
using nn::utils::clip_grad_value_;

namespace {
/// A parameter whose grad is `grad`.
Tensor with_grad(const std::vector<float>& grad) {
  Tensor p = zeros({static_cast<int64_t>(grad.size())}).requires_grad_();
  p.mutable_grad() = from_vector(grad);
  return p;
}
}  // namespace

TEST_CASE("clip_grad_norm_: total 2-norm over all parameters, scaled to max_norm", "[optim]") {
  Tensor a = with_grad({3, 0}), b = with_grad({0, 4});
  Tensor none = zeros({2}).requires_grad_();  // no grad: skipped
  const double total = clip_grad_norm_({a, b, none}, 1.0);
  REQUIRE(total == Approx(5.0));
  REQUIRE(a.grad().to_vector()[0] == Approx(0.6f));
  REQUIRE(b.grad().to_vector()[1] == Approx(0.8f));
  REQUIRE_FALSE(none.grad().defined());
  // Already inside the ball: unchanged (the factor is clamped to 1).
  REQUIRE(clip_grad_norm_({a, b}, 10.0) == Approx(1.0).epsilon(1e-5));
  REQUIRE(a.grad().to_vector()[0] == Approx(0.6f));
}

TEST_CASE("clip_grad_norm_: 1-norm, infinity norm and bad arguments", "[optim]") {
  Tensor a = with_grad({-3, 1}), b = with_grad({2});
  REQUIRE(clip_grad_norm_({a, b}, 100.0, 1.0) == Approx(6.0));
  REQUIRE(clip_grad_norm_({a, b}, 1.5, std::numeric_limits<double>::infinity()) == Approx(3.0));
  REQUIRE(a.grad().to_vector()[0] == Approx(-1.5f));
  REQUIRE(b.grad().to_vector()[0] == Approx(1.0f));
  REQUIRE_THROWS_WITH(clip_grad_norm_({a}, 1.0, 0.0),
                      "clip_grad_norm_: invalid norm_type: 0; expected > 0 or infinity");
  REQUIRE_THROWS_AS(clip_grad_norm_({a}, -1.0), ValueError);
  REQUIRE(clip_grad_norm_({}, 1.0) == 0.0);
}

TEST_CASE("clip_grad_value_: clamps every gradient element", "[optim]") {
  Tensor a = with_grad({-3, 0.5, 2});
  clip_grad_value_({a}, 1.0);
  REQUIRE(a.grad().to_vector() == std::vector<float>{-1, 0.5, 1});
  REQUIRE_THROWS_WITH(clip_grad_value_({a}, -0.1), "clip_grad_value_: invalid clip_value: -0.1");
}
