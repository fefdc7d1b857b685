#pragma once
/// Direct convolution of one image stored channels-last (HWC), for one-sample inference
/// (train/inference_plan.h). No im2col: the micro-kernel reads the input pixels of each 3×3 (or any)
/// window straight from the padded image through one pointer per output pixel — the "indirect GEMM"
/// of XNNPACK — and multiplies them with weights packed once, eight output channels at a time.
///
///   y[p, o] = bias[o] + Σ_{tap (i, j)} Σ_c x_padded[oy·sh + i·dh, ox·sw + j·dw, c] · w[o, c, i, j]
///
/// for every output pixel p = oy·ow + ox. Each call of the micro-kernel computes 5 pixels × 8 output
/// channels in registers (the same 5×8 shape as kernels/sgemm.h's, for the same reason: V8 keeps 13
/// live SIMD128 vectors in registers).
#include <cstdint>
#include <vector>

namespace mlplay::kernels {

struct ConvHwc {
  int64_t in_c = 0, out_c = 0, kh = 1, kw = 1, sh = 1, sw = 1, dh = 1, dw = 1;
  /// The padded input's width (the caller pads; padding is zeros already in the image) and the output size.
  int64_t padded_w = 0, out_h = 0, out_w = 0;
  /// Output channels rounded up to 8: the row stride of y.
  int64_t out_c_padded() const { return (out_c + 7) / 8 * 8; }

  /// Packs PyTorch-ordered weights (out_c × in_c × kh × kw) and a bias (out_c, or null for zeros).
  void pack(const float* weight, const float* bias);
  /// y (out_h·out_w × out_c_padded(), row-major) for output pixels [p_begin, p_end) from the padded
  /// HWC image x (padded_h × padded_w × in_c). Threads may run disjoint pixel ranges at once.
  void run(const float* x, float* y, int64_t p_begin, int64_t p_end) const;

  std::vector<float> packed_weight;  // (out_c_padded/8) × (kh·kw) × in_c × 8
  std::vector<float> packed_bias;    // out_c_padded
  std::vector<int64_t> tap_offset;   // kh·kw offsets into x from a window's top-left pixel
};

}  // namespace mlplay::kernels
