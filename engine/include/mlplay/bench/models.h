#pragma once
/// The fixed workloads `npm run bench` and `mlplay bench` compare against TF.js: a 784-128-10 MLP
/// trained with Adam, and a small CNN (conv 8@3×3, pool, conv 16@3×3, pool, dense 10) on 28×28
/// images. The MLP is written with the engine's ops and optimizer directly; the CNN is a model spec
/// trained by a Trainer, the way the lessons build and run theirs.
#include <cstdint>
#include <memory>

#include "mlplay/optim/adam.h"
#include "mlplay/tensor/tensor.h"
#include "mlplay/train/trainer.h"

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

/// CNN: conv 8@3×3 (pad 1) → ReLU → max-pool 2 → conv 16@3×3 (pad 1) → ReLU → max-pool 2 → dense 10,
/// built from a model spec and trained by a Trainer with Adam(lr 1e-3), as the lessons build theirs.
class CnnWorkload {
 public:
  /// The workload's model spec (train/model_spec.h).
  static const char* const kSpec;

  explicit CnnWorkload(int64_t batch = 64, uint64_t seed = 0);
  /// Logits (N, 10) for images (N, 1, 28, 28), without recording a graph.
  Tensor predict(const Tensor& images);
  /// One training step on the fixed batch; returns the loss.
  float train_step();
  /// One image through the fused one-sample path (Trainer::predict_one, an InferencePlan), as the
  /// mnist-draw lesson reads a drawing; returns the first logit.
  float infer_one();
  int64_t batch() const { return batch_; }

 private:
  int64_t batch_;
  Tensor x_, y_, one_;
  train::Trainer trainer_;
};

}  // namespace mlplay::bench
