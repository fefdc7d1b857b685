#pragma once
/// Linear warmup: the lr ramps from start_factor * base_lr to base_lr over warmup_steps epochs, then
/// stays (torch.optim.lr_scheduler.LinearLR 1.13 with end_factor = 1:
/// https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.LinearLR.html).
#include <cstdint>

#include "mlplay/optim/schedulers/lr_scheduler.h"

namespace mlplay::optim {

/// lr at epoch t = base_lr (start_factor + (1 - start_factor) min(t, warmup_steps) / warmup_steps),
/// applied as LinearLR's chainable ratio, so it can follow another scheduler's changes.
class LinearWarmup : public LRScheduler {
 public:
  /// PyTorch's LinearLR defaults: start_factor 1/3 over 5 steps. Throws ValueError unless
  /// 0 < start_factor <= 1 and warmup_steps >= 1.
  LinearWarmup(Optimizer& optimizer, int64_t warmup_steps = 5, double start_factor = 1.0 / 3.0);

  const char* name() const override { return "LinearWarmup"; }

 protected:
  void save_options(std::map<std::string, double>& values) const override;
  void load_options(const std::map<std::string, double>& values) override;
  double compute_lr() override;

 private:
  int64_t warmup_steps_;
  double start_factor_;
};

}  // namespace mlplay::optim
