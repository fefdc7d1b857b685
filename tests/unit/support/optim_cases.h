#pragma once
// The optimizers and schedulers of the optim golden cases (generated/optim_golden.h), built from their
// "key=value ..." option strings, and the golden problem's loss (tests/golden/gen_optim.py states it).
// Shared by optim_golden_test.cpp and optimizer_state_test.cpp.
#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "mlplay/ops/ops.h"
#include "mlplay/optim/optim.h"

namespace mlplay::testing {

using namespace mlplay::optim;


/// "lr=0.1 momentum=0.9" -> {lr: "0.1", momentum: "0.9"}.
inline std::map<std::string, std::string> parse(const char* spec) {
  std::map<std::string, std::string> out;
  std::istringstream in(spec);
  for (std::string item; in >> item;) {
    const size_t eq = item.find('=');
    out[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return out;
}

inline double get(const std::map<std::string, std::string>& o, const std::string& key, double fallback) {
  const auto it = o.find(key);
  return it == o.end() ? fallback : std::stod(it->second);
}

inline std::unique_ptr<Optimizer> make_optimizer(const std::string& kind, const char* spec, std::vector<Tensor> params) {
  const auto o = parse(spec);
  const double lr = get(o, "lr", 0);
  if (kind == "SGD") {
    return std::make_unique<SGD>(params, SGDOptions(lr)
                                             .momentum(get(o, "momentum", 0))
                                             .dampening(get(o, "dampening", 0))
                                             .weight_decay(get(o, "weight_decay", 0))
                                             .nesterov(get(o, "nesterov", 0) != 0));
  }
  if (kind == "Adagrad") {
    return std::make_unique<Adagrad>(params, AdagradOptions(lr)
                                                 .lr_decay(get(o, "lr_decay", 0))
                                                 .weight_decay(get(o, "weight_decay", 0))
                                                 .initial_accumulator_value(get(o, "initial_accumulator_value", 0))
                                                 .eps(get(o, "eps", 1e-10)));
  }
  if (kind == "RMSprop") {
    return std::make_unique<RMSprop>(params, RMSpropOptions(lr)
                                                 .alpha(get(o, "alpha", 0.99))
                                                 .eps(get(o, "eps", 1e-8))
                                                 .weight_decay(get(o, "weight_decay", 0))
                                                 .momentum(get(o, "momentum", 0))
                                                 .centered(get(o, "centered", 0) != 0));
  }
  if (kind == "Adam") {
    return std::make_unique<Adam>(params, AdamOptions(lr)
                                              .betas({get(o, "beta1", 0.9), get(o, "beta2", 0.999)})
                                              .eps(get(o, "eps", 1e-8))
                                              .weight_decay(get(o, "weight_decay", 0))
                                              .amsgrad(get(o, "amsgrad", 0) != 0));
  }
  if (kind == "AdamW") {
    return std::make_unique<AdamW>(params, AdamWOptions(lr)
                                               .betas({get(o, "beta1", 0.9), get(o, "beta2", 0.999)})
                                               .eps(get(o, "eps", 1e-8))
                                               .weight_decay(get(o, "weight_decay", 1e-2))
                                               .amsgrad(get(o, "amsgrad", 0) != 0));
  }
  REQUIRE(kind == "Lion");
  return std::make_unique<Lion>(params, LionOptions(lr)
                                            .betas({get(o, "beta1", 0.9), get(o, "beta2", 0.99)})
                                            .weight_decay(get(o, "weight_decay", 0)));
}

/// The epoch-driven schedulers (ReduceLROnPlateau is built separately: it steps on a metric).
inline std::unique_ptr<LRScheduler> make_scheduler(const std::string& kind, const char* spec, Optimizer& optimizer) {
  const auto o = parse(spec);
  if (kind == "StepLR") return std::make_unique<StepLR>(optimizer, get(o, "step_size", 0), get(o, "gamma", 0.1));
  if (kind == "CosineAnnealingLR") {
    return std::make_unique<CosineAnnealingLR>(optimizer, get(o, "T_max", 0), get(o, "eta_min", 0));
  }
  if (kind == "LinearWarmup") {
    return std::make_unique<LinearWarmup>(optimizer, get(o, "warmup_steps", 5), get(o, "start_factor", 1.0 / 3.0));
  }
  if (kind == "OneCycleLR") {
    const bool linear = o.count("anneal") && o.at("anneal") == "linear";
    return std::make_unique<OneCycleLR>(optimizer, get(o, "max_lr", 0), get(o, "total_steps", 0),
                                        get(o, "pct_start", 0.3), linear ? AnnealStrategy::Linear : AnnealStrategy::Cos,
                                        get(o, "div_factor", 25), get(o, "final_div_factor", 1e4));
  }
  return nullptr;
}

inline std::unique_ptr<ReduceLROnPlateau> make_plateau(const char* spec, Optimizer& optimizer) {
  const auto o = parse(spec);
  using P = ReduceLROnPlateau;
  const bool max = o.count("mode") && o.at("mode") == "max";
  const bool abs = o.count("threshold_mode") && o.at("threshold_mode") == "abs";
  return std::make_unique<P>(optimizer, max ? P::Mode::Max : P::Mode::Min, get(o, "factor", 0.1),
                             get(o, "patience", 10), get(o, "threshold", 1e-4),
                             abs ? P::ThresholdMode::Abs : P::ThresholdMode::Rel, get(o, "cooldown", 0),
                             get(o, "min_lr", 0));
}

/// The generator's loss: mean((x W^T + b - y)^2) + 0.1 sum(tanh(W)^2) + 0.01 sum(b^4).
inline Tensor golden_loss(const Tensor& w, const Tensor& b, const Tensor& x, const Tensor& y) {
  const Tensor residual = matmul(x, w.t()) + b - y;  // x (5, 4) @ W^T (4, 3) + b (3,) -> (5, 3)
  return residual.pow(2).mean() + 0.1 * tanh(w).pow(2).sum() + 0.01 * (b * b * b * b).sum();
}

}  // namespace mlplay::testing
