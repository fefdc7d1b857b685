// Convergence: a 2-8-1 tanh MLP learns XOR with every optimizer (each with its own tuned lr). This
// catches what golden trajectories on a smooth problem cannot: an update that is right for 20 steps
// but stalls, diverges or ignores a parameter later on.
#include <catch2/catch.hpp>
#include <functional>
#include <memory>
#include <string>

#include "mlplay/ops/ops.h"
#include "mlplay/optim/optim.h"

using namespace mlplay;
using namespace mlplay::optim;

namespace {

using MakeOptimizer = std::function<std::unique_ptr<Optimizer>(std::vector<Tensor>)>;

/// Trains on the four XOR points for `steps` full-batch steps; returns the final loss and checks the
/// rounded predictions.
float train_xor(const MakeOptimizer& make, int steps) {
  Generator gen(7);
  Tensor w1 = zeros({8, 2}).requires_grad_(), b1 = zeros({8}).requires_grad_();
  Tensor w2 = zeros({1, 8}).requires_grad_(), b2 = zeros({1}).requires_grad_();
  nn::init::xavier_uniform_(w1, nn::init::calculate_gain("tanh"), gen);
  nn::init::xavier_uniform_(w2, 1.0, gen);
  const std::unique_ptr<Optimizer> optimizer = make({w1, b1, w2, b2});
  const Tensor x = from_vector({0, 0, 0, 1, 1, 0, 1, 1}, {4, 2});
  const Tensor y = from_vector({0, 1, 1, 0}, {4, 1});
  auto forward = [&] { return matmul(tanh(matmul(x, w1.t()) + b1), w2.t()) + b2; };  // (4, 2) -> (4, 8) -> (4, 1)

  float loss_value = 0;
  for (int step = 0; step < steps; ++step) {
    optimizer->zero_grad();                                             // zero_grad
    const Tensor loss = binary_cross_entropy_with_logits(forward(), y);  // forward, loss
    loss.backward();                                                    // backward
    optimizer->step();                                                  // step
    loss_value = loss.item();
  }
  NoGradGuard no_grad;
  CHECK(gt(forward(), 0.0).to_vector() == std::vector<float>{0, 1, 1, 0});
  return loss_value;
}

}  // namespace

TEST_CASE("optim convergence: a 2-8-1 MLP learns XOR with every optimizer", "[optim]") {
  const std::vector<std::pair<std::string, MakeOptimizer>> optimizers = {
      {"SGD", [](auto p) { return std::make_unique<SGD>(p, SGDOptions(0.5)); }},
      {"SGD momentum nesterov",
       [](auto p) { return std::make_unique<SGD>(p, SGDOptions(0.1).momentum(0.9).nesterov(true)); }},
      {"Adagrad", [](auto p) { return std::make_unique<Adagrad>(p, AdagradOptions(0.3)); }},
      {"RMSprop", [](auto p) { return std::make_unique<RMSprop>(p, RMSpropOptions(0.02)); }},
      {"RMSprop centered momentum",
       [](auto p) { return std::make_unique<RMSprop>(p, RMSpropOptions(0.005).momentum(0.9).centered(true)); }},
      {"Adam", [](auto p) { return std::make_unique<Adam>(p, AdamOptions(0.05)); }},
      {"Adam amsgrad", [](auto p) { return std::make_unique<Adam>(p, AdamOptions(0.05).amsgrad(true)); }},
      {"AdamW", [](auto p) { return std::make_unique<AdamW>(p, AdamWOptions(0.05)); }},
      {"Lion", [](auto p) { return std::make_unique<Lion>(p, LionOptions(0.01)); }},
  };
  for (const auto& [name, make] : optimizers) {
    INFO(name);
    const float loss = train_xor(make, 400);
    CHECK(loss < 0.05f);
  }
}
