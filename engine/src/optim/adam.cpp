#include "mlplay/optim/adam.h"

#include <algorithm>
#include <cmath>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "mlplay/tensor/factory.h"
#include "update_loop.h"

namespace mlplay::optim {

namespace detail {

void check_adam_options(const char* optimizer, double lr, double beta1, double beta2, double eps,
                        double weight_decay) {
  check_hyper(lr >= 0, optimizer, "learning rate", lr);
  check_hyper(eps >= 0, optimizer, "epsilon value", eps);
  check_hyper(beta1 >= 0 && beta1 < 1, optimizer, "beta parameter at index 0", beta1);
  check_hyper(beta2 >= 0 && beta2 < 1, optimizer, "beta parameter at index 1", beta2);
  check_hyper(weight_decay >= 0, optimizer, "weight_decay value", weight_decay);
}

namespace {

/// One step's float constants, hoisted out of the element loop.
struct AdamStep {
  float step_size, bias_correction2_sqrt, b1, b2, one_minus_b1, one_minus_b2, eps;
};

/// The update of n elements (with kAmsgrad, v_max keeps the largest second moment so far, which keeps
/// the step small). The buffers are distinct (__restrict) and the constants are locals, so the compiler
/// vectorizes the loop (sqrt and division four lanes at a time); through a per-element lambda that
/// captured them by reference it could not, and the update took 40% of an MLP training step.
template <bool kAmsgrad>
void adam_elements(float* __restrict param, const float* __restrict grad, float* __restrict m, float* __restrict v,
                   float* __restrict v_max, int64_t n, AdamStep s) {
  for (int64_t i = 0; i < n; ++i) {
    const float g = grad[i];
    m[i] = m[i] * s.b1 + s.one_minus_b1 * g;
    v[i] = v[i] * s.b2 + s.one_minus_b2 * g * g;
    float second = v[i];
    if constexpr (kAmsgrad) second = v_max[i] = std::max(v_max[i], v[i]);
    const float denom = std::sqrt(second) / s.bias_correction2_sqrt + s.eps;
    param[i] += -s.step_size * (m[i] / denom);
  }
}

}  // namespace

void adam_update(const Tensor& param_tensor, const float* grad, AdamState& state, double lr, double beta1,
                 double beta2, double eps, bool amsgrad) {
  const Shape& shape = param_tensor.shape();
  if (!state.exp_avg.defined()) {
    state.exp_avg = zeros(shape);
    state.exp_avg_sq = zeros(shape);
    if (amsgrad) state.max_exp_avg_sq = zeros(shape);
  }
  const int64_t step = ++state.step;
  // Bias corrections in double, as PyTorch computes them in Python floats.
  const double bias_correction1 = 1.0 - std::pow(beta1, static_cast<double>(step));
  const double bias_correction2 = 1.0 - std::pow(beta2, static_cast<double>(step));
  const AdamStep scalars{static_cast<float>(lr / bias_correction1), static_cast<float>(std::sqrt(bias_correction2)),
                         static_cast<float>(beta1), static_cast<float>(beta2),
                         static_cast<float>(1.0 - beta1), static_cast<float>(1.0 - beta2),
                         static_cast<float>(eps)};
  float* param = param_tensor.data_ptr();
  float* m = state.exp_avg.data_ptr();
  float* v = state.exp_avg_sq.data_ptr();
  float* v_max = amsgrad ? state.max_exp_avg_sq.data_ptr() : nullptr;
  parallel_for(0, param_tensor.numel(), kUpdateGrain, [=](int64_t begin, int64_t end) {
    if (v_max) adam_elements<true>(param + begin, grad + begin, m + begin, v + begin, v_max + begin, end - begin, scalars);
    else adam_elements<false>(param + begin, grad + begin, m + begin, v + begin, nullptr, end - begin, scalars);
  });
}

void save_adam_state(const AdamState& from, ParamState& to) {
  if (!from.exp_avg.defined()) return;
  to.scalars["step"] = static_cast<double>(from.step);
  to.tensors["exp_avg"] = from.exp_avg;
  to.tensors["exp_avg_sq"] = from.exp_avg_sq;
  if (from.max_exp_avg_sq.defined()) to.tensors["max_exp_avg_sq"] = from.max_exp_avg_sq;
}

AdamState load_adam_state(const char* optimizer, size_t k, const ParamState& from, bool amsgrad) {
  AdamState out;
  out.exp_avg = state_tensor(from, "exp_avg");
  out.exp_avg_sq = state_tensor(from, "exp_avg_sq");
  out.max_exp_avg_sq = state_tensor(from, "max_exp_avg_sq");
  if (!out.exp_avg.defined() && !out.exp_avg_sq.defined()) return AdamState{};  // no step yet
  check<ValueError>(out.exp_avg.defined() && out.exp_avg_sq.defined(), optimizer, ": load_state_dict: state.", k,
                    " needs both exp_avg and exp_avg_sq");
  check<ValueError>(out.max_exp_avg_sq.defined() || !amsgrad, optimizer, ": load_state_dict: state.", k,
                    " has no max_exp_avg_sq, which amsgrad needs");
  out.step = static_cast<int64_t>(state_value(from.scalars, "step", optimizer));
  return out;
}

}  // namespace detail

Adam::Adam(std::vector<Tensor> params, AdamOptions options)
    : Optimizer("Adam", std::move(params), options.lr()), options_(options), states_(params_.size()) {
  detail::check_adam_options("Adam", options.lr(), std::get<0>(options.betas()), std::get<1>(options.betas()),
                             options.eps(), options.weight_decay());
}

void Adam::step() {
  NoGradGuard no_grad;
  const auto [beta1, beta2] = options_.betas();
  const auto weight_decay = static_cast<float>(options_.weight_decay());
  std::vector<float> decayed;  // grad + weight_decay p; p.grad itself is left untouched
  for (size_t k = 0; k < params_.size(); ++k) {
    const float* grad = detail::contiguous_grad(name_, params_[k]);
    if (grad == nullptr) continue;
    const int64_t numel = params_[k].numel();
    float* p = params_[k].data_ptr();
    if (weight_decay != 0) {
      decayed.resize(static_cast<size_t>(numel));
      float* out = decayed.data();
      detail::for_each_element(numel, [=](int64_t i) { out[i] = grad[i] + weight_decay * p[i]; });
      grad = out;
    }
    detail::adam_update(params_[k], grad, states_[k], lr_, beta1, beta2, options_.eps(), options_.amsgrad());
  }
}

// ---- state_dict (PyTorch's names) ----------------------------------------------------------------

void Adam::save_options(std::map<std::string, double>& group) const { detail::save_adam_options(options_, group); }

void Adam::load_options(const std::map<std::string, double>& group) { detail::load_adam_options(name_, options_, group); }

void Adam::save_param_state(size_t k, ParamState& state) const { detail::save_adam_state(states_[k], state); }

void Adam::load_param_state(size_t k, const ParamState& state) {
  states_[k] = detail::load_adam_state(name_, k, state, options_.amsgrad());
}

}  // namespace mlplay::optim
