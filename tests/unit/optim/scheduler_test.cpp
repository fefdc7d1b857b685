// Learning-rate schedulers: closed forms, edges and argument checks (the 20-step sequences against
// PyTorch are in optim_golden_test.cpp).
#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

#include "mlplay/core/error.h"
#include "mlplay/ops/ops.h"
#include "mlplay/optim/optim.h"

using namespace mlplay;
using namespace mlplay::optim;

namespace {
std::vector<Tensor> one_param() { return {zeros({2}).requires_grad_()}; }
}  // namespace

TEST_CASE("optim schedulers: StepLR and CosineAnnealingLR follow their closed forms", "[optim]") {
  SGD sgd(one_param(), SGDOptions(0.1));
  StepLR step_lr(sgd, 3, 0.5);
  REQUIRE(step_lr.get_last_lr() == 0.1);  // the constructor steps to epoch 0
  for (int epoch = 1; epoch <= 10; ++epoch) {
    step_lr.step();
    REQUIRE(sgd.lr() == Approx(0.1 * std::pow(0.5, epoch / 3)));
  }

  SGD sgd2(one_param(), SGDOptions(1.0));
  CosineAnnealingLR cosine(sgd2, 10, 0.1);
  for (int epoch = 1; epoch <= 10; ++epoch) {
    cosine.step();
    const double want = 0.1 + 0.9 * (1 + std::cos(std::numbers::pi * epoch / 10)) / 2;
    REQUIRE(cosine.get_last_lr() == Approx(want));
  }
  REQUIRE(sgd2.lr() == Approx(0.1));
  REQUIRE_THROWS_WITH(StepLR(sgd, 0), "StepLR: invalid step_size: 0; expected >= 1");
  REQUIRE_THROWS_WITH(CosineAnnealingLR(sgd, 0), "CosineAnnealingLR: invalid T_max: 0; expected >= 1");
}

TEST_CASE("optim schedulers: LinearWarmup ramps from start_factor to the base lr, then holds", "[optim]") {
  Adam adam(one_param(), AdamOptions(0.01));
  LinearWarmup warmup(adam, 4, 0.2);
  REQUIRE(adam.lr() == Approx(0.002));
  for (int epoch = 1; epoch <= 6; ++epoch) {
    warmup.step();
    REQUIRE(adam.lr() == Approx(0.01 * (0.2 + 0.8 * std::min(epoch, 4) / 4.0)));
  }
  REQUIRE(warmup.base_lr() == 0.01);
  REQUIRE_THROWS_WITH(LinearWarmup(adam, 4, 0.0),
                      "LinearWarmup: invalid start_factor: 0; expected 0 < start_factor <= 1");
  REQUIRE_THROWS_AS(LinearWarmup(adam, 0), ValueError);
}

TEST_CASE("optim schedulers: OneCycleLR warms up to max_lr, anneals to the minimum, and stops at total_steps",
          "[optim]") {
  SGD sgd(one_param(), SGDOptions(123.0));  // overridden: the schedule starts at max_lr / div_factor
  OneCycleLR one_cycle(sgd, 1.0, 10, 0.3, AnnealStrategy::Linear, 4.0, 100.0);
  REQUIRE(sgd.lr() == Approx(0.25));
  one_cycle.step();  // warmup ends at 0.3 * 10 - 1 = 2
  REQUIRE(sgd.lr() == Approx(0.625));
  one_cycle.step();
  REQUIRE(sgd.lr() == Approx(1.0));
  for (int i = 0; i < 7; ++i) one_cycle.step();
  REQUIRE(sgd.lr() == Approx(0.0025));  // step 9 = total_steps - 1: 0.25 / 100
  one_cycle.step();                     // step 10 is allowed, as in PyTorch (extrapolated, floored at 0)
  REQUIRE(sgd.lr() == 0.0);
  REQUIRE_THROWS_WITH(one_cycle.step(), "OneCycleLR: tried to step 12 times; total_steps is 10");
  REQUIRE_THROWS_AS(OneCycleLR(sgd, 1.0, 0), ValueError);
  REQUIRE_THROWS_WITH(OneCycleLR(sgd, 1.0, 10, 1.5),
                      "OneCycleLR: invalid pct_start: 1.5; expected a number from 0 to 1");
}

TEST_CASE("optim schedulers: ReduceLROnPlateau cuts the lr after patience bad epochs, with cooldown and min_lr",
          "[optim]") {
  SGD sgd(one_param(), SGDOptions(1.0));
  using P = ReduceLROnPlateau;
  P plateau(sgd, P::Mode::Min, 0.5, 1, 1e-4, P::ThresholdMode::Rel, 1, 0.2);
  plateau.step(1.0);  // best
  plateau.step(1.0);  // bad 1 (not better by the relative threshold)
  REQUIRE(sgd.lr() == 1.0);
  plateau.step(1.0);  // bad 2 > patience 1: cut, then one cooldown epoch
  REQUIRE(sgd.lr() == 0.5);
  plateau.step(2.0);  // cooldown: bad epochs ignored
  plateau.step(2.0);  // bad 1
  REQUIRE(sgd.lr() == 0.5);
  plateau.step(2.0);  // bad 2: cut
  REQUIRE(sgd.lr() == 0.25);
  for (int i = 0; i < 6; ++i) plateau.step(2.0);
  REQUIRE(plateau.get_last_lr() == 0.2);  // never below min_lr
  plateau.step(0.5);                      // improvement resets the count
  REQUIRE(plateau.best() == 0.5);
  REQUIRE(plateau.num_bad_epochs() == 0);
  REQUIRE_THROWS_WITH(P(sgd, P::Mode::Min, 1.0), "ReduceLROnPlateau: invalid factor: 1; expected 0 <= factor < 1");
  REQUIRE_THROWS_AS(P(sgd, P::Mode::Max, 0.1, -1), ValueError);
}
