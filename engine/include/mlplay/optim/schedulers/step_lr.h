#pragma once
/// Multiplies the lr by gamma every step_size epochs (torch.optim.lr_scheduler.StepLR 1.13:
/// https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.StepLR.html).
#include <cstdint>

#include "mlplay/optim/schedulers/lr_scheduler.h"

namespace mlplay::optim {

/// lr at epoch t = base_lr * gamma^floor(t / step_size) (applied as PyTorch's chainable form).
class StepLR : public LRScheduler {
 public:
  /// Throws ValueError when step_size < 1.
  StepLR(Optimizer& optimizer, int64_t step_size, double gamma = 0.1);

  const char* name() const override { return "StepLR"; }

 protected:
  void save_options(std::map<std::string, double>& values) const override;
  void load_options(const std::map<std::string, double>& values) override;
  double compute_lr() override;

 private:
  int64_t step_size_;
  double gamma_;
};

}  // namespace mlplay::optim
