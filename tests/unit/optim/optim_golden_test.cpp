// Optimizer and scheduler trajectories against PyTorch 1.13: 20 steps on a small fixed problem, with
// gradients from the engine's own autograd, compared with generated/optim_golden.h (written by
// tests/golden/gen_optim.py, which states the problem and every case's hyperparameters).
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "generated/optim_golden.h"
#include "mlplay/ops/ops.h"
#include "mlplay/optim/optim.h"

using namespace mlplay;
using namespace mlplay::optim;
namespace gold = mlplay::golden::optim;

namespace {

/// "lr=0.1 momentum=0.9" -> {lr: "0.1", momentum: "0.9"}.
std::map<std::string, std::string> parse(const char* spec) {
  std::map<std::string, std::string> out;
  std::istringstream in(spec);
  for (std::string item; in >> item;) {
    const size_t eq = item.find('=');
    out[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return out;
}

double get(const std::map<std::string, std::string>& o, const std::string& key, double fallback) {
  const auto it = o.find(key);
  return it == o.end() ? fallback : std::stod(it->second);
}

std::unique_ptr<Optimizer> make_optimizer(const std::string& kind, const char* spec, std::vector<Tensor> params) {
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
std::unique_ptr<LRScheduler> make_scheduler(const std::string& kind, const char* spec, Optimizer& optimizer) {
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

std::unique_ptr<ReduceLROnPlateau> make_plateau(const char* spec, Optimizer& optimizer) {
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
Tensor golden_loss(const Tensor& w, const Tensor& b, const Tensor& x, const Tensor& y) {
  const Tensor residual = matmul(x, w.t()) + b - y;  // x (5, 4) @ W^T (4, 3) + b (3,) -> (5, 3)
  return residual.pow(2).mean() + 0.1 * tanh(w).pow(2).sum() + 0.01 * (b * b * b * b).sum();
}

/// Empty when |got - want| <= atol + rtol |want| for every element, else the first mismatch.
std::string mismatch(const char* what, int step, const std::vector<float>& got, const float* want, double rtol,
                     double atol) {
  for (size_t i = 0; i < got.size(); ++i) {
    if (std::fabs(double(got[i]) - want[i]) > atol + rtol * std::fabs(want[i])) {
      std::ostringstream out;
      out.precision(9);
      out << what << " differ after step " << step + 1 << " at element " << i << ": engine " << got[i]
          << ", PyTorch " << want[i];
      return out.str();
    }
  }
  return "";
}

}  // namespace

TEST_CASE("optim golden: 20-step trajectories match PyTorch for every optimizer and scheduler", "[optim]") {
  const Tensor x = from_blob(gold::kX, {5, 4});
  const Tensor y = from_blob(gold::kY, {5, 3});
  for (const gold::Case& c : gold::kCases) {
    INFO("case " << c.name << ": " << c.optimizer << "(" << c.options << ") " << c.scheduler << "("
                 << c.scheduler_options << ")");
    Tensor w = from_blob(gold::kW0, {3, 4}).requires_grad_();
    Tensor b = from_blob(gold::kB0, {3}).requires_grad_();
    Tensor u = from_blob(gold::kU0, {2}).requires_grad_();  // never in the loss: no grad, never moved
    const std::vector<Tensor> params = {w, b, u};
    auto optimizer = make_optimizer(c.optimizer, c.options, params);
    const std::string scheduler_kind = c.scheduler;
    auto scheduler = make_scheduler(scheduler_kind, c.scheduler_options, *optimizer);
    auto plateau = scheduler_kind == "ReduceLROnPlateau" ? make_plateau(c.scheduler_options, *optimizer) : nullptr;
    const auto options = parse(c.options);

    std::string failure;
    for (int step = 0; step < gold::kSteps && failure.empty(); ++step) {
      optimizer->zero_grad();
      const Tensor loss = golden_loss(w, b, x, y);
      loss.backward();
      if (options.count("clip_norm")) nn::utils::clip_grad_norm_(params, get(options, "clip_norm", 0));
      if (options.count("clip_value")) nn::utils::clip_grad_value_(params, get(options, "clip_value", 0));
      optimizer->step();
      if (scheduler) scheduler->step();
      if (plateau) plateau->step(gold::kPlateauMetrics[step]);

      failure = mismatch("losses", step, {loss.item()}, c.losses + step, 1e-5, 1e-6);
      if (failure.empty()) {
        std::vector<float> now = w.to_vector();
        for (float v : b.to_vector()) now.push_back(v);
        failure = mismatch("parameters", step, now, c.params + step * gold::kParamsPerStep, 1e-5, 1e-6);
      }
      const double lr_want = c.lrs[step];
      if (failure.empty() && std::fabs(optimizer->lr() - lr_want) > 1e-12 + 1e-9 * std::fabs(lr_want)) {
        failure = "lr differs after step " + std::to_string(step + 1) + ": engine " + std::to_string(optimizer->lr()) +
                  ", PyTorch " + std::to_string(lr_want);
      }
      if (failure.empty() && scheduler) {
        CHECK(scheduler->get_last_lr() == optimizer->lr());
      }
    }
    CHECK(failure == "");
    CHECK(u.to_vector() == std::vector<float>{gold::kU0[0], gold::kU0[1]});
  }
}
