#pragma once
/// Options for LayerNorm (torch/nn/options/normalization.h).
#include "mlplay/nn/options/arg.h"
#include <utility>

#include "mlplay/tensor/shape.h"

namespace mlplay::nn {

/// Normalizes over the trailing dims normalized_shape, e.g. `LayerNormOptions({64})`.
struct LayerNormOptions {
  LayerNormOptions(Shape normalized_shape) : normalized_shape_(std::move(normalized_shape)) {}  // NOLINT: implicit
  MLPLAY_ARG(Shape, normalized_shape);
  MLPLAY_ARG(double, eps) = 1e-5;
  MLPLAY_ARG(bool, elementwise_affine) = true;
};

}  // namespace mlplay::nn
