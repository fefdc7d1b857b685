#include "mlplay/bench/models.h"

#include <cmath>

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

const char* const CnnWorkload::kSpec = R"({"input": [1, 28, 28], "layers": [
  {"type": "conv2d", "out": 8, "kernel": 3, "padding": 1}, {"type": "relu"}, {"type": "maxpool2d", "kernel": 2},
  {"type": "conv2d", "out": 16, "kernel": 3, "padding": 1}, {"type": "relu"}, {"type": "maxpool2d", "kernel": 2},
  {"type": "flatten"}, {"type": "linear", "out": 10}]})";

CnnWorkload::CnnWorkload(int64_t batch, uint64_t seed)
    : batch_(batch), trainer_(train::SpecModel::from_json(kSpec, seed), train::TrainerOptions{}) {
  Generator gen(seed);
  x_ = rand({batch, 1, 28, 28}, gen);
  y_ = labels(batch, gen);
  one_ = rand({1, 1, 28, 28}, gen);
}

Tensor CnnWorkload::predict(const Tensor& images) { return trainer_.predict(images); }

float CnnWorkload::train_step() { return trainer_.train_batch(x_, y_); }

float CnnWorkload::infer_one() { return trainer_.predict_one(one_.data_ptr())[0]; }

}  // namespace mlplay::bench
