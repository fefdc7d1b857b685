#include "mlplay/optim/schedulers/one_cycle_lr.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "mlplay/core/error.h"

namespace mlplay::optim {

OneCycleLR::OneCycleLR(Optimizer& optimizer, double max_lr, int64_t total_steps, double pct_start,
                       AnnealStrategy anneal_strategy, double div_factor, double final_div_factor)
    : LRScheduler(optimizer),
      max_lr_(max_lr),
      total_steps_(total_steps),
      warmup_end_step_(pct_start * static_cast<double>(total_steps) - 1),
      anneal_strategy_(anneal_strategy) {
  check<ValueError>(total_steps >= 1, "OneCycleLR: invalid total_steps: ", total_steps, "; expected >= 1");
  check<ValueError>(pct_start >= 0 && pct_start <= 1, "OneCycleLR: invalid pct_start: ", pct_start,
                    "; expected a number from 0 to 1");
  check<ValueError>(max_lr >= 0, "OneCycleLR: invalid max_lr: ", max_lr);
  check<ValueError>(div_factor > 0, "OneCycleLR: invalid div_factor: ", div_factor);
  check<ValueError>(final_div_factor > 0, "OneCycleLR: invalid final_div_factor: ", final_div_factor);
  initial_lr_ = max_lr / div_factor;
  min_lr_ = initial_lr_ / final_div_factor;
  base_lr_ = initial_lr_;  // the schedule ignores the optimizer's own lr
  step();
}

double OneCycleLR::anneal(double start, double end, double pct) const {
  if (anneal_strategy_ == AnnealStrategy::Linear) return (end - start) * pct + start;
  return end + (start - end) / 2.0 * (std::cos(std::numbers::pi * pct) + 1);  // half a cosine from start to end
}

double OneCycleLR::compute_lr() {
  check<ValueError>(last_epoch_ <= total_steps_, "OneCycleLR: tried to step ", last_epoch_ + 1,
                    " times; total_steps is ", total_steps_);
  const auto step = static_cast<double>(last_epoch_);
  // Phase 1: initial_lr -> max_lr over [0, warmup_end]; phase 2: max_lr -> min_lr over
  // [warmup_end, total_steps - 1] (and extrapolated one step past it, as PyTorch allows).
  if (step <= warmup_end_step_) {
    const double pct = warmup_end_step_ > 0 ? step / warmup_end_step_ : 1.0;
    return anneal(initial_lr_, max_lr_, pct);
  }
  const double end = static_cast<double>(total_steps_ - 1);
  const double pct = end > warmup_end_step_ ? (step - warmup_end_step_) / (end - warmup_end_step_) : 1.0;
  // NOTE: at step total_steps (pct > 1) a linear anneal extrapolates below zero; PyTorch would set that
  // negative lr, mlplay stops at 0.
  return std::max(0.0, anneal(max_lr_, min_lr_, pct));
}

void OneCycleLR::save_options(std::map<std::string, double>& values) const {
  values["max_lr"] = static_cast<double>(max_lr_);
  values["initial_lr"] = static_cast<double>(initial_lr_);
  values["min_lr"] = static_cast<double>(min_lr_);
  values["total_steps"] = static_cast<double>(total_steps_);
  values["warmup_end_step"] = static_cast<double>(warmup_end_step_);
  values["anneal_linear"] = anneal_strategy_ == AnnealStrategy::Linear ? 1 : 0;
}

void OneCycleLR::load_options(const std::map<std::string, double>& values) {
  max_lr_ = state_value(values, "max_lr", name());
  initial_lr_ = state_value(values, "initial_lr", name());
  min_lr_ = state_value(values, "min_lr", name());
  total_steps_ = static_cast<int64_t>(state_value(values, "total_steps", name()));
  warmup_end_step_ = state_value(values, "warmup_end_step", name());
  anneal_strategy_ = state_value(values, "anneal_linear", name()) != 0 ? AnnealStrategy::Linear : AnnealStrategy::Cos;
}

}  // namespace mlplay::optim
