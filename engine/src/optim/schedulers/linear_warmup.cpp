#include "mlplay/optim/schedulers/linear_warmup.h"

#include "mlplay/core/error.h"

namespace mlplay::optim {

LinearWarmup::LinearWarmup(Optimizer& optimizer, int64_t warmup_steps, double start_factor)
    : LRScheduler(optimizer), warmup_steps_(warmup_steps), start_factor_(start_factor) {
  check<ValueError>(start_factor > 0 && start_factor <= 1, "LinearWarmup: invalid start_factor: ", start_factor,
                    "; expected 0 < start_factor <= 1");
  check<ValueError>(warmup_steps >= 1, "LinearWarmup: invalid warmup_steps: ", warmup_steps, "; expected >= 1");
  step();
}

double LinearWarmup::compute_lr() {
  const double lr = optimizer_.lr();
  if (last_epoch_ == 0) return lr * start_factor_;
  if (last_epoch_ > warmup_steps_) return lr;
  // LinearLR's ratio of consecutive factors, with end_factor = 1:
  // f(t) / f(t - 1) = 1 + (1 - s) / (T s + (t - 1)(1 - s)).
  const double rise = 1.0 - start_factor_;
  return lr * (1.0 + rise / (static_cast<double>(warmup_steps_) * start_factor_ +
                             static_cast<double>(last_epoch_ - 1) * rise));
}

void LinearWarmup::save_options(std::map<std::string, double>& values) const {
  values["total_iters"] = static_cast<double>(warmup_steps_);
  values["start_factor"] = static_cast<double>(start_factor_);
}

void LinearWarmup::load_options(const std::map<std::string, double>& values) {
  warmup_steps_ = static_cast<int64_t>(state_value(values, "total_iters", name()));
  start_factor_ = state_value(values, "start_factor", name());
}

}  // namespace mlplay::optim
