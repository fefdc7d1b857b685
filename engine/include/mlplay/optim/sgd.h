#pragma once
/// Stochastic gradient descent with momentum, dampening, Nesterov momentum and L2 weight decay
/// (torch.optim.SGD 1.13: https://pytorch.org/docs/1.13/generated/torch.optim.SGD.html).
#include <vector>

#include "mlplay/optim/optimizer.h"

namespace mlplay::optim {

/// SGD hyperparameters with PyTorch's defaults: `SGDOptions(0.1).momentum(0.9).nesterov(true)`.
/// NOTE: torch.optim.SGD has no default lr; neither does this.
struct SGDOptions {
  SGDOptions(double lr) : lr_(lr) {}  // NOLINT: implicit, as in PyTorch
  MLPLAY_ARG(double, lr);
  MLPLAY_ARG(double, momentum) = 0;
  MLPLAY_ARG(double, dampening) = 0;
  MLPLAY_ARG(double, weight_decay) = 0;
  MLPLAY_ARG(bool, nesterov) = false;
};

/// g = grad + weight_decay p; b = g on the first step, then b = momentum b + (1 - dampening) g;
/// d = nesterov ? g + momentum b : b (d = g without momentum); p -= lr d.
class SGD : public Optimizer {
 public:
  /// Throws ValueError on lr, momentum or weight_decay < 0, or nesterov without momentum or with dampening.
  SGD(std::vector<Tensor> params, SGDOptions options);
  void step() override;
  const SGDOptions& options() const { return options_; }

 protected:
  void save_options(std::map<std::string, double>& group) const override;
  void load_options(const std::map<std::string, double>& group) override;
  void save_param_state(size_t k, ParamState& state) const override;
  void load_param_state(size_t k, const ParamState& state) override;

 private:
  SGDOptions options_;
  std::vector<Tensor> momentum_buffers_;  // per parameter, undefined until its first step
};

}  // namespace mlplay::optim
