// Convergence check that gradcheck cannot give: a small CNN memorizes a fixed batch of 64 random images
// with random labels. The training loop is written out, as in the lessons (STYLE.md 3).
#include <catch2/catch.hpp>

#include "mlplay/nn/nn.h"
#include "mlplay/ops/ops.h"

using namespace mlplay;

TEST_CASE("A small CNN overfits 64 random images with plain SGD", "[nn]") {
  manual_seed(2024);
  const Tensor images = randn({64, 1, 8, 8});       // (N, C, H, W)
  const Tensor labels = randint(0, 10, {64});        // class indices as floats
  nn::Sequential model(nn::Conv2d(nn::Conv2dOptions(1, 8, 3).padding(1)), nn::ReLU(), nn::MaxPool2d(2),  // (64, 8, 4, 4)
                       nn::Conv2d(nn::Conv2dOptions(8, 16, 3).padding(1)), nn::ReLU(), nn::MaxPool2d(2),  // (64, 16, 2, 2)
                       nn::Flatten(), nn::Linear(64, 10));                                               // (64, 10)
  const double lr = 0.5;
  float first_loss = 0, loss_value = 0;
  for (int step = 0; step < 300; ++step) {
    model->zero_grad();
    const Tensor logits = model->forward(images);
    const Tensor loss = cross_entropy(logits, labels);
    loss.backward();
    {
      NoGradGuard no_grad;  // plain SGD: p -= lr * grad
      for (Tensor& p : model->parameters()) p.add_(p.grad(), -lr);
    }
    loss_value = loss.item();
    if (step == 0) first_loss = loss_value;
  }
  INFO("loss " << first_loss << " -> " << loss_value);
  REQUIRE(first_loss > 2.0f);  // about log(10) at the start
  REQUIRE(loss_value < 0.05f);
  const Tensor predicted = argmax(model->forward(images), 1);
  REQUIRE(eq(predicted, labels).mean().item() == 1.0f);
}
