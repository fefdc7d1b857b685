#include "mlplay/optim/schedulers/reduce_lr_on_plateau.h"

#include <algorithm>
#include <limits>

#include "mlplay/core/error.h"

namespace mlplay::optim {

ReduceLROnPlateau::ReduceLROnPlateau(Optimizer& optimizer, Mode mode, double factor, int64_t patience,
                                     double threshold, ThresholdMode threshold_mode, int64_t cooldown,
                                     double min_lr, double eps)
    : optimizer_(optimizer),
      mode_(mode),
      factor_(factor),
      patience_(patience),
      threshold_(threshold),
      threshold_mode_(threshold_mode),
      cooldown_(cooldown),
      min_lr_(min_lr),
      eps_(eps),
      best_(mode == Mode::Min ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity()),
      last_lr_(optimizer.lr()) {
  check<ValueError>(factor < 1.0 && factor >= 0, "ReduceLROnPlateau: invalid factor: ", factor,
                    "; expected 0 <= factor < 1");
  check<ValueError>(patience >= 0, "ReduceLROnPlateau: invalid patience: ", patience);
  check<ValueError>(threshold >= 0, "ReduceLROnPlateau: invalid threshold: ", threshold);
  check<ValueError>(cooldown >= 0, "ReduceLROnPlateau: invalid cooldown: ", cooldown);
  check<ValueError>(min_lr >= 0, "ReduceLROnPlateau: invalid min_lr: ", min_lr);
  check<ValueError>(eps >= 0, "ReduceLROnPlateau: invalid eps: ", eps);
}

bool ReduceLROnPlateau::is_better(double metric) const {
  const bool rel = threshold_mode_ == ThresholdMode::Rel;
  if (mode_ == Mode::Min) return metric < (rel ? best_ * (1.0 - threshold_) : best_ - threshold_);
  return metric > (rel ? best_ * (threshold_ + 1.0) : best_ + threshold_);
}

void ReduceLROnPlateau::step(double metric) {
  ++last_epoch_;
  if (is_better(metric)) {
    best_ = metric;
    num_bad_epochs_ = 0;
  } else {
    ++num_bad_epochs_;
  }
  if (cooldown_counter_ > 0) {
    --cooldown_counter_;
    num_bad_epochs_ = 0;  // bad epochs during cooldown do not count
  }
  if (num_bad_epochs_ > patience_) {
    const double old_lr = optimizer_.lr();
    const double new_lr = std::max(old_lr * factor_, min_lr_);
    if (old_lr - new_lr > eps_) optimizer_.set_lr(new_lr);
    cooldown_counter_ = cooldown_;
    num_bad_epochs_ = 0;
  }
  last_lr_ = optimizer_.lr();
}

SchedulerState ReduceLROnPlateau::state_dict() const {
  return {"ReduceLROnPlateau",
          {{"mode", mode_ == Mode::Max ? 1 : 0}, {"factor", factor_}, {"patience", double(patience_)},
           {"threshold", threshold_}, {"threshold_mode", threshold_mode_ == ThresholdMode::Abs ? 1 : 0},
           {"cooldown", double(cooldown_)}, {"min_lrs.0", min_lr_}, {"eps", eps_}, {"best", best_},
           {"num_bad_epochs", double(num_bad_epochs_)}, {"cooldown_counter", double(cooldown_counter_)},
           {"last_epoch", double(last_epoch_)}, {"_last_lr.0", last_lr_}}};
}

void ReduceLROnPlateau::load_state_dict(const SchedulerState& state) {
  const char* who = "ReduceLROnPlateau";
  check<ValueError>(state.kind == who, who, ": load_state_dict: the state was saved by ", state.kind, ", not ", who);
  const auto& v = state.values;
  mode_ = state_value(v, "mode", who) != 0 ? Mode::Max : Mode::Min;
  factor_ = state_value(v, "factor", who);
  patience_ = static_cast<int64_t>(state_value(v, "patience", who));
  threshold_ = state_value(v, "threshold", who);
  threshold_mode_ = state_value(v, "threshold_mode", who) != 0 ? ThresholdMode::Abs : ThresholdMode::Rel;
  cooldown_ = static_cast<int64_t>(state_value(v, "cooldown", who));
  min_lr_ = state_value(v, "min_lrs.0", who);
  eps_ = state_value(v, "eps", who);
  best_ = state_value(v, "best", who);
  num_bad_epochs_ = static_cast<int64_t>(state_value(v, "num_bad_epochs", who));
  cooldown_counter_ = static_cast<int64_t>(state_value(v, "cooldown_counter", who));
  last_epoch_ = static_cast<int64_t>(state_value(v, "last_epoch", who));
  last_lr_ = state_value(v, "_last_lr.0", who);
}

}  // namespace mlplay::optim
