#pragma once
/// Cuts the lr by `factor` when a metric stops improving for `patience` epochs
/// (torch.optim.lr_scheduler.ReduceLROnPlateau 1.13:
/// https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.ReduceLROnPlateau.html).
#include <cstdint>

#include "mlplay/optim/optimizer.h"
#include "mlplay/optim/state.h"

namespace mlplay::optim {

/// Driven by a metric rather than the epoch count, so (as in PyTorch 1.13) it is not an LRScheduler.
/// The optimizer must outlive it.
class ReduceLROnPlateau {
 public:
  /// Min: lower metrics are better (a loss); Max: higher are better (an accuracy).
  enum class Mode { Min, Max };
  /// Rel: better means beyond best * (1 -/+ threshold); Abs: beyond best -/+ threshold.
  enum class ThresholdMode { Rel, Abs };

  /// Throws ValueError when factor >= 1 or factor, threshold, min_lr, eps or patience/cooldown < 0.
  ReduceLROnPlateau(Optimizer& optimizer, Mode mode = Mode::Min, double factor = 0.1, int64_t patience = 10,
                    double threshold = 1e-4, ThresholdMode threshold_mode = ThresholdMode::Rel, int64_t cooldown = 0,
                    double min_lr = 0.0, double eps = 1e-8);

  /// Records one epoch's metric. After more than `patience` epochs in a row without improvement,
  /// lr = max(lr * factor, min_lr) (skipped when the change is below eps), then `cooldown` epochs
  /// pass before bad epochs count again.
  void step(double metric);
  double get_last_lr() const { return last_lr_; }
  /// The best metric so far (+inf / -inf before the first step).
  double best() const { return best_; }
  int64_t num_bad_epochs() const { return num_bad_epochs_; }
  /// scheduler.state_dict() in PyTorch's names: best, num_bad_epochs, cooldown_counter, last_epoch,
  /// _last_lr.0 and the settings (mode 0 min / 1 max, threshold_mode 0 rel / 1 abs, min_lrs.0, ...).
  SchedulerState state_dict() const;
  /// Restores a state_dict() (settings too); throws ValueError when it is not a ReduceLROnPlateau's.
  void load_state_dict(const SchedulerState& state);

 private:
  bool is_better(double metric) const;

  Optimizer& optimizer_;
  Mode mode_;
  double factor_;
  int64_t patience_;
  double threshold_;
  ThresholdMode threshold_mode_;
  int64_t cooldown_;
  double min_lr_, eps_;
  double best_;
  int64_t num_bad_epochs_ = 0, cooldown_counter_ = 0, last_epoch_ = 0;
  double last_lr_;
};

}  // namespace mlplay::optim
