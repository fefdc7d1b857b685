#pragma once
/// Linear and Flatten modules (torch/nn/modules/linear.h).
#include <cstdint>

#include "mlplay/core/random.h"
#include "mlplay/nn/module.h"
#include "mlplay/nn/module_holder.h"
#include "mlplay/nn/options/linear.h"
#include "mlplay/tensor/factory.h"

namespace mlplay::nn {

/// y = x W^T + b (https://pytorch.org/docs/stable/generated/torch.nn.Linear.html).
class LinearImpl : public Module {
 public:
  LinearImpl(int64_t in_features, int64_t out_features) : LinearImpl(LinearOptions(in_features, out_features)) {}
  explicit LinearImpl(const LinearOptions& options);
  /// PyTorch's default init: W ~ kaiming_uniform(a = sqrt 5) = U(-1/sqrt(in), 1/sqrt(in)), b likewise.
  void reset_parameters(Generator& gen = default_generator());
  /// x (*, in_features) -> (*, out_features).
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;

  LinearOptions options;
  Tensor weight;  // (out_features, in_features)
  Tensor bias;    // (out_features,), undefined with bias(false)
};
MLPLAY_MODULE(Linear);

/// Flattens dims start_dim..end_dim into one (https://pytorch.org/docs/stable/generated/torch.nn.Flatten.html).
class FlattenImpl : public Module {
 public:
  explicit FlattenImpl(const FlattenOptions& options = {}) : options(options) {}
  /// (N, C, H, W) -> (N, C * H * W) with the defaults.
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;

  FlattenOptions options;
};
MLPLAY_MODULE(Flatten);

}  // namespace mlplay::nn
