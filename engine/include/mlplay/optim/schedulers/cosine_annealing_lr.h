#pragma once
/// Cosine annealing without restarts (Loshchilov & Hutter 2017, SGDR, https://arxiv.org/abs/1608.03983),
/// as torch.optim.lr_scheduler.CosineAnnealingLR 1.13:
/// https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html
#include <cstdint>

#include "mlplay/optim/schedulers/lr_scheduler.h"

namespace mlplay::optim {

/// lr at epoch t = eta_min + (base_lr - eta_min) (1 + cos(pi t / T_max)) / 2, applied recursively as
/// PyTorch does; past T_max the cosine goes on, so the lr rises again towards base_lr by 2 T_max.
class CosineAnnealingLR : public LRScheduler {
 public:
  /// Throws ValueError when T_max < 1.
  CosineAnnealingLR(Optimizer& optimizer, int64_t T_max, double eta_min = 0.0);

  const char* name() const override { return "CosineAnnealingLR"; }

 protected:
  void save_options(std::map<std::string, double>& values) const override;
  void load_options(const std::map<std::string, double>& values) override;
  double compute_lr() override;

 private:
  int64_t T_max_;
  double eta_min_;
};

}  // namespace mlplay::optim
