#include "mlplay/optim/schedulers/step_lr.h"

#include "mlplay/core/error.h"

namespace mlplay::optim {

StepLR::StepLR(Optimizer& optimizer, int64_t step_size, double gamma)
    : LRScheduler(optimizer), step_size_(step_size), gamma_(gamma) {
  check<ValueError>(step_size >= 1, "StepLR: invalid step_size: ", step_size, "; expected >= 1");
  step();  // to epoch 0, as PyTorch's constructor does
}

double StepLR::compute_lr() {
  // Chainable: multiply the current lr at each boundary instead of recomputing from base_lr.
  if (last_epoch_ == 0 || last_epoch_ % step_size_ != 0) return optimizer_.lr();
  return optimizer_.lr() * gamma_;
}

void StepLR::save_options(std::map<std::string, double>& values) const {
  values["step_size"] = static_cast<double>(step_size_);
  values["gamma"] = static_cast<double>(gamma_);
}

void StepLR::load_options(const std::map<std::string, double>& values) {
  step_size_ = static_cast<int64_t>(state_value(values, "step_size", name()));
  gamma_ = state_value(values, "gamma", name());
}

}  // namespace mlplay::optim
