#pragma once
/// AdamW: Adam with decoupled weight decay (Loshchilov & Hutter 2019, https://arxiv.org/abs/1711.05101),
/// as torch.optim.AdamW 1.13: https://pytorch.org/docs/1.13/generated/torch.optim.AdamW.html
#include <vector>

#include "mlplay/optim/adam.h"

namespace mlplay::optim {

/// AdamW hyperparameters with PyTorch's defaults (note weight_decay = 1e-2, unlike Adam's 0).
struct AdamWOptions {
  AdamWOptions(double lr = 1e-3) : lr_(lr) {}  // NOLINT: implicit, as in PyTorch
  MLPLAY_ARG(double, lr);
  MLPLAY_ARG(Betas, betas) = std::make_tuple(0.9, 0.999);
  MLPLAY_ARG(double, eps) = 1e-8;
  MLPLAY_ARG(double, weight_decay) = 1e-2;
  MLPLAY_ARG(bool, amsgrad) = false;
};

/// p *= 1 - lr weight_decay (decoupled: the decay never enters the moments), then Adam's update with
/// the raw gradient.
class AdamW : public Optimizer {
 public:
  /// Throws ValueError "AdamW: invalid beta parameter at index 1: 1" and the like.
  AdamW(std::vector<Tensor> params, AdamWOptions options = {});
  void step() override;
  const AdamWOptions& options() const { return options_; }

 protected:
  void save_options(std::map<std::string, double>& group) const override;
  void load_options(const std::map<std::string, double>& group) override;
  void save_param_state(size_t k, ParamState& state) const override;
  void load_param_state(size_t k, const ParamState& state) override;

 private:
  AdamWOptions options_;
  std::vector<detail::AdamState> states_;
};

}  // namespace mlplay::optim
