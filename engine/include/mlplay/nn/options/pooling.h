#pragma once
/// Options for MaxPool2d and AvgPool2d (torch/nn/options/pooling.h); ceil_mode is not supported.
#include "mlplay/nn/options/arg.h"
#include "mlplay/ops/conv.h"

namespace mlplay::nn {

/// stride defaults to kernel_size, as in PyTorch.
struct MaxPool2dOptions {
  MaxPool2dOptions(Size2 kernel_size) : kernel_size_(kernel_size), stride_(kernel_size) {}  // NOLINT: implicit
  MLPLAY_ARG(Size2, kernel_size);
  MLPLAY_ARG(Size2, stride);
  MLPLAY_ARG(Size2, padding) = 0;
  MLPLAY_ARG(Size2, dilation) = 1;
};

struct AvgPool2dOptions {
  AvgPool2dOptions(Size2 kernel_size) : kernel_size_(kernel_size), stride_(kernel_size) {}  // NOLINT: implicit
  MLPLAY_ARG(Size2, kernel_size);
  MLPLAY_ARG(Size2, stride);
  MLPLAY_ARG(Size2, padding) = 0;
  MLPLAY_ARG(bool, count_include_pad) = true;
};

}  // namespace mlplay::nn
