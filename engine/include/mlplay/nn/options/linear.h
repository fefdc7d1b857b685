#pragma once
/// Options for Linear and Flatten (torch/nn/options/linear.h).
#include <cstdint>

#include "mlplay/nn/options/arg.h"

namespace mlplay::nn {

/// `LinearOptions(5, 2).bias(false)`.
struct LinearOptions {
  LinearOptions(int64_t in_features, int64_t out_features) : in_features_(in_features), out_features_(out_features) {}
  MLPLAY_ARG(int64_t, in_features);
  MLPLAY_ARG(int64_t, out_features);
  MLPLAY_ARG(bool, bias) = true;
};

/// Flattens dims start_dim..end_dim (by default all but the batch dim).
struct FlattenOptions {
  MLPLAY_ARG(int64_t, start_dim) = 1;
  MLPLAY_ARG(int64_t, end_dim) = -1;
};

}  // namespace mlplay::nn
