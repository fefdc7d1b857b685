#include "mlplay/optim/sgd.h"

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "mlplay/tensor/factory.h"
#include "update_loop.h"

namespace mlplay::optim {

SGD::SGD(std::vector<Tensor> params, SGDOptions options)
    : Optimizer("SGD", std::move(params), options.lr()), options_(options), momentum_buffers_(params_.size()) {
  detail::check_hyper(options.momentum() >= 0, "SGD", "momentum value", options.momentum());
  detail::check_hyper(options.weight_decay() >= 0, "SGD", "weight_decay value", options.weight_decay());
  check<ValueError>(!options.nesterov() || (options.momentum() > 0 && options.dampening() == 0),
                    "SGD: nesterov momentum requires a momentum and zero dampening (got momentum ",
                    options.momentum(), ", dampening ", options.dampening(), ")");
}

void SGD::step() {
  NoGradGuard no_grad;
  // Scalars are cast to float once, as ATen does for a float tensor op with a Python number.
  const auto lr = static_cast<float>(lr_);
  const auto momentum = static_cast<float>(options_.momentum());
  const auto damped = static_cast<float>(1.0 - options_.dampening());
  const auto weight_decay = static_cast<float>(options_.weight_decay());
  const bool use_momentum = options_.momentum() != 0, nesterov = options_.nesterov();
  for (size_t k = 0; k < params_.size(); ++k) {
    const float* grad = detail::contiguous_grad(name_, params_[k]);
    if (grad == nullptr) continue;  // not used by the loss: skipped, as in PyTorch
    float* p = params_[k].data_ptr();
    // NOTE: the first step copies d_p into the buffer undamped (PyTorch's torch.clone(d_p)).
    const bool first = use_momentum && !momentum_buffers_[k].defined();
    if (first) momentum_buffers_[k] = zeros(params_[k].shape());
    float* buf = use_momentum ? momentum_buffers_[k].data_ptr() : nullptr;
    detail::for_each_element(params_[k].numel(), [=](int64_t i) {
      float d_p = weight_decay != 0 ? grad[i] + weight_decay * p[i] : grad[i];
      if (use_momentum) {
        buf[i] = first ? d_p : buf[i] * momentum + damped * d_p;
        d_p = nesterov ? d_p + momentum * buf[i] : buf[i];
      }
      p[i] += -lr * d_p;
    });
  }
}

// ---- state_dict (PyTorch's names) ----------------------------------------------------------------

void SGD::save_options(std::map<std::string, double>& group) const {
  group["momentum"] = options_.momentum();
  group["dampening"] = options_.dampening();
  group["weight_decay"] = options_.weight_decay();
  group["nesterov"] = options_.nesterov() ? 1 : 0;
}

void SGD::load_options(const std::map<std::string, double>& group) {
  options_.momentum(state_value(group, "momentum", name_))
      .dampening(state_value(group, "dampening", name_))
      .weight_decay(state_value(group, "weight_decay", name_))
      .nesterov(state_value(group, "nesterov", name_) != 0);
}

void SGD::save_param_state(size_t k, ParamState& state) const {
  if (momentum_buffers_[k].defined()) state.tensors["momentum_buffer"] = momentum_buffers_[k];
}

void SGD::load_param_state(size_t k, const ParamState& state) {
  momentum_buffers_[k] = detail::state_tensor(state, "momentum_buffer");
}

}  // namespace mlplay::optim
