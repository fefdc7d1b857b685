#pragma once
/// Adagrad (Duchi, Hazan & Singer 2011, https://jmlr.org/papers/v12/duchi11a.html), as
/// torch.optim.Adagrad 1.13: https://pytorch.org/docs/1.13/generated/torch.optim.Adagrad.html
#include <cstdint>
#include <vector>

#include "mlplay/optim/optimizer.h"

namespace mlplay::optim {

/// Adagrad hyperparameters with PyTorch's defaults: `AdagradOptions(0.1).lr_decay(1e-3)`.
struct AdagradOptions {
  AdagradOptions(double lr = 1e-2) : lr_(lr) {}  // NOLINT: implicit, as in PyTorch
  MLPLAY_ARG(double, lr);
  MLPLAY_ARG(double, lr_decay) = 0;
  MLPLAY_ARG(double, weight_decay) = 0;
  MLPLAY_ARG(double, initial_accumulator_value) = 0;
  MLPLAY_ARG(double, eps) = 1e-10;
};

/// At step t: g = grad + weight_decay p; clr = lr / (1 + (t - 1) lr_decay); s += g^2;
/// p -= clr g / (sqrt(s) + eps), with s starting at initial_accumulator_value.
class Adagrad : public Optimizer {
 public:
  /// Throws ValueError on lr, lr_decay, weight_decay, initial_accumulator_value or eps < 0.
  Adagrad(std::vector<Tensor> params, AdagradOptions options = {});
  void step() override;
  const AdagradOptions& options() const { return options_; }

 protected:
  void save_options(std::map<std::string, double>& group) const override;
  void load_options(const std::map<std::string, double>& group) override;
  void save_param_state(size_t k, ParamState& state) const override;
  void load_param_state(size_t k, const ParamState& state) override;

 private:
  AdagradOptions options_;
  std::vector<int64_t> steps_;  // per parameter: how many updates it has had
  std::vector<Tensor> sums_;    // per parameter: the running sum of squared gradients
};

}  // namespace mlplay::optim
