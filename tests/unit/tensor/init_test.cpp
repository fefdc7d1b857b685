#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/ops/ops.h"

using namespace mlplay;
namespace init = mlplay::nn::init;

TEST_CASE("init: fans and gains follow torch.nn.init", "[tensor]") {
  REQUIRE(init::calculate_fan_in_and_fan_out(zeros({5, 3})) == std::pair<int64_t, int64_t>{3, 5});
  REQUIRE(init::calculate_fan_in_and_fan_out(zeros({8, 4, 3, 3})) == std::pair<int64_t, int64_t>{36, 72});
  REQUIRE(init::calculate_gain("relu") == Approx(std::sqrt(2.0)));
  REQUIRE(init::calculate_gain("tanh") == Approx(5.0 / 3.0));
  REQUIRE(init::calculate_gain("leaky_relu", std::sqrt(5.0)) == Approx(std::sqrt(1.0 / 3.0)));
  REQUIRE(init::calculate_gain("conv2d") == 1.0);
  REQUIRE_THROWS_AS(init::calculate_gain("swish"), ValueError);
  REQUIRE_THROWS_AS(init::calculate_fan_in_and_fan_out(zeros({3})), ValueError);
}

TEST_CASE("init: bounds and spread of uniform, normal, kaiming and xavier", "[tensor]") {
  Generator gen(121);
  Tensor w = zeros({256, 128}).requires_grad_();  // parameters: init writes without recording
  init::kaiming_uniform_(w, std::sqrt(5.0), init::FanMode::FanIn, "leaky_relu", gen);
  const double bound = std::sqrt(1.0 / 3.0) * std::sqrt(3.0 / 128);  // = 1 / sqrt(fan_in), nn.Linear's default
  REQUIRE(max(w).item() <= bound);
  REQUIRE(min(w).item() >= -bound);
  REQUIRE(max(w).item() > 0.95 * bound);
  REQUIRE(w.requires_grad());
  REQUIRE(w.is_leaf());

  init::xavier_uniform_(w, 1.0, gen);
  const double xavier = std::sqrt(6.0 / (256 + 128));
  REQUIRE(max(abs(w)).item() <= xavier);
  REQUIRE(var(w.detach(), {}).item() == Approx(xavier * xavier / 3).epsilon(0.05));

  init::kaiming_normal_(w, 0.0, init::FanMode::FanOut, "relu", gen);
  REQUIRE(var(w.detach(), {}).item() == Approx(2.0 / 256).epsilon(0.05));
  init::xavier_normal_(w, 2.0, gen);
  REQUIRE(var(w.detach(), {}).item() == Approx(4 * 2.0 / 384).epsilon(0.05));
  init::normal_(w, 3.0, 0.5, gen);
  REQUIRE(mean(w.detach()).item() == Approx(3.0).epsilon(0.01));
  init::uniform_(w, -2, -1, gen);
  REQUIRE(max(w).item() <= -1.0f);
  init::constant_(w, 0.25);
  REQUIRE(min(w).item() == 0.25f);

  // a strided view is filled in place, the rest untouched
  Tensor base = zeros({4, 4});
  init::ones_(base.slice(1, 0, 4, 2));
  REQUIRE(sum(base).item() == 8.0f);
  // the same seed gives the same weights
  Generator a(5), b(5);
  REQUIRE(init::kaiming_uniform_(zeros({3, 3}), 0.0, init::FanMode::FanIn, "relu", a).to_vector() ==
          init::kaiming_uniform_(zeros({3, 3}), 0.0, init::FanMode::FanIn, "relu", b).to_vector());
}
