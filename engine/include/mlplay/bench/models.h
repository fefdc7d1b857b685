#pragma once
/// The fixed workloads `npm run bench` and `mlplay bench` compare against TF.js: a 784-128-10 MLP
/// trained with Adam, and a small CNN (conv 8@3×3, pool, conv 16@3×3, pool, dense 10) on 28×28
/// images, both written with the engine's ops and optimizers the way a lesson would use them.
#include <cstdint>
#include <memory>

#include "mlplay/optim/adam.h"
#include "mlplay/tensor/tensor.h"

namespace mlplay::bench {

/// MLP 784-128-10 (ReLU), cross-entropy, Adam(lr 1e-3), on one fixed random batch.
class MlpWorkload {
 public:
  explicit MlpWorkload(int64_t batch = 64, uint64_t seed = 0);
  /// One training step: zero_grad → forward → loss → backward → step. Returns the loss.
  float train_step();
  int64_t batch() const { return batch_; }

 private:
  int64_t batch_;
  Tensor x_, y_, w1_, b1_, w2_, b2_;
  std::unique_ptr<optim::Adam> optimizer_;
};

/// CNN: conv 8@3×3 (pad 1) → ReLU → max-pool 2 → conv 16@3×3 (pad 1) → ReLU → max-pool 2 → dense 10.
class CnnWorkload {
 public:
  explicit CnnWorkload(int64_t batch = 64, uint64_t seed = 0);
  /// Logits (N, 10) for images (N, 1, 28, 28), without recording a graph.
  Tensor predict(const Tensor& images) const;
  /// One training step on the fixed batch with Adam; returns the loss.
  float train_step();
  /// One image through predict() (the live-inference case); returns the top logit.
  float infer_one();
  int64_t batch() const { return batch_; }

 private:
  Tensor forward(const Tensor& images) const;
  int64_t batch_;
  Tensor x_, y_, one_, conv1_w_, conv1_b_, conv2_w_, conv2_b_, fc_w_, fc_b_;
  std::unique_ptr<optim::Adam> optimizer_;
};

}  // namespace mlplay::bench
