#pragma once
/// RMSprop (Hinton's Coursera lecture 6e; centered form from Graves 2013, https://arxiv.org/abs/1308.0850),
/// as torch.optim.RMSprop 1.13: https://pytorch.org/docs/1.13/generated/torch.optim.RMSprop.html
#include <vector>

#include "mlplay/optim/optimizer.h"

namespace mlplay::optim {

/// RMSprop hyperparameters with PyTorch's defaults: `RMSpropOptions(1e-3).momentum(0.9).centered(true)`.
struct RMSpropOptions {
  RMSpropOptions(double lr = 1e-2) : lr_(lr) {}  // NOLINT: implicit, as in PyTorch
  MLPLAY_ARG(double, lr);
  MLPLAY_ARG(double, alpha) = 0.99;
  MLPLAY_ARG(double, eps) = 1e-8;
  MLPLAY_ARG(double, weight_decay) = 0;
  MLPLAY_ARG(double, momentum) = 0;
  MLPLAY_ARG(bool, centered) = false;
};

/// g = grad + weight_decay p; v = alpha v + (1 - alpha) g^2; centered: m = alpha m + (1 - alpha) g and
/// avg = sqrt(v - m^2) + eps, else avg = sqrt(v) + eps; with momentum: b = momentum b + g / avg and
/// p -= lr b, else p -= lr g / avg. NOTE: eps is added outside the square root, as PyTorch does.
class RMSprop : public Optimizer {
 public:
  /// Throws ValueError on lr, alpha, eps, weight_decay or momentum < 0.
  RMSprop(std::vector<Tensor> params, RMSpropOptions options = {});
  void step() override;
  const RMSpropOptions& options() const { return options_; }

 protected:
  void save_options(std::map<std::string, double>& group) const override;
  void load_options(const std::map<std::string, double>& group) override;
  void save_param_state(size_t k, ParamState& state) const override;
  void load_param_state(size_t k, const ParamState& state) override;

 private:
  RMSpropOptions options_;
  std::vector<int64_t> steps_;            // per parameter: updates so far (PyTorch's "step"; only recorded)
  std::vector<Tensor> square_avgs_;       // per parameter, undefined until its first step
  std::vector<Tensor> grad_avgs_;         // only when centered
  std::vector<Tensor> momentum_buffers_;  // only when momentum > 0
};

}  // namespace mlplay::optim
