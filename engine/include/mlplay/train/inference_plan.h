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
/// - Images are kept channels-last (HWC) inside the plan, and convolutions run directly on the padded
///   image (kernels/conv_hwc.h) instead of im2col + GEMM: no column matrix is written or packed, and
///   a channel's values for pooling and the next layer's window are contiguous. The first linear
///   layer after a flatten has its weight columns reordered once, so the result is PyTorch's.
/// - Buffers are allocated once; a call runs no autograd, no tensor allocation.
/// - It runs on the calling thread. A digit is about 80 µs of work in wasm; splitting it over two
///   threads measured slower, not faster, in Chromium on a busy 2-core machine (0.39 vs 0.08 ms): a
///   worker that sleeps between animation frames, or shares its core, costs more than it saves.
///
/// Results equal SpecModel::forward in eval mode up to float rounding (a test checks 1e-4).
/// The plan copies the weights: compile again after the model changes.
#include <cstdint>
#include <string>
#include <vector>

#include "mlplay/kernels/conv_hwc.h"
#include "mlplay/kernels/packed_linear.h"
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

  /// Mean microseconds per step over `repeats` runs of `input`, steps named as in describe() (plus
  /// the layout changes when an image with several channels comes in or goes out): where the time goes.
  struct StepTime {
    std::string step;
    double microseconds;
  };
  std::vector<StepTime> profile(const float* input, int repeats);

  /// The first convolution's feature maps for `input`, after its batch norm and activation but before
  /// its pooling (what a lesson draws), channels × height × width. Runs only that layer; throws
  /// ValueError when the model does not start with a convolution.
  std::vector<float> first_conv_maps(const float* input);

  int64_t input_size() const { return input_size_; }
  int64_t output_size() const { return output_size_; }
  /// The steps after fusion, e.g. "conv2d 1→16 3×3 + batchnorm + relu + maxpool 2×2", for docs and tests.
  std::vector<std::string> describe() const;

  enum class Activation { none, relu, leaky_relu, sigmoid, tanh };
  enum class Pool { none, max, avg };
  struct Step {
    enum class Kind { conv, linear, channel_affine, activation, pool, to_hwc, to_chw } kind;
    std::string description;
    // Input and output geometry: channels × height × width (linear: features × 1 × 1), stored HWC.
    int64_t c = 0, h = 1, w = 1, out_c = 0, out_h = 1, out_w = 1;
    // channel_affine: a scale and a shift per stored element (its channel's, or after a flatten its
    // feature's).
    std::vector<float> weight, bias;
    // linear: the packed weights and bias (batch norm folded in).
    kernels::PackedLinear linear;
    // conv: the packed kernel (bias and batch norm folded in), its padding and the padded input image.
    kernels::ConvHwc conv;
    int64_t ph = 0, pw = 0;
    std::vector<float> padded;
    // The product's spatial size before a fused pool, and its row stride (conv: out_c rounded up to 8).
    int64_t conv_h = 1, conv_w = 1, product_stride = 0;
    Activation activation = Activation::none;
    float slope = 0.01f;
    Pool pool = Pool::none;
    int64_t pool_k = 1, pool_s = 1;
  };

 private:
  void run_step(Step& s, float* cur, float* nxt);

  int64_t input_size_ = 0, output_size_ = 0;
  std::vector<Step> steps_;
  std::vector<float> a_, b_, product_;
};

}  // namespace mlplay::train
