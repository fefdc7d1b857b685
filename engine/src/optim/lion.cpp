#include "mlplay/optim/lion.h"

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/tensor/factory.h"
#include "update_loop.h"

namespace mlplay::optim {

Lion::Lion(std::vector<Tensor> params, LionOptions options)
    : Optimizer("Lion", std::move(params), options.lr()), options_(options), exp_avgs_(params_.size()) {
  const auto [beta1, beta2] = options.betas();
  detail::check_hyper(options.lr() > 0, "Lion", "learning rate", options.lr());
  detail::check_hyper(beta1 >= 0 && beta1 <= 1, "Lion", "beta parameter at index 0", beta1);
  detail::check_hyper(beta2 >= 0 && beta2 <= 1, "Lion", "beta parameter at index 1", beta2);
  detail::check_hyper(options.weight_decay() >= 0, "Lion", "weight_decay value", options.weight_decay());
}

void Lion::step() {
  NoGradGuard no_grad;
  const auto [beta1, beta2] = options_.betas();
  const auto lr = static_cast<float>(lr_);
  const auto decay = static_cast<float>(1.0 - lr_ * options_.weight_decay());
  const auto b1 = static_cast<float>(beta1), b2 = static_cast<float>(beta2);
  const auto one_minus_b1 = static_cast<float>(1.0 - beta1), one_minus_b2 = static_cast<float>(1.0 - beta2);
  for (size_t k = 0; k < params_.size(); ++k) {
    const float* grad = detail::contiguous_grad(name_, params_[k]);
    if (grad == nullptr) continue;
    if (!exp_avgs_[k].defined()) exp_avgs_[k] = zeros(params_[k].shape());
    float* p = params_[k].data_ptr();
    float* m = exp_avgs_[k].data_ptr();
    detail::for_each_element(params_[k].numel(), [=](int64_t i) {
      p[i] *= decay;
      // The update interpolates with beta1, the stored momentum with beta2 (the paper's key trick).
      const float update = detail::sign(m[i] * b1 + one_minus_b1 * grad[i]);
      p[i] += -lr * update;
      m[i] = m[i] * b2 + one_minus_b2 * grad[i];
    });
  }
}

// ---- state_dict (lion-pytorch's names) -----------------------------------------------------------

void Lion::save_options(std::map<std::string, double>& group) const {
  group["betas.0"] = std::get<0>(options_.betas());
  group["betas.1"] = std::get<1>(options_.betas());
  group["weight_decay"] = options_.weight_decay();
}

void Lion::load_options(const std::map<std::string, double>& group) {
  options_.betas(std::make_tuple(state_value(group, "betas.0", name_), state_value(group, "betas.1", name_)))
      .weight_decay(state_value(group, "weight_decay", name_));
}

void Lion::save_param_state(size_t k, ParamState& state) const {
  if (exp_avgs_[k].defined()) state.tensors["exp_avg"] = exp_avgs_[k];
}

void Lion::load_param_state(size_t k, const ParamState& state) { exp_avgs_[k] = detail::state_tensor(state, "exp_avg"); }

}  // namespace mlplay::optim
