#pragma once
/// Options for Dropout (torch/nn/options/dropout.h).
#include "mlplay/nn/options/arg.h"

namespace mlplay::nn {

struct DropoutOptions {
  DropoutOptions(double p = 0.5) : p_(p) {}  // NOLINT: implicit
  MLPLAY_ARG(double, p);
};

}  // namespace mlplay::nn
