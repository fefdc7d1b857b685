#include "mlplay/optim/adamw.h"

#include "mlplay/autograd/grad_mode.h"
#include "update_loop.h"

namespace mlplay::optim {

AdamW::AdamW(std::vector<Tensor> params, AdamWOptions options)
    : Optimizer("AdamW", std::move(params), options.lr()), options_(options), states_(params_.size()) {
  detail::check_adam_options("AdamW", options.lr(), std::get<0>(options.betas()), std::get<1>(options.betas()),
                             options.eps(), options.weight_decay());
}

void AdamW::step() {
  NoGradGuard no_grad;
  const auto [beta1, beta2] = options_.betas();
  const auto decay = static_cast<float>(1.0 - lr_ * options_.weight_decay());
  for (size_t k = 0; k < params_.size(); ++k) {
    const float* grad = detail::contiguous_grad(name_, params_[k]);
    if (grad == nullptr) continue;
    const int64_t numel = params_[k].numel();
    float* p = params_[k].data_ptr();
    // Decoupled weight decay: shrink p first; the moments see only the raw gradient.
    detail::for_each_element(numel, [=](int64_t i) { p[i] *= decay; });
    detail::adam_update(params_[k], grad, states_[k], lr_, beta1, beta2, options_.eps(), options_.amsgrad());
  }
}

// ---- state_dict (PyTorch's names) ----------------------------------------------------------------

void AdamW::save_options(std::map<std::string, double>& group) const { detail::save_adam_options(options_, group); }

void AdamW::load_options(const std::map<std::string, double>& group) { detail::load_adam_options(name_, options_, group); }

void AdamW::save_param_state(size_t k, ParamState& state) const { detail::save_adam_state(states_[k], state); }

void AdamW::load_param_state(size_t k, const ParamState& state) {
  states_[k] = detail::load_adam_state(name_, k, state, options_.amsgrad());
}

}  // namespace mlplay::optim
