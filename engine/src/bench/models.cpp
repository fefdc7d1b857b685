#include "mlplay/bench/models.h"

#include <cmath>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/random.h"
#include "mlplay/ops/ops.h"
#include "mlplay/tensor/factory.h"

namespace mlplay::bench {
namespace {

/// A (rows, cols) parameter, uniform in ±1/sqrt(fan_in) as PyTorch's Linear/Conv defaults bound it.
Tensor parameter(const Shape& shape, int64_t fan_in, Generator& gen) {
  const double bound = 1.0 / std::sqrt(static_cast<double>(fan_in));
  Tensor t = (rand(shape, gen) * 2.0 - 1.0) * bound;
  return t.detach().requires_grad_();
}

/// Class labels 0..9 as the float index tensor cross_entropy takes.
Tensor labels(int64_t n, Generator& gen) { return randint(0, 10, {n}, gen); }

}  // namespace

MlpWorkload::MlpWorkload(int64_t batch, uint64_t seed) : batch_(batch) {
  Generator gen(seed);
  x_ = rand({batch, 784}, gen);
  y_ = labels(batch, gen);
  w1_ = parameter({784, 128}, 784, gen);
  b1_ = parameter({128}, 784, gen);
  w2_ = parameter({128, 10}, 128, gen);
  b2_ = parameter({10}, 128, gen);
  optimizer_ = std::make_unique<optim::Adam>(std::vector<Tensor>{w1_, b1_, w2_, b2_}, optim::AdamOptions(1e-3));
}

float MlpWorkload::train_step() {
  optimizer_->zero_grad();
  const Tensor hidden = relu(matmul(x_, w1_) + b1_);  // (N, 784) @ (784, 128) -> (N, 128)
  const Tensor logits = matmul(hidden, w2_) + b2_;    // (N, 128) @ (128, 10) -> (N, 10)
  const Tensor loss = cross_entropy(logits, y_);
  loss.backward();
  optimizer_->step();
  return loss.item();
}

CnnWorkload::CnnWorkload(int64_t batch, uint64_t seed) : batch_(batch) {
  Generator gen(seed);
  x_ = rand({batch, 1, 28, 28}, gen);
  y_ = labels(batch, gen);
  one_ = rand({1, 1, 28, 28}, gen);
  conv1_w_ = parameter({8, 1, 3, 3}, 9, gen);
  conv1_b_ = parameter({8}, 9, gen);
  conv2_w_ = parameter({16, 8, 3, 3}, 72, gen);
  conv2_b_ = parameter({16}, 72, gen);
  fc_w_ = parameter({16 * 7 * 7, 10}, 16 * 7 * 7, gen);
  fc_b_ = parameter({10}, 16 * 7 * 7, gen);
  optimizer_ = std::make_unique<optim::Adam>(
      std::vector<Tensor>{conv1_w_, conv1_b_, conv2_w_, conv2_b_, fc_w_, fc_b_}, optim::AdamOptions(1e-3));
}

Tensor CnnWorkload::forward(const Tensor& images) const {
  Tensor h = max_pool2d(relu(conv2d(images, conv1_w_, conv1_b_, 1, 1)), 2);  // (N, 8, 14, 14)
  h = max_pool2d(relu(conv2d(h, conv2_w_, conv2_b_, 1, 1)), 2);              // (N, 16, 7, 7)
  return matmul(h.flatten(1), fc_w_) + fc_b_;                                // (N, 784) @ (784, 10)
}

Tensor CnnWorkload::predict(const Tensor& images) const {
  NoGradGuard no_grad;
  return forward(images);
}

float CnnWorkload::train_step() {
  optimizer_->zero_grad();
  const Tensor loss = cross_entropy(forward(x_), y_);
  loss.backward();
  optimizer_->step();
  return loss.item();
}

float CnnWorkload::infer_one() { return predict(one_).to_vector()[0]; }

}  // namespace mlplay::bench
