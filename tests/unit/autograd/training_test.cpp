#include <catch2/catch.hpp>

#include "mlplay/ops/ops.h"

using namespace mlplay;

// End to end: the visible loop (zero_grad -> forward -> loss -> backward -> step) learns XOR with
// plain gradient descent written against the tensor API alone.
TEST_CASE("autograd: a 2-8-1 MLP learns XOR with hand-written SGD", "[autograd]") {
  Generator gen(2024);
  Tensor w1 = zeros({8, 2}).requires_grad_(), b1 = zeros({8}).requires_grad_();
  Tensor w2 = zeros({1, 8}).requires_grad_(), b2 = zeros({1}).requires_grad_();
  nn::init::xavier_uniform_(w1, nn::init::calculate_gain("tanh"), gen);
  nn::init::xavier_uniform_(w2, 1.0, gen);
  const std::vector<Tensor> parameters = {w1, b1, w2, b2};
  const Tensor x = from_vector({0, 0, 0, 1, 1, 0, 1, 1}, {4, 2});
  const Tensor y = from_vector({0, 1, 1, 0}, {4, 1});

  float first_loss = 0, loss_value = 0;
  for (int step = 0; step < 500; ++step) {
    for (Tensor p : parameters) p.mutable_grad() = Tensor();              // zero_grad
    const Tensor h = tanh(matmul(x, w1.t()) + b1);                         // x (4, 2) @ W1^T (2, 8) -> (4, 8)
    const Tensor logits = matmul(h, w2.t()) + b2;                          // (4, 8) @ W2^T (8, 1) -> (4, 1)
    const Tensor loss = binary_cross_entropy_with_logits(logits, y);       // loss
    loss.backward();                                                       // backward
    NoGradGuard no_grad;
    for (Tensor p : parameters) p.add_(p.grad(), -0.5);                   // step
    loss_value = loss.item();
    if (step == 0) first_loss = loss_value;
  }
  REQUIRE(loss_value < 0.05f);
  REQUIRE(loss_value < first_loss);
  const Tensor predictions = gt(matmul(tanh(matmul(x, w1.t()) + b1), w2.t()) + b2, 0.0);
  REQUIRE(predictions.to_vector() == std::vector<float>{0, 1, 1, 0});
}
