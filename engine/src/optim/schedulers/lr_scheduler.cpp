#include "mlplay/optim/schedulers/lr_scheduler.h"

namespace mlplay::optim {

LRScheduler::LRScheduler(Optimizer& optimizer)
    : optimizer_(optimizer), base_lr_(optimizer.lr()), last_lr_(optimizer.lr()) {}

void LRScheduler::step() {
  ++last_epoch_;
  optimizer_.set_lr(compute_lr());
  last_lr_ = optimizer_.lr();
}

}  // namespace mlplay::optim
