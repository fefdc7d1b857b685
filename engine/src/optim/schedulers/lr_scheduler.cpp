#include "mlplay/optim/schedulers/lr_scheduler.h"

#include "mlplay/core/error.h"

namespace mlplay::optim {

LRScheduler::LRScheduler(Optimizer& optimizer)
    : optimizer_(optimizer), base_lr_(optimizer.lr()), last_lr_(optimizer.lr()) {}

void LRScheduler::step() {
  ++last_epoch_;
  optimizer_.set_lr(compute_lr());
  last_lr_ = optimizer_.lr();
}

SchedulerState LRScheduler::state_dict() const {
  SchedulerState out{name(), {{"last_epoch", double(last_epoch_)}, {"base_lrs.0", base_lr_}, {"_last_lr.0", last_lr_}}};
  save_options(out.values);
  return out;
}

void LRScheduler::load_state_dict(const SchedulerState& state) {
  check<ValueError>(state.kind == name(), name(), ": load_state_dict: the state was saved by ", state.kind, ", not ", name());
  last_epoch_ = static_cast<int64_t>(state_value(state.values, "last_epoch", name()));
  base_lr_ = state_value(state.values, "base_lrs.0", name());
  last_lr_ = state_value(state.values, "_last_lr.0", name());
  load_options(state.values);
}

}  // namespace mlplay::optim
