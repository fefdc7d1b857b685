#pragma once
/// MaxPool2d and AvgPool2d (torch/nn/modules/pooling.h).
#include "mlplay/nn/module.h"
#include "mlplay/nn/module_holder.h"
#include "mlplay/nn/options/pooling.h"

namespace mlplay::nn {

/// Max over each window (https://pytorch.org/docs/stable/generated/torch.nn.MaxPool2d.html).
class MaxPool2dImpl : public Module {
 public:
  explicit MaxPool2dImpl(Size2 kernel_size) : options(kernel_size) {}
  explicit MaxPool2dImpl(const MaxPool2dOptions& options) : options(options) {}
  /// x (N, C, H, W) -> (N, C, out_h, out_w).
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;

  MaxPool2dOptions options;
};
MLPLAY_MODULE(MaxPool2d);

/// Mean over each window (https://pytorch.org/docs/stable/generated/torch.nn.AvgPool2d.html).
class AvgPool2dImpl : public Module {
 public:
  explicit AvgPool2dImpl(Size2 kernel_size) : options(kernel_size) {}
  explicit AvgPool2dImpl(const AvgPool2dOptions& options) : options(options) {}
  /// x (N, C, H, W) -> (N, C, out_h, out_w).
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;

  AvgPool2dOptions options;
};
MLPLAY_MODULE(AvgPool2d);

}  // namespace mlplay::nn
