#pragma once
/// Adam (Kingma & Ba 2014, https://arxiv.org/abs/1412.6980) with the AMSGrad variant (Reddi et al.
/// 2018, https://openreview.net/forum?id=ryQu7f-RZ), as torch.optim.Adam 1.13:
/// https://pytorch.org/docs/1.13/generated/torch.optim.Adam.html
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "mlplay/optim/optimizer.h"

namespace mlplay::optim {

/// Adam hyperparameters with PyTorch's defaults: `AdamOptions(1e-3).betas({0.9, 0.999}).weight_decay(0)`.
struct AdamOptions {
  AdamOptions(double lr = 1e-3) : lr_(lr) {}  // NOLINT: implicit, as in PyTorch
  MLPLAY_ARG(double, lr);
  MLPLAY_ARG(Betas, betas) = std::make_tuple(0.9, 0.999);
  MLPLAY_ARG(double, eps) = 1e-8;
  MLPLAY_ARG(double, weight_decay) = 0;
  MLPLAY_ARG(bool, amsgrad) = false;
};

namespace detail {
/// The first and second moments Adam and AdamW keep per parameter (undefined until the first step).
struct AdamState {
  int64_t step = 0;
  Tensor exp_avg, exp_avg_sq, max_exp_avg_sq;  // max_exp_avg_sq only with amsgrad
};
/// The moment updates and the bias-corrected step shared by Adam and AdamW, for one contiguous
/// parameter and its gradient `grad` (already including Adam's L2 term). Increments state.step.
void adam_update(const Tensor& param, const float* grad, AdamState& state, double lr, double beta1, double beta2,
                 double eps, bool amsgrad);
/// Adds the state to `to` under PyTorch's names (step, exp_avg, exp_avg_sq, max_exp_avg_sq).
void save_adam_state(const AdamState& from, ParamState& to);
/// The state in `from` (already copied and shape-checked); throws ValueError when a buffer is missing.
AdamState load_adam_state(const char* optimizer, size_t k, const ParamState& from, bool amsgrad);
/// Adam's and AdamW's param_groups[0] entries (their options share every name).
template <typename Options>
void save_adam_options(const Options& options, std::map<std::string, double>& group) {
  group["betas.0"] = std::get<0>(options.betas());
  group["betas.1"] = std::get<1>(options.betas());
  group["eps"] = options.eps();
  group["weight_decay"] = options.weight_decay();
  group["amsgrad"] = options.amsgrad() ? 1 : 0;
}
template <typename Options>
void load_adam_options(const char* optimizer, Options& options, const std::map<std::string, double>& group) {
  options.betas(std::make_tuple(state_value(group, "betas.0", optimizer), state_value(group, "betas.1", optimizer)))
      .eps(state_value(group, "eps", optimizer))
      .weight_decay(state_value(group, "weight_decay", optimizer))
      .amsgrad(state_value(group, "amsgrad", optimizer) != 0);
}
/// Checks lr, eps, betas in [0, 1) and weight_decay, naming `optimizer` in the message.
void check_adam_options(const char* optimizer, double lr, double beta1, double beta2, double eps, double weight_decay);
}  // namespace detail

/// At step t: g = grad + weight_decay p (L2, coupled); m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
/// (amsgrad: v_max = max(v_max, v), used instead of v); p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
class Adam : public Optimizer {
 public:
  /// Throws ValueError "Adam: invalid beta parameter at index 0: 1.5" and the like.
  Adam(std::vector<Tensor> params, AdamOptions options = {});
  void step() override;
  const AdamOptions& options() const { return options_; }

 protected:
  void save_options(std::map<std::string, double>& group) const override;
  void load_options(const std::map<std::string, double>& group) override;
  void save_param_state(size_t k, ParamState& state) const override;
  void load_param_state(size_t k, const ParamState& state) override;

 private:
  AdamOptions options_;
  std::vector<detail::AdamState> states_;
};

}  // namespace mlplay::optim
