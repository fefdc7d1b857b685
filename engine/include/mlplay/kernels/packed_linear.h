#pragma once
/// A linear layer on one sample, y = W x + b, with W packed once for SIMD: for one-sample inference
/// (train/inference_plan.h). W (out × in, PyTorch's layout) is stored as panels of 8 outputs, each
/// in × 8 floats, so the kernel broadcasts x[k] and multiplies it into 8 outputs per load; four
/// panels at once give 8 independent accumulators (a multiply-add chain per panel would wait on the
/// previous add's latency). Written for wasm SIMD128, where the plain dot-product loop does not
/// vectorize with this toolchain.
#include <cstdint>
#include <vector>

namespace mlplay::kernels {

struct PackedLinear {
  int64_t in = 0, out = 0;
  std::vector<float> packed_weight;  // ceil(out/8) panels × in × 8, zero-padded
  std::vector<float> packed_bias;    // ceil(out/8) × 8

  /// Packs weight (out × in, row-major) and bias (out, or null for zeros).
  void pack(const float* weight, const float* bias, int64_t out_features, int64_t in_features);
  int64_t panels() const { return (out + 7) / 8; }
  /// y[o] = b[o] + Σ_k W[o, k] x[k] for the outputs of panels [panel_begin, panel_end): outputs
  /// 8·panel_begin up to min(out, 8·panel_end). Threads may run disjoint panel ranges at once.
  void run(const float* x, float* y, int64_t panel_begin, int64_t panel_end) const;
};

}  // namespace mlplay::kernels
