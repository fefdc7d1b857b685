#pragma once
/// The base of the epoch-driven learning-rate schedulers (torch.optim.lr_scheduler._LRScheduler 1.13:
/// https://pytorch.org/docs/1.13/optim.html#how-to-adjust-learning-rate).
#include <cstdint>

#include "mlplay/optim/optimizer.h"
#include "mlplay/optim/state.h"

namespace mlplay::optim {

/// Owns a counter last_epoch (-1 before the first step) and writes compute_lr() into the optimizer on
/// every step(). As in PyTorch, a scheduler's constructor already takes one step (to epoch 0), so call
/// step() once per epoch *after* optimizer.step(). The optimizer must outlive the scheduler.
class LRScheduler {
 public:
  explicit LRScheduler(Optimizer& optimizer);
  virtual ~LRScheduler() = default;
  LRScheduler(const LRScheduler&) = delete;
  LRScheduler& operator=(const LRScheduler&) = delete;

  /// last_epoch += 1, then sets the optimizer's lr to compute_lr().
  void step();
  /// The lr the last step() set (PyTorch returns one per parameter group; mlplay has one group).
  double get_last_lr() const { return last_lr_; }
  int64_t last_epoch() const { return last_epoch_; }
  /// The optimizer's lr when the scheduler was made (PyTorch's base_lrs / initial_lr).
  double base_lr() const { return base_lr_; }
  /// The class name ("StepLR"), the kind a state_dict() records.
  virtual const char* name() const { return "LRScheduler"; }
  /// scheduler.state_dict() in PyTorch's names: last_epoch, base_lrs.0, _last_lr.0 and the settings.
  /// NOTE: the optimizer's lr is in the optimizer's state_dict(); restore both to resume.
  SchedulerState state_dict() const;
  /// Restores a state_dict() of the same kind (its settings too, as PyTorch does); throws ValueError
  /// naming the kinds when they differ.
  void load_state_dict(const SchedulerState& state);

 protected:
  /// The lr for epoch last_epoch_ (PyTorch's get_lr), from base_lr_ and the optimizer's current lr.
  virtual double compute_lr() = 0;
  /// The subclass's settings under PyTorch's names (step_size, gamma, T_max, ...).
  virtual void save_options(std::map<std::string, double>& values) const { (void)values; }
  virtual void load_options(const std::map<std::string, double>& values) { (void)values; }

  Optimizer& optimizer_;
  double base_lr_;
  int64_t last_epoch_ = -1;
  double last_lr_;
};

}  // namespace mlplay::optim
