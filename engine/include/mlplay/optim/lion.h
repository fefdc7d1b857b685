#pragma once
/// Lion, EvoLved Sign Momentum (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms",
/// https://arxiv.org/abs/2302.06675), as lucidrains/lion-pytorch (https://github.com/lucidrains/lion-pytorch).
/// PyTorch 1.13 has no Lion; the API follows the other torch.optim classes.
#include <vector>

#include "mlplay/optim/optimizer.h"

namespace mlplay::optim {

/// Lion hyperparameters with the paper's defaults. Lion's sign update has norm ~1 per element, so its lr
/// is typically 3-10x smaller than AdamW's (and weight_decay 3-10x larger).
struct LionOptions {
  LionOptions(double lr = 1e-4) : lr_(lr) {}  // NOLINT: implicit, as in PyTorch
  MLPLAY_ARG(double, lr);
  MLPLAY_ARG(Betas, betas) = std::make_tuple(0.9, 0.99);
  MLPLAY_ARG(double, weight_decay) = 0;
};

/// p *= 1 - lr weight_decay; p -= lr sign(b1 m + (1 - b1) g); then m = b2 m + (1 - b2) g
/// (m starts at 0; sign(0) = 0).
class Lion : public Optimizer {
 public:
  /// Throws ValueError on lr <= 0 (as lion-pytorch asserts), betas outside [0, 1] or weight_decay < 0.
  Lion(std::vector<Tensor> params, LionOptions options = {});
  void step() override;
  const LionOptions& options() const { return options_; }

 protected:
  void save_options(std::map<std::string, double>& group) const override;
  void load_options(const std::map<std::string, double>& group) override;
  void save_param_state(size_t k, ParamState& state) const override;
  void load_param_state(size_t k, const ParamState& state) override;

 private:
  LionOptions options_;
  std::vector<Tensor> exp_avgs_;  // per parameter, undefined until its first step
};

}  // namespace mlplay::optim
