#include "mlplay/nn/modules/normalization.h"

#include <ostream>

#include "mlplay/core/error.h"
#include "mlplay/ops/normalization.h"
#include "mlplay/tensor/factory.h"
#include "mlplay/tensor/init.h"

namespace mlplay::nn {

LayerNormImpl::LayerNormImpl(const LayerNormOptions& options_) : options(options_) {
  for (int64_t size : options.normalized_shape())
    check<ValueError>(size > 0, "LayerNorm: normalized_shape must hold positive sizes, got ",
                      shape_str(options.normalized_shape()));
  if (options.elementwise_affine()) {
    weight = register_parameter("weight", empty(options.normalized_shape()));
    bias = register_parameter("bias", empty(options.normalized_shape()));
  }
  reset_parameters();
}

void LayerNormImpl::reset_parameters() {
  if (!options.elementwise_affine()) return;
  init::ones_(weight);
  init::zeros_(bias);
}

Tensor LayerNormImpl::forward(const Tensor& x) {
  return layer_norm(x, options.normalized_shape(), weight, bias, options.eps());
}

void LayerNormImpl::pretty_print(std::ostream& out) const {
  out << std::boolalpha << "LayerNorm(" << shape_str(options.normalized_shape()) << ", eps=" << options.eps()
      << ", elementwise_affine=" << options.elementwise_affine() << ")";
}

}  // namespace mlplay::nn
