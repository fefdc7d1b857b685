#pragma once
/// 2-D pooling composed from unfold and a reduction: max pooling is amax over each window, average
/// pooling its mean (torch.nn.functional.max_pool2d / avg_pool2d, ceil_mode = false).
#include <optional>

#include "mlplay/ops/conv.h"

namespace mlplay {

/// x (N, C, H, W) -> (N, C, out_h, out_w). stride defaults to kernel_size; padding (at most half the
/// kernel) is -inf, so it never wins. NOTE: ties in a window share the gradient evenly.
Tensor max_pool2d(const Tensor& x, Size2 kernel_size, std::optional<Size2> stride = std::nullopt, Size2 padding = 0,
                  Size2 dilation = 1);
/// x (N, C, H, W) -> (N, C, out_h, out_w); count_include_pad divides by the full window size.
Tensor avg_pool2d(const Tensor& x, Size2 kernel_size, std::optional<Size2> stride = std::nullopt, Size2 padding = 0,
                  bool count_include_pad = true);

}  // namespace mlplay
