#pragma once
/// Dropout (torch/nn/modules/dropout.h).
#include "mlplay/nn/module.h"
#include "mlplay/nn/module_holder.h"
#include "mlplay/nn/options/dropout.h"

namespace mlplay::nn {

/// Zeroes elements with probability p and scales the rest by 1 / (1 - p) in training; the identity in
/// eval (https://pytorch.org/docs/stable/generated/torch.nn.Dropout.html). Draws from default_generator().
class DropoutImpl : public Module {
 public:
  explicit DropoutImpl(const DropoutOptions& options = {});
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;

  DropoutOptions options;
};
MLPLAY_MODULE(Dropout);

}  // namespace mlplay::nn
