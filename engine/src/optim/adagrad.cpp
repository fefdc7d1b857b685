#include "mlplay/optim/adagrad.h"

#include <cmath>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "mlplay/tensor/factory.h"
#include "update_loop.h"

namespace mlplay::optim {

Adagrad::Adagrad(std::vector<Tensor> params, AdagradOptions options)
    : Optimizer("Adagrad", std::move(params), options.lr()),
      options_(options),
      steps_(params_.size(), 0),
      sums_(params_.size()) {
  detail::check_hyper(options.lr_decay() >= 0, "Adagrad", "lr_decay value", options.lr_decay());
  detail::check_hyper(options.weight_decay() >= 0, "Adagrad", "weight_decay value", options.weight_decay());
  detail::check_hyper(options.initial_accumulator_value() >= 0, "Adagrad", "initial_accumulator_value value",
                      options.initial_accumulator_value());
  detail::check_hyper(options.eps() >= 0, "Adagrad", "epsilon value", options.eps());
}

void Adagrad::step() {
  NoGradGuard no_grad;
  const auto weight_decay = static_cast<float>(options_.weight_decay());
  const auto eps = static_cast<float>(options_.eps());
  for (size_t k = 0; k < params_.size(); ++k) {
    const float* grad = detail::contiguous_grad(name_, params_[k]);
    if (grad == nullptr) continue;
    if (!sums_[k].defined()) sums_[k] = full(params_[k].shape(), options_.initial_accumulator_value());
    const int64_t step = ++steps_[k];
    // The learning rate decays per parameter step: clr = lr / (1 + (t - 1) lr_decay).
    const auto clr = static_cast<float>(lr_ / (1.0 + static_cast<double>(step - 1) * options_.lr_decay()));
    float* p = params_[k].data_ptr();
    float* sum = sums_[k].data_ptr();
    detail::for_each_element(params_[k].numel(), [=](int64_t i) {
      const float g = weight_decay != 0 ? grad[i] + weight_decay * p[i] : grad[i];
      sum[i] += g * g;
      p[i] += -clr * (g / (std::sqrt(sum[i]) + eps));
    });
  }
}

// ---- state_dict (PyTorch's names) ----------------------------------------------------------------

void Adagrad::save_options(std::map<std::string, double>& group) const {
  group["lr_decay"] = options_.lr_decay();
  group["weight_decay"] = options_.weight_decay();
  group["initial_accumulator_value"] = options_.initial_accumulator_value();
  group["eps"] = options_.eps();
}

void Adagrad::load_options(const std::map<std::string, double>& group) {
  options_.lr_decay(state_value(group, "lr_decay", name_))
      .weight_decay(state_value(group, "weight_decay", name_))
      .initial_accumulator_value(state_value(group, "initial_accumulator_value", name_))
      .eps(state_value(group, "eps", name_));
}

void Adagrad::save_param_state(size_t k, ParamState& state) const {
  if (!sums_[k].defined()) return;
  state.tensors["sum"] = sums_[k];
  state.scalars["step"] = static_cast<double>(steps_[k]);
}

void Adagrad::load_param_state(size_t k, const ParamState& state) {
  sums_[k] = detail::state_tensor(state, "sum");
  steps_[k] = sums_[k].defined() ? static_cast<int64_t>(state_value(state.scalars, "step", name_)) : 0;
}

}  // namespace mlplay::optim
