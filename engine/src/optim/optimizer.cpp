#include "mlplay/optim/optimizer.h"

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "update_loop.h"

namespace mlplay::optim {

Optimizer::Optimizer(const char* name, std::vector<Tensor> params, double lr)
    : name_(name), params_(std::move(params)), lr_(lr) {
  check<ValueError>(!params_.empty(), name_, ": optimizer got an empty parameter list");
  for (size_t i = 0; i < params_.size(); ++i) {
    const Tensor& p = params_[i];
    check<ValueError>(p.defined(), name_, ": parameter ", i, " is undefined");
    check<ValueError>(p.is_leaf(), name_, ": can't optimize a non-leaf tensor (parameter ", i, ")");
    check<ValueError>(p.is_contiguous(), name_, ": parameter ", i, " of shape ", shape_str(p.shape()),
                      " is not contiguous");
  }
  detail::check_hyper(lr >= 0, name_, "learning rate", lr);
}

void Optimizer::zero_grad(bool set_to_none) {
  NoGradGuard no_grad;
  for (Tensor& p : params_) {
    Tensor& grad = p.mutable_grad();
    if (!grad.defined()) continue;
    if (set_to_none) {
      grad = Tensor();
    } else {
      grad.zero_();
    }
  }
}

void Optimizer::set_lr(double lr) {
  detail::check_hyper(lr >= 0, name_, "learning rate", lr);
  lr_ = lr;
}

namespace detail {
void check_hyper(bool ok, const char* optimizer, const char* what, double value) {
  check<ValueError>(ok, optimizer, ": invalid ", what, ": ", value);
}

float* contiguous_grad(const char* optimizer, Tensor param) {
  Tensor& grad = param.mutable_grad();
  if (!grad.defined()) return nullptr;
  check<ShapeError>(grad.shape() == param.shape(), optimizer, ": gradient of shape ", shape_str(grad.shape()),
                    " for a parameter of shape ", shape_str(param.shape()));
  if (!grad.is_contiguous()) grad = grad.detach().contiguous();
  return grad.data_ptr();
}
}  // namespace detail

}  // namespace mlplay::optim
