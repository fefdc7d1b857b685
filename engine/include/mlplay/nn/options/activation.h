#pragma once
/// Options for the activation modules (torch/nn/options/activation.h).
#include <cstdint>
#include <string>

#include "mlplay/nn/options/arg.h"

namespace mlplay::nn {

struct LeakyReLUOptions {
  MLPLAY_ARG(double, negative_slope) = 0.01;
};

/// approximate: "none" (erf) or "tanh".
struct GELUOptions {
  MLPLAY_ARG(std::string, approximate) = "none";
};

struct SoftplusOptions {
  MLPLAY_ARG(double, beta) = 1.0;
  MLPLAY_ARG(double, threshold) = 20.0;
};

/// The dim softmax normalizes over (required, as in PyTorch's C++ API).
struct SoftmaxOptions {
  SoftmaxOptions(int64_t dim) : dim_(dim) {}  // NOLINT: implicit
  MLPLAY_ARG(int64_t, dim);
};

struct LogSoftmaxOptions {
  LogSoftmaxOptions(int64_t dim) : dim_(dim) {}  // NOLINT: implicit
  MLPLAY_ARG(int64_t, dim);
};

}  // namespace mlplay::nn
