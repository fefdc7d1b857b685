#pragma once
/// 2-D convolution as im2col + matmul: unfold is the primitive (its backward is col2im), conv2d is
/// unfold -> reshape -> matmul (through gemm) -> + bias (torch.nn.functional.conv2d / unfold).
#include <cstdint>

#include "mlplay/tensor/tensor.h"

namespace mlplay {

/// A (height, width) pair; one number means both (like torch's ExpandingArray<2>).
struct Size2 {
  Size2(int64_t both) : h(both), w(both) {}  // NOLINT: implicit on purpose, conv2d(x, w, b, 2)
  Size2(int64_t height, int64_t width) : h(height), w(width) {}
  int64_t h, w;
};

/// im2col: x (N, C, H, W) -> (N, C * kh * kw, L) with L = out_h * out_w sliding blocks; row
/// (c * kh + i) * kw + j holds x[c, oh * stride + i * dilation - pad, ...] for every block.
/// Positions in the padding read `pad_value` (0 for conv, -inf for max pooling).
Tensor unfold(const Tensor& x, Size2 kernel_size, Size2 dilation = 1, Size2 padding = 0, Size2 stride = 1,
              double pad_value = 0.0);

/// Output spatial size of a sliding window: (in + 2 pad - dilation (k - 1) - 1) / stride + 1.
int64_t conv_output_size(int64_t in, int64_t kernel, int64_t stride, int64_t padding, int64_t dilation);

/// x (N, C, H, W), weight (O, C / groups, kh, kw), bias (O) or undefined -> (N, O, out_h, out_w).
Tensor conv2d(const Tensor& x, const Tensor& weight, const Tensor& bias = Tensor(), Size2 stride = 1,
              Size2 padding = 0, Size2 dilation = 1, int64_t groups = 1);

}  // namespace mlplay
