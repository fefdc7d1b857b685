#pragma once
/// LayerNorm (torch/nn/modules/normalization.h).
#include "mlplay/nn/module.h"
#include "mlplay/nn/module_holder.h"
#include "mlplay/nn/options/normalization.h"

namespace mlplay::nn {

/// Normalizes over the trailing normalized_shape dims, then weight (ones) and bias (zeros)
/// (https://pytorch.org/docs/stable/generated/torch.nn.LayerNorm.html).
class LayerNormImpl : public Module {
 public:
  explicit LayerNormImpl(const LayerNormOptions& options);
  void reset_parameters();
  /// x (*, normalized_shape) -> same shape.
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;

  LayerNormOptions options;
  Tensor weight, bias;  // normalized_shape, undefined without elementwise_affine
};
MLPLAY_MODULE(LayerNorm);

}  // namespace mlplay::nn
