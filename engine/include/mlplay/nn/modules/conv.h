#pragma once
/// Conv2d (torch/nn/modules/conv.h).
#include "mlplay/core/random.h"
#include "mlplay/nn/module.h"
#include "mlplay/nn/module_holder.h"
#include "mlplay/nn/options/conv.h"
#include "mlplay/tensor/factory.h"

namespace mlplay::nn {

/// 2-D convolution over (N, C, H, W) (https://pytorch.org/docs/stable/generated/torch.nn.Conv2d.html).
class Conv2dImpl : public Module {
 public:
  Conv2dImpl(int64_t in_channels, int64_t out_channels, Size2 kernel_size)
      : Conv2dImpl(Conv2dOptions(in_channels, out_channels, kernel_size)) {}
  explicit Conv2dImpl(const Conv2dOptions& options);
  /// W ~ kaiming_uniform(a = sqrt 5), b ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in = C/groups * kh * kw.
  void reset_parameters(Generator& gen = default_generator());
  /// x (N, in_channels, H, W) -> (N, out_channels, out_h, out_w).
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;

  Conv2dOptions options;
  Tensor weight;  // (out_channels, in_channels / groups, kh, kw)
  Tensor bias;    // (out_channels,), undefined with bias(false)
};
MLPLAY_MODULE(Conv2d);

}  // namespace mlplay::nn
