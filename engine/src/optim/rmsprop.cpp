#include "mlplay/optim/rmsprop.h"

#include <cmath>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "mlplay/tensor/factory.h"
#include "update_loop.h"

namespace mlplay::optim {

RMSprop::RMSprop(std::vector<Tensor> params, RMSpropOptions options)
    : Optimizer("RMSprop", std::move(params), options.lr()),
      options_(options),
      steps_(params_.size(), 0),
      square_avgs_(params_.size()),
      grad_avgs_(params_.size()),
      momentum_buffers_(params_.size()) {
  detail::check_hyper(options.eps() >= 0, "RMSprop", "epsilon value", options.eps());
  detail::check_hyper(options.momentum() >= 0, "RMSprop", "momentum value", options.momentum());
  detail::check_hyper(options.weight_decay() >= 0, "RMSprop", "weight_decay value", options.weight_decay());
  detail::check_hyper(options.alpha() >= 0, "RMSprop", "alpha value", options.alpha());
}

void RMSprop::step() {
  NoGradGuard no_grad;
  const auto lr = static_cast<float>(lr_);
  const auto alpha = static_cast<float>(options_.alpha());
  const auto one_minus_alpha = static_cast<float>(1.0 - options_.alpha());
  const auto eps = static_cast<float>(options_.eps());
  const auto weight_decay = static_cast<float>(options_.weight_decay());
  const auto momentum = static_cast<float>(options_.momentum());
  const bool centered = options_.centered(), use_momentum = options_.momentum() > 0;
  for (size_t k = 0; k < params_.size(); ++k) {
    const float* grad = detail::contiguous_grad(name_, params_[k]);
    if (grad == nullptr) continue;
    const Shape& shape = params_[k].shape();
    if (!square_avgs_[k].defined()) {
      square_avgs_[k] = zeros(shape);
      if (centered) grad_avgs_[k] = zeros(shape);
      if (use_momentum) momentum_buffers_[k] = zeros(shape);
    }
    ++steps_[k];
    float* p = params_[k].data_ptr();
    float* square_avg = square_avgs_[k].data_ptr();
    float* grad_avg = centered ? grad_avgs_[k].data_ptr() : nullptr;
    float* buf = use_momentum ? momentum_buffers_[k].data_ptr() : nullptr;
    detail::for_each_element(params_[k].numel(), [=](int64_t i) {
      const float g = weight_decay != 0 ? grad[i] + weight_decay * p[i] : grad[i];
      square_avg[i] = square_avg[i] * alpha + one_minus_alpha * g * g;
      float avg;
      if (centered) {
        // The variance estimate v - m^2 instead of the raw second moment.
        grad_avg[i] = grad_avg[i] * alpha + one_minus_alpha * g;
        avg = std::sqrt(square_avg[i] - grad_avg[i] * grad_avg[i]) + eps;
      } else {
        avg = std::sqrt(square_avg[i]) + eps;
      }
      if (use_momentum) {
        buf[i] = buf[i] * momentum + g / avg;
        p[i] += -lr * buf[i];
      } else {
        p[i] += -lr * (g / avg);
      }
    });
  }
}

// ---- state_dict (PyTorch's names) ----------------------------------------------------------------

void RMSprop::save_options(std::map<std::string, double>& group) const {
  group["alpha"] = options_.alpha();
  group["eps"] = options_.eps();
  group["weight_decay"] = options_.weight_decay();
  group["momentum"] = options_.momentum();
  group["centered"] = options_.centered() ? 1 : 0;
}

void RMSprop::load_options(const std::map<std::string, double>& group) {
  options_.alpha(state_value(group, "alpha", name_))
      .eps(state_value(group, "eps", name_))
      .weight_decay(state_value(group, "weight_decay", name_))
      .momentum(state_value(group, "momentum", name_))
      .centered(state_value(group, "centered", name_) != 0);
}

void RMSprop::save_param_state(size_t k, ParamState& state) const {
  if (!square_avgs_[k].defined()) return;
  state.scalars["step"] = static_cast<double>(steps_[k]);
  state.tensors["square_avg"] = square_avgs_[k];
  if (grad_avgs_[k].defined()) state.tensors["grad_avg"] = grad_avgs_[k];
  if (momentum_buffers_[k].defined()) state.tensors["momentum_buffer"] = momentum_buffers_[k];
}

void RMSprop::load_param_state(size_t k, const ParamState& state) {
  square_avgs_[k] = detail::state_tensor(state, "square_avg");
  grad_avgs_[k] = detail::state_tensor(state, "grad_avg");
  momentum_buffers_[k] = detail::state_tensor(state, "momentum_buffer");
  steps_[k] = 0;
  if (!square_avgs_[k].defined()) return;
  steps_[k] = static_cast<int64_t>(state_value(state.scalars, "step", name_));
  // step() allocates all three together on a parameter's first step, so each must be here.
  check<ValueError>(grad_avgs_[k].defined() || !options_.centered(), name_, ": load_state_dict: state.", k,
                    " has no grad_avg, which centered needs");
  check<ValueError>(momentum_buffers_[k].defined() || options_.momentum() <= 0, name_, ": load_state_dict: state.",
                    k, " has no momentum_buffer, which momentum ", options_.momentum(), " needs");
}

}  // namespace mlplay::optim
