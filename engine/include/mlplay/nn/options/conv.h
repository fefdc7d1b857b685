#pragma once
/// Options for Conv2d (torch/nn/options/conv.h). Only zero padding of a fixed size is supported.
#include <cstdint>

#include "mlplay/nn/options/arg.h"
#include "mlplay/ops/conv.h"

namespace mlplay::nn {

/// `Conv2dOptions(3, 8, 3).stride(2).padding(1)`; sizes are one number or {height, width}.
struct Conv2dOptions {
  Conv2dOptions(int64_t in_channels, int64_t out_channels, Size2 kernel_size)
      : in_channels_(in_channels), out_channels_(out_channels), kernel_size_(kernel_size) {}
  MLPLAY_ARG(int64_t, in_channels);
  MLPLAY_ARG(int64_t, out_channels);
  MLPLAY_ARG(Size2, kernel_size);
  MLPLAY_ARG(Size2, stride) = 1;
  MLPLAY_ARG(Size2, padding) = 0;
  MLPLAY_ARG(Size2, dilation) = 1;
  MLPLAY_ARG(int64_t, groups) = 1;
  MLPLAY_ARG(bool, bias) = true;
};

}  // namespace mlplay::nn
