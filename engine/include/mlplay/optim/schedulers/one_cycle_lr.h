#pragma once
/// The 1cycle policy (Smith & Topin 2017, "Super-Convergence", https://arxiv.org/abs/1708.07120), as
/// torch.optim.lr_scheduler.OneCycleLR 1.13 with three_phase = false:
/// https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.OneCycleLR.html
/// NOTE: lr only. PyTorch also cycles momentum (or Adam's beta1) inversely to the lr by default
/// (cycle_momentum = True); mlplay does not, so compare with cycle_momentum=False.
#include <cstdint>

#include "mlplay/optim/schedulers/lr_scheduler.h"

namespace mlplay::optim {

/// How OneCycleLR moves between two learning rates: half a cosine, or a straight line.
enum class AnnealStrategy { Cos, Linear };

/// Warms up from max_lr / div_factor to max_lr over the first pct_start * total_steps - 1 steps, then
/// anneals to max_lr / (div_factor * final_div_factor) at step total_steps - 1. It overrides the
/// optimizer's lr when constructed; call step() once per batch, at most total_steps times.
class OneCycleLR : public LRScheduler {
 public:
  /// Throws ValueError unless total_steps >= 1, 0 <= pct_start <= 1, max_lr >= 0, div_factor > 0 and
  /// final_div_factor > 0.
  OneCycleLR(Optimizer& optimizer, double max_lr, int64_t total_steps, double pct_start = 0.3,
             AnnealStrategy anneal_strategy = AnnealStrategy::Cos, double div_factor = 25.0,
             double final_div_factor = 1e4);
  const char* name() const override { return "OneCycleLR"; }

 protected:
  void save_options(std::map<std::string, double>& values) const override;
  void load_options(const std::map<std::string, double>& values) override;
  /// Throws ValueError "OneCycleLR: tried to step 101 times; total_steps is 100" past the end.
  double compute_lr() override;

 private:
  double anneal(double start, double end, double pct) const;

  double max_lr_, initial_lr_, min_lr_;
  int64_t total_steps_;
  double warmup_end_step_;  // pct_start * total_steps - 1 (a float, as in PyTorch)
  AnnealStrategy anneal_strategy_;
};

}  // namespace mlplay::optim
