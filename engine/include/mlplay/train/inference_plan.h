#pragma once
/// A trained SpecModel compiled for fast one-sample inference (the mnist-draw lesson reads a drawing
/// every animation frame). What the plan does differently from SpecModel::forward in eval mode:
///
/// - Batch norm after a conv or linear layer is folded into its weights: with s = γ / √(σ² + ε),
///   BN(W x + b) = (s ⊙ W) x + s ⊙ (b − μ) + β, so inference does one product instead of two passes.
/// - The bias, the activation and a following max/avg pooling are applied in one pass over the
///   product's output (for a monotonic activation max(act(z)) = act(max(z)) is not needed: every
///   element is activated, then pooled, still in the same pass).
/// - Dropout is the identity and flatten a change of view, so both disappear.
/// - Buffers are allocated once; a call runs no autograd, no tensor allocation.
///
/// Results equal SpecModel::forward in eval mode up to float rounding (a test checks 1e-4).
/// The plan copies the weights: compile again after the model changes.
#include <cstdint>
#include <string>
#include <vector>

#include "mlplay/train/model_spec.h"

namespace mlplay::train {

class InferencePlan {
 public:
  /// Compiles `model` (its current weights and batch-norm running statistics). Throws ValueError
  /// naming the layer when a layer type has no fast path (layernorm, gelu, softplus, grouped convs,
  /// padded pooling) — callers then use SpecModel::forward.
  static InferencePlan compile(const SpecModel& model);

  /// One sample: input_size() floats (C×H×W, row-major) → output_size() floats. The returned pointer
  /// stays valid until the next call.
  const float* run(const float* input);

  int64_t input_size() const { return input_size_; }
  int64_t output_size() const { return output_size_; }
  /// The steps after fusion, e.g. "conv2d 1→16 3×3 + batchnorm + relu + maxpool 2×2", for docs and tests.
  std::vector<std::string> describe() const;

  enum class Activation { none, relu, leaky_relu, sigmoid, tanh };
  enum class Pool { none, max, avg };
  struct Step {
    enum class Kind { conv, linear, channel_affine, activation, pool } kind;
    std::string description;
    // Input and output geometry: channels × height × width (linear: features × 1 × 1).
    int64_t c = 0, h = 1, w = 1, out_c = 0, out_h = 1, out_w = 1;
    // conv / linear: weight (out × in·kh·kw) and bias (out); channel_affine: scale (c) and shift (c).
    std::vector<float> weight, bias;
    int64_t kh = 1, kw = 1, sh = 1, sw = 1, ph = 0, pw = 0, dh = 1, dw = 1;
    // The product's spatial size before a fused pool.
    int64_t conv_h = 1, conv_w = 1;
    Activation activation = Activation::none;
    float slope = 0.01f;
    Pool pool = Pool::none;
    int64_t pool_k = 1, pool_s = 1;
  };

 private:
  int64_t input_size_ = 0, output_size_ = 0;
  std::vector<Step> steps_;
  std::vector<float> a_, b_, col_, product_;
};

}  // namespace mlplay::train
