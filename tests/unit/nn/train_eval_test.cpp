// What train() and eval() change: Dropout's mask and BatchNorm's statistics.
#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/nn/nn.h"
#include "mlplay/ops/ops.h"

using namespace mlplay;

TEST_CASE("Dropout: zeroes and rescales in training, identity in eval", "[nn]") {
  manual_seed(6);
  nn::Dropout drop(0.25);
  const Tensor x = ones({100, 100});
  const Tensor y = drop->forward(x);
  const float zeros_fraction = eq(y, 0.0).mean().item();
  REQUIRE(zeros_fraction == Approx(0.25).margin(0.02));
  REQUIRE(amax(y, {}).item() == Approx(1.0 / 0.75));
  REQUIRE(y.mean().item() == Approx(1.0).margin(0.03));
  drop->eval();
  REQUIRE(drop->forward(x).is_same(x));
  drop->train();
  REQUIRE_FALSE(allclose(drop->forward(x), x));
  REQUIRE(nn::Dropout(0.0)->forward(x).is_same(x));
}

TEST_CASE("BatchNorm2d: batch statistics and running averages in training, running ones in eval", "[nn]") {
  manual_seed(7);
  nn::BatchNorm2d bn(3);
  const Tensor x = randn({8, 3, 4, 4}) * 2.0 + 5.0;
  const Tensor y = bn->forward(x);
  REQUIRE(allclose(mean(y, {0, 2, 3}), zeros({3}), 0, 1e-5));
  REQUIRE(allclose(var(y, {0, 2, 3}, false), ones({3}), 0, 1e-3));
  const Tensor batch_mean = mean(x, {0, 2, 3}), batch_var = var(x, {0, 2, 3}, true);
  REQUIRE(allclose(bn->running_mean, batch_mean * 0.1, 1e-5, 1e-6));
  REQUIRE(allclose(bn->running_var, batch_var * 0.1 + 0.9, 1e-5, 1e-6));
  REQUIRE(bn->num_batches_tracked.item() == 1.0f);
  bn->forward(x);
  REQUIRE(bn->num_batches_tracked.item() == 2.0f);
  REQUIRE(allclose(bn->running_mean, batch_mean * 0.19, 1e-5, 1e-6));  // 0.9 * 0.1 m + 0.1 m

  bn->eval();
  const Tensor stats_before = bn->running_mean.clone();
  const Tensor e = bn->forward(x);
  REQUIRE(allclose(bn->running_mean, stats_before));  // eval leaves the statistics alone
  REQUIRE(bn->num_batches_tracked.item() == 2.0f);
  const Tensor want = (x - bn->running_mean.reshape({1, 3, 1, 1})) / (bn->running_var.reshape({1, 3, 1, 1}) + 1e-5).sqrt();
  REQUIRE(allclose(e, want, 1e-5, 1e-5));
}

TEST_CASE("BatchNorm1d: cumulative average without momentum, no running stats when untracked", "[nn]") {
  nn::BatchNorm1d cumulative(nn::BatchNormOptions(2).momentum(std::nullopt));
  const Tensor a = from_vector({1, 2, 3, 4}, {2, 2}), b = from_vector({5, 6, 9, 10}, {2, 2});
  cumulative->forward(a);
  cumulative->forward(b);
  // the plain mean of the two batch means: (2 + 7) / 2 and (3 + 8) / 2
  REQUIRE(cumulative->running_mean.to_vector() == std::vector<float>{4.5f, 5.5f});

  nn::BatchNorm1d untracked(nn::BatchNormOptions(2).track_running_stats(false).affine(false));
  REQUIRE(untracked->state_dict().empty());
  untracked->eval();
  const Tensor y = untracked->forward(b);  // normalizes with the batch's own statistics even in eval
  REQUIRE(allclose(y, from_vector({-1, -1, 1, 1}, {2, 2}), 0, 1e-3));
}
