#include "mlplay/optim/schedulers/cosine_annealing_lr.h"

#include <cmath>
#include <numbers>

#include "mlplay/core/error.h"

namespace mlplay::optim {

CosineAnnealingLR::CosineAnnealingLR(Optimizer& optimizer, int64_t T_max, double eta_min)
    : LRScheduler(optimizer), T_max_(T_max), eta_min_(eta_min) {
  check<ValueError>(T_max >= 1, "CosineAnnealingLR: invalid T_max: ", T_max, "; expected >= 1");
  step();
}

double CosineAnnealingLR::compute_lr() {
  constexpr double pi = std::numbers::pi;
  const double lr = optimizer_.lr();
  const auto t = static_cast<double>(last_epoch_), T = static_cast<double>(T_max_);
  if (last_epoch_ == 0) return lr;
  // One epoch past each minimum the ratio below would divide by 1 + cos(pi) = 0: step up directly.
  if ((last_epoch_ - 1 - T_max_) % (2 * T_max_) == 0) {
    return lr + (base_lr_ - eta_min_) * (1 - std::cos(pi / T)) / 2;
  }
  // (1 + cos(pi t / T)) / (1 + cos(pi (t - 1) / T)) scales the distance to eta_min from epoch t - 1 to t.
  return (1 + std::cos(pi * t / T)) / (1 + std::cos(pi * (t - 1) / T)) * (lr - eta_min_) + eta_min_;
}

void CosineAnnealingLR::save_options(std::map<std::string, double>& values) const {
  values["T_max"] = static_cast<double>(T_max_);
  values["eta_min"] = static_cast<double>(eta_min_);
}

void CosineAnnealingLR::load_options(const std::map<std::string, double>& values) {
  T_max_ = static_cast<int64_t>(state_value(values, "T_max", name()));
  eta_min_ = state_value(values, "eta_min", name());
}

}  // namespace mlplay::optim
