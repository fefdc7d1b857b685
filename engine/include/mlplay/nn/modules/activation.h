#pragma once
/// Activation modules, each a thin wrapper of the function in mlplay/ops/activation.h
/// (torch/nn/modules/activation.h). Every forward maps x (*) -> (*).
#include "mlplay/nn/module.h"
#include "mlplay/nn/module_holder.h"
#include "mlplay/nn/options/activation.h"

namespace mlplay::nn {

/// max(x, 0) (https://pytorch.org/docs/stable/generated/torch.nn.ReLU.html).
class ReLUImpl : public Module {
 public:
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;
};
MLPLAY_MODULE(ReLU);

/// x or negative_slope * x (https://pytorch.org/docs/stable/generated/torch.nn.LeakyReLU.html).
class LeakyReLUImpl : public Module {
 public:
  explicit LeakyReLUImpl(const LeakyReLUOptions& options = {}) : options(options) {}
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;
  LeakyReLUOptions options;
};
MLPLAY_MODULE(LeakyReLU);

/// x * Phi(x) (https://pytorch.org/docs/stable/generated/torch.nn.GELU.html).
class GELUImpl : public Module {
 public:
  explicit GELUImpl(const GELUOptions& options = {}) : options(options) {}
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;
  GELUOptions options;
};
MLPLAY_MODULE(GELU);

/// 1 / (1 + exp(-x)) (https://pytorch.org/docs/stable/generated/torch.nn.Sigmoid.html).
class SigmoidImpl : public Module {
 public:
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;
};
MLPLAY_MODULE(Sigmoid);

/// (https://pytorch.org/docs/stable/generated/torch.nn.Tanh.html)
class TanhImpl : public Module {
 public:
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;
};
MLPLAY_MODULE(Tanh);

/// log(1 + exp(beta x)) / beta (https://pytorch.org/docs/stable/generated/torch.nn.Softplus.html).
class SoftplusImpl : public Module {
 public:
  explicit SoftplusImpl(const SoftplusOptions& options = {}) : options(options) {}
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;
  SoftplusOptions options;
};
MLPLAY_MODULE(Softplus);

/// exp(x) / sum(exp(x)) along dim (https://pytorch.org/docs/stable/generated/torch.nn.Softmax.html).
class SoftmaxImpl : public Module {
 public:
  explicit SoftmaxImpl(const SoftmaxOptions& options) : options(options) {}
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;
  SoftmaxOptions options;
};
MLPLAY_MODULE(Softmax);

/// x - logsumexp(x) along dim (https://pytorch.org/docs/stable/generated/torch.nn.LogSoftmax.html).
class LogSoftmaxImpl : public Module {
 public:
  explicit LogSoftmaxImpl(const LogSoftmaxOptions& options) : options(options) {}
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;
  LogSoftmaxOptions options;
};
MLPLAY_MODULE(LogSoftmax);

}  // namespace mlplay::nn
