#pragma once
/// Options for BatchNorm1d / BatchNorm2d (torch/nn/options/batchnorm.h).
#include <cstdint>
#include <optional>

#include "mlplay/nn/options/arg.h"

namespace mlplay::nn {

/// momentum nullopt means a cumulative average (factor 1 / num_batches_tracked), as momentum=None.
struct BatchNormOptions {
  BatchNormOptions(int64_t num_features) : num_features_(num_features) {}  // NOLINT: implicit
  MLPLAY_ARG(int64_t, num_features);
  MLPLAY_ARG(double, eps) = 1e-5;
  MLPLAY_ARG(std::optional<double>, momentum) = 0.1;
  MLPLAY_ARG(bool, affine) = true;
  MLPLAY_ARG(bool, track_running_stats) = true;
};

}  // namespace mlplay::nn
